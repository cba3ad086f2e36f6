"""Dialogs: every problem of a file that cannot be opened, and the unsaved-changes question."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui import theme


class ProblemsDialog(QDialog):
    """Lists why a design file cannot be opened, one "path: message" line per problem."""

    def __init__(self, source: str | Path, problems: Iterable[object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.source = Path(source)
        self.lines = [str(p) for p in problems]
        self.setWindowTitle(self.tr("Cannot open {name}").format(name=self.source.name))
        self.setMinimumSize(720, 360)

        text = (self.tr("<b>{name}</b> cannot be opened: 1 problem") if len(self.lines) == 1
                else self.tr("<b>{name}</b> cannot be opened: {count} problems"))
        heading = QLabel(text.format(name=escape(self.source.name), count=len(self.lines)))
        heading.setWordWrap(True)
        where = QLabel(escape(str(self.source)))
        where.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        where.setWordWrap(True)
        self.text = QPlainTextEdit("\n".join(self.lines))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_to_clipboard)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def report(self) -> str:
        """The whole message as plain text: the file, then one problem per line."""
        return "\n".join([str(self.source), *self.lines])

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.report())


def ask_save_changes(parent: QWidget, name: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for a design with unsaved changes."""
    tr = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Warning, tr("dialogs", "Unsaved changes"),
                      tr("dialogs", "Save the changes to “{name}”?").format(name=name),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(tr("dialogs", "Your changes are lost if you don't save them."))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return QMessageBox.StandardButton(box.exec())


def show_error(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)
