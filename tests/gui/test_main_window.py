"""The main window: docks, menus, shortcuts, undo/redo, clipboard and the build-a-network count."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMessageBox

from nnstudio.design import Design
from nnstudio.gui import mime
from nnstudio.gui.canvas import CanvasView
from nnstudio.gui.examples import list_examples
from nnstudio.gui.main_window import MainWindow, button_text, fragment_from_mime, fragment_mime
from nnstudio.gui.panels.base import panel_types

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, monkeypatch):
    w = MainWindow()
    qtbot.addWidget(w)
    monkeypatch.setattr(w, "ask_save_changes", lambda: QMessageBox.StandardButton.Discard)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    return w


def menu(window, title):
    return next(a.menu() for a in window.menuBar().actions()
                if a.text().replace("&", "") == title)


def test_builds_with_the_default_design_and_every_dock(window):
    assert isinstance(window.centralWidget(), CanvasView)
    assert window.model.design == Design.default()
    docks = {d.objectName(): d for d in window.findChildren(QDockWidget)}
    panels = {f"{kind.__name__}Dock" for kind in panel_types()}  # every dashboard panel
    assert set(docks) == {"paletteDock", "dataDock", "inspectorDock", "summaryDock",
                          "trainingDock", "lessonDock", "stepThroughDock"} | panels
    # tabbed docks are not all visible at once, and only panels that have nothing to show for
    # the data are closed: the fitted curve, for the spiral
    closed = [d.widget() for name, d in docks.items() if name in panels and d.isHidden()]
    assert docks["CurvePanelDock"].isHidden() and not docks["BoundaryPanelDock"].isHidden()
    assert not any(panel.applies(window.training.dataset) for panel in closed)
    assert docks["paletteDock"].isVisible() and docks["LossPanelDock"].isVisible()
    assert window.dockWidgetArea(docks["paletteDock"]) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert window.dockWidgetArea(docks["inspectorDock"]) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.summary.status.text() == "✔ ready to train"
    assert window.summary.parameters.text() == "114"


def test_title_shows_the_name_and_the_modified_marker(window):
    assert window.windowTitle() == "Spiral, two hidden layers[*] — nnstudio"
    assert not window.isWindowModified()
    window.canvas.add_node("ReLU")
    assert window.isWindowModified()
    window.act["undo"].trigger()
    assert not window.isWindowModified()
    window.inspector.design_form.commit("name", "Ring")
    assert window.windowTitle() == "Ring[*] — nnstudio"


def test_menus_hold_the_document_actions_and_shortcuts(window):
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles[:3] == ["File", "Edit", "View"]
    shortcuts = {k: [s.toString() for s in a.shortcuts()] for k, a in window.act.items()}
    assert shortcuts["new"] == ["Ctrl+N"]
    assert shortcuts["open"] == ["Ctrl+O"]
    assert shortcuts["save"] == ["Ctrl+S"]
    assert shortcuts["save_as"] == ["Ctrl+Shift+S"]
    assert shortcuts["quit"] == ["Ctrl+Q"]
    assert shortcuts["undo"] == ["Ctrl+Z"]
    assert shortcuts["redo"] == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert shortcuts["cut"][0] == "Ctrl+X"
    assert shortcuts["copy"][0] == "Ctrl+C"
    assert shortcuts["paste"][0] == "Ctrl+V"
    assert shortcuts["delete"][0] == "Del"
    assert shortcuts["select_all"] == ["Ctrl+A"]
    assert shortcuts["zoom_in"] == ["Ctrl+Alt+="]  # Ctrl+= / Ctrl+- / Ctrl+0: text size
    assert shortcuts["zoom_out"] == ["Ctrl+Alt+-"]
    assert shortcuts["fit"] == ["F"]
    assert shortcuts["actual_size"] == ["Ctrl+Alt+0"]
    assert shortcuts["auto_layout"] == ["Ctrl+L"]
    examples = [a.text() for a in window.examples_menu.actions()]
    assert examples == [e.name for e in list_examples()]
    assert "Spiral, two hidden layers" in examples
    view = [a.text().replace("&", "") for a in menu(window, "View").actions()]
    assert {"Layers", "Inspector", "Summary", "Reset Layout"} <= set(view)


def test_dock_toggles_and_reset_layout(window):
    window.palette_dock.toggleViewAction().trigger()
    assert not window.palette_dock.isVisible()
    window.inspector_dock.setFloating(True)
    window.act["reset_layout"].trigger()
    assert window.palette_dock.isVisible()
    assert not window.inspector_dock.isFloating()


def test_undo_and_redo_by_shortcut_restore_the_exact_model(qtbot, window):
    before = window.model.design.to_dict()
    window.canvas.select_nodes(["h1"])
    window.canvas.delete_selection()
    window.canvas.add_node("Sigmoid")
    after = window.model.design.to_dict()
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)
    assert window.model.design.to_dict() == before
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Y, CTRL)
    assert window.model.design.to_dict() == after
    window.act["undo"].trigger()
    window.act["undo"].trigger()
    assert window.model.design.to_dict() == before
    assert window.model.analysis.ok


def test_copy_paste_keeps_internal_edges_with_fresh_ids(qtbot, window):
    window.canvas.select_nodes(["h1", "h2"])
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().mimeData().hasFormat(mime.FRAGMENT)
    assert window.act["paste"].isEnabled()
    old_ids = {n["id"] for n in window.model.nodes}
    qtbot.keyClick(window.canvas, Qt.Key.Key_V, CTRL)
    new = [n for n in window.model.nodes if n["id"] not in old_ids]
    assert [n["type"] for n in new] == ["Dense", "Dense"]
    a, b = (n["id"] for n in new)
    assert [a, b] in window.model.edges
    assert not [e for e in window.model.edges if (e[0] in (a, b)) != (e[1] in (a, b))]
    assert window.canvas.selected_node_ids() == [a, b]
    window.act["undo"].trigger()
    assert {n["id"] for n in window.model.nodes} == old_ids


def test_cut_removes_and_paste_brings_back(window):
    window.canvas.select_nodes(["out"])
    assert window.cut()
    assert not window.model.has_node("out")
    assert window.paste()
    assert window.model.nodes[-1]["type"] == "Dense"
    assert window.model.nodes[-1]["params"] == {"units": 2}


def test_paste_ignores_foreign_clipboard(window):
    QGuiApplication.clipboard().setText("not layers")
    assert not window.act["paste"].isEnabled()
    count = len(window.model.nodes)
    assert not window.paste()
    assert len(window.model.nodes) == count
    assert fragment_from_mime(fragment_mime({"nodes": [{"id": "a", "type": "Nope"}]})) is None


def test_select_all_and_delete_by_keys(qtbot, window):
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_A, CTRL)
    assert window.inspector.pages.currentWidget() is window.inspector.many
    qtbot.keyClick(window.canvas, Qt.Key.Key_Delete)
    assert window.model.nodes == []
    assert window.summary.status.text().startswith("Empty")


def test_typing_f_in_a_text_field_does_not_fit(qtbot, window):
    window.palette.search.setFocus()
    qtbot.keyClicks(window.palette.search, "ff")
    assert window.palette.search.text() == "ff"


def test_clicking_the_problem_count_selects_the_offending_node(qtbot, window):
    window.model.remove_edge("h1", "h2")
    assert window.summary.status.text() == "✖ 3 problems"
    qtbot.mouseClick(window.summary.status, Qt.MouseButton.LeftButton)
    assert window.canvas.selected_node_ids() == ["h2"]
    assert window.inspector.form.node_id == "h2"


def test_layout_is_remembered(qtbot, window, monkeypatch):
    window.palette_dock.hide()
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert not again.palette_dock.isVisible()
    assert again.inspector_dock.isVisible()


def test_building_a_network_from_an_empty_canvas(qtbot, window):
    """Input → Dense 8 tanh → Dense 8 tanh → Dense 2 in seven user actions."""
    tree = window.palette.tree

    def double_click(type_name):
        item = next(i for i in window.palette.entries() if i.text(0) == type_name)
        tree.scrollToItem(item)
        where = tree.visualItemRect(item).center()
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=where)

    actions = 0
    window.act["new"].trigger()                                   # 1  File ▸ New
    actions += 1
    assert window.model.nodes == []
    for type_name in ("Input", "Dense", "Dense", "Dense"):        # 2–5  double-clicks
        double_click(type_name)
        actions += 1
    units = window.inspector.form.editors["units"].box            # 6  units = 2
    units.setFocus()
    qtbot.keyClick(units, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(units, "2")
    qtbot.keyClick(units, Qt.Key.Key_Return)
    actions += 1
    activation = window.inspector.form.editors["activation"].box  # 7  activation = linear
    activation.setFocus()
    qtbot.keyClicks(activation, "linear")
    actions += 1

    assert actions == 7
    nodes, edges = window.model.nodes, window.model.edges
    assert [n["type"] for n in nodes] == ["Input", "Dense", "Dense", "Dense"]
    assert [n["params"] for n in nodes] == [
        {"shape": [2]}, {"units": 8, "activation": "tanh"},
        {"units": 8, "activation": "tanh"}, {"units": 2}]
    ids = [n["id"] for n in nodes]
    assert edges == [[ids[0], ids[1]], [ids[1], ids[2]], [ids[2], ids[3]]]
    assert window.model.analysis.ok
    assert window.summary.parameters.text() == f"{2 * 8 + 8 + 8 * 8 + 8 + 8 * 2 + 2:,}"
    assert window.undo_stack.count() == 6
    assert QKeySequence(QKeySequence.StandardKey.New).toString() == "Ctrl+N"


def test_toolbar_buttons_read_without_shortcut_markers_and_view_has_languages(window):
    assert window.act["new"].iconText() == "New"
    assert window.act["auto_layout"].iconText() == "Auto Layout"
    assert button_text("新建(&N)") == "新建" and button_text("打开(&O)…") == "打开"
    menus = [a.menu() for a in window.view_menu.actions() if a.menu() is not None]
    assert any(len(m.actions()) >= 3 for m in menus)  # English, 简体中文, the system's


def test_each_view_menu_item_says_what_it_shows(window):
    texts = [a.text().replace("&", "") for a in window.view_menu.actions()
             if not a.isSeparator() and a.menu() is None]
    assert len(texts) == len(set(texts)), sorted(t for t in texts if texts.count(t) > 1)
    assert window.training_dock.toggleViewAction().text() == "Training Settings"
    assert window.training.controls.toolbar.toggleViewAction().text() == "Training Toolbar"


def test_a_temporary_message_replaces_the_training_read_out_cleanly(qtbot, window):
    read_out = window.training.controls.status
    window.act["new"].trigger()                       # an empty design cannot train
    qtbot.waitUntil(lambda: read_out.text().startswith("Cannot train yet"), timeout=10_000)
    assert not read_out.isVisible()                   # "New design: drag layers …" is shown
    window.statusBar().clearMessage()
    assert read_out.isVisible()
    window.show_status("Opened /a/folder/with/a/rather/long/name/design.json")
    assert not read_out.isVisible()                   # not cut off against it, nor run into it
    window.statusBar().clearMessage()
    assert read_out.isVisible()
