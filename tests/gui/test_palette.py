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


def test_double_click_appends_a_connected_node(qtbot, monkeypatch):
    window = MainWindow(remember_layout=False)
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "ask_save_changes", lambda: QMessageBox.StandardButton.Discard)
    window.show()
    qtbot.waitExposed(window)
    tree = window.palette.tree
    item = next(i for i in window.palette.entries() if i.text(0) == "ReLU")
    tree.scrollToItem(item)
    where = tree.visualItemRect(item).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    new = window.model.nodes[-1]
    assert new["type"] == "ReLU"
    assert ["out", new["id"]] in window.model.edges
    assert window.canvas.selected_node_ids() == [new["id"]]
    assert window.inspector.form.node_id == new["id"]
