"""The dashboard panels: live plots of what a network learns while it trains.

Each panel is a QWidget with a translatable class attribute `title` and three methods the main
window calls on the GUI thread: `show_snapshot(snapshot)` with the latest
nnstudio.core.monitor.Snapshot (up to 30 times a second; panels keep their own bounded history),
`clear()` after a reset or for a new design, and `set_data(dataset)` with the design's
nnstudio.data.Dataset (or None) when a design is loaded. Right-click a plot to export it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from nnstudio.gui.panels.activations import ActivationsPanel
from nnstudio.gui.panels.base import Panel, panel_types
from nnstudio.gui.panels.boundary import BoundaryPanel
from nnstudio.gui.panels.curve import CurvePanel
from nnstudio.gui.panels.gradients import GradientFlowPanel
from nnstudio.gui.panels.images import (
    ConfusionPanel,
    DrawingPadPanel,
    FeatureMapsPanel,
    FiltersPanel,
    MistakesPanel,
    SamplesPanel,
)
from nnstudio.gui.panels.loss import LossPanel
from nnstudio.gui.panels.next_values import NextValuePanel
from nnstudio.gui.panels.sequences import HiddenStatesPanel
from nnstudio.gui.panels.text_sample import TextSamplePanel
from nnstudio.gui.panels.weights import WeightsPanel
from nnstudio.gui.panels.word_vectors import WordVectorsPanel

__all__ = ["ActivationsPanel", "BoundaryPanel", "ConfusionPanel", "CurvePanel",
           "DrawingPadPanel", "FeatureMapsPanel", "FiltersPanel", "GradientFlowPanel",
           "HiddenStatesPanel", "LossPanel", "MistakesPanel", "NextValuePanel", "Panel",
           "SamplesPanel", "TextSamplePanel", "WeightsPanel", "WordVectorsPanel",
           "create_panels"]


def create_panels(parent: QWidget | None = None) -> list[Panel]:
    """One of each dashboard panel, in dashboard order (each class's `placement.order`): loss
    & accuracy, decision boundary (2-D data), fitted curve (1-D regression), weights,
    activations, gradient flow, then the image-task panels: predictions on sample images,
    confusion matrix (any classification), mistakes, first-layer filters, feature maps and the
    drawing pad, the word vectors, and the sequence panels: hidden state over time, predicted
    vs true next values, generated text. A panel is one of them by declaring its placement and
    being imported here."""
    return [kind(parent) for kind in panel_types()]
