"""The canvas look: fonts, card geometry and colours, derived from `theme` for a projector."""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache

from PySide6.QtGui import QColor, QFont, QFontMetricsF

from nnstudio.core.catalog import GROUP_COLOURS, NODE_TYPES
from nnstudio.gui import theme

CARD_BORDER = QColor("#B8BCC6")
CARD_BODY = QColor("#FFFFFF")
HEADER_FALLBACK = QColor("#7F7F7F")
PORT_FILL = QColor("#FFFFFF")
ACCEPT_FILL = QColor("#8FD4AC")
REFUSE_FILL = QColor("#F2B8B8")
HINT_BACKGROUND = QColor(255, 255, 255, 230)
def plain_tip(text: str) -> str:
    """A tooltip showing `text` as written: Qt guesses whether a tooltip is rich text, so a
    node id such as "<img width=30000>" would otherwise be rendered (and could hang)."""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


#: cards widen up to this for long titles (theme.CARD_WIDTH is the usual width)
MAX_CARD_WIDTH = theme.CARD_WIDTH + 3 * theme.GRID_STEP
#: padding inside a card, in scene units
PAD = 10.0
#: the red "!" badge on a card with problems
BADGE_RADIUS = 12.0
#: edges
EDGE_WIDTH = 2.5
ARROW_LENGTH = 13.0
ARROW_HALF_WIDTH = 6.5
INDEX_RADIUS = 10.0


def _font(point_size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


@dataclass(frozen=True)
class CardMetrics:
    """Fonts and sizes of a node card (local coordinates are centred on the node's position)."""

    title_font: QFont
    text_font: QFont
    shape_font: QFont
    small_font: QFont
    width: float
    header_height: float
    line_height: float
    height: float


@cache
def card_metrics() -> CardMetrics:
    """Card layout computed from the theme's font sizes (needs a QGuiApplication)."""
    title = _font(theme.CARD_TITLE_PT, bold=True)
    text = _font(theme.CARD_TEXT_PT)
    shape = _font(theme.CARD_TEXT_PT, bold=True)
    small = _font(theme.CARD_TEXT_PT - 1, bold=True)
    header = QFontMetricsF(title).height() + 2 * PAD * 0.8
    line = QFontMetricsF(shape).lineSpacing() + 3
    height = header + 3 * line + 2 * PAD * 0.7
    return CardMetrics(title, text, shape, small, float(theme.CARD_WIDTH), header, line, height)


def group_colour(type_name: str) -> QColor:
    spec = NODE_TYPES.get(type_name)
    return QColor(GROUP_COLOURS.get(spec.group, "")) if spec else HEADER_FALLBACK


def text_on(background: QColor) -> QColor:
    """White or dark text, whichever reads better on `background` (WCAG relative luminance)."""
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = (0.2126 * linear(background.redF()) + 0.7152 * linear(background.greenF())
           + 0.0722 * linear(background.blueF()))
    return QColor("#FFFFFF") if lum < 0.19 else QColor(theme.TEXT_COLOUR)
