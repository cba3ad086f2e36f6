"""The look every panel shares: white plots, large fonts, thick lines, one palette.

Chosen for a projector at the back of a lecture hall: a white background, tick labels of
12 pt, axis labels of 13 pt, lines of 3 px. Training is drawn solid in blue, validation dashed in
orange (TensorFlow Playground's two colours); layers are coloured from cool (near the input) to
warm (near the output) wherever they appear.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QPen

from nnstudio.gui.theme import CLASS_COLOURS, MUTED_TEXT, TEXT_COLOUR

BACKGROUND = "#FFFFFF"
AXIS_COLOUR = "#5B6270"
TICK_PT = 12
LABEL_PT = 13
TITLE_PT = 13
LEGEND_PT = 12
MESSAGE_PT = 18
LINE_WIDTH = 3.0
THIN_LINE_WIDTH = 2.0
#: pixels per line of a plot title
TITLE_LINE_HEIGHT = 24

TRAIN_COLOUR = CLASS_COLOURS[1]
VALIDATION_COLOUR = CLASS_COLOURS[0]
#: the smoothed per-step loss: a lighter blue, under the per-epoch curves
STEP_COLOUR = "#7FB2DC"
#: cool → warm, for layers from the input to the output
LAYER_STOPS = ("#2B5FC7", "#1B9E9E", "#4C9A2A", "#E08A00", "#C62828")
#: density colour map for heat maps: white (nothing) → blue → navy (the peak)
DENSITY_STOPS = ("#FFFFFF", "#9CC7EA", "#0877BD", "#0B2E59")


class TranslatedText:
    """A class attribute that reads as its translation, looked up when it is read.

    Mark the source text for lupdate: ``title = TranslatedText(QT_TRANSLATE_NOOP("Cls", "…"))``;
    the translation context is the name of the class the attribute is defined in.
    """

    def __init__(self, source: str):
        self.source = source
        self.context = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.context = owner.__name__

    def __get__(self, obj: object, owner: type | None = None) -> str:
        return QCoreApplication.translate(self.context, self.source)


def font(points: int, bold: bool = False) -> QFont:
    """The application's font (with its CJK fallbacks) at `points`."""
    f = QFont()
    f.setPointSize(points)
    f.setBold(bold)
    return f


def pen(colour: str, width: float = LINE_WIDTH, dashed: bool = False) -> QPen:
    """A cosmetic pen (its width in screen pixels at any zoom)."""
    p = pg.mkPen(colour, width=width)
    p.setCosmetic(True)
    if dashed:
        p.setStyle(Qt.PenStyle.DashLine)
    return p


def translucent(colour: str, alpha: int) -> QColor:
    """colour with alpha 0–255."""
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


def layer_colours(count: int) -> list[QColor]:
    """count colours from cool (first layer) to warm (last); one layer gets the middle one."""
    cmap = pg.ColorMap(np.linspace(0, 1, len(LAYER_STOPS)), list(LAYER_STOPS))
    positions = np.array([0.5]) if count == 1 else np.linspace(0, 1, count)
    return [cmap.map(float(t), mode="qcolor") for t in positions]


def density_colour_map() -> pg.ColorMap:
    """White → navy, for densities scaled to [0, 1]."""
    return pg.ColorMap(np.linspace(0, 1, len(DENSITY_STOPS)), list(DENSITY_STOPS))


def plot_widget() -> pg.PlotWidget:
    """One plot on a white canvas; its context menu exports PNG, SVG or CSV."""
    widget = pg.PlotWidget(background=BACKGROUND)
    widget.getPlotItem().setContentsMargins(6, 6, 12, 6)
    return widget


def graphics_widget() -> pg.GraphicsLayoutWidget:
    """A white canvas for several plots; its context menu exports PNG, SVG or CSV."""
    widget = pg.GraphicsLayoutWidget()
    widget.setBackground(BACKGROUND)
    widget.ci.setContentsMargins(8, 8, 12, 8)
    return widget


def style_plot(plot: pg.PlotItem, x_label: str, y_label: str) -> None:
    """Projector styling for a plot: dark axes, large tick and label fonts, a faint grid."""
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(AXIS_COLOUR, width=1.5))
        axis.setTextPen(pg.mkPen(TEXT_COLOUR))
        axis.setTickFont(font(TICK_PT))
    axis_label(plot, "bottom", x_label)
    axis_label(plot, "left", y_label)
    plot.showGrid(x=True, y=True, alpha=0.18)
    plot.setMenuEnabled(True)
    plot.hideButtons()


def axis_label(plot: pg.PlotItem, side: str, text: str) -> None:
    """Label the axis on `side` ("left", "bottom", …) in the label font."""
    plot.setLabel(side, text, color=TEXT_COLOUR, **{"font-size": f"{LABEL_PT}pt"})


def set_title(plot: pg.PlotItem, text: str, lines: int = 1) -> None:
    """A plot title of `lines` lines (HTML, joined by <br>), tall enough not to be clipped."""
    height = TITLE_LINE_HEIGHT * lines + 6
    plot.setTitle(text, color=TEXT_COLOUR, size=f"{TITLE_PT}pt")
    plot.titleLabel.setMaximumHeight(height)
    plot.layout.setRowFixedHeight(0, height)


def legend(plot: pg.PlotItem, offset: tuple[int, int] = (-10, 10)) -> pg.LegendItem:
    """A legend with large text on a translucent white card, anchored inside the plot."""
    item = plot.addLegend(offset=offset, labelTextSize=f"{LEGEND_PT}pt",
                          labelTextColor=TEXT_COLOUR, brush=translucent(BACKGROUND, 220),
                          pen=pg.mkPen("#C8CCD4"))
    return item


def message_css() -> str:
    """Style sheet of a panel's empty-state message."""
    return (f"QLabel {{ background: {BACKGROUND}; color: {MUTED_TEXT}; "
            f"font-size: {MESSAGE_PT}pt; padding: 24px; }}")
