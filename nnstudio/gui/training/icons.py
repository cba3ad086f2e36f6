"""The training controls' icons, drawn so they stay crisp at projector sizes."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from nnstudio.gui import theme

PLAY_COLOUR = theme.OK_COLOUR
PAUSE_COLOUR = "#E08A00"


def _triangle(x: float, y: float, w: float, h: float) -> QPolygonF:
    return QPolygonF([QPointF(x, y), QPointF(x + w, y + h / 2), QPointF(x, y + h)])


def training_icon(kind: str, size: int = 48) -> QIcon:
    """kind: play, pause, step (one batch), epoch (one epoch) or reset."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 32, size / 32)
    ink = QColor(theme.TEXT_COLOUR)
    p.setPen(Qt.PenStyle.NoPen)
    if kind == "play":
        p.setBrush(QColor(PLAY_COLOUR))
        p.drawPolygon(_triangle(7, 4, 21, 24))
    elif kind == "pause":
        p.setBrush(QColor(PAUSE_COLOUR))
        p.drawRoundedRect(QRectF(7, 5, 7, 22), 1.5, 1.5)
        p.drawRoundedRect(QRectF(18, 5, 7, 22), 1.5, 1.5)
    elif kind == "step":
        p.setBrush(ink)
        p.drawPolygon(_triangle(6, 7, 15, 18))
        p.drawRect(QRectF(22, 7, 4, 18))
    elif kind == "epoch":
        p.setBrush(ink)
        p.drawPolygon(_triangle(3, 7, 11, 18))
        p.drawPolygon(_triangle(13, 7, 11, 18))
        p.drawRect(QRectF(25, 7, 4, 18))
    elif kind == "reset":
        p.setPen(QPen(ink, 3.2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.setBrush(Qt.BrushStyle.NoBrush)
        arc = QPainterPath()
        arc.arcMoveTo(QRectF(6, 6, 20, 20), 110)
        arc.arcTo(QRectF(6, 6, 20, 20), 110, 290)
        p.drawPath(arc)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(ink)
        p.drawPolygon(QPolygonF([QPointF(7, 1), QPointF(16, 6.5), QPointF(7.5, 11)]))
    else:
        raise ValueError(f"no training icon {kind!r}")
    p.end()
    return QIcon(pixmap)
