"""The Lesson dock: the open design's lesson, one step at a time.

It shows the introduction, then the current step ("Step 2 of 5"): its title, its text and the
question for the class (`predict`), set off in a box; Back / Next walk the steps, Apply makes the
step's change as one undoable edit, and each step brings its panels into view. Every text comes
from the design file and is shown as plain text, in the interface's language.

The presentation mode drives it through `next_step`, `previous_step`, `current_panels` and the
`stepChanged(int)` signal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.design import DesignError
from nnstudio.design.lesson import Lesson, LessonStep
from nnstudio.gui import language, theme
from nnstudio.gui.design_text import problem_text
from nnstudio.gui.lessons.apply import ApplyStep
from nnstudio.gui.model import DesignModel
from nnstudio.gui.panels.base import panel_types

#: the one table from a lesson's panel ids (nnstudio.design.lesson.PANELS) to the window's docks:
#: each dashboard panel's declared lesson id (Placement.lesson_id), then the window's own docks
PANEL_DOCKS: Mapping[str, str] = {
    **{kind.placement.lesson_id: f"{kind.__name__}Dock" for kind in panel_types()},
    "data": "dataDock",
    "training": "trainingDock",
    "inspector": "inspectorDock",
    "summary": "summaryDock",
    "step_through": "stepThroughDock",  # showing it turns step-through mode on
}
#: the object name of the Lesson dock
LESSON_DOCK = "lessonDock"
PREDICT_STYLE = (f"QFrame#predict {{ background: #FFF4DC; border-left: 5px solid "
                 f"{theme.CLASS_COLOURS[0]}; border-radius: 4px; }}")


def panel_dock(window: QMainWindow, panel: str) -> QDockWidget | None:
    """The window's dock that shows lesson panel `panel` (None if the window has none)."""
    name = PANEL_DOCKS.get(panel)
    return window.findChild(QDockWidget, name) if name else None


def bring_into_view(window: QMainWindow, panels: tuple[str, ...]) -> None:
    """Show and raise the docks of `panels` (a hidden one is shown; a tabbed one comes to the
    front of its tabs). Two of them tabbed together would hide one another: the later one moves
    to a group of the same dock area that shows none of them (nor the lesson), if there is one."""
    docks = [dock for dock in (panel_dock(window, panel) for panel in panels) if dock is not None]
    for dock in docks:
        dock.show()
    fronted: list[QDockWidget] = []
    for dock in docks:
        if any(other in window.tabifiedDockWidgets(dock) for other in fronted):
            target = _free_group(window, dock, docks)
            if target is not None:
                window.tabifyDockWidget(target, dock)
        dock.raise_()
        fronted.append(dock)


def _free_group(window: QMainWindow, dock: QDockWidget,
                keep: list[QDockWidget]) -> QDockWidget | None:
    """A shown, docked dock in `dock`'s area whose tab group holds none of `keep` and not the
    Lesson dock; None if there is none."""
    area = window.dockWidgetArea(dock)
    for other in window.findChildren(QDockWidget):
        if (other in keep or other.isHidden() or other.isFloating()
                or window.dockWidgetArea(other) != area):
            continue
        group = [other, *window.tabifiedDockWidgets(other)]
        if not any(d in keep or d.objectName() == LESSON_DOCK for d in group):
            return other
    return None


def _text_label(point_delta: int = 0, bold: bool = False) -> QLabel:
    """A word-wrapped, selectable plain-text label, its font `point_delta` points larger."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() + point_delta)
    font.setBold(bold)
    label.setFont(font)
    return label


class LessonPanel(QWidget):
    """The lesson of the design in `model`, step by step; Apply pushes onto `undo_stack`.

    `show_panels` is called with a step's panel ids when the step is shown.
    """

    #: the step now shown (0-based)
    stepChanged = Signal(int)

    def __init__(self, model: DesignModel, undo_stack: QUndoStack,
                 show_panels: Callable[[tuple[str, ...]], None] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.model, self.undo_stack = model, undo_stack
        self.show_panels = show_panels
        self.lesson: Lesson | None = None
        self.index = 0
        self._build()
        model.modelReset.connect(self.follow_design)
        self.follow_design()

    # -- the API the presentation mode uses ---------------------------------------------------
    def next_step(self) -> bool:
        """Show the next step; False at the last one (or without a lesson)."""
        return self.go_to(self.index + 1)

    def previous_step(self) -> bool:
        """Show the step before; False at the first one (or without a lesson)."""
        return self.go_to(self.index - 1)

    def current_panels(self) -> tuple[str, ...]:
        """The panel ids the current step brings into view (() without a lesson)."""
        step = self.current_step()
        return step.panels if step is not None else ()

    # -- steps --------------------------------------------------------------------------------
    def current_step(self) -> LessonStep | None:
        return self.lesson.steps[self.index] if self.lesson is not None else None

    def go_to(self, index: int) -> bool:
        """Show step `index`; False when there is no such step."""
        if self.lesson is None or not 0 <= index < len(self.lesson.steps):
            return False
        self.index = index
        self._show_step()
        self.stepChanged.emit(index)
        return True

    def follow_design(self) -> None:
        """Show the lesson of the design now open, from its first step (none: empty)."""
        lesson = self.model.design.lesson
        self.lesson = lesson.localized(language.in_use()) if lesson is not None else None
        self.index = 0
        if self.lesson is not None:
            self.name.setText(self.lesson.name)
            self.introduction.setText(self.lesson.introduction)
            self.intro_toggle.setVisible(bool(self.lesson.introduction))
            self._show_step()
            self.stepChanged.emit(0)

    def apply_step(self) -> bool:
        """Make the current step's change as one undoable edit; False when it has none, it is
        already made, or it does not fit the design (the reason is shown)."""
        step = self.current_step()
        if step is None or not step.apply:
            return False
        current = self.model.design.to_dict()
        try:
            new = step.applied(current)
        except DesignError as exc:
            self.problem.setText(self.tr("This step's change does not fit the design: "
                                         "{problem}").format(
                problem=problem_text(exc.problems[0])))
            self.problem.show()
            return False
        if new == current:
            self.problem.setText(self.tr("This step's change is already made."))
            self.problem.show()
            return False
        self.problem.hide()
        self.undo_stack.push(ApplyStep(self.model, new, self.tr("Apply “{step}”").format(
            step=step.title)))
        return True

    def _show_step(self) -> None:
        assert self.lesson is not None
        step = self.lesson.steps[self.index]
        self.counter.setText(self.tr("Step {number} of {count}").format(
            number=self.index + 1, count=len(self.lesson.steps)))
        self.step_title.setText(step.title)
        self.step_text.setText(step.text)
        self.predict_text.setText(self.tr("Ask the class: {question}").format(
            question=step.predict))
        self.predict.setVisible(bool(step.predict))
        self.apply_button.setVisible(bool(step.apply))
        self.problem.hide()
        # the introduction in full at the start, folded away later to leave room for the step
        self.intro_toggle.setChecked(self.index == 0 and bool(self.lesson.introduction))
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.lesson.steps) - 1)
        self.scroller.verticalScrollBar().setValue(0)
        if self.show_panels is not None and step.panels:
            self.show_panels(step.panels)

    def _fold_introduction(self, shown: bool) -> None:
        self.intro_toggle.setArrowType(Qt.ArrowType.DownArrow if shown
                                       else Qt.ArrowType.RightArrow)
        self.introduction.setVisible(shown)

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.name = _text_label(2, bold=True)
        self.introduction = _text_label()
        self.introduction.hide()
        self.intro_toggle = QToolButton()
        self.intro_toggle.setText(self.tr("Introduction"))
        self.intro_toggle.setCheckable(True)
        self.intro_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.intro_toggle.setAutoRaise(True)
        self.intro_toggle.toggled.connect(self._fold_introduction)
        self.counter = _text_label()
        self.counter.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        self.step_title = _text_label(2, bold=True)
        self.step_text = _text_label()
        self.predict_text = _text_label(bold=True)
        self.predict = QFrame()
        self.predict.setObjectName("predict")
        self.predict.setStyleSheet(PREDICT_STYLE)
        box = QVBoxLayout(self.predict)
        box.setContentsMargins(12, 8, 8, 8)
        box.addWidget(self.predict_text)
        self.problem = _text_label()
        self.problem.setStyleSheet(f"color: {theme.ERROR_COLOUR};")
        self.problem.hide()
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setSpacing(10)
        for widget in (self.name, self.intro_toggle, self.introduction, rule, self.counter,
                       self.step_title, self.step_text, self.predict, self.problem):
            column.addWidget(widget)
        column.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidget(content)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.back_button = QPushButton(self.tr("◀ Back"))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setToolTip(self.tr("Make this step's change to the design "
                                             "(Undo takes it back)"))
        self.back_button.clicked.connect(self.previous_step)
        self.next_button.clicked.connect(self.next_step)
        self.apply_button.clicked.connect(self.apply_step)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.apply_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.scroller, 1)
        layout.addLayout(buttons)
