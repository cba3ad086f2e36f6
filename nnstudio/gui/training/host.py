"""What live training needs of the window that hosts it, and nothing more.

`TrainingUi` is given a `TrainingHost` instead of the main window, so what it may touch is
written down here: the window only as a parent (of the controls and their toolbar, and whose
dock tab bars it tidies), the canvas, the design model and its undo stack, the files' `saved`
signal, and four questions and reports (`TrainingPrompts`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from nnstudio.gui.canvas import CanvasView
from nnstudio.gui.model import DesignModel


class TrainingPrompts(Protocol):
    """What training asks the user, and how it tells them."""

    def show_status(self, text: str) -> None: ...
    def show_error(self, title: str, text: str) -> None: ...
    def ask_discard_weights(self) -> bool: ...
    def ask_save_weights(self, path: Path) -> bool: ...


@dataclass(frozen=True)
class TrainingHost:
    """The window's parts live training uses."""

    #: the parent of the controls and their toolbar; its docks' stale tab bars are hidden
    window: QMainWindow
    #: shows the neuron thumbnails and the banner; Space on it plays
    canvas: CanvasView
    model: DesignModel
    undo_stack: QUndoStack
    #: emits the Path the design was just saved to (training offers to save the weights)
    saved: SignalInstance
    prompts: TrainingPrompts
