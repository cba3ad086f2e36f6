"""Pieces every import dialog shares: the path row, the split settings, the message line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from nnstudio.data.catalog import MAX_SEED
from nnstudio.gui import theme
from nnstudio.gui.data_text import data_problem_tr


class PathField(QWidget):
    """A path line-edit and a Browse… button. pathChanged(str) fires when the user finishes
    typing or picks a file; tests call set_path() instead of browsing."""

    pathChanged = Signal(str)

    def __init__(self, caption: str, file_filter: str = "", folder: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = caption
        self.file_filter = file_filter
        self.folder = folder
        self.start_dir = ""
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Choose a folder…") if folder
                                     else self.tr("Choose a file…"))
        self.edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton(self.tr("Browse…"))
        self.browse_button.clicked.connect(self.browse)
        self.edit.editingFinished.connect(self._edited)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse_button)
        self._last = ""

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: str | Path) -> None:
        self.edit.setText(str(path))
        self._edited()

    def browse(self) -> None:
        """The platform's file (or folder) picker; a chosen path replaces the current one."""
        current = self.path()
        start = str(current.parent if current else self.start_dir)
        if self.folder:
            chosen = QFileDialog.getExistingDirectory(self, self.caption, start)
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, self.caption, start, self.file_filter)
        if chosen:
            self.set_path(chosen)

    def _edited(self) -> None:
        text = self.edit.text().strip()
        if text != self._last:
            self._last = text
            self.pathChanged.emit(text)


class SplitSettings(QWidget):
    """Validation and test fractions, standardise and seed: the keys every data source takes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.validation = self._fraction(0.2)
        self.test = self._fraction(0.0)
        self.standardize = QCheckBox(self.tr("Standardise the inputs (mean 0, std 1)"))
        self.standardize.setChecked(True)
        self.standardize.setToolTip(self.tr(
            "Shift and scale every input feature (image channel) using the training split's "
            "statistics only."))
        self.seed = QSpinBox()
        self.seed.setRange(0, min(MAX_SEED, 2**31 - 1))
        self.seed.setToolTip(self.tr("The same seed gives the same split."))
        self.seed.setMinimumWidth(110)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for text, box in ((self.tr("Validation"), self.validation),
                          (self.tr("Test"), self.test), (self.tr("Seed"), self.seed)):
            label = QLabel(text)
            label.setBuddy(box)
            row.addWidget(label)
            row.addWidget(box)
            row.addSpacing(12)
        row.addWidget(self.standardize)
        row.addStretch(1)
        for box in (self.validation, self.test):
            box.valueChanged.connect(self.changed)
        self.seed.valueChanged.connect(self.changed)
        self.standardize.toggled.connect(self.changed)

    @staticmethod
    def _fraction(value: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(0.0, 0.9)
        box.setSingleStep(0.05)
        box.setDecimals(2)
        box.setValue(value)
        box.setToolTip(QCoreApplication.translate(
            "SplitSettings", "Fraction of the samples held out of training."))
        return box

    def problem(self) -> str | None:
        if self.validation.value() + self.test.value() >= 0.95:
            return self.tr("Validation and test fractions must leave samples for training.")
        return None

    def values(self) -> dict[str, object]:
        return {"validation": round(self.validation.value(), 4),
                "test": round(self.test.value(), 4),
                "standardize": self.standardize.isChecked(), "seed": self.seed.value()}


class MessageLabel(QLabel):
    """The dialog's one line of news: an error in red, a hint in grey, or nothing."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = False

    def show_error(self, text: str) -> None:
        """`text` as an error, in the user's language when the data layer wrote it."""
        self.error = True
        self.setStyleSheet(f"color: {theme.ERROR_COLOUR}; font-weight: bold;")
        self.setText(data_problem_tr(text))

    def show_hint(self, text: str) -> None:
        self.error = False
        self.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        self.setText(text)
