"""File ▸ Export…: the design as a PyTorch or Keras script or an ONNX model (nnstudio.export).

The dialog asks for the format, the file and, optionally, a trained weights file (the design's
own .npz beside it when there is one); problems reach the user as a message, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from nnstudio.design.errors import DesignError
from nnstudio.design.weights import weights_path_for
from nnstudio.export import FORMATS, export_design
from nnstudio.gui.figure_dialogs import file_key, file_row

if TYPE_CHECKING:
    from nnstudio.gui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def format_titles() -> dict[str, str]:
    """Each export format's name in the dialog."""
    return {"pytorch": _tr("PyTorch script (.py)"), "keras": _tr("Keras 3 script (.py)"),
            "onnx": _tr("ONNX model (.onnx)")}


def file_filters() -> dict[str, str]:
    return {"pytorch": _tr("Python script (*.py)"), "keras": _tr("Python script (*.py)"),
            "onnx": _tr("ONNX model (*.onnx)")}


class ExportDialog(QDialog):
    """The export format, the file to write and the weights to put in it."""

    def __init__(self, window: MainWindow, folder: Path, fmt: str = "pytorch"):
        super().__init__(window)
        self.setWindowTitle(_tr("Export Design"))
        self.window_ = window
        self.folder = folder
        self.format = QComboBox()
        for key, title in format_titles().items():
            self.format.addItem(title, key)
        self.format.setCurrentIndex(max(self.format.findData(fmt), 0))
        self.path = QLineEdit()
        self.weights = QLineEdit()
        self.weights.setPlaceholderText(_tr("none: the weights training starts from"))
        design_path = window.model.path
        if design_path is not None and weights_path_for(design_path).is_file():
            self.weights.setText(str(weights_path_for(design_path)))
        self.note = QLabel(_tr("A script comes with two files beside it: its weights "
                               "(.weights.npz) and the design's data (.data.npz)."))
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(_tr("Format:"), self.format)
        form.addRow(_tr("File:"), file_row(self.path, self.browse))
        form.addRow(_tr("Weights:"), file_row(self.weights, self.browse_weights))
        form.addRow(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(_tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.format.currentIndexChanged.connect(self._on_format)
        self._propose_path()

    def chosen_format(self) -> str:
        return str(self.format.currentData())

    def chosen_path(self) -> Path:
        """The file to write, with the format's suffix when it has none."""
        path = Path(self.path.text().strip())
        return path.with_suffix(FORMATS[self.chosen_format()]) if not path.suffix else path

    def chosen_weights(self) -> Path | None:
        text = self.weights.text().strip()
        return Path(text) if text else None

    def _propose_path(self) -> None:
        model = self.window_.model
        stem = model.path.stem if model.path is not None else model.design.name or "nnstudio"
        self.path.setText(str(self.folder / (file_key(stem) + FORMATS[self.chosen_format()])))

    def _on_format(self) -> None:
        current = Path(self.path.text().strip())
        suffix = FORMATS[self.chosen_format()]
        if current.name and current.suffix != suffix:
            self.path.setText(str(current.with_suffix(suffix)))

    def browse(self) -> None:
        fmt = self.chosen_format()
        path, _ = QFileDialog.getSaveFileName(self, _tr("Export Design"), self.path.text(),
                                              file_filters()[fmt])
        if path:
            self.path.setText(path)

    def browse_weights(self) -> None:
        start = self.weights.text() or str(self.folder)
        path, _ = QFileDialog.getOpenFileName(self, _tr("Weights to Export"), start,
                                              _tr("nnstudio weights (*.npz)"))
        if path:
            self.weights.setText(path)

    def export(self) -> list[Path]:
        """Write the export; DesignError (a message for the user) when it cannot."""
        if not self.path.text().strip():
            raise DesignError(_tr("Choose a file to export to."))
        return export_design(self.window_.model.design, self.chosen_format(),
                             self.chosen_path(), self.chosen_weights())


class ExportActions(QObject):
    """The window's File ▸ Export… action, remembering the last format and folder."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.format = "pytorch"
        self.folder: Path | None = None
        self.action = QAction(_tr("&Export…"), window)
        self.action.setShortcut("Ctrl+E")
        self.action.setStatusTip(_tr(
            "Write the design as a PyTorch or Keras script with its weights and data, or as "
            "an ONNX model"))
        self.action.triggered.connect(self.ask_export)

    @property
    def window(self) -> MainWindow:
        return cast("MainWindow", self.parent())

    def _folder(self) -> Path:
        if self.folder is not None:
            return self.folder
        path = self.window.model.path
        return path.parent if path is not None else Path.home()

    def ask_export(self) -> None:
        dialog = ExportDialog(self.window, self._folder(), self.format)
        while dialog.exec() == QDialog.DialogCode.Accepted and not self.export_from(dialog):
            pass
        dialog.deleteLater()

    def export_from(self, dialog: ExportDialog) -> bool:
        """Export what `dialog` says; an error reaches the user as a message. True if written."""
        try:
            written = dialog.export()
        except DesignError as error:
            self.window.show_error(_tr("Could not export the design"), str(error))
            return False
        self.format, self.folder = dialog.chosen_format(), written[0].parent
        self.window.show_status(_tr("Exported: {path}").format(path=written[0]))
        return True


def install_export_action(window: MainWindow) -> QAction:
    """Give `window` File ▸ Export… (window.act["export"]); returns the action for the menu."""
    actions = ExportActions(window)
    window.act["export"] = actions.action
    return actions.action
