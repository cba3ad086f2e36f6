"""File ▸ Export Figure… and File ▸ Record…: what to export or record, its size, frame rate,
format and file, and the "● Recording 0:12 · Stop" indicator in the status bar."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QToolButton,
    QWidget,
)

from nnstudio.gui import figures, recorder
from nnstudio.gui.figures import FigureError, Subject
from nnstudio.gui.recorder import Recorder, RecordingError

if TYPE_CHECKING:
    from nnstudio.gui.main_window import MainWindow

#: figure sizes offered (pixels)
SIZE_PRESETS = ((1280, 720), (1920, 1080), (2560, 1440), (3840, 2160))
DEFAULT_SIZE = (1920, 1080)
DEFAULT_FPS = 10
DEFAULT_WIDTH = 800
RECORDING_COLOUR = "#C62828"
#: the least width of a file name field (pixels)
PATH_WIDTH = 380


def _tr(text: str) -> str:
    return QCoreApplication.translate("FigureDialogs", text)


@dataclass(frozen=True)
class Target:
    """Something the window can export or record: its name in the dialogs and in file names,
    the widget it is, and how to make its figure."""

    title: str
    key: str
    widget: QWidget
    subject: Callable[[], Subject]


def file_key(title: str) -> str:
    """A file-name part made of a title: "Loss & accuracy" → "loss-accuracy"."""
    return re.sub(r"[^\w]+", "-", title.lower()).strip("-") or "figure"


def widget_figure(widget: QWidget) -> Callable[[], Subject]:
    return lambda: figures.widget_subject(widget)


def panel_targets(window: MainWindow) -> list[Target]:
    """One target per dashboard panel whose dock is open."""
    targets = []
    for dock in window.panel_docks:
        panel = dock.widget()
        if dock.isVisible() or dock.toggleViewAction().isChecked():
            key = file_key(type(panel).__name__.removesuffix("Panel"))
            targets.append(Target(dock.windowTitle(), key, panel, widget_figure(panel)))
    return targets


def figure_targets(window: MainWindow) -> list[Target]:
    """The canvas, the dashboard, then each open panel."""
    return [Target(_tr("Canvas (the network)"), "canvas", window.canvas,
                   lambda: figures.scene_subject(window.canvas.scene())),
            Target(_tr("Dashboard (every panel in view)"), "dashboard", window,
                   lambda: figures.dashboard_subject(window)),
            *panel_targets(window)]


def recording_targets(window: MainWindow) -> list[Target]:
    """The whole window, then each open panel."""
    return [Target(_tr("Whole window"), "window", window,
                   lambda: figures.widget_subject(window)),
            *panel_targets(window)]


def default_folder(window: MainWindow) -> Path:
    path = window.model.path
    return path.parent if path is not None else Path.home()


def proposed_name(window: MainWindow, target: Target, fmt: str) -> str:
    """"spiral-canvas.png": the design's file name (or its name) and what is shown."""
    path = window.model.path
    design = path.stem if path is not None else window.model.design.name or "nnstudio"
    return f"{file_key(design)}-{target.key}.{fmt}"


def file_row(edit: QLineEdit, browse: Callable[[], None]) -> QWidget:
    """A file name field with a Browse… button beside it."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    edit.setMinimumWidth(PATH_WIDTH)
    layout.addWidget(edit, 1)
    button = QPushButton(_tr("Browse…"))
    button.clicked.connect(browse)
    layout.addWidget(button)
    return row


class ExportFigureDialog(QDialog):
    """What to export (canvas, dashboard, a panel), its size in pixels, PNG or SVG, the file."""

    def __init__(self, window: MainWindow, folder: Path, size: tuple[int, int] = DEFAULT_SIZE):
        super().__init__(window)
        self.setWindowTitle(self.tr("Export Figure"))
        self.folder = folder
        self.targets = figure_targets(window)
        self.target = QComboBox()
        for target in self.targets:
            self.target.addItem(target.title)
        self.preset = QComboBox()
        for w, h in SIZE_PRESETS:
            self.preset.addItem(f"{w} × {h}", f"{w}x{h}")
        self.preset.addItem(self.tr("Custom"), None)
        self.width_box, self.height_box = self._side(size[0]), self._side(size[1])
        self.keep_shape = QCheckBox(self.tr("Keep the shape it has on screen"))
        self.format = QComboBox()
        self.format.addItem(self.tr("PNG image"), "png")
        self.format.addItem(self.tr("SVG drawing (for slides; scales to any size)"), "svg")
        self.path = QLineEdit()
        self._build_form()
        self._select_preset(size)
        self.preset.currentIndexChanged.connect(self._on_preset)
        self.target.currentIndexChanged.connect(self._on_target)
        self.keep_shape.toggled.connect(self._follow_shape)
        self.width_box.valueChanged.connect(self._on_width)
        self.height_box.valueChanged.connect(self._sync_preset)
        self.format.currentIndexChanged.connect(self._on_format)
        self._on_target()

    @property
    def window_(self) -> MainWindow:
        """The window the dialog belongs to (its parent, never a Python reference: see
        FigureActions.window)."""
        return cast("MainWindow", self.parentWidget())

    @staticmethod
    def _side(value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(figures.MIN_SIDE, figures.MAX_SIDE)
        box.setValue(value)
        box.setSuffix(" px")
        return box

    def _build_form(self) -> None:
        form = QFormLayout(self)
        form.addRow(self.tr("Show:"), self.target)
        form.addRow(self.tr("Size:"), self.preset)
        sides = QWidget()
        row = QHBoxLayout(sides)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.width_box)
        row.addWidget(QLabel("×"))
        row.addWidget(self.height_box)
        row.addStretch(1)
        form.addRow("", sides)
        form.addRow("", self.keep_shape)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("File:"), file_row(self.path, self.browse))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    # -- choices ------------------------------------------------------------------------------
    def chosen(self) -> Target:
        return self.targets[self.target.currentIndex()]

    def figure_size(self) -> QSize:
        """The figure's size in pixels."""
        return QSize(self.width_box.value(), self.height_box.value())

    def chosen_path(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _select_preset(self, size: tuple[int, int]) -> None:
        index = self.preset.findData(f"{size[0]}x{size[1]}")
        self.preset.setCurrentIndex(index if index >= 0 else self.preset.count() - 1)

    def _on_preset(self) -> None:
        size = self.preset.currentData()
        if size is not None:
            width, height = (int(side) for side in size.split("x"))
            self.keep_shape.setChecked(False)
            self.width_box.setValue(width)
            self.height_box.setValue(height)

    def _on_target(self) -> None:
        target = self.chosen()
        # the dashboard is a wide strip: by default its figure keeps that shape
        self.keep_shape.setChecked(target.key == "dashboard")
        self._follow_shape()
        self._propose_path()

    def _on_width(self) -> None:
        self._follow_shape()
        self._sync_preset()

    def _sync_preset(self) -> None:
        """Show the preset the two sides make, or Custom."""
        self.preset.blockSignals(True)
        self._select_preset((self.width_box.value(), self.height_box.value()))
        self.preset.blockSignals(False)

    def _on_format(self) -> None:
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix("." + self.format.currentData())))

    def _follow_shape(self) -> None:
        """With "keep the shape": the height that keeps the target's on-screen proportions."""
        self.height_box.setEnabled(not self.keep_shape.isChecked())
        if not self.keep_shape.isChecked():
            return
        shape = self.on_screen_shape()
        if shape.isEmpty():
            return
        height = round(self.width_box.value() * shape.height() / shape.width())
        self.height_box.setValue(max(figures.MIN_SIDE, min(figures.MAX_SIDE, height)))

    def on_screen_shape(self) -> QSize:
        target = self.chosen()
        if target.key == "dashboard":
            return figures.dashboard_rect(self.window_).size()
        if target.key == "canvas":
            margin = figures.SCENE_MARGIN
            rect = self.window_.canvas.scene().itemsBoundingRect()
            return rect.adjusted(-margin, -margin, margin, margin).size().toSize()
        return target.widget.size()

    def _propose_path(self) -> None:
        name = proposed_name(self.window_, self.chosen(), self.format.currentData())
        self.path.setText(str(self.folder / name))

    def browse(self) -> None:
        fmt = self.format.currentData()
        filters = {"png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG drawing (*.svg)")}
        path, chosen_filter = QFileDialog.getSaveFileName(
            self, self.tr("Export Figure"), self.path.text(),
            ";;".join([filters[fmt], *(f for k, f in filters.items() if k != fmt)]))
        if path:
            if not Path(path).suffix:
                path += ".svg" if chosen_filter == filters["svg"] else ".png"
            self.path.setText(path)
            index = self.format.findData(Path(path).suffix.lower().lstrip("."))
            if index >= 0:
                self.format.blockSignals(True)
                self.format.setCurrentIndex(index)
                self.format.blockSignals(False)

    # -- the export ---------------------------------------------------------------------------
    def export(self) -> Path:
        """Write the chosen figure; FigureError (a message for the user) when it cannot."""
        target, path = self.chosen(), self.chosen_path()
        if not path.name:
            raise FigureError(self.tr("Choose a file to export to."))
        if not path.suffix:
            path = path.with_suffix("." + self.format.currentData())
        return figures.export_figure(target.subject(), path, self.figure_size(), target.title)


class RecordDialog(QDialog):
    """What to record (the whole window or a panel), frames a second, width, GIF or WebP, the
    file the recording is saved to when it stops."""

    def __init__(self, window: MainWindow, folder: Path, fps: int = DEFAULT_FPS,
                 width: int = DEFAULT_WIDTH):
        super().__init__(window)
        self.setWindowTitle(self.tr("Record"))
        self.folder = folder
        self.targets = recording_targets(window)
        self.target = QComboBox()
        for target in self.targets:
            self.target.addItem(target.title)
        self.fps = QSpinBox()
        self.fps.setRange(recorder.MIN_FPS, recorder.MAX_FPS)
        self.fps.setValue(fps)
        self.fps.setSuffix(self.tr(" frames/s"))
        self.width_box = QSpinBox()
        self.width_box.setRange(recorder.MIN_WIDTH, recorder.MAX_WIDTH)
        self.width_box.setValue(width)
        self.width_box.setSuffix(" px")
        self.format = QComboBox()
        self.format.addItem(self.tr("Animated GIF (plays everywhere)"), "gif")
        self.format.addItem(self.tr("Animated WebP (smaller, sharper)"), "webp")
        self.path = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Record:"), self.target)
        form.addRow(self.tr("Frame rate:"), self.fps)
        form.addRow(self.tr("Width:"), self.width_box)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("File:"), file_row(self.path, self.browse))
        limit = QLabel(self.tr("A recording stops by itself after {seconds} s. "
                               "Press Stop in the status bar to end and save it.")
                       .format(seconds=recorder.MAX_SECONDS))
        limit.setWordWrap(True)
        form.addRow(limit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.tr("Start Recording"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.target.currentIndexChanged.connect(self._propose_path)
        self.format.currentIndexChanged.connect(self._propose_path)
        self._propose_path()

    @property
    def window_(self) -> MainWindow:
        """The window the dialog belongs to (its parent, never a Python reference: see
        FigureActions.window)."""
        return cast("MainWindow", self.parentWidget())

    def chosen(self) -> Target:
        return self.targets[self.target.currentIndex()]

    def chosen_path(self) -> Path:
        path = Path(self.path.text().strip()).expanduser()
        return path if path.suffix else path.with_suffix("." + self.format.currentData())

    def _propose_path(self) -> None:
        name = proposed_name(self.window_, self.chosen(), self.format.currentData())
        self.path.setText(str(self.folder / name))

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Record"), self.path.text(),
            self.tr("Animations (*.gif *.webp)"))
        if path:
            self.path.setText(path)

    def recorder(self) -> Recorder:
        """A recorder of the chosen target (not started); RecordingError for a bad file name."""
        path = self.chosen_path()
        recorder.animation_format(path)
        if not path.parent.is_dir():
            raise RecordingError(self.tr("The folder {folder} does not exist.")
                                 .format(folder=path.parent))
        return Recorder(self.chosen().widget, self.fps.value(), self.width_box.value(),
                        parent=self.window_)


class RecordingIndicator(QWidget):
    """"● Recording 0:12" and a Stop button, for the status bar."""

    def __init__(self, stop: Callable[[], None], parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setStyleSheet(f"color: {RECORDING_COLOUR}; font-weight: bold;")
        self.stop_button = QToolButton()
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.clicked.connect(stop)
        layout.addWidget(self.label)
        layout.addWidget(self.stop_button)
        self.show_time(0.0)

    def show_time(self, seconds: float) -> None:
        whole = int(seconds)
        self.label.setText(self.tr("● Recording {time}").format(
            time=f"{whole // 60}:{whole % 60:02d}"))

    def show_saving(self) -> None:
        self.label.setText(self.tr("Saving the recording…"))
        self.stop_button.setEnabled(False)


class FigureActions(QObject):
    """The window's File ▸ Export Figure… and File ▸ Record… and the recording under way."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.size = DEFAULT_SIZE
        self.fps, self.width = DEFAULT_FPS, DEFAULT_WIDTH
        self.folder: Path | None = None
        self.recorder: Recorder | None = None
        self.path: Path | None = None
        self.indicator: RecordingIndicator | None = None
        self.export_action = QAction(self.tr("Export &Figure…"), window)
        self.export_action.setShortcut("Ctrl+Shift+E")
        self.export_action.setStatusTip(self.tr(
            "Save the canvas, a panel or the dashboard as a PNG or SVG picture"))
        self.export_action.triggered.connect(self.ask_export)
        self.record_action = QAction(self.tr("&Record…"), window)
        self.record_action.setShortcut("Ctrl+Shift+R")
        self.record_action.setStatusTip(self.tr(
            "Record the window or a panel while it trains, as an animated GIF or WebP"))
        self.record_action.triggered.connect(self.toggle_recording)

    @property
    def window(self) -> MainWindow:
        """The window (its Qt parent: a Python reference would keep it alive in a cycle,
        which the garbage collector could then free from any thread)."""
        return cast("MainWindow", self.parent())

    def _folder(self) -> Path:
        return self.folder or default_folder(self.window)

    # -- figures ------------------------------------------------------------------------------
    def ask_export(self) -> None:
        dialog = ExportFigureDialog(self.window, self._folder(), self.size)
        while dialog.exec() == QDialog.DialogCode.Accepted and not self.export_from(dialog):
            pass
        dialog.deleteLater()

    def export_from(self, dialog: ExportFigureDialog) -> bool:
        """Export what `dialog` says; an error reaches the user as a message. True if written."""
        try:
            path = dialog.export()
        except FigureError as error:
            self.window.show_error(self.tr("Could not export the figure"), str(error))
            return False
        size = dialog.figure_size()
        self.size, self.folder = (size.width(), size.height()), path.parent
        self.window.show_status(self.tr("Figure saved: {path} ({w} × {h})")
                                .format(path=path, w=size.width(), h=size.height()))
        return True

    # -- recordings ---------------------------------------------------------------------------
    def toggle_recording(self) -> None:
        if self.recorder is not None and self.recorder.recording:
            self.recorder.stop()
        elif self.recorder is None or not self.recorder.saving:
            self.ask_record()

    def ask_record(self) -> None:
        dialog = RecordDialog(self.window, self._folder(), self.fps, self.width)
        while dialog.exec() == QDialog.DialogCode.Accepted and not self.start_from(dialog):
            pass
        dialog.deleteLater()

    def start_from(self, dialog: RecordDialog) -> bool:
        """Start recording what `dialog` says; a bad file name reaches the user as a message."""
        try:
            self.start(dialog.recorder(), dialog.chosen_path())
        except RecordingError as error:
            self.window.show_error(self.tr("Could not record"), str(error))
            return False
        self.fps, self.width = dialog.fps.value(), dialog.width_box.value()
        return True

    def start(self, recording: Recorder, path: Path) -> None:
        """Show the indicator, and record until Stop; then save to `path`."""
        self.recorder, self.path, self.folder = recording, path, path.parent
        self.indicator = RecordingIndicator(recording.stop)
        self.window.statusBar().addPermanentWidget(self.indicator)
        recording.progress.connect(self.indicator.show_time)
        recording.stopped.connect(self._on_stopped)
        recording.saved.connect(self._on_saved)
        recording.failed.connect(self._on_failed)
        self.record_action.setText(self.tr("Stop &Recording"))
        recording.start()

    def _on_stopped(self, reason: str) -> None:
        if reason:
            self.window.show_status(reason)
        if self.indicator is not None:
            self.indicator.show_saving()
        if self.recorder is not None and self.path is not None:
            self.recorder.save(self.path)

    def _on_saved(self, path: str, frames: int) -> None:
        self._finish()
        self.window.show_status(self.tr("Recording saved: {path} ({frames} frames)")
                                .format(path=path, frames=frames))

    def _on_failed(self, message: str) -> None:
        """Offer to save the frames elsewhere; they are dropped only when the user declines."""
        path = self.ask_other_path(message)
        if path is not None and self.recorder is not None:
            self.path = path
            self.recorder.save(path)
        else:
            self._finish()

    def ask_other_path(self, message: str) -> Path | None:
        """After a failed save (`message`): another file to save the recording to, or None."""
        if not self.window.offer_save_as(message):
            return None
        name, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save the Recording As"), str(self.path or ""),
            self.tr("Animations (*.gif *.webp)"))
        return Path(name) if name else None

    # -- closing the window -------------------------------------------------------------------
    def confirm_close(self) -> bool:
        """Before the window closes: a save under way is waited for, and a recording under way
        is saved to its file (another if that fails) or discarded, as the user says. False:
        the user cancelled, the window stays open and the recording goes on."""
        recording = self.recorder
        if recording is None:
            return True
        if recording.saving:
            recording.wait_saved()
            return True
        if not recording.recording:
            return True
        answer = self.ask_save_recording()
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            self._save_before_closing(recording)
        else:
            recording.discard()
        self._finish()
        return True

    def ask_save_recording(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel: what to do with the recording under way as the window
        closes."""
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                   | QMessageBox.StandardButton.Cancel)
        return QMessageBox.question(
            self.window, self.tr("Recording under way"),
            self.tr("The window is closing while a recording is under way. "
                    "Save the recording to {path}?").format(path=self.path),
            buttons, QMessageBox.StandardButton.Save)

    def _save_before_closing(self, recording: Recorder) -> None:
        """Write the recording now to its file; if that fails, to another file the user
        picks, until it is written or the user gives up."""
        path = self.path
        while path is not None:
            try:
                recording.save_now(path)
            except RecordingError as error:
                path = self.ask_other_path(str(error))
            else:
                return

    def _finish(self) -> None:
        """Take the indicator away and let go of the frames."""
        if self.recorder is not None:
            self.recorder.frames.clear()
        if self.indicator is not None:
            self.window.statusBar().removeWidget(self.indicator)
            self.indicator.deleteLater()
            self.indicator = None
        self.record_action.setText(self.tr("&Record…"))


def confirm_close(window: MainWindow) -> bool:
    """`FigureActions.confirm_close` of `window` (True if it has none)."""
    actions = window.findChild(FigureActions)
    return actions is None or actions.confirm_close()


def install_figure_actions(window: MainWindow) -> list[QAction]:
    """Give `window` File ▸ Export Figure… and File ▸ Record… (window.act["export_figure"],
    window.act["record"]); returns the two actions for the File menu."""
    actions = FigureActions(window)
    window.act["export_figure"] = actions.export_action
    window.act["record"] = actions.record_action
    return [actions.export_action, actions.record_action]
