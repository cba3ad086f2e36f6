"""Presentation mode (F5, View ▸ Present, `nnstudio --present FILE`): the window full screen for
a lecture hall.

Every text is scaled for the screen's height (`scale.TextScale.set_boost`: 24 px and more at
1080 lines), lines and markers with it. The chrome gives way to the canvas, the lesson step and
the panels the step names (else the loss and the panel that suits the data), under a thin bar in
large type: Play state, epoch, loss. Keys (and presentation clickers, which send PageDown and
PageUp): PageDown / PageUp the next / previous lesson step, B or Space Play / Pause, Right one
step, Esc (or F5) leaves and gives the window back as it was: docks, sizes, toolbars, zoom and
full-screen state.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTransform,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QToolBar,
    QWidget,
)

from nnstudio.gui import theme
from nnstudio.gui.canvas import style as canvas_style
from nnstudio.gui.lessons.panel import LESSON_DOCK, panel_dock
from nnstudio.gui.scale import follow_on_canvas, install_text_actions, text_scale

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from nnstudio.core.monitor import Snapshot
    from nnstudio.gui.main_window import MainWindow

#: the text boost at a screen of 1 080 lines; it follows the screen's height linearly
BOOST_AT_1080 = 1.6
#: ... but never below this share of it (a 768-line projector keeps legible text)
MIN_HEIGHT_SHARE = 0.75
#: the smallest text height presentation mode aims at, in pixels at 1 080 lines
TARGET_TEXT_PX = 24.0
#: at most this many panels are shown beside the canvas
MAX_PANELS = 3
#: the panels shown when no lesson step names any: the loss and the first that suits the data
DEFAULT_PANELS = ("loss",)
SUITED_PANELS = ("boundary", "curve", "samples", "features")
#: shares of the window: the lesson column's width, the panels' height
LESSON_WIDTH_SHARE = 0.3
PANELS_HEIGHT_SHARE = 0.5
BAR_NAME = "presentationBar"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Presentation", text)


class LessonSteps(Protocol):
    """What presentation mode needs of the Lesson panel."""

    stepChanged: SignalInstance

    def next_step(self) -> bool: ...

    def previous_step(self) -> bool: ...

    def current_panels(self) -> tuple[str, ...]: ...


def boost_for(height: int) -> float:
    """The text boost for a screen of `height` pixels (1.6 at 1 080 lines)."""
    return BOOST_AT_1080 * max(MIN_HEIGHT_SHARE, height / 1080)


@dataclass
class _Saved:
    """The window as it was before presentation mode."""

    geometry: QByteArray
    rect: QRect
    state: QByteArray
    window_state: Qt.WindowState
    menu_bar: bool
    status_bar: bool
    canvas: QTransform
    canvas_centre: tuple[float, float]


class PresentationBar(QWidget):
    """The thin bar in large type: Play state, epoch and loss, and the keys."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.readout = QLabel()
        self.loss = math.nan
        self.keys = QLabel(_tr("PageDown / PageUp: step · B: Play / Pause · →: one step · "
                               "Esc: leave"))
        for label in (self.readout, self.keys):
            label.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.readout.font())
        bold.setBold(True)
        self.readout.setFont(bold)
        muted = self.keys.palette()
        muted.setColor(QPalette.ColorRole.WindowText, QColor(theme.MUTED_TEXT))
        self.keys.setPalette(muted)  # a style sheet would stop the font following the scale
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 2, 12, 2)
        row.addWidget(self.readout)
        row.addStretch(1)
        row.addWidget(self.keys)
        self.show_state(False, 0, math.nan)

    def show_state(self, running: bool, epoch: int, loss: float) -> None:
        """`running` or paused, the epoch under way (1-based) and the latest loss (nan: none)."""
        parts = [_tr("Training") if running else _tr("Paused"),
                 _tr("epoch {epoch}").format(epoch=epoch)]
        if math.isfinite(loss):
            parts.append(_tr("loss {loss:.4g}").format(loss=loss))
        self.readout.setText("  ·  ".join(parts))

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """The state of a nnstudio.core.monitor.Snapshot: the epoch under way, the latest
        batch loss (step_losses, (k,)) kept until a new run begins."""
        if len(snapshot.step_losses):
            self.loss = float(snapshot.step_losses[-1])
        elif snapshot.step == 0:
            self.loss = math.nan
        epoch = snapshot.epoch + (0 if snapshot.finished else 1)
        self.show_state(snapshot.running, epoch, self.loss)


class PresentedTitle(QLabel):
    """A dock's title in presentation mode: a label in the window's (boosted) font, where Qt's
    own title bar keeps a small font whatever the dock's is."""

    def __init__(self, dock: QDockWidget):
        super().__init__(dock.windowTitle().replace("&&", "&"))  # the title bar's escape
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setContentsMargins(8, 2, 8, 2)


def present_title(dock: QDockWidget) -> None:
    """Give `dock` a large title for presentation mode (see `restore_title`)."""
    if not isinstance(dock.titleBarWidget(), PresentedTitle):
        dock.setTitleBarWidget(PresentedTitle(dock))


def restore_title(dock: QDockWidget) -> None:
    """Give `dock` back Qt's own title bar, with its float and close buttons."""
    title = dock.titleBarWidget()
    if isinstance(title, PresentedTitle):
        dock.setTitleBarWidget(None)  # type: ignore[arg-type]  # None restores Qt's own
        title.deleteLater()


class Presentation(QObject):
    """Presentation mode of one main window."""

    #: True on entering, False on leaving
    toggled = Signal(bool)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.saved: _Saved | None = None
        self.bar = PresentationBar()
        self.toolbar = QToolBar(_tr("Presentation"), window)
        self.toolbar.setObjectName(BAR_NAME)
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(self.bar)
        self.toolbar.hide()
        self.height = 1080
        self.action = QAction(_tr("&Present"), window)
        self.action.setShortcut(QKeySequence("F5"))
        self.action.setStatusTip(_tr("Full screen for the lecture hall: large text, the canvas, "
                                     "the lesson and its panels (Esc leaves)"))
        self.action.triggered.connect(self.toggle)
        window.addAction(self.action)
        #: View's actions: Present and the text scale's (set by `install_presentation`)
        self.actions: list[QAction] = [self.action]
        controller = window.training.controller
        controller.snapshotShown.connect(self.bar.show_snapshot)
        controller.runningChanged.connect(self._on_running)
        self.steps: LessonSteps = window.lessons.panel
        self.steps.stepChanged.connect(self._on_step)

    @property
    def active(self) -> bool:
        return self.saved is not None

    def toggle(self) -> None:
        if self.active:
            self.leave()
        else:
            self.enter()

    # -- entering and leaving -----------------------------------------------------------------
    def enter(self, size: QSize | None = None) -> None:
        """Present full screen, or (for screenshots and tests) at `size` in a window."""
        if self.active:
            return
        w = self.window
        self.saved = _Saved(w.saveGeometry(), w.geometry(), w.saveState(), w.windowState(),
                            w.menuBar().isVisibleTo(w), w.statusBar().isVisibleTo(w),
                            w.canvas.transform(), self._canvas_centre())
        screen = w.screen().geometry().size()
        self.height = (size or screen).height()
        text_scale().set_boost(boost_for(self.height))
        w.menuBar().hide()
        w.statusBar().hide()
        for bar in w.findChildren(QToolBar):
            bar.hide()
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.toolbar.show()
        if size is None:
            w.showFullScreen()
        else:
            w.resize(size)
        self.arrange()
        _application().installEventFilter(self)
        QTimer.singleShot(0, self, self._refit)
        self.toggled.emit(True)

    def leave(self) -> None:
        """Give the window back exactly as it was."""
        saved, self.saved = self.saved, None
        if saved is None:
            return
        _application().removeEventFilter(self)
        w = self.window
        text_scale().set_boost(1.0)
        QCoreApplication.sendPostedEvents()  # the smaller fonts' layouts first, then the state
        w.removeToolBar(self.toolbar)
        self.toolbar.hide()
        for dock in w.findChildren(QDockWidget):
            restore_title(dock)
        w.setWindowState(saved.window_state)
        w.restoreGeometry(saved.geometry)
        if saved.window_state == Qt.WindowState.WindowNoState:
            w.setGeometry(saved.rect)  # as it was, even if larger than the screen
        w.menuBar().setVisible(saved.menu_bar)
        w.statusBar().setVisible(saved.status_bar)
        QCoreApplication.sendPostedEvents()
        w.restoreState(saved.state)
        w.canvas.setTransform(saved.canvas)
        w.canvas.centerOn(*saved.canvas_centre)
        self.toggled.emit(False)

    def _canvas_centre(self) -> tuple[float, float]:
        centre = self.window.canvas.mapToScene(self.window.canvas.viewport().rect().center())
        return centre.x(), centre.y()

    # -- what is shown ------------------------------------------------------------------------
    def presented_panels(self) -> list[QDockWidget]:
        """The docks of the lesson step's panels, else of the loss and the panel that suits
        the data (at most MAX_PANELS)."""
        w = self.window
        names = self.steps.current_panels() if self._has_lesson() else ()
        if not names:
            dataset = w.training.dataset
            suited = [name for name in SUITED_PANELS if _applies(panel_dock(w, name), dataset)]
            names = (*DEFAULT_PANELS, *suited[:1])
        docks = [panel_dock(w, name) for name in names]
        return [dock for dock in docks if dock is not None][:MAX_PANELS]

    def _has_lesson(self) -> bool:
        return getattr(self.steps, "lesson", None) is not None

    def arrange(self) -> None:
        """The canvas, the Lesson dock on the right (with a lesson) and the presented panels
        side by side below the canvas; every other dock hidden. A network that fits the
        window's width at the cards' target size but not beside the lesson's column gets the
        whole width: the lesson is then the last column below it."""
        w = self.window
        panels = self.presented_panels()
        lesson = w.findChild(QDockWidget, LESSON_DOCK) if self._has_lesson() else None
        for dock in w.findChildren(QDockWidget):
            if dock is not lesson and dock not in panels:
                dock.hide()
        size = w.size()
        beside = lesson is not None and not self._lesson_below(size.width())
        w.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea
                    if beside else Qt.DockWidgetArea.BottomDockWidgetArea)
        row = [*panels, lesson] if lesson is not None and not beside else list(panels)
        if lesson is not None:
            lesson.setFloating(False)
            if beside:
                w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, lesson)
            present_title(lesson)
            lesson.show()
        for i, dock in enumerate(row):
            dock.setFloating(False)
            if i == 0:
                w.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            else:
                w.splitDockWidget(row[i - 1], dock, Qt.Orientation.Horizontal)
            present_title(dock)
            dock.show()
        if lesson is not None and beside:
            w.resizeDocks([lesson], [round(size.width() * LESSON_WIDTH_SHARE)],
                          Qt.Orientation.Horizontal)
        if row:
            w.resizeDocks([row[0]], [round(size.height() * PANELS_HEIGHT_SHARE)],
                          Qt.Orientation.Vertical)
            share = round(size.width() * (1 - (LESSON_WIDTH_SHARE if beside else 0)) / len(row))
            w.resizeDocks(row, [share] * len(row), Qt.Orientation.Horizontal)

    def _needed_zoom(self) -> float:
        """The canvas zoom at which the cards' smallest text has the target height."""
        smallest = QFontMetricsF(canvas_style.card_metrics().small_font).height()
        return TARGET_TEXT_PX * max(MIN_HEIGHT_SHARE, self.height / 1080) / smallest

    def _network_width(self) -> float:
        """The network's width in pixels at `_needed_zoom`, with the margin `fit_canvas`
        leaves at its input end on both sides."""
        rect = self.window.canvas.scene().itemsBoundingRect()
        return (rect.width() + 2 * canvas_style.PAD * 4) * self._needed_zoom()

    def _lesson_below(self, width: int) -> bool:
        """Whether the lesson goes below the canvas: the network at the target size fits a
        window `width` wide but not beside the lesson's column."""
        network = self._network_width()
        return width * (1 - LESSON_WIDTH_SHARE) < network <= width

    def fit_canvas(self) -> None:
        """Fit the network into the canvas, but never so small that the cards' smallest text
        is under the target height (a long network is then shown from its input end)."""
        canvas = self.window.canvas
        canvas.fit(readable=True)
        needed = self._needed_zoom()
        if canvas.zoom() >= needed:
            return
        rect = canvas.scene().itemsBoundingRect()
        canvas.reset_zoom()
        canvas.scale(needed, needed)
        port = canvas.viewport().rect()
        left = rect.left() - canvas_style.PAD * 4
        canvas.centerOn(max(rect.center().x(), left + port.width() / (2 * needed))
                        if rect.width() * needed <= port.width()
                        else left + port.width() / (2 * needed), rect.center().y())

    # -- reacting -----------------------------------------------------------------------------
    def _refit(self) -> None:
        """After the window took its new size (full screen comes late): lay out again."""
        if self.active:
            self.arrange()
            self.fit_canvas()

    def _on_step(self, _index: int) -> None:
        if self.active:
            self.arrange()

    def _on_running(self, running: bool) -> None:
        text = self.bar.readout.text().split("  ·  ")
        text[0] = _tr("Training") if running else _tr("Paused")
        self.bar.readout.setText("  ·  ".join(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While presenting, the window's keys are the presenter's (before any shortcut)."""
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self.window:
            QTimer.singleShot(0, self, self._refit)
            return False
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) \
                or not isinstance(event, QKeyEvent) or not self._in_window(watched):
            return False
        command = self._command(event)
        if command is None:
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress:
            command()
        return True

    def _in_window(self, watched: QObject) -> bool:
        return isinstance(watched, QWidget) and watched.window() is self.window

    def _command(self, event: QKeyEvent) -> Callable[[], object] | None:
        """The presenter's command for the key, or None."""
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return None
        controller, play = self.window.training.controller, self.window.training.controls
        trainable = play.actions["play"].isEnabled()
        key = Qt.Key(event.key())
        commands = {
            Qt.Key.Key_PageDown: self.steps.next_step,
            Qt.Key.Key_PageUp: self.steps.previous_step,
            Qt.Key.Key_Escape: self.leave,
            Qt.Key.Key_F5: self.leave,
        }
        if trainable:
            commands.update({Qt.Key.Key_B: controller.toggle, Qt.Key.Key_Space: controller.toggle,
                             Qt.Key.Key_Right: controller.step_batch})
        stepping = getattr(self.window, "step_through", None)
        if stepping is not None and stepping.active:  # step-through's Next / Back come first
            commands.update({Qt.Key.Key_Right: stepping.next, Qt.Key.Key_PageDown: stepping.next,
                             Qt.Key.Key_Left: stepping.back, Qt.Key.Key_PageUp: stepping.back})
        return commands.get(key)


def _application() -> QCoreApplication:
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("presentation mode needs the running application")
    return app


def _applies(dock: QDockWidget | None, dataset: object) -> bool:
    panel = dock.widget() if dock is not None else None
    applies = getattr(panel, "applies", None)
    return bool(applies(dataset)) if callable(applies) and dataset is not None else False


def install_presentation(window: MainWindow) -> Presentation:
    """Presentation mode and the text scale for `window` (the canvas zooms with the text);
    its `actions` are View's: Present (F5), Larger Text, Smaller Text, Reset Text Size."""
    presentation = Presentation(window)
    follow_on_canvas(window.canvas)
    presentation.actions = [presentation.action, *install_text_actions(window)]
    return presentation
