"""Colours of the model's output over the input plane, as TensorFlow Playground paints them.

Classification: the predicted class's colour blended with white by confidence, so uncertain
regions are pale. Regression: a diverging map, orange (negative) – white (0) – blue (positive),
Playground's −1 and +1.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor

from nnstudio.gui.theme import CLASS_COLOURS

#: confidence levels of the colour lookup
LEVELS = 64
#: the strongest blend with the class colour (1 would hide same-coloured points)
MAX_TINT = 0.7


def class_colour(k: int) -> QColor:
    return QColor(CLASS_COLOURS[k % len(CLASS_COLOURS)])


def _rgb(colour: QColor) -> tuple[int, int, int]:
    """The red, green and blue of `colour`, 0-255."""
    return colour.red(), colour.green(), colour.blue()


@lru_cache(maxsize=16)
def class_lookup(classes: int) -> np.ndarray:
    """(classes, LEVELS, 4) uint8 RGBA: white at level 0 to MAX_TINT of the class colour."""
    rgb = np.array([_rgb(class_colour(k)) for k in range(classes)], np.float64)
    tint = np.linspace(0.0, MAX_TINT, LEVELS)[None, :, None]
    blend = 255.0 + tint * (rgb[:, None, :] - 255.0)
    lut = np.empty((classes, LEVELS, 4), np.uint8)
    lut[..., :3] = np.rint(blend)
    lut[..., 3] = 255
    lut.setflags(write=False)
    return lut


def classification_rgba(predicted: np.ndarray, confidence: np.ndarray,
                        classes: int) -> np.ndarray:
    """predicted (r, c) int, confidence (r, c) in [1/classes, 1] → RGBA (r, c, 4) uint8; a
    confidence of 1/classes (a coin toss) is white."""
    chance = 1.0 / classes
    scaled = (confidence - chance) * ((LEVELS - 1) / (1.0 - chance))
    level = np.clip(scaled, 0, LEVELS - 1).astype(np.intp)
    return class_lookup(classes)[predicted, level]


def diverging_map() -> pg.ColorMap:
    """Orange (−1) – white (0) – blue (+1), for values scaled to [0, 1]."""
    return pg.ColorMap([0.0, 0.5, 1.0], [CLASS_COLOURS[0], "#FFFFFF", CLASS_COLOURS[1]])
