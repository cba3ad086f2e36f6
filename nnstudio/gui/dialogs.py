"""Dialogs: every problem of a file that cannot be opened, and the unsaved-changes question."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui import theme


def _html(text: str) -> str:
    """`text` safe inside Qt rich text (which does not know &#x27;)."""
    return escape(text, quote=False)


class ProblemsDialog(QDialog):
    """Lists why a design file cannot be opened, one "path: message" line per problem."""

    def __init__(self, source: str | Path, problems: Iterable[object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.source = Path(source)
        self.lines = [str(p) for p in problems]
        self.setWindowTitle(self.tr("Cannot open {name}").format(name=self.source.name))
        self.resize(820, 440)

        text = (self.tr("<b>{name}</b> cannot be opened: 1 problem") if len(self.lines) == 1
                else self.tr("<b>{name}</b> cannot be opened: {count} problems"))
        heading = QLabel(text.format(name=_html(self.source.name), count=len(self.lines)))
        heading.setWordWrap(True)
        where = QLabel(_html(str(self.source)))
        where.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        where.setWordWrap(True)
        self.list = QListWidget()
        self.list.addItems(self.lines)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(3)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_to_clipboard)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(where)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def report(self) -> str:
        """The whole message as plain text: the file, then one problem per line."""
        return "\n".join([str(self.source), *self.lines])

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(self.report())


def ask_save_changes(parent: QWidget, name: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for a design with unsaved changes."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("dialogs", "Unsaved changes"),
        QCoreApplication.translate("dialogs", "Save the changes to “{name}”?").format(name=name),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(QCoreApplication.translate(
        "dialogs", "Your changes are lost if you don't save them."))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return QMessageBox.StandardButton(box.exec())


def show_error(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.critical(parent, title, text)
