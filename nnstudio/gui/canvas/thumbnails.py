"""Neuron thumbnails: under a node's card, what each of its units responds to over the plane.

As TensorFlow Playground draws inside each neuron: unit u's output over the 2-D input plane as a
small heat map, orange for negative, white for zero, blue for positive (scaled by the node's
largest magnitude), updated live while training.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from nnstudio.gui import theme

SIZE = 21          # one thumbnail, in scene units
GAP = 3
PER_ROW = 8
MAX_SHOWN = 16     # more units than this: the first 16 and a "+N" note


def _rgb(name: str) -> np.ndarray:
    """The colour `name` as (3,) float64 red, green, blue in 0-255."""
    colour = QColor(name)
    return np.array([colour.red(), colour.green(), colour.blue()], dtype=np.float64)


NEGATIVE = _rgb(theme.CLASS_COLOURS[0])
POSITIVE = _rgb(theme.CLASS_COLOURS[1])


def heat_rgb(grids: np.ndarray) -> np.ndarray:
    """(units, res, res) values → (units, res, res, 3) uint8: orange < 0 < blue, white at 0,
    scaled by the largest magnitude of all units together."""
    scale = float(np.abs(grids).max(initial=0.0)) or 1.0
    t = np.clip(grids / scale, -1.0, 1.0)[..., None]
    colour = np.where(t < 0, NEGATIVE, POSITIVE)
    rgb = 255.0 + np.abs(t) * (colour - 255.0)
    return np.ascontiguousarray(rgb.astype(np.uint8))


class NeuronThumbnails(QGraphicsItem):
    """A grid of small heat maps, one per unit, drawn below its parent card."""

    def __init__(self, parent: QGraphicsItem):
        super().__init__(parent)
        self._images: list[QImage] = []
        self._hidden_units = 0
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_grids(self, grids: np.ndarray | None) -> None:
        """grids: (units, res, res) with row 0 at the bottom of the plane, or None to clear."""
        self.prepareGeometryChange()
        if grids is None or not len(grids):
            self._images, self._hidden_units = [], 0
        else:
            rgb = heat_rgb(np.asarray(grids[:MAX_SHOWN], dtype=np.float64)[:, ::-1, :])
            res_h, res_w = rgb.shape[1:3]
            # 32-bit copies: drawn scaled, a 24-bit image is read one pixel past its end
            self._images = [QImage(unit.data, res_w, res_h, 3 * res_w, QImage.Format.Format_RGB888)
                            .convertToFormat(QImage.Format.Format_RGB32) for unit in rgb]
            self._hidden_units = max(len(grids) - MAX_SHOWN, 0)
        self.setVisible(bool(self._images))
        self.update()

    @property
    def unit_count(self) -> int:
        return len(self._images)

    def _cell(self, i: int) -> QRectF:
        row, col = divmod(i, PER_ROW)
        return QRectF(col * (SIZE + GAP), row * (SIZE + GAP), SIZE, SIZE)

    def boundingRect(self) -> QRectF:
        if not self._images:
            return QRectF()
        rows = (len(self._images) - 1) // PER_ROW + 1
        cols = min(len(self._images), PER_ROW)
        extra = 40 if self._hidden_units else 0
        return QRectF(-1, -1, cols * (SIZE + GAP) + extra + 2, rows * (SIZE + GAP) + 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setPen(QPen(QColor(theme.MUTED_TEXT), 0.8))
        for i, image in enumerate(self._images):
            cell = self._cell(i)
            painter.drawImage(cell, image)
            painter.drawRect(cell)
        if self._hidden_units:
            painter.setFont(QFont(painter.font().family(), 8))
            last = self._cell(min(len(self._images), PER_ROW) - 1)
            painter.drawText(QRectF(last.right() + 4, 0, 38, SIZE),
                             Qt.AlignmentFlag.AlignVCenter, f"+{self._hidden_units}")
