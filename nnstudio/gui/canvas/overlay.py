"""What the canvas paints over the scene in viewport coordinates: the empty-canvas hint and the
banner of problems that belong to no single node."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from nnstudio.gui import theme
from nnstudio.gui.canvas import style

_MARGIN = 16.0


def _font(extra_pt: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(theme.BASE_FONT_PT + extra_pt)
    font.setBold(bold)
    return font


def paint_empty_hint(painter: QPainter, viewport: QRectF) -> None:
    """A dashed drop zone with an invitation in the middle of an empty canvas."""
    text = QCoreApplication.translate(
        "Canvas", "Drag layers here from the palette, or open an example")
    font = _font(4)
    metrics = QFontMetricsF(font)
    width = min(viewport.width() - 2 * _MARGIN, metrics.horizontalAdvance(text) + 4 * _MARGIN)
    height = min(viewport.height() - 2 * _MARGIN, metrics.height() * 3 + 4 * _MARGIN)
    zone = QRectF(0, 0, width, height)
    zone.moveCenter(viewport.center())
    pen = QPen(QColor(theme.MUTED_TEXT), 2, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(style.HINT_BACKGROUND)
    painter.drawRoundedRect(zone, theme.CARD_RADIUS, theme.CARD_RADIUS)
    painter.setFont(font)
    painter.setPen(QColor(theme.MUTED_TEXT))
    painter.drawText(zone.adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN),
                     Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)


def paint_problem_banner(painter: QPainter, viewport: QRectF, problems: list[str]) -> None:
    """The design's general problems in a red-bordered box at the top left of the canvas."""
    font = _font(0)
    painter.setFont(font)
    text = "\n".join(f"⚠ {p}" for p in problems)
    width = viewport.width() - 2 * _MARGIN
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    bounds = painter.boundingRect(QRectF(0, 0, width - 2 * _MARGIN, 10_000), flags, text)
    box = QRectF(viewport.left() + _MARGIN, viewport.top() + _MARGIN,
                 bounds.width() + 2 * _MARGIN, bounds.height() + _MARGIN)
    painter.setPen(QPen(QColor(theme.ERROR_COLOUR), 2))
    painter.setBrush(style.HINT_BACKGROUND)
    painter.drawRoundedRect(box, 8, 8)
    painter.setPen(QColor(theme.ERROR_COLOUR))
    painter.drawText(box.adjusted(_MARGIN, _MARGIN / 2, -_MARGIN, -_MARGIN / 2), flags, text)
