"""Step-through mode: walking one step node by node, formulas on hover, weights edited by hand
(undoable), layers frozen from the inspector."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from nnstudio import Design
from nnstudio.gui.stepthrough.freeze import FreezeBox
from nnstudio.gui.stepthrough.stages import BACKWARD, FORWARD, LOSS, UPDATE

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def residual_design() -> Design:
    """x → h1 → h2, h1 + h2 → out: h1 feeds two nodes, so its gradient is a sum."""
    doc = Design.load(EXAMPLES / "xor.json").to_dict()
    doc["network"] = {
        "nodes": [
            {"id": "x", "type": "Input", "params": {"shape": [2]}, "pos": [0, 0]},
            {"id": "h1", "type": "Dense", "params": {"units": 4, "activation": "tanh"},
             "pos": [300, 0]},
            {"id": "h2", "type": "Dense", "params": {"units": 4, "activation": "tanh"},
             "pos": [600, 150]},
            {"id": "sum", "type": "Add", "pos": [900, 0]},
            {"id": "out", "type": "Dense", "params": {"units": 2}, "pos": [1200, 0]},
        ],
        "edges": [["x", "h1"], ["h1", "h2"], ["h1", "sum"], ["h2", "sum"], ["sum", "out"]],
    }
    return Design.from_dict(doc)


@pytest.fixture
def stepping(qtbot, open_window):
    """open(design): a window in step-through mode with its first trace drawn."""
    def open_(design=None):
        window = open_window(design or Design.load(EXAMPLES / "xor.json"))
        step = window.step_through
        step.action.trigger()
        qtbot.waitUntil(lambda: step.trace is not None, timeout=20_000)
        return window, step
    return open_


def traced_again(qtbot, step, condition):
    qtbot.waitUntil(lambda: step.trace is not None and condition(step.trace), timeout=20_000)
    return step.trace


def test_forward_then_back_visits_every_node_in_order_and_ends_where_it_began(qtbot, stepping):
    window, step = stepping()
    order = list(step.trace.order)
    start = step.stage
    seen = [step.stage]
    for _ in range(len(step.stages) - 1):
        QTest.keyClick(window.canvas, Qt.Key.Key_Right)
        seen.append(step.stage)
    assert [s.node for s in seen if s.phase == FORWARD] == order
    assert [s.phase for s in seen].index(LOSS) == len(order)
    assert [s.node for s in seen if s.phase == BACKWARD] == order[::-1]
    assert seen[-1].phase == UPDATE
    QTest.keyClick(window.canvas, Qt.Key.Key_Right)  # at the end: stays
    assert step.stage == seen[-1]
    back = [step.stage]
    for _ in range(len(step.stages) - 1):
        QTest.keyClick(window.canvas, Qt.Key.Key_Left)
        back.append(step.stage)
    assert back == seen[::-1]
    assert step.stage == start and step.position == 0


def move(widget: QWidget, point: QPoint) -> None:
    """The mouse moved to `point` of `widget`, wherever the system's cursor is."""
    QApplication.sendEvent(widget, QMouseEvent(
        QEvent.Type.MouseMove, QPointF(point), QPointF(widget.mapToGlobal(point)),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))


def test_hovering_a_value_shows_its_formula(qtbot, stepping):
    window, step = stepping()
    step.go(1)  # forward at h1
    cell = step.overlay.rows["h1"].cells[1]
    assert cell.toolTip() and "tanh(" in cell.formula
    view = window.canvas
    view.ensureVisible(cell)
    centre = view.mapFromScene(cell.sceneBoundingRect().center())
    for point in (QPoint(1, 1), centre):  # from outside the cell onto it: a hover enter
        move(view.viewport(), point)
    qtbot.waitUntil(lambda: step.panel.formula.text() == cell.formula, timeout=5_000)
    assert step.caption.formula.text() == cell.formula  # on the canvas too, in large type
    text = step.panel.formula.text()
    assert text.startswith("h1₂ = tanh(") and "·x₁" in text and "·x₂" in text
    h = step.trace.nodes["h1"].output[0, 1]
    assert text.endswith(f"= {h:.4g}".replace("-", "−"))


def test_editing_a_weight_changes_the_output_and_ctrl_z_undoes_it(qtbot, stepping):
    window, step = stepping()
    before = step.trace.nodes["out"].output.copy()
    old = float(step.trace.params["out.W"].value[0, 0])
    step.set_weight("out.W", (0, 0), old + 2.0)
    trace = traced_again(qtbot, step, lambda t: not np.allclose(t.nodes["out"].output, before))
    assert trace.params["out.W"].value[0, 0] == pytest.approx(old + 2.0)
    QTest.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    trace = traced_again(qtbot, step, lambda t: np.allclose(t.nodes["out"].output, before))
    assert trace.params["out.W"].value[0, 0] == pytest.approx(old)


def test_a_branch_shows_its_gradient_as_a_sum(qtbot, stepping):
    _, step = stepping(residual_design())
    step.go(step.stages.index(next(s for s in step.stages
                                    if s.phase == BACKWARD and s.node == "h1")))
    formula = step.overlay.rows["h1"].cells[0].formula
    assert formula.startswith("∂L/∂h1₁ = ")
    assert "(from h2)" in formula and "(from sum)" in formula
    parts = step.trace.edge_grads
    total = parts[("h1", "h2")][0, 0] + parts[("h1", "sum")][0, 0]
    assert total == pytest.approx(step.trace.nodes["h1"].grad_output[0, 0])


def test_freezing_from_the_inspector_is_undoable_and_keeps_the_weights(qtbot, stepping):
    window, step = stepping()
    window.inspector.set_selection(["h1"])
    box = window.inspector.form.findChild(FreezeBox)
    assert box is not None and box.isVisible()
    box.click()
    assert window.model.node("h1").get("frozen") is True
    assert "h1" in step.frozen.marks
    window.undo_stack.undo()
    assert "frozen" not in window.model.node("h1") and not box.isChecked()
    window.undo_stack.redo()
    assert box.isChecked()
    before = step.trace
    with qtbot.waitSignal(window.training.controller.settled, timeout=20_000):
        window.training.controller.step_batch()
    after = traced_again(qtbot, step, lambda t: t is not before)
    assert after.params["h1.W"].frozen
    np.testing.assert_array_equal(after.params["h1.W"].value, before.params["h1.W"].value)
    assert not np.array_equal(after.params["out.W"].value, before.params["out.W"].value)


def test_while_presenting_the_keys_step_through(qtbot, stepping):
    window, step = stepping()
    window.presentation.enter()
    try:
        QTest.keyClick(window.canvas, Qt.Key.Key_PageDown)
        QTest.keyClick(window.canvas, Qt.Key.Key_Right)
        assert step.position == 2
        QTest.keyClick(window.canvas, Qt.Key.Key_PageUp)
        assert step.position == 1
        assert window.training.controller.latest.step == 0  # Right did not train a step
    finally:
        window.presentation.leave()


def test_the_update_stage_fills_in_the_optimisers_formula(qtbot, stepping):
    _, step = stepping()
    step.go(len(step.stages) - 1)
    cell = step.overlay.grids[("h1", "out")].cells[(0, 1)]
    update = step.trace.updates["out.W"]
    assert cell.formula == update.filled((0, 1))
    assert cell.formula.startswith("w ← ") and "√" in cell.formula  # adam
    bias = step.overlay.rows["out"].cells[1].formula
    assert bias.endswith(step.trace.updates["out.b"].filled((1,)))


def test_a_lesson_step_can_open_step_through_and_closing_the_dock_leaves_it(qtbot, open_window):
    from nnstudio.gui.lessons.panel import bring_into_view

    window = open_window(Design.load(EXAMPLES / "xor.json"))
    step = window.step_through
    bring_into_view(window, ("step_through",))
    assert step.active
    qtbot.waitUntil(lambda: step.trace is not None, timeout=20_000)
    step.dock.close()
    assert not step.active and not step.overlay.items


def test_a_gradient_through_a_dense_layer_is_written_as_the_chain_rule(qtbot, stepping):
    _, step = stepping()
    step.go(step.stages.index(next(s for s in step.stages
                                    if s.phase == BACKWARD and s.node == "h1")))
    formula = step.overlay.rows["h1"].cells[1].formula
    assert formula.startswith("∂L/∂h1₂ = Σⱼ out.W₂ⱼ·δⱼ = ")
    trace = step.trace
    chained = trace.params["out.W"].value[1] @ trace.params["out.b"].grad
    assert chained == pytest.approx(trace.nodes["h1"].grad_output[0, 1])


def test_every_value_and_the_loss_stay_in_view_above_the_caption(qtbot, stepping):
    """At presentation size the rows above the cards ran past the canvas's top, the loss past
    its right edge, and the caption covered the lower cards."""
    window, step = stepping(residual_design())
    window.resize(1024, 768)
    window.presentation.enter(QSize(1024, 768))
    try:
        step.go(step.stages.index(next(s for s in step.stages
                                        if s.phase == BACKWARD and s.node == "h1")))
        view = window.canvas
        wanted = step.overlay.scene_rect().united(window.canvas.scene().nodes_rect())
        caption_top = step.caption.geometry().top()
        visible = view.mapToScene(view.viewport().rect().adjusted(
            0, 0, 0, caption_top - view.viewport().height())).boundingRect()
        assert visible.contains(wanted), (visible, wanted)
    finally:
        window.presentation.toggle()
