"""The inspector: forms from ParamSpecs, one undoable command per accepted edit, refusals inline."""

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtGui import QUndoStack, QWheelEvent

from nnstudio.design import Design
from nnstudio.gui.commands import AddNodes
from nnstudio.gui.inspector import Inspector
from nnstudio.gui.model import DesignModel
from nnstudio.gui.param_editors import parse_ints, parse_size


@pytest.fixture
def setup(qtbot):
    model = DesignModel(Design.default())
    stack = QUndoStack()
    inspector = Inspector(model, stack)
    qtbot.addWidget(inspector)
    inspector.resize(420, 800)
    inspector.show()
    return model, stack, inspector


def select(inspector, *ids):
    inspector.set_selection(list(ids))
    return inspector.form


def type_into(qtbot, widget, text):
    """What a user does: focus, select everything, type, press Enter."""
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_spin_box_edit_is_one_set_params(qtbot, setup):
    model, stack, inspector = setup
    form = select(inspector, "h1")
    type_into(qtbot, form.editors["units"].box, "16")
    assert model.node("h1")["params"] == {"units": 16, "activation": "tanh"}
    assert stack.count() == 1
    assert stack.undoText() == "Set h1 units"
    assert model.analysis.param_counts["h1"] == 2 * 16 + 16


def test_the_same_value_pushes_nothing(qtbot, setup):
    _model, stack, inspector = setup
    form = select(inspector, "h1")
    type_into(qtbot, form.editors["units"].box, "8")
    form.editors["activation"].commit()
    assert stack.count() == 0


def test_invalid_shape_is_refused_inline(qtbot, setup):
    model, stack, inspector = setup
    form = select(inspector, "x")
    before = model.design.to_dict()
    type_into(qtbot, form.editors["shape"].edit, "2, x")
    assert stack.count() == 0
    assert model.design.to_dict() == before
    assert form.errors["shape"].isVisible()
    assert "whole numbers separated by commas" in form.errors["shape"].text()
    assert "border" in form.editors["shape"].edit.styleSheet()
    type_into(qtbot, form.editors["shape"].edit, "0, 3")
    assert "positive integers" in form.errors["shape"].text()
    assert stack.count() == 0
    type_into(qtbot, form.editors["shape"].edit, "1, 3")
    assert model.node("x")["params"] == {"shape": [1, 3]}
    assert not form.errors["shape"].isVisible()
    assert form.editors["shape"].edit.styleSheet() == ""


def test_float_fields_take_scientific_notation_and_respect_ranges(qtbot, setup):
    model, stack, inspector = setup
    form = select(inspector, "h2")
    type_into(qtbot, form.editors["l2"].edit, "1e-3")
    assert model.node("h2")["params"]["l2"] == 0.001
    for bad in ("-1", "abc", "nan"):
        type_into(qtbot, form.editors["l2"].edit, bad)
        assert form.errors["l2"].isVisible(), bad
    assert model.node("h2")["params"]["l2"] == 0.001
    assert stack.count() == 1


def test_choosing_the_default_drops_the_key(qtbot, setup):
    model, stack, inspector = setup
    form = select(inspector, "h1")
    combo = form.editors["activation"].box
    combo.setFocus()
    qtbot.keyClicks(combo, "linear")
    assert model.node("h1")["params"] == {"units": 8}
    assert stack.count() == 1


def test_bool_and_initialiser_with_its_option(qtbot, setup):
    model, stack, inspector = setup
    form = select(inspector, "out")
    form.editors["use_bias"].box.setFocus()
    qtbot.keyClick(form.editors["use_bias"].box, Qt.Key.Key_Space)
    assert model.node("out")["params"]["use_bias"] is False
    init = form.editors["weight_init"]
    init.box.setCurrentText("normal")
    init.box.activated.emit(init.box.currentIndex())
    assert model.node("out")["params"]["weight_init"] == "normal"
    assert set(init.options) == {"std", "mean"}
    type_into(qtbot, init.options["std"].edit, "0.5")
    assert model.node("out")["params"]["weight_init"] == {"type": "normal", "std": 0.5}
    type_into(qtbot, init.options["std"].edit, "-2")
    assert form.errors["weight_init"].isVisible()
    assert model.node("out")["params"]["weight_init"] == {"type": "normal", "std": 0.5}
    assert stack.count() == 3


def test_size_padding_and_optional_stride(qtbot, setup):
    model, stack, inspector = setup
    stack.push(AddNodes(model, [
        {"id": "c", "type": "Conv2D", "params": {"filters": 4}, "pos": [0, 0]},
        {"id": "p", "type": "MaxPool2D", "params": {"stride": 1}, "pos": [0, 0]}]))
    form = select(inspector, "c")
    type_into(qtbot, form.editors["kernel_size"].edit, "5x3")
    assert model.node("c")["params"]["kernel_size"] == [5, 3]
    padding = form.editors["padding"].box
    type_into(qtbot, padding.lineEdit(), "same")
    assert model.node("c")["params"]["padding"] == "same"
    type_into(qtbot, padding.lineEdit(), "2×1")
    assert model.node("c")["params"]["padding"] == [2, 1]
    type_into(qtbot, padding.lineEdit(), "huge")
    assert form.errors["padding"].isVisible()
    form = select(inspector, "p")
    assert form.editors["stride"].edit.text() == "1"
    type_into(qtbot, form.editors["stride"].edit, "")
    assert "stride" not in model.node("p")["params"]


def test_form_follows_undo_and_redo(qtbot, setup):
    _model, stack, inspector = setup
    form = select(inspector, "h1")
    type_into(qtbot, form.editors["units"].box, "32")
    stack.undo()
    assert form.editors["units"].box.value() == 8
    stack.redo()
    assert form.editors["units"].box.value() == 32


def test_nothing_selected_edits_name_and_description(qtbot, setup):
    model, stack, inspector = setup
    page = inspector.design_form
    assert inspector.pages.currentWidget() is page
    assert page.name.text() == model.design.name
    type_into(qtbot, page.name, "My spiral")
    assert model.design.name == "My spiral"
    assert stack.count() == 1
    page.description.setPlainText("Shows a spiral.")
    page._commit_description()
    assert model.design.description == "Shows a spiral."
    stack.undo()
    stack.undo()
    assert page.name.text() == "Spiral, two hidden layers"
    assert model.design.name == "Spiral, two hidden layers"


def test_several_selected_and_removed_node(qtbot, setup):
    model, _stack, inspector = setup
    inspector.set_selection(["x", "h1", "h2"])
    assert inspector.pages.currentWidget() is inspector.many
    assert "3 nodes selected" in inspector.many.text()
    select(inspector, "h2")
    model.remove_nodes({"h2"})
    assert inspector.pages.currentWidget() is inspector.design_form


def test_problems_of_the_node_are_shown(qtbot, setup):
    model, _stack, inspector = setup
    model.remove_edge("h1", "h2")
    form = select(inspector, "h2")
    assert form.problems.isVisible()
    assert "no input" in form.problems.text()


def test_the_wheel_scrolls_past_unfocused_fields(qtbot, setup):
    model, stack, inspector = setup
    form = select(inspector, "h1")
    box = form.editors["units"].box
    wheel = QWheelEvent(QPointF(5, 5), QPointF(box.mapToGlobal(QPoint(5, 5))), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QCoreApplication.sendEvent(box, wheel)
    assert box.value() == 8 and stack.count() == 0
    box.setFocus()
    QCoreApplication.sendEvent(box, wheel)
    assert box.value() == 9
    assert model.node("h1")["params"]["units"] == 9


def test_parsers():
    assert parse_ints("1, 28 ×28") == [1, 28, 28]
    assert parse_size("3", False) == 3
    assert parse_size(" ", True) is None
    with pytest.raises(ValueError):
        parse_size("1x2x3", False)
