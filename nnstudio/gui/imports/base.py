"""The frame of every import dialog: path, body, split settings, message, progress, OK."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.data import DataError, paths
from nnstudio.gui.data.loader import CopyDetailsButton
from nnstudio.gui.imports.background import BackgroundLoad
from nnstudio.gui.imports.trial import design_path, trial_load
from nnstudio.gui.imports.widgets import MessageLabel, PathField, SplitSettings


def _tr(text: str) -> str:
    """`text` translated in the ImportDialog context, whichever dialog subclass shows it
    (self.tr would look it up under the subclass's name)."""
    return QCoreApplication.translate("ImportDialog", text)


#: how long closing the dialog waits for a cancelled load to stop (seconds)
STOP_WAIT = 30.0


class ImportDialog(QDialog):
    """A dialog that returns a design `data` section for one file source.

    Subclasses fill `self.body`, read the chosen file in `inspect(path)` (DataError → the
    message, OK disabled), name what is wrong with the current choice in `problem()`, and
    give their keys in `keys()`. OK trial-loads the section off the GUI thread (progress bar
    and Cancel) and accepts only if it loads; `section` then holds it.
    """

    source = ""

    def __init__(self, title: str, path_caption: str, file_filter: str = "",
                 folder: bool = False, base_dir: Path | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.base_dir = Path(base_dir) if base_dir is not None else None
        self.section: dict[str, Any] | None = None
        self.inspected: Path | None = None
        self._file_error: str | None = None
        self._failed: tuple[dict[str, Any], str] | None = None
        #: (a problem shown, the traceback of the unexpected error behind it)
        self._details: tuple[str, str] | None = None
        self._pending: dict[str, Any] = {}

        self.path_field = PathField(path_caption, file_filter, folder)
        if self.base_dir is not None:
            self.path_field.start_dir = str(self.base_dir)
        self.path_field.pathChanged.connect(self._path_changed)
        self.body = QWidget()
        self.splits = SplitSettings()
        self.splits.changed.connect(self.refresh)
        self.message = MessageLabel()
        self.copy_details = CopyDetailsButton()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress_label = QLabel()
        self.stop_button = QPushButton(_tr("Stop loading"))
        self.stop_button.clicked.connect(self.stop_loading)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.loader = BackgroundLoad(self)
        self.loader.progressed.connect(self._progressed)
        self.loader.loaded.connect(self._loaded)
        self.loader.failed.connect(self._load_failed)
        self.loader.cancelled.connect(self._load_cancelled)

        split_box = QGroupBox(_tr("Splits"))
        QVBoxLayout(split_box).addWidget(self.splits)
        busy = QHBoxLayout()
        busy.addWidget(self.progress_label)
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.stop_button)
        self._busy_row = QWidget()
        self._busy_row.setLayout(busy)
        busy.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.path_field)
        layout.addWidget(self.body, 1)
        layout.addWidget(split_box)
        news = QHBoxLayout()
        news.addWidget(self.message, 1)
        news.addWidget(self.copy_details, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(news)
        layout.addWidget(self._busy_row)
        layout.addWidget(self.buttons)
        self._busy_row.setVisible(False)
        self.fit_size(900, 720)

    # -- for subclasses ---------------------------------------------------------------------

    def inspect(self, path: Path) -> None:
        """Read what the dialog shows of `path`; DataError if it cannot be used."""
        raise NotImplementedError

    def clear(self) -> None:
        """Forget what inspect() showed (no file, or a file that failed)."""
        raise NotImplementedError

    def problem(self) -> str | None:
        """What is wrong with the current choice, or None when OK may be pressed."""
        return None

    def keys(self) -> dict[str, Any]:
        """The source's own keys for the current choice (paths as design_path gives)."""
        raise NotImplementedError

    def hint(self) -> str:
        """A line of grey text shown when all is well."""
        return ""

    # -- shared behaviour -------------------------------------------------------------------

    def fit_size(self, width: int, height: int) -> None:
        """Resize to width × height, or to what the screen has room for (projectors are
        often 1024 × 768)."""
        room = self.screen().availableGeometry().size() * 0.95
        self.resize(min(width, room.width()), min(height, room.height()))

    def relative(self, path: Path) -> str:
        return design_path(path, self.base_dir)

    def set_path(self, path: str | Path) -> None:
        """Choose the file (what Browse does after the picker), as tests do."""
        self.path_field.set_path(path)

    def current_section(self) -> dict[str, Any]:
        return {"source": self.source, **self.keys(), **self.splits.values()}

    def refresh(self) -> None:
        """Show the current problem (or the hint) and enable OK only when there is none."""
        problem = self._current_problem()
        if problem is not None:
            self.message.show_error(problem)
        else:
            self.message.show_hint(self.hint())
        self.copy_details.set_details(self._failure_details(problem))
        self.ok_button.setEnabled(problem is None and not self.loader.busy)

    def _current_problem(self) -> str | None:
        if self.inspected is None:
            return self._file_error or _tr("Choose a file to import.")
        problem = self.problem() or self.splits.problem()
        if problem is None and self._failed is not None:
            section, message = self._failed
            if section == self.current_section():
                return message
        return problem

    def _failure_details(self, problem: str | None) -> str:
        """The traceback behind `problem` when an unexpected error caused it, else ""."""
        if self._details is None or problem != self._details[0]:
            return ""
        return self._details[1]

    def _unexpected(self, exc: Exception) -> str:
        """The message for an error no reader should raise, its traceback kept for Copy
        details."""
        message = _tr("Unexpected error: {problem}").format(problem=f"{type(exc).__name__}: {exc}")
        self._details = (message, traceback.format_exc())
        return message

    def _path_changed(self, text: str) -> None:
        self.inspected = None
        self._file_error = None
        self._failed = None
        self.clear()
        path = self.path_field.path()
        if path is not None:
            try:
                if self.path_field.folder:
                    paths.folder(path)
                else:
                    paths.regular_file(path)
                self.inspect(path)
                self.inspected = path
            except DataError as exc:
                self.clear()
                self._file_error = str(exc)
            except OSError as exc:
                self.clear()
                self._file_error = _tr("Cannot read {path}: {reason}").format(
                    path=path, reason=exc.strerror or exc)
            except Exception as exc:  # a reader's bug: told, with the details to report it
                self.clear()
                self._file_error = self._unexpected(exc)
        self.refresh()

    def accept(self) -> None:
        """Trial-load the section off the GUI thread; the dialog closes once it has loaded."""
        if self.loader.busy or self._current_problem() is not None:
            return
        section = self.current_section()
        self._pending = section
        self._set_busy(True)
        self.loader.start(lambda progress: trial_load(section, self.base_dir, progress))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a path field applies the path; it does not press Import as well."""
        typing = isinstance(self.focusWidget(), QLineEdit)
        if typing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

    def stop_loading(self) -> None:
        self.loader.cancel()

    def done(self, result: int) -> None:
        if self.loader.busy:
            self.loader.cancel()
            self.loader.wait(STOP_WAIT)
        super().done(result)

    def _set_busy(self, busy: bool) -> None:
        self._busy_row.setVisible(busy)
        self.progress.setValue(0)
        self.progress_label.setText(_tr("Loading…") if busy else "")
        for widget in (self.path_field, self.body, self.splits):
            widget.setEnabled(not busy)
        self.ok_button.setEnabled(not busy)

    def _progressed(self, fraction: float) -> None:
        self.progress.setValue(round(fraction * 1000))

    def _loaded(self, dataset: object) -> None:
        self._set_busy(False)
        self.section = self._pending
        super().accept()

    def _load_failed(self, message: str) -> None:
        self._set_busy(False)
        self._failed = (self._pending, message)
        if self.loader.details:
            self._details = (message, self.loader.details)
        self.refresh()

    def _load_cancelled(self) -> None:
        self._set_busy(False)
        self.refresh()
        self.message.show_hint(_tr("Loading stopped."))
