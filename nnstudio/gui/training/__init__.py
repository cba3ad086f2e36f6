"""Live training in the window: a worker thread that owns the Trainer, the controls, the
training settings panel, the divergence banner, and their wiring (`TrainingUi`)."""

from nnstudio.gui.training.ui import TrainingUi

__all__ = ["TrainingUi"]
