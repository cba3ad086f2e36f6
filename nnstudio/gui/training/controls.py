"""The training controls: Play/Pause, Step, Step epoch, Reset, the speed, and the read-out of
epoch, step, time, speed and loss in the status bar."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QMainWindow,
    QToolBar,
    QToolButton,
)

from nnstudio.core.monitor import Snapshot
from nnstudio.gui import theme
from nnstudio.gui.network_text import located_problem_tr
from nnstudio.gui.training.controller import TrainingController
from nnstudio.gui.training.icons import PAUSE_COLOUR, PLAY_COLOUR, training_icon
from nnstudio.gui.training.worker import LoadReport

ICON_SIZE = 40
#: the toolbars' looks as the window narrows, roomiest first: their icons' size (a fraction of
#: each toolbar's own) and whether the buttons other than the training ones keep their text
TOOLBAR_LOOKS = ((1.0, True), (0.75, True), (0.75, False), (0.6, False))
#: seconds between steps for each speed, fastest first
SPEED_DELAYS = (0.0, 0.01, 0.1, 1.0)


def clock(seconds: float) -> str:
    """0:07, 12:34, 1:02:03."""
    s = int(seconds)
    h, m, s = s // 3600, s // 60 % 60, s % 60
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class SpaceTap(QObject):
    """On the canvas, a tap of Space (pressed and released with no click in between) toggles
    training, while Space held down during a drag still pans the canvas."""

    def __init__(self, canvas: QAbstractScrollArea, action: QAction):
        super().__init__(canvas)
        self.action = action
        self._tapping = False
        canvas.installEventFilter(self)
        canvas.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self._tapping = False
        elif isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Space \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # the canvas gets the key: Space is its pan key too
                return True
            elif kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
                self._tapping = True
            elif kind == QEvent.Type.KeyRelease and not event.isAutoRepeat() and self._tapping:
                self._tapping = False
                if self.action.isEnabled():
                    self.action.trigger()
        return False


class ToolbarFitter(QObject):
    """Keeps the toolbars along the top of `window` (side by side in one row, `last` at the
    end) within the window's width, so no button hides behind a toolbar's "»": as the window
    narrows (or its text grows) they take smaller icons, then the buttons of every toolbar but
    `last` (the training one) show only their icons (their tooltips still name them); if even
    that is too wide, `last` moves to a row of its own, its buttons icon-only if need be."""

    def __init__(self, window: QMainWindow, last: QToolBar):
        super().__init__(window)
        self.window = window
        self.last = last
        #: each toolbar's own icon size and button style, as first seen
        self._looks: dict[QToolBar, tuple[QSize, Qt.ToolButtonStyle]] = {}
        self._second_row = False
        window.installEventFilter(self)
        last.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (kind == QEvent.Type.Resize and watched is self.window) or kind in (
                QEvent.Type.FontChange, QEvent.Type.LanguageChange, QEvent.Type.Show):
            self.fit()
        return False

    def toolbars(self) -> list[QToolBar]:
        """The toolbars shown along the top of the window, `last` at the end."""
        top = Qt.ToolBarArea.TopToolBarArea
        bars = [bar for bar in self.window.findChildren(QToolBar)
                if bar is not self.last and not bar.isHidden()
                and self.window.toolBarArea(bar) == top]
        return [*bars, self.last] if not self.last.isHidden() else bars

    def fit(self) -> None:
        """Choose the roomiest look whose toolbars fit the window's width."""
        bars = self.toolbars()
        for bar in bars:
            self._looks.setdefault(bar, (bar.iconSize(), bar.toolButtonStyle()))
        for look in TOOLBAR_LOOKS:
            self._apply(bars, *look)
            if sum(bar.sizeHint().width() for bar in bars) <= self.window.width():
                self._set_second_row(False)
                return
        self._set_second_row(True)
        if self.last.sizeHint().width() > self.window.width():  # even a row of its own
            self.last.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    def _apply(self, bars: list[QToolBar], icon_fraction: float, with_text: bool) -> None:
        for bar in bars:
            size, style = self._looks[bar]
            bar.setIconSize(QSize(round(size.width() * icon_fraction),
                                  round(size.height() * icon_fraction)))
            keep = with_text or bar is self.last
            bar.setToolButtonStyle(style if keep else Qt.ToolButtonStyle.ToolButtonIconOnly)

    def _set_second_row(self, wanted: bool) -> None:
        if wanted == self._second_row:
            return
        self._second_row = wanted
        if wanted:
            self.window.insertToolBarBreak(self.last)
        else:
            self.window.removeToolBarBreak(self.last)


class TrainingControls(QObject):
    """Actions (for the Training menu), the training toolbar and the status-bar read-out.
    `nodes()`: the design's nodes, in file order (to name the card a problem is about)."""

    def __init__(self, controller: TrainingController, window: QMainWindow,
                 nodes: Callable[[], Sequence[dict[str, Any]]] = tuple):
        super().__init__(window)
        self.controller = controller
        self.nodes = nodes
        self.actions: dict[str, QAction] = {}
        self._make_actions(window)
        self.speed = QComboBox()
        self.speed.addItems([self.tr("Full speed"), self.tr("Smooth: 100 steps/s"),
                             self.tr("Slow: 10 steps/s"), self.tr("Slow motion: 1 step/s")])
        self.speed.setToolTip(self.tr(
            "Full speed trains fastest and redraws a few times a second; Smooth redraws as "
            "often as the screen can; the slow speeds show every single step"))
        self.speed.currentIndexChanged.connect(
            lambda i: controller.set_speed(SPEED_DELAYS[i]))
        self.toolbar = self._make_toolbar(window)
        self.toolbar_fitter = ToolbarFitter(window, self.toolbar)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # problems quote the design's strings
        self.status.setMinimumWidth(200)
        self._loss = math.nan
        controller.runningChanged.connect(self._show_running)
        controller.snapshotShown.connect(self.show_snapshot)
        controller.loaded.connect(self._on_loaded)
        self._show_running(False)
        self._set_enabled(False)

    # -- building ------------------------------------------------------------------------------
    def _make_actions(self, window: QMainWindow) -> None:
        c = self.controller
        specs = (
            ("play", self.tr("Play"), c.toggle, "Space",
             self.tr("Start or pause training (Space)")),
            ("step", self.tr("Step"), c.step_batch, "Ctrl+Right",
             self.tr("Train on one mini-batch, then pause")),
            ("epoch", self.tr("Epoch"), c.step_epoch, "Ctrl+Shift+Right",
             self.tr("Train to the end of the current epoch, then pause")),
            ("reset", self.tr("Reset"), c.reset, "Ctrl+R",
             self.tr("Start again from fresh weights (the design's seed and settings)")),
        )
        for key, text, slot, shortcut, tip in specs:
            action = QAction(training_icon(key), text, window)
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.triggered.connect(slot)
            self.actions[key] = action

    def _make_toolbar(self, window: QMainWindow) -> QToolBar:
        bar = QToolBar(self.tr("Training"), window)
        bar.setObjectName("trainingToolBar")
        bar.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        bar.setMovable(False)
        bar.addActions(list(self.actions.values()))
        play = bar.widgetForAction(self.actions["play"])
        if isinstance(play, QToolButton):
            play.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            font = QFont(play.font())
            font.setPointSize(theme.BASE_FONT_PT + 4)
            font.setBold(True)
            play.setFont(font)
            play.setMinimumWidth(150)
        self.play_button = play
        bar.addSeparator()
        bar.addWidget(self.speed)
        return bar

    # -- state ---------------------------------------------------------------------------------
    def _set_enabled(self, enabled: bool) -> None:
        for action in self.actions.values():
            action.setEnabled(enabled)
        self.speed.setEnabled(enabled)

    def _on_loaded(self, report: LoadReport) -> None:
        self._set_enabled(report.ok)
        self._loss = math.nan
        if not report.ok:
            first = located_problem_tr(report.problem.splitlines()[0],
                                       self.nodes()) if report.problem else ""
            self.status.setText(self.tr("Cannot train yet: {problem}").format(problem=first))

    def _show_running(self, running: bool) -> None:
        play = self.actions["play"]
        play.setText(self.tr("Pause") if running else self.tr("Play"))
        play.setIcon(training_icon("pause" if running else "play"))
        colour = PAUSE_COLOUR if running else PLAY_COLOUR
        self.play_button.setStyleSheet(f"QToolButton {{ color: {colour}; }} "
                                       f"QToolButton:disabled {{ color: {theme.MUTED_TEXT}; }}")

    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Epoch, step, training time, steps per second and the latest loss."""
        if len(snapshot.step_losses):
            self._loss = float(snapshot.step_losses[-1])
        if snapshot.step == 0:
            self._loss = math.nan
        if snapshot.running:
            state = self.tr("Training")
        elif snapshot.stopped_early:
            state = self.tr("Stopped early")
        elif snapshot.finished:
            state = self.tr("Finished")
        else:
            state = self.tr("Paused")
        epoch = snapshot.epoch if snapshot.finished else snapshot.epoch + 1  # in progress
        parts = [state,
                 self.tr("epoch {epoch}").format(epoch=epoch),
                 self.tr("step {step}").format(step=snapshot.step),
                 clock(snapshot.training_time)]
        if snapshot.running:
            parts.append(self.tr("{rate:.0f} steps/s").format(rate=snapshot.steps_per_second))
        if not math.isnan(self._loss):
            parts.append(self.tr("loss {loss:.4g}").format(loss=self._loss))
        self.status.setText("  ·  ".join(parts))

