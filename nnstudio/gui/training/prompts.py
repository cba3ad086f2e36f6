"""The questions live training asks: may an edit discard the trained weights, and should Save
also save them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrainingPrompts", text)


def ask_discard_weights(parent: QWidget) -> bool:
    """True when the user lets an edit of the network replace the trained weights."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("Discard the trained weights?"),
                      _tr("This change needs a new network, so the weights trained so far "
                          "will be lost."),
                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                      parent)
    box.setInformativeText(_tr("Cancel keeps the trained network and undoes the change."))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Discard


def ask_save_weights(parent: QWidget, path: Path) -> bool:
    """True when the trained weights should be saved to `path` beside the design."""
    box = QMessageBox(QMessageBox.Icon.Question, _tr("Save the trained weights?"),
                      _tr("Also save the trained weights beside the design, as {name}?")
                      .format(name=path.name),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.No, parent)
    box.setInformativeText(_tr("Opening the design again then shows the trained network."))
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    return box.exec() == QMessageBox.StandardButton.Save
