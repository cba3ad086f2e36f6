"""TrainingUi depends on a TrainingHost, not on the main window: a bare QMainWindow, a canvas
and a recording set of prompts are all it needs."""

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow

from nnstudio.design import Design
from nnstudio.gui.canvas import CanvasView
from nnstudio.gui.model import DesignModel
from nnstudio.gui.panels import create_panels
from nnstudio.gui.training.host import TrainingHost
from nnstudio.gui.training.ui import TrainingUi


class Files(QObject):
    saved = Signal(Path)


class Prompts:
    def __init__(self):
        self.said: list[tuple[str, ...]] = []

    def show_status(self, text):
        self.said.append(("status", text))

    def show_error(self, title, text):
        self.said.append(("error", title, text))

    def ask_discard_weights(self):
        return True

    def ask_save_weights(self, path):
        self.said.append(("ask", str(path)))
        return False


def test_training_runs_in_any_host(qtbot, tmp_path):
    window = QMainWindow()
    qtbot.addWidget(window)
    model, stack = DesignModel(Design.default()), QUndoStack()
    canvas = CanvasView(model, stack, window)
    files, prompts = Files(), Prompts()
    ui = TrainingUi(TrainingHost(window, canvas, model, stack, files.saved, prompts),
                    create_panels())
    try:
        with qtbot.waitSignal(ui.controller.settled, timeout=20_000):
            ui.start()
        assert ui.controller.trainable and ui.dataset is not None
        with qtbot.waitSignal(ui.controller.settled, timeout=20_000):
            ui.controller.step_batch()
        files.saved.emit(tmp_path / "design.json")  # trained weights exist: training asks
        assert prompts.said == [("ask", str(tmp_path / "design.npz"))]
        ui._on_weights_saved(str(tmp_path / "w.npz"), "disk full")
        assert prompts.said[-1] == ("error", "Could not save the weights", "disk full")
    finally:
        ui.shutdown()
