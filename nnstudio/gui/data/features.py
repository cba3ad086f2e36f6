"""The input features of the 2-D data (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂), as TensorFlow
Playground offers them: a check box each, with a small heat map of the feature over the
[−6, 6]² plane (orange negative, white 0, blue positive)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QCheckBox, QGridLayout, QWidget

from nnstudio.data import FEATURES
from nnstudio.gui.panels import colouring

#: the plane the heat maps cover, and their resolution and size on screen
PLANE = 6.0
GRID = 48
ICON = 44
COLUMNS = 2


def feature_image(name: str, grid: int = GRID) -> QImage:
    """The feature's values over [−PLANE, PLANE]² as a (grid × grid) RGBA image, y up, scaled
    so its largest magnitude is a full colour."""
    axis = np.linspace(-PLANE, PLANE, grid)
    xs, ys = np.meshgrid(axis, axis[::-1])
    values = FEATURES[name].fn(np.column_stack([xs.ravel(), ys.ravel()]))
    limit = float(np.abs(values).max()) or 1.0
    rgba = colouring.diverging_map().map(0.5 + 0.5 * values / limit, mode="byte")
    rgba = np.ascontiguousarray(rgba.reshape(grid, grid, 4), dtype=np.uint8)
    return QImage(rgba.data, grid, grid, 4 * grid, QImage.Format.Format_RGBA8888).copy()


class FeaturePicker(QWidget):
    """`featuresChanged(names)` fires when a box is toggled, with the checked features in the
    catalogue's order; unchecking the last one is refused (the network needs an input)."""

    featuresChanged = Signal(list)
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        self.boxes: dict[str, QCheckBox] = {}
        for i, (name, feature) in enumerate(FEATURES.items()):
            box = QCheckBox(feature.label)
            box.setIcon(QIcon(QPixmap.fromImage(feature_image(name))))
            box.setIconSize(QSize(ICON, ICON))
            box.setToolTip(self.tr("Give the network {feature} of each point").format(
                feature=feature.label))
            box.toggled.connect(lambda on, n=name: self._on_toggled(n, on))
            grid.addWidget(box, i // COLUMNS, i % COLUMNS)
            self.boxes[name] = box
        self._updating = False

    def set_features(self, checked: Iterable[str], inputs: int) -> None:
        """Show `checked` ticked; features needing more than `inputs` raw inputs disabled."""
        checked = set(checked)
        self._updating = True
        try:
            for name, box in self.boxes.items():
                box.setChecked(name in checked)
                box.setEnabled(FEATURES[name].inputs <= inputs)
        finally:
            self._updating = False

    def checked(self) -> list[str]:
        return [n for n, box in self.boxes.items() if box.isChecked()]

    def _on_toggled(self, name: str, on: bool) -> None:
        if self._updating:
            return
        features = self.checked()
        if not features:
            self._updating = True
            self.boxes[name].setChecked(True)
            self._updating = False
            self.refused.emit(self.tr("The network needs at least one input feature"))
            return
        self.featuresChanged.emit(features)
