"""The Lesson dock: it comes to the front with a lesson and hides without one; Back / Next walk
the steps; Apply is one undoable edit; each step brings its panels into view."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget

from nnstudio import Design
from nnstudio.design.lesson import PANELS, lessons_dir
from nnstudio.gui.lessons.panel import PANEL_DOCKS, panel_dock

LESSONS = lessons_dir()


@pytest.fixture
def window(open_window):
    return open_window()


def open_lesson(qtbot, window, stem):
    assert window.lessons.open_lesson(LESSONS / f"{stem}.json")
    qtbot.waitUntil(lambda: not window.training.controller.feeder.busy, timeout=20_000)
    return window.lessons.panel


def test_every_panel_id_maps_to_a_dock_of_the_window(window):
    assert set(PANEL_DOCKS) == set(PANELS)
    for panel in PANELS:
        dock = panel_dock(window, panel)
        assert isinstance(dock, QDockWidget), panel


def test_a_design_without_a_lesson_hides_the_dock_and_a_lesson_shows_it(qtbot, window):
    assert not window.lessons.dock.isVisible()
    panel = open_lesson(qtbot, window, "perceptron_xor")
    assert window.lessons.dock.isVisible()
    assert window.dockWidgetArea(window.lessons.dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.tabifiedDockWidgets(window.lessons.dock) == []  # not hidden in a tab
    assert panel.counter.text() == f"Step 1 of {len(panel.lesson.steps)}"
    assert panel.introduction.text() == panel.lesson.introduction
    window.files.new()
    assert not window.lessons.dock.isVisible() and panel.lesson is None
    assert panel.current_panels() == () and not panel.next_step()


def test_next_and_back_walk_the_steps_and_end_where_they_began(qtbot, window):
    panel = open_lesson(qtbot, window, "perceptron_xor")
    seen = []
    panel.stepChanged.connect(seen.append)
    count = len(panel.lesson.steps)
    assert not panel.back_button.isEnabled()
    for _ in range(count - 1):
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.index == count - 1 and not panel.next_button.isEnabled()
    assert panel.step_title.text() == panel.lesson.steps[-1].title
    assert not panel.next_step()
    for _ in range(count - 1):
        qtbot.mouseClick(panel.back_button, Qt.MouseButton.LeftButton)
    assert panel.index == 0 and not panel.previous_step()
    assert seen == [*range(1, count), *range(count - 2, -1, -1)]


def test_the_question_for_the_class_is_shown_only_when_the_step_has_one(qtbot, window):
    panel = open_lesson(qtbot, window, "perceptron_xor")
    step = panel.lesson.steps[0]
    assert step.predict and panel.predict.isVisible()
    assert panel.predict_text.text() == f"Ask the class: {step.predict}"
    index = next(i for i, s in enumerate(panel.lesson.steps) if not s.predict)
    panel.go_to(index)
    assert not panel.predict.isVisible()


def test_apply_changes_the_design_and_ctrl_z_undoes_it(qtbot, window):
    panel = open_lesson(qtbot, window, "perceptron_xor")
    index = next(i for i, s in enumerate(panel.lesson.steps) if s.apply)
    panel.go_to(index)
    before = window.model.design.to_dict()
    assert panel.apply_button.isVisible()
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    after, expected = window.model.design.to_dict(), panel.lesson.steps[index].applied(before)
    assert after != before and after["network"]["edges"] == expected["network"]["edges"]
    assert window.model.has_node("h1") and window.undo_stack.count() == 1
    assert not panel.apply_step()  # already made: nothing more on the stack
    assert window.undo_stack.count() == 1
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.design.to_dict() == before and not window.model.has_node("h1")


def test_apply_of_a_section_change_reaches_the_training_settings(qtbot, window):
    panel = open_lesson(qtbot, window, "optimizers")
    index = next(i for i, s in enumerate(panel.lesson.steps)
                 if any(k.startswith("training") for k in s.apply))
    panel.go_to(index)
    expected = panel.lesson.steps[index].applied(window.model.design.to_dict())["training"]
    assert panel.apply_step()
    assert window.model.design.section("training") == expected
    window.undo_stack.undo()
    assert window.model.design.section("training") != expected


def test_a_change_that_does_not_fit_says_why_and_changes_nothing(qtbot, window):
    panel = open_lesson(qtbot, window, "perceptron_xor")
    index = next(i for i, s in enumerate(panel.lesson.steps) if s.apply)
    panel.go_to(index)
    window.canvas.select_all()
    window.canvas.delete_selection()
    before, depth = window.model.design.to_dict(), window.undo_stack.count()
    step = panel.lesson.steps[index]
    broken = replace(step, apply={"network.nodes.nowhere.params.units": 3})
    panel.lesson = replace(panel.lesson, steps=(*panel.lesson.steps[:index], broken))
    assert not panel.apply_step()
    assert "nowhere" in panel.problem.text() and not panel.problem.isHidden()
    assert window.model.design.to_dict() == before and window.undo_stack.count() == depth


def test_a_change_that_does_not_fit_says_why_in_chinese(qtbot, window, qapp):
    from nnstudio.gui import language

    installed = language.install_translations(qapp, "zh_CN")
    try:
        panel = open_lesson(qtbot, window, "perceptron_xor")
        index = next(i for i, s in enumerate(panel.lesson.steps) if s.apply)
        broken = replace(panel.lesson.steps[index],
                         apply={"network.nodes.nowhere.params.units": 3})
        panel.lesson = replace(panel.lesson, steps=(*panel.lesson.steps[:index], broken))
        panel.go_to(index)
        assert not panel.apply_step()
        text = panel.problem.text()
        assert "network.nodes.nowhere.params.units" in text and "'nowhere'" in text
        assert "the network has no node" not in text and "网络中没有节点" in text
    finally:
        language.remove_translations(qapp, installed)


def test_two_panels_of_a_step_tabbed_together_are_both_put_in_view(qtbot, window):
    loss, gradients = panel_dock(window, "loss"), panel_dock(window, "gradients")
    window.tabifyDockWidget(loss, gradients)
    assert gradients in window.tabifiedDockWidgets(loss)
    open_lesson(qtbot, window, "residual")  # its first step: loss and gradients
    qtbot.wait(50)
    assert gradients not in window.tabifiedDockWidgets(loss)
    assert not loss.visibleRegion().isEmpty() and not gradients.visibleRegion().isEmpty()


def test_a_step_brings_its_panels_into_view(qtbot, window):
    panel = open_lesson(qtbot, window, "minibatch_epoch")
    for dock in window.findChildren(QDockWidget):
        if dock is not window.lessons.dock:
            dock.hide()
    panel.go_to(0)
    for name in panel.current_panels():
        assert panel_dock(window, name).isVisible(), name
    assert "training" in panel.current_panels()


def test_the_lesson_speaks_the_design_files_own_chinese(qtbot, window, qapp):
    from nnstudio.gui import language

    installed = language.install_translations(qapp, "zh_CN")
    try:
        panel = open_lesson(qtbot, window, "perceptron_xor")
        chinese = Design.load(LESSONS / "perceptron_xor.json").lesson.localized("zh_CN")
        assert panel.step_title.text() == chinese.steps[0].title
        assert panel.name.text() == chinese.name == window.model.design.name
    finally:
        language.remove_translations(qapp, installed)


def test_lesson_texts_are_plain_text(qtbot, window, tmp_path):
    doc = Design.load(LESSONS / "perceptron_xor.json").to_dict()
    doc["lesson"]["steps"][0]["title"] = "<b>bold</b>"
    path = tmp_path / "html.json"
    Design.from_dict(doc).save(path)
    panel = open_lesson(qtbot, window, "perceptron_xor")
    assert window.lessons.open_lesson(path)
    assert panel.step_title.text() == "<b>bold</b>"
    assert panel.step_title.textFormat() == Qt.TextFormat.PlainText


def test_the_lesson_column_runs_full_height_only_while_the_dock_is_shown(qtbot, window):
    corner = Qt.Corner.BottomRightCorner
    assert window.corner(corner) == Qt.DockWidgetArea.BottomDockWidgetArea
    open_lesson(qtbot, window, "dropout")
    assert window.corner(corner) == Qt.DockWidgetArea.RightDockWidgetArea
    window.lessons.dock.toggleViewAction().trigger()  # View ▸ Lesson, or the dock's ✕
    assert window.lessons.dock.isHidden()
    assert window.corner(corner) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert window.lessons.dock.toggleViewAction() in window.view_menu.actions()


def test_the_worker_picks_an_applied_network_up_as_any_edit(qtbot, window, monkeypatch):
    panel = open_lesson(qtbot, window, "perceptron_xor")
    reloaded = []
    monkeypatch.setattr(window.training.controller, "reload", reloaded.append)
    panel.go_to(next(i for i, s in enumerate(panel.lesson.steps) if "network" in s.apply))
    assert panel.apply_step()
    qtbot.waitUntil(lambda: bool(reloaded), timeout=5_000)
    assert any(node["id"] == "h1" for node in reloaded[0].nodes)
