"""Dialogs: every problem of a file that cannot be opened, the unsaved-changes question, a
failed save, and the offer to recover an autosaved design.

Text that quotes a file (names, paths, messages) is shown as plain text, never as rich text.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
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
from nnstudio.gui.design_text import problem_texts


def _html(text: str) -> str:
    """`text` safe inside Qt rich text (which does not know &#x27;)."""
    return escape(text, quote=False)


def tooltip_text(text: str) -> str:
    """`text` (from a file) as a tooltip shows it literally: tooltips guess rich text, so it
    is escaped and marked as rich text."""
    return f"<qt>{_html(text)}</qt>"


class ProblemsDialog(QDialog):
    """Lists why a design file cannot be opened, one "path: message" line per problem."""

    def __init__(self, source: str | Path, problems: Iterable[object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.source = Path(source)
        self.lines = problem_texts(problems)
        self.setWindowTitle(self.tr("Cannot open {name}").format(name=self.source.name))
        self.resize(820, 440)

        text = (self.tr("<b>{name}</b> cannot be opened: 1 problem") if len(self.lines) == 1
                else self.tr("<b>{name}</b> cannot be opened: {count} problems"))
        heading = QLabel(text.format(name=_html(self.source.name), count=len(self.lines)))
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.RichText)
        where = QLabel(str(self.source))
        where.setTextFormat(Qt.TextFormat.PlainText)
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


class Recovery(enum.Enum):
    """The answers to the offer to recover an autosaved design."""

    RECOVER = "recover"
    DISCARD = "discard"
    LATER = "later"


def message_box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton
                ) -> QMessageBox:
    """A message box showing `text` as plain text (it may quote a file's strings)."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    return box


def ask_save_changes(parent: QWidget, name: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for a design with unsaved changes."""
    box = message_box(
        parent, QMessageBox.Icon.Warning,
        QCoreApplication.translate("dialogs", "Unsaved changes"),
        QCoreApplication.translate("dialogs", "Save the changes to “{name}”?").format(name=name),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel)
    box.setInformativeText(QCoreApplication.translate(
        "dialogs", "Your changes are lost if you don't save them."))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return QMessageBox.StandardButton(box.exec())


def offer_save_as(parent: QWidget, text: str) -> bool:
    """A save failed for the reason `text`: True when the user chooses to save elsewhere."""
    box = message_box(parent, QMessageBox.Icon.Critical,
                      QCoreApplication.translate("dialogs", "Could not save"), text)
    save_as = box.addButton(QCoreApplication.translate("dialogs", "Save As…"),
                            QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.exec()
    return box.clickedButton() is save_as


def ask_recover(parent: QWidget, name: str, when: str) -> Recovery:
    """Whether to recover the design autosaved before nnstudio stopped (named `name`, saved
    at `when`), discard it, or decide at the next start."""
    box = message_box(
        parent, QMessageBox.Icon.Question,
        QCoreApplication.translate("dialogs", "Recover unsaved work"),
        QCoreApplication.translate(
            "dialogs", "Recover the design you were editing when nnstudio stopped?")
        + "\n\n" + QCoreApplication.translate("dialogs", "“{name}”, autosaved {time}").format(
            name=name, time=when))
    recover = box.addButton(QCoreApplication.translate("dialogs", "Recover"),
                            QMessageBox.ButtonRole.AcceptRole)
    buttons: dict[QAbstractButton, Recovery] = {
        recover: Recovery.RECOVER,
        box.addButton(QCoreApplication.translate("dialogs", "Discard"),
                      QMessageBox.ButtonRole.DestructiveRole): Recovery.DISCARD,
        box.addButton(QCoreApplication.translate("dialogs", "Later"),
                      QMessageBox.ButtonRole.RejectRole): Recovery.LATER,
    }
    box.setDefaultButton(recover)
    box.exec()
    return buttons.get(box.clickedButton(), Recovery.LATER)


def show_error(parent: QWidget, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Critical, title, text,
                QMessageBox.StandardButton.Ok).exec()
