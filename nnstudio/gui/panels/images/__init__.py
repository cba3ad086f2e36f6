"""The image-task panels: predictions on sample images, the confusion matrix, the most
confident mistakes, first-layer filters, feature maps of a chosen sample, and a drawing pad.

They follow the dashboard panels' interface (see nnstudio.gui.panels); the feature maps and the
drawing pad also send commands, through `attach(controller)`, and a click on a Predictions
or Mistakes tile follows that sample through the layers in the feature maps.
"""

from nnstudio.gui.panels.images.confusion import ConfusionPanel
from nnstudio.gui.panels.images.features import FeatureMapsPanel
from nnstudio.gui.panels.images.filters import FiltersPanel
from nnstudio.gui.panels.images.mistakes import MistakesPanel
from nnstudio.gui.panels.images.pad import DrawingPadPanel
from nnstudio.gui.panels.images.samples import SamplesPanel

__all__ = ["ConfusionPanel", "DrawingPadPanel", "FeatureMapsPanel", "FiltersPanel",
           "MistakesPanel", "SamplesPanel"]
