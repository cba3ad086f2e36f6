"""The surface the user draws on with the mouse: dark ink on white, a thick round pen."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from nnstudio.gui.theme import EDGE_COLOUR

#: the drawing's resolution (square), whatever size the widget has on screen
RESOLUTION = 224
#: the pen's width as a share of the drawing's side: about a stroke of the digits datasets
PEN_SHARE = 1 / 11
INK = QColor("#000000")


class SketchPad(QWidget):
    """A square drawing of `RESOLUTION` pixels, scaled to the widget; the left button draws.
    `changed` follows every stroke segment and `clear`."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.image = QImage(RESOLUTION, RESOLUTION, QImage.Format.Format_Grayscale8)
        self.image.fill(Qt.GlobalColor.white)
        self._last: QPointF | None = None
        self.setMinimumSize(96, 96)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Draw with the left mouse button"))

    def sizeHint(self) -> QSize:
        return QSize(300, 300)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    # -- the drawing ---------------------------------------------------------------------------
    def ink(self) -> np.ndarray:
        """(RESOLUTION, RESOLUTION) float64: 0 where blank, up to 1 under full ink."""
        stride = self.image.bytesPerLine()
        raw = np.frombuffer(self.image.constBits(), np.uint8, count=stride * RESOLUTION)
        grey = raw.reshape(RESOLUTION, stride)[:, :RESOLUTION]
        return 1.0 - grey.astype(np.float64) / 255.0

    def clear(self) -> None:
        self.image.fill(Qt.GlobalColor.white)
        self.update()
        self.changed.emit()

    def _square(self) -> QRectF:
        """Where the drawing is shown: the largest centred square."""
        side = min(self.width(), self.height())
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _to_image(self, pos: QPointF) -> QPointF:
        square = self._square()
        scale = RESOLUTION / max(square.width(), 1.0)
        return QPointF((pos.x() - square.x()) * scale, (pos.y() - square.y()) * scale)

    def _stroke(self, to: QPointF) -> None:
        """A segment from the last point to `to` (a dot when there is none)."""
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(INK, RESOLUTION * PEN_SHARE, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawLine(self._last if self._last is not None else to, to)
        painter.end()
        self._last = to
        self.update()
        self.changed.emit()

    # -- events --------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._last = None
            self._stroke(self._to_image(event.position()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton and self._last is not None:
            self._stroke(self._to_image(event.position()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._last = None

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        square = self._square()
        painter.drawImage(square, self.image)
        painter.setPen(QPen(QColor(EDGE_COLOUR), 2))
        painter.drawRect(square.adjusted(1, 1, -1, -1))
        painter.end()
