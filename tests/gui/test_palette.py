"""The layer palette: groups, colours, search, tooltips, drags and double-clicks."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from nnstudio.core.catalog import GROUPS, NODE_TYPES
from nnstudio.gui import mime
from nnstudio.gui.main_window import MainWindow
from nnstudio.gui.palette import LayerPalette, node_mime_data, tooltip_html


@pytest.fixture
def palette(qtbot):
    widget = LayerPalette()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_every_type_is_listed_under_its_group(palette):
    tree = palette.tree
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == list(GROUPS)
    assert sorted(palette.visible_types()) == sorted(NODE_TYPES)
    for item in palette.entries():
        spec = NODE_TYPES[item.text(0)]
        assert item.parent().text(0) == spec.group
        assert not item.icon(0).isNull()


@pytest.mark.parametrize(("text", "expected"), [
    ("DENSE", ["Dense"]),
    ("probabilit", ["Softmax"]),          # found by its summary
    ("pool", ["MaxPool2D", "AvgPool2D"]),
    ("no such layer", []),
])
def test_search_filters_by_name_and_summary(qtbot, palette, text, expected):
    qtbot.keyClicks(palette.search, text)
    assert palette.visible_types() == expected
    headers = [palette.tree.topLevelItem(i) for i in range(palette.tree.topLevelItemCount())]
    assert sum(not h.isHidden() for h in headers) == len({NODE_TYPES[t].group for t in expected})
    palette.search.clear()
    assert len(palette.visible_types()) == len(NODE_TYPES)


def test_drag_carries_the_node_type():
    data = node_mime_data("Conv2D")
    assert data.hasFormat(mime.NODE_TYPE)
    assert bytes(data.data(mime.NODE_TYPE)).decode() == "Conv2D"


def test_tooltip_teaches():
    html = tooltip_html(NODE_TYPES["Dropout"])
    assert "Randomly silences units" in html
    assert "inverted dropout" in html
    assert "rate" in html and "0.5" in html
    dense = tooltip_html(NODE_TYPES["Dense"])
    assert "units" in dense and "required" in dense and "tanh" in dense


def test_enter_requests_the_current_type(qtbot, palette):
    palette.tree.setCurrentItem(palette.entries()[1])
    with qtbot.waitSignal(palette.nodeRequested) as signal:
        qtbot.keyClick(palette.tree, Qt.Key.Key_Return)
    assert signal.args == ["Dense"]
    with qtbot.waitSignal(palette.nodeRequested) as signal:
        qtbot.keyClicks(palette.search, "sigm")
        qtbot.keyClick(palette.search, Qt.Key.Key_Return)
    assert signal.args == ["Sigmoid"]


@pytest.fixture
def window(qtbot, monkeypatch):
    """The default design's window (x → h1 → h2 → out), shown."""
    window = MainWindow(remember_layout=False)
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "ask_save_changes", lambda: QMessageBox.StandardButton.Discard)
    window.show()
    qtbot.waitExposed(window)
    return window


def double_click(qtbot, window, type_name):
    """Double-click `type_name` in the window's palette."""
    tree = window.palette.tree
    item = next(i for i in window.palette.entries() if i.text(0) == type_name)
    tree.scrollToItem(item)
    where = tree.visualItemRect(item).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_double_click_appends_a_connected_node(qtbot, window):
    double_click(qtbot, window, "ReLU")
    new = window.model.nodes[-1]
    assert new["type"] == "ReLU"
    assert ["out", new["id"]] in window.model.edges
    assert window.canvas.selected_node_ids() == [new["id"]]
    assert window.inspector.form.node_id == new["id"]


def network_state(model):
    return [dict(n) for n in model.nodes], [list(e) for e in model.edges]


@pytest.mark.parametrize("type_name", ["Dropout", "BatchNorm", "Tanh", "Dense"])
def test_double_click_with_a_layer_selected_inserts_after_it(qtbot, window, type_name):
    model = window.model
    assert [e for e in model.edges if e[0] == "h1"] == [["h1", "h2"]]
    before = network_state(model)
    window.canvas.select_nodes(["h1"])
    double_click(qtbot, window, type_name)
    new = model.nodes[-1]["id"]
    assert model.nodes[-1]["type"] == type_name
    assert ["h1", new] in model.edges and [new, "h2"] in model.edges
    assert ["h1", "h2"] not in model.edges
    assert model.analysis.ok and model.analysis.output_id == "out"  # one output, not a fork
    assert window.canvas.selected_node_ids() == [new]
    h1, inserted, h2 = (model.node(n)["pos"][0] for n in ("h1", new, "h2"))
    assert h1 < inserted < h2  # the cards after it made room
    window.undo_stack.undo()  # one step restores exactly
    assert network_state(model) == before


def test_a_layer_that_would_not_fit_in_between_starts_a_branch(qtbot, window):
    window.canvas.select_nodes(["h1"])
    double_click(qtbot, window, "Conv2D")  # a flat (features,) input cannot feed it
    new = window.model.nodes[-1]["id"]
    assert ["h1", new] in window.model.edges and ["h1", "h2"] in window.model.edges
