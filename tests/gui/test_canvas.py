"""The canvas editor, driven through real widgets and synthetic events; assertions are on the
model (and on the scene mirroring it), never on pixels."""

from __future__ import annotations

import copy
import itertools

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QUndoStack,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication

from nnstudio.design.document import Design
from nnstudio.gui import mime, theme
from nnstudio.gui.canvas import CanvasView
from nnstudio.gui.canvas.edge_item import EdgeItem
from nnstudio.gui.canvas.node_item import NodeItem
from nnstudio.gui.canvas.port_item import PortState
from nnstudio.gui.commands import SetParams
from nnstudio.gui.model import DesignModel

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier
NO_MOD = Qt.KeyboardModifier.NoModifier


class FakeDesign:
    """The little of a Design the model needs: the live network dict."""

    def __init__(self, network: dict):
        self.network = network
        self.path = None


def chain(*nodes: tuple[str, str, dict], dx: float = 280) -> dict:
    """A design network of `nodes` (id, type, params) laid out in a row, each feeding the next."""
    return {
        "nodes": [{"id": nid, "type": t, "params": p, "pos": [i * dx, 0]}
                  for i, (nid, t, p) in enumerate(nodes)],
        "edges": [[a[0], b[0]] for a, b in itertools.pairwise(nodes)],
    }


SPIRAL = chain(("x", "Input", {"shape": [2]}),
               ("h1", "Dense", {"units": 8, "activation": "tanh"}),
               ("h2", "Dense", {"units": 8, "activation": "tanh"}),
               ("out", "Dense", {"units": 2}))


def residual() -> dict:
    """x → h1 → h2 → add ← x (a skip connection) → out."""
    net = chain(("x", "Input", {"shape": [4]}),
                ("h1", "Dense", {"units": 4, "activation": "relu"}),
                ("h2", "Dense", {"units": 4}),
                ("add", "Add", {}),
                ("relu", "ReLU", {}),
                ("out", "Dense", {"units": 3}), dx=260)
    net["edges"].insert(3, ["x", "add"])
    net["nodes"][1]["pos"][1] = net["nodes"][2]["pos"][1] = 100
    return net


def big_network(size: int = 100) -> dict:
    """A long chain of Dense layers with a residual branch every few layers."""
    nodes = [{"id": "x", "type": "Input", "params": {"shape": [8]}, "pos": [0, 0]}]
    edges: list[list[str]] = []
    prev, i = "x", 0
    while len(nodes) < size:
        layer = f"d{i}"
        nodes.append({"id": layer, "type": "Dense", "params": {"units": 8}, "pos": [i * 7, 3]})
        edges.append([prev, layer])
        if i % 4 == 3 and len(nodes) + 2 <= size:
            side, merge = f"b{i}", f"m{i}"
            nodes.append({"id": side, "type": "Dense", "params": {"units": 8}, "pos": [i, 9]})
            nodes.append({"id": merge, "type": "Add", "params": {}, "pos": [i, -9]})
            edges += [[prev, side], [layer, merge], [side, merge]]
            layer = merge
        prev, i = layer, i + 1
    return {"nodes": nodes, "edges": edges}


@pytest.fixture
def canvas(qtbot):
    """make(network) → (view, model, undo stack), the view shown at projector size."""
    def make(network: dict | None = None, design=None):
        model = DesignModel(design or FakeDesign(copy.deepcopy(SPIRAL if network is None
                                                               else network)))
        stack = QUndoStack()
        view = CanvasView(model, stack)
        view._test_refs = (model, stack)
        qtbot.addWidget(view)
        view.resize(1200, 700)
        view.show()
        qtbot.waitExposed(view)
        return view, model, stack
    return make


# -- helpers -------------------------------------------------------------------------------------
def port_point(view: CanvasView, node_id: str, output: bool) -> QPoint:
    item = view.node_item(node_id)
    port = item.output_port if output else item.input_port
    return view.mapFromScene(port.scenePos())


def card_point(view: CanvasView, node_id: str) -> QPoint:
    """A point on the card's body, away from the ports and the badge."""
    return view.mapFromScene(view.node_item(node_id).mapToScene(QPointF(-20, 25)))


def drag(qtbot, view: CanvasView, start: QPoint, end: QPoint,
         modifier: Qt.KeyboardModifier = NO_MOD, button: Qt.MouseButton = LEFT) -> None:
    viewport = view.viewport()
    qtbot.mousePress(viewport, button, modifier, start)
    for k in range(1, 6):
        qtbot.mouseMove(viewport, start + (end - start) * (k / 5))
    qtbot.mouseRelease(viewport, button, modifier, end)


def assert_in_sync(view: CanvasView, model: DesignModel) -> None:
    """One card per node (at its position) and one curve per edge, nothing else."""
    items = view.scene().items()
    cards = {i.node_id: i for i in items if isinstance(i, NodeItem)}
    curves = {i.key for i in items if isinstance(i, EdgeItem)}
    assert sorted(cards) == sorted(n["id"] for n in model.nodes)
    assert curves == {tuple(e) for e in model.edges}
    assert sum(isinstance(i, EdgeItem) for i in items) == len(model.edges)
    for node in model.nodes:
        pos = cards[node["id"]].pos()
        assert (pos.x(), pos.y()) == pytest.approx(tuple(node["pos"]))


def check_undo_redo(view, model, stack, action) -> None:
    """`action` is one undo step; undo restores the exact network and redo the edited one."""
    before = copy.deepcopy(model.network)
    count = stack.count()
    action()
    after = copy.deepcopy(model.network)
    assert after != before
    assert stack.count() == count + 1
    assert_in_sync(view, model)
    stack.undo()
    assert model.network == before
    assert_in_sync(view, model)
    stack.redo()
    assert model.network == after
    assert_in_sync(view, model)


# -- building ------------------------------------------------------------------------------------
def test_scene_mirrors_the_design(canvas):
    view, model, _ = canvas()
    assert_in_sync(view, model)
    h1 = view.node_item("h1")
    assert h1.title == "Dense 8 · tanh"
    assert h1.status.shape == (8,)
    assert h1.status.param_count == 24
    assert view.node_item("x").input_port is None
    assert "A fully connected layer" in h1.toolTip()


def test_drop_from_palette_creates_node_where_dropped(canvas):
    view, model, stack = canvas()
    data = QMimeData()
    data.setData(mime.NODE_TYPE, b"Dropout")
    where = QPointF(300, 560)
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, data, LEFT, NO_MOD)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(where.toPoint(), Qt.DropAction.CopyAction, data, LEFT, NO_MOD)
    QApplication.sendEvent(view.viewport(), move)
    assert move.isAccepted()
    drop = QDropEvent(where, Qt.DropAction.CopyAction, data, LEFT, NO_MOD)
    QApplication.sendEvent(view.viewport(), drop)
    assert stack.count() == 1
    node = model.node("dropout1")
    target = view.mapToScene(where.toPoint())
    assert abs(node["pos"][0] - target.x()) <= theme.GRID_STEP / 2
    assert abs(node["pos"][1] - target.y()) <= theme.GRID_STEP / 2
    assert view.selected_node_ids() == ["dropout1"]
    assert_in_sync(view, model)


def test_drop_of_unknown_payload_is_refused(canvas):
    view, _, stack = canvas()
    data = QMimeData()
    data.setData(mime.NODE_TYPE, b"NoSuchLayer")
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, data, LEFT, NO_MOD)
    QApplication.sendEvent(view.viewport(), enter)
    assert not enter.isAccepted()
    QApplication.sendEvent(view.viewport(), QDragLeaveEvent())
    assert stack.count() == 0


# -- connecting ----------------------------------------------------------------------------------
def test_dragging_between_ports_connects(canvas, qtbot):
    view, model, stack = canvas(chain(("x", "Input", {"shape": [2]}), ("h", "Dense", {"units": 3})))
    model.remove_edge("x", "h")
    drag(qtbot, view, port_point(view, "x", True), port_point(view, "h", False))
    assert model.edges == [["x", "h"]]
    assert stack.count() == 1
    assert view.edge_item("x", "h") is not None


def test_dragging_from_an_input_connects_the_other_way(canvas, qtbot):
    view, model, _ = canvas(chain(("x", "Input", {"shape": [2]}), ("h", "Dense", {"units": 3})))
    model.remove_edge("x", "h")
    drag(qtbot, view, port_point(view, "h", False), card_point(view, "x"))
    assert model.edges == [["x", "h"]]


def test_release_on_a_card_means_its_input(canvas, qtbot):
    view, model, _ = canvas()
    drag(qtbot, view, port_point(view, "x", True), card_point(view, "out"))
    assert ["x", "out"] in model.edges
    assert ["h2", "out"] not in model.edges


def test_ports_show_which_connections_would_be_accepted(canvas, qtbot):
    view, _, _ = canvas()
    viewport = view.viewport()
    start = port_point(view, "x", True)
    qtbot.mousePress(viewport, LEFT, NO_MOD, start)
    qtbot.mouseMove(viewport, start + QPoint(30, 90))
    assert view.node_item("h1").input_port.state is PortState.REFUSE  # already connected
    assert view.node_item("h2").input_port.state is PortState.ACCEPT
    qtbot.mouseMove(viewport, port_point(view, "out", False))
    assert view.node_item("out").input_port.state is PortState.HOT
    qtbot.keyClick(viewport, Qt.Key.Key_Escape)
    qtbot.mouseRelease(viewport, LEFT, NO_MOD, port_point(view, "out", False))
    assert view.node_item("out").input_port.state is PortState.NORMAL
    assert ["x", "out"] not in view.model.edges


def test_cycle_is_refused_with_a_message(canvas, qtbot):
    view, model, stack = canvas()
    before = copy.deepcopy(model.network)
    with qtbot.waitSignal(view.message, timeout=1000) as signal:
        drag(qtbot, view, port_point(view, "out", True), port_point(view, "h1", False))
    assert "cycle" in signal.args[0]
    assert model.network == before
    assert stack.count() == 0


def test_connecting_into_an_occupied_input_replaces_the_old_edge(canvas, qtbot):
    view, model, stack = canvas()
    drag(qtbot, view, port_point(view, "x", True), port_point(view, "h2", False))
    assert ["x", "h2"] in model.edges
    assert ["h1", "h2"] not in model.edges
    assert stack.count() == 1
    assert_in_sync(view, model)
    stack.undo()
    assert model.network == SPIRAL
    assert_in_sync(view, model)


def test_merge_inputs_are_numbered(canvas):
    view, _, _ = canvas(residual())
    assert view.edge_item("h2", "add").index == 1
    assert view.edge_item("x", "add").index == 2
    assert view.edge_item("h1", "h2").index is None


# -- undo and redo of every edit -----------------------------------------------------------------
def test_undo_redo_add(canvas):
    view, model, stack = canvas()
    check_undo_redo(view, model, stack, lambda: view.add_node("ReLU"))


def test_undo_redo_delete_node_with_edges(canvas):
    view, model, stack = canvas()

    def delete():
        view.select_nodes(["h1"])
        view.delete_selection()

    check_undo_redo(view, model, stack, delete)
    assert model.edges == [["h2", "out"]]


def test_undo_redo_connect(canvas, qtbot):
    view, model, stack = canvas()
    check_undo_redo(view, model, stack, lambda: drag(
        qtbot, view, port_point(view, "x", True), port_point(view, "out", False)))


def test_undo_redo_disconnect(canvas, qtbot):
    view, model, stack = canvas()

    def disconnect():
        middle = view.edge_item("h1", "h2").sceneBoundingRect().center()
        qtbot.mouseClick(view.viewport(), LEFT, NO_MOD, view.mapFromScene(middle))
        assert view.selected_edges() == [["h1", "h2"]]
        qtbot.keyClick(view.viewport(), Qt.Key.Key_Delete)

    check_undo_redo(view, model, stack, disconnect)
    assert model.edges == [["x", "h1"], ["h2", "out"]]


def test_undo_redo_move_by_dragging_a_card(canvas, qtbot):
    view, model, stack = canvas()
    start = card_point(view, "h1")
    check_undo_redo(view, model, stack, lambda: drag(qtbot, view, start, start + QPoint(93, 61)))
    x, y = model.node("h1")["pos"]
    scale = view.transform().m11()
    assert abs(x - 280 - 93 / scale) <= theme.GRID_STEP / 2 + 1
    assert abs(y - 61 / scale) <= theme.GRID_STEP / 2 + 1
    assert x % theme.GRID_STEP == 0 and y % theme.GRID_STEP == 0


def test_undo_redo_paste(canvas):
    view, model, stack = canvas()
    view.select_nodes(["h1", "h2"])
    fragment = view.copy_selection()
    assert fragment is not None and fragment["edges"] == [["h1", "h2"]]
    pasted: list[str] = []

    def paste():
        pasted.extend(view.paste(fragment))
        assert view.selected_node_ids() == pasted

    check_undo_redo(view, model, stack, paste)
    assert len(pasted) == 2 and not {"h1", "h2"} & set(pasted)
    assert [pasted[0], pasted[1]] in model.edges
    taken = {tuple(model.node(n)["pos"]) for n in ("x", "h1", "h2", "out")}
    assert not taken & {tuple(model.node(n)["pos"]) for n in pasted}


def test_undo_redo_auto_layout(canvas):
    net = copy.deepcopy(SPIRAL)
    for i, node in enumerate(net["nodes"]):
        node["pos"] = [i * 37, (-1) ** i * 90]
    view, model, stack = canvas(net)
    check_undo_redo(view, model, stack, view.auto_layout)
    assert stack.command(0).text() == "Auto layout"
    xs = [n["pos"][0] for n in model.nodes]
    assert xs == sorted(xs) and len(set(xs)) == 4


def test_append_after_selection_is_one_step(canvas):
    view, model, stack = canvas()
    view.select_nodes(["out"])
    new: list[str] = []

    def append():
        new.append(view.append_after_selection("Softmax"))
        assert view.selected_node_ids() == new

    check_undo_redo(view, model, stack, append)
    assert ["out", new[0]] in model.edges
    assert model.node(new[0])["pos"][0] > model.node("out")["pos"][0]


def test_append_merge_node_is_fed_by_every_selected_node(canvas):
    view, model, _ = canvas(residual())
    view.select_nodes(["h1", "h2"])
    merge = view.append_after_selection("Concatenate")
    assert [e for e in model.edges if e[1] == merge] == [["h1", merge], ["h2", merge]]


def test_append_with_nothing_to_follow_just_adds(canvas):
    view, model, stack = canvas({"nodes": [], "edges": []})
    node_id = view.append_after_selection("Input")
    assert [n["id"] for n in model.nodes] == [node_id]
    assert model.edges == [] and stack.count() == 1


# -- selection -----------------------------------------------------------------------------------
def test_rubber_band_selects_the_nodes_it_touches(canvas, qtbot):
    view, _, _ = canvas()
    top_left = view.mapFromScene(view.node_item("x").sceneBoundingRect().topLeft()
                                 - QPointF(40, 40))
    inside_h1 = card_point(view, "h1")
    with qtbot.waitSignal(view.selectionChangedIds, timeout=1000):
        drag(qtbot, view, top_left, inside_h1)
    assert view.selected_node_ids() == ["x", "h1"]


def test_click_selects_and_ctrl_click_toggles(canvas, qtbot):
    view, _, _ = canvas()
    viewport = view.viewport()
    qtbot.mouseClick(viewport, LEFT, NO_MOD, card_point(view, "h2"))
    assert view.selected_node_ids() == ["h2"]
    qtbot.mouseClick(viewport, LEFT, CTRL, card_point(view, "x"))
    assert view.selected_node_ids() == ["x", "h2"]
    qtbot.mouseClick(viewport, LEFT, CTRL, card_point(view, "h2"))
    assert view.selected_node_ids() == ["x"]


def test_delete_key_deletes_the_selection(canvas, qtbot):
    view, model, stack = canvas()
    view.select_nodes(["h2", "out"])
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Delete)
    assert [n["id"] for n in model.nodes] == ["x", "h1"]
    assert model.edges == [["x", "h1"]]
    assert stack.count() == 1
    assert_in_sync(view, model)


# -- analysis on the cards -----------------------------------------------------------------------
def test_badge_appears_on_the_node_a_shape_edit_breaks(canvas):
    view, model, stack = canvas()
    h1 = view.node_item("h1")
    assert not h1.badge.isVisible()
    stack.push(SetParams(model, "x", {"shape": [1, 8, 8]}))
    assert h1.badge.isVisible()
    assert "Flatten" in h1.badge.toolTip()
    assert not view.node_item("h2").badge.isVisible()
    assert view.node_item("x").status.shape == (1, 8, 8)
    stack.undo()
    assert not h1.badge.isVisible()
    assert h1.status.shape == (8,)


def test_badge_on_a_dense_appended_after_an_image_input(canvas):
    view, model, stack = canvas(chain(("img", "Input", {"shape": [1, 8, 8]})))
    view.select_nodes(["img"])
    dense = view.append_after_selection("Dense")
    assert view.node_item(dense).badge.isVisible()
    assert model.edges == [["img", dense]]
    stack.undo()
    assert view.node_item(dense) is None


def test_cards_follow_param_changes(canvas):
    view, model, stack = canvas()
    stack.push(SetParams(model, "h1", {"units": 16, "activation": "relu"}))
    h1 = view.node_item("h1")
    assert h1.title == "Dense 16 · relu"
    assert h1.status.param_count == 48
    assert view.node_item("h2").status.param_count == 136
    narrow = h1.rect.width()
    stack.push(SetParams(model, "h1", {"units": 1000, "activation": "leaky_relu"}))
    assert h1.rect.width() > narrow
    edge = view.edge_item("h1", "h2")
    assert edge.sceneBoundingRect().left() <= h1.sceneBoundingRect().right()
    assert h1.output_port.scenePos().x() == pytest.approx(h1.x() + h1.rect.right())


def test_design_wide_problems_become_a_message(canvas, qtbot):
    view, _, stack = canvas({"nodes": [], "edges": []})
    before = list(view.scene().general_problems)
    with qtbot.waitSignal(view.message, timeout=1000) as signal:
        view.add_node("Dense")
    assert "no Input" in signal.args[0]
    assert view.scene().general_problems != before
    assert view.node_item("dense1").badge.isVisible()
    stack.undo()
    assert view.scene().general_problems == before


def test_model_reset_rebuilds_the_scene(canvas):
    view, model, _ = canvas()
    model.reset(FakeDesign(residual()))
    assert_in_sync(view, model)
    assert view.node_item("add") is not None


# -- zoom and pan --------------------------------------------------------------------------------
def test_ctrl_wheel_zooms_about_the_mouse(canvas):
    view, _, _ = canvas()
    where = QPointF(250, 180)
    before_scene = view.mapToScene(where.toPoint())
    before_zoom = view.transform().m11()
    wheel = QWheelEvent(where, view.viewport().mapToGlobal(where), QPoint(), QPoint(0, 240),
                        Qt.MouseButton.NoButton, CTRL, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.transform().m11() > before_zoom
    after_scene = view.mapToScene(where.toPoint())
    assert abs(after_scene.x() - before_scene.x()) < 2
    assert abs(after_scene.y() - before_scene.y()) < 2


def test_keyboard_zoom_and_reset(canvas, qtbot):
    view, _, _ = canvas()
    view.reset_zoom()
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Plus)
    assert view.transform().m11() == pytest.approx(1.25)
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Minus)
    qtbot.keyClick(view.viewport(), Qt.Key.Key_Minus)
    assert view.transform().m11() == pytest.approx(0.8)


def test_middle_button_and_wheel_pan_without_editing(canvas, qtbot):
    view, model, stack = canvas()
    centre = view.viewport().rect().center()
    before = view.mapToScene(centre)
    drag(qtbot, view, card_point(view, "h1"), card_point(view, "h1") + QPoint(120, 40),
         button=Qt.MouseButton.MiddleButton)
    moved = view.mapToScene(centre)
    scale = view.transform().m11()
    assert before.x() - moved.x() == pytest.approx(120 / scale, abs=2)
    assert model.network == SPIRAL and stack.count() == 0
    wheel = QWheelEvent(QPointF(centre), view.viewport().mapToGlobal(QPointF(centre)), QPoint(),
                        QPoint(0, -120), Qt.MouseButton.NoButton, NO_MOD,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.mapToScene(centre).y() > moved.y()


def test_space_drag_pans(canvas, qtbot):
    view, _, stack = canvas()
    centre = view.viewport().rect().center()
    before = view.mapToScene(centre)
    qtbot.keyPress(view.viewport(), Qt.Key.Key_Space)
    drag(qtbot, view, card_point(view, "h1"), card_point(view, "h1") + QPoint(-80, 0))
    qtbot.keyRelease(view.viewport(), Qt.Key.Key_Space)
    assert view.mapToScene(centre).x() > before.x()
    assert stack.count() == 0


# -- scale ---------------------------------------------------------------------------------------
def test_hundred_node_design_builds_and_lays_out(canvas):
    net = big_network(100)
    assert len(net["nodes"]) == 100
    view, model, stack = canvas(net)
    assert_in_sync(view, model)
    check_undo_redo(view, model, stack, view.auto_layout)
    spots = {tuple(n["pos"]) for n in model.nodes}
    assert len(spots) == 100


# -- pictures to look at -------------------------------------------------------------------------
def _error_network() -> dict:
    net = chain(("img", "Input", {"shape": [1, 8, 8]}),
                ("h", "Dense", {"units": 16, "activation": "relu"}),
                ("out", "Dense", {"units": 10}))
    net["nodes"].append({"id": "orphan", "type": "Dropout", "params": {}, "pos": [280, 180]})
    return net


@pytest.mark.parametrize("name", ["spiral", "residual", "error", "empty"])
def test_render(canvas, qtbot, tmp_path, name):
    if name == "spiral":
        view, model, _ = canvas(design=Design.default())
        assert_in_sync(view, model)
    else:
        nets = {"residual": residual, "error": _error_network,
                "empty": lambda: {"nodes": [], "edges": []}}
        view, _, _ = canvas(nets[name]())
    if name == "error":
        view.select_nodes(["out"])
    qtbot.wait(10)
    image = view.grab()
    assert image.width() == 1200
    assert image.save(str(tmp_path / f"canvas_{name}.png"))


# -- the view, its editor and its gestures -------------------------------------------------------
def test_a_closed_view_is_freed_without_the_garbage_collector(qtbot):
    """The editor and the gestures keep weak references to the view: a cycle would leave the
    view to the collector, which may destroy it in the middle of another widget's paint."""
    import gc
    import weakref

    model = DesignModel(FakeDesign(chain(("x", "Input", {"shape": [2]}),
                                         ("h", "Dense", {"units": 3}))))
    view = CanvasView(model, QUndoStack())
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    qtbot.mousePress(view.viewport(), LEFT, NO_MOD, port_point(view, "x", True))
    assert view.interaction is not None  # a wire under way holds the view too
    gone = weakref.ref(view)
    automatic = gc.isenabled()  # off once a training session collects in the GUI thread
    gc.disable()
    try:
        del view
        assert gone() is None
    finally:
        if automatic:
            gc.enable()


def test_a_gesture_added_to_the_starters_gets_the_mouse(canvas, qtbot, monkeypatch):
    """Interactions are extensible: a starter earlier in STARTERS claims the press, then gets
    the moves and the release; the scene sees none of them and nothing is edited."""
    from nnstudio.gui.canvas import interactions

    seen: list[str] = []

    class Probe(interactions.Interaction):
        def mouse_move(self, event):
            seen.append("move")

        def mouse_release(self, event):
            seen.append("release")
            return True

    monkeypatch.setattr(interactions, "STARTERS",
                        [lambda view, event: Probe(view), *interactions.STARTERS])
    view, model, stack = canvas(chain(("x", "Input", {"shape": [2]}),
                                      ("h", "Dense", {"units": 3})))
    before = copy.deepcopy(model.nodes)
    drag(qtbot, view, card_point(view, "h"), card_point(view, "h") + QPoint(80, 0))
    assert seen == ["move"] * 5 + ["release"]
    assert view.interaction is None
    assert model.nodes == before and stack.count() == 0
    assert view.selected_node_ids() == []


def test_the_editor_edits_without_the_mouse(canvas):
    """Every edit is the editor's, one undo step each; a refused connection is a sentence."""
    view, model, stack = canvas(chain(("x", "Input", {"shape": [2]}),
                                      ("h", "Dense", {"units": 3})))
    editor = view.editor
    new = editor.add_node("Dense", (400, 0))
    assert view.selected_node_ids() == [new]
    assert editor.connect("h", new) is None
    assert ["h", new] in model.edges
    refusal = editor.connect(new, "x")
    assert refusal is not None and refusal.startswith("Cannot connect:")
    editor.move_nodes({new: (model.node(new)["pos"], [440.0, 40.0])})
    assert model.node(new)["pos"] == [440.0, 40.0]
    assert stack.count() == 3
