"""The look every panel shares: white plots, large fonts, thick lines, one palette.

Chosen for a projector at the back of a lecture hall: a white background, tick labels of
12 pt, axis labels of 13 pt, lines of 3 px, all times the window's text scale
(`nnstudio.gui.scale`): the plots styled here follow its changes (fonts, titles, legends, line
widths and marker sizes). Training is drawn solid in blue, validation dashed in
orange (TensorFlow Playground's two colours); layers are coloured from cool (near the input) to
warm (near the output) wherever they appear.
"""

from __future__ import annotations

import html
import math
import weakref

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from nnstudio.gui import scale
from nnstudio.gui.theme import CLASS_COLOURS, MUTED_TEXT, TEXT_COLOUR

BACKGROUND = "#FFFFFF"
AXIS_COLOUR = "#5B6270"
TICK_PT = 12
LABEL_PT = 13
TITLE_PT = 13
LEGEND_PT = 12
MESSAGE_PT = 18
MIN_MESSAGE_PT = 10
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

    def __init__(self, source: object):  # what QT_TRANSLATE_NOOP returns: the text itself
        self.source = str(source)
        self.context = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.context = owner.__name__

    def __get__(self, obj: object, owner: type | None = None) -> str:
        return QCoreApplication.translate(self.context, self.source)


def scaled(size: float) -> float:
    """A font size, line width or marker size times the text scale."""
    return size * scale.factor()


def font(points: float) -> QFont:
    """The application's font (with its CJK fallbacks) at `points` times the text scale."""
    f = QFont()
    f.setPointSizeF(scaled(points))
    return f


def pen(colour: str, width: float = LINE_WIDTH, dashed: bool = False) -> QPen:
    """A cosmetic pen (its width in screen pixels at any zoom, times the text scale)."""
    p = pg.mkPen(colour, width=scaled(width))
    p.setCosmetic(True)
    if dashed:
        p.setStyle(Qt.PenStyle.DashLine)
    return p


def curve(plot: pg.PlotItem, colour: str, width: float = LINE_WIDTH, dashed: bool = False,
          **options: object) -> pg.PlotDataItem:
    """A line added to `plot`, not antialiased: Qt's software stroking of thick antialiased
    lines through noisy data costs tens of milliseconds a frame, aliased ones a few."""
    item = plot.plot(pen=pen(colour, width, dashed), antialias=False, connect="finite",
                     **options)
    _curves[item] = (colour, width, dashed)
    return item


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ value (> 0)."""
    exponent = np.floor(np.log10(value))
    for mantissa in (1.0, 2.0, 2.5, 5.0, 10.0):
        if mantissa * 10.0 ** exponent >= value * (1 - 1e-9):
            return float(mantissa * 10.0 ** exponent)
    return float(10.0 ** (exponent + 1))


class SteadyLimit:
    """An axis limit that moves in nice steps: up as soon as the data pass it, down only when
    they use less than `shrink` of it. Axes that do not move every frame are easier to read,
    and cheaper: pyqtgraph redraws an axis's ticks whenever its range changes."""

    def __init__(self, shrink: float = 0.4):
        self.shrink = shrink
        self.value: float | None = None

    def update(self, needed: float) -> float:
        """Fit `needed` (> 0); returns the limit."""
        if self.value is None or not self.shrink * self.value <= needed <= self.value:
            self.value = nice_ceiling(max(needed, 1e-12))
        return self.value

    def reset(self) -> None:
        self.value = None


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


SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


class PowerAxis(pg.AxisItem):
    """A log axis labelled 0.1, 0.2, 0.5, 1… and 10⁻³, 2·10⁻⁴…: short labels at any depth, and
    only at mantissas 1, 2 and 5 so the minor ticks of a narrow range do not crowd."""

    def logTickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        labels = []
        for v in 10 ** np.asarray(values, dtype=np.float64) * scale:
            mantissa, exponent = f"{v:.0e}".split("e")
            if mantissa not in ("1", "2", "5"):
                labels.append("")
            elif 0.01 <= v < 10_000:
                labels.append(f"{v:.1g}" if v < 1 else f"{v:.0f}")
            else:
                power = f"10{str(int(exponent)).translate(SUPERSCRIPTS)}"
                labels.append(power if mantissa == "1" else f"{mantissa}·{power}")
        return labels


#: pixels kept free between two tick labels of a thinned axis
LABEL_GAP = 6


class ThinnedAxis(pg.AxisItem):
    """An axis that leaves out each tick label that would run into one already drawn (many
    layers' names under a narrow bar chart): every other, every third… label is shown."""

    def generateDrawSpecs(self, p: object) -> object:
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis, ticks, texts = specs
        kept: list[tuple[object, ...]] = []
        for spec in texts:
            room = spec[0].adjusted(-LABEL_GAP / 2, 0, LABEL_GAP / 2, 0)
            if not any(room.intersects(other[0]) for other in kept):
                kept.append(spec)
        return axis, ticks, kept


class ThinnedPowerAxis(ThinnedAxis, PowerAxis):
    """A log axis of powers of ten whose labels never run into each other."""


def plot_widget(log_y: bool = False, thin_x: bool = False) -> pg.PlotWidget:
    """One plot on a white canvas; its context menu exports PNG, SVG or CSV. log_y: the left
    axis labels powers of ten compactly (set the log mode itself on the plot); thin_x: the
    bottom axis drops labels that would overlap (`ThinnedAxis`)."""
    axes: dict[str, pg.AxisItem] = {}
    if log_y:
        axes["left"] = ThinnedPowerAxis("left")
    if thin_x:
        axes["bottom"] = ThinnedAxis("bottom")
    widget = pg.PlotWidget(background=BACKGROUND, axisItems=axes or None)
    widget.getPlotItem().setContentsMargins(6, 6, 12, 6)
    return widget


def graphics_widget() -> pg.GraphicsLayoutWidget:
    """A white canvas for several plots; its context menu exports PNG, SVG or CSV."""
    widget = pg.GraphicsLayoutWidget()
    widget.setBackground(BACKGROUND)
    widget.ci.setContentsMargins(8, 8, 12, 8)
    return widget


def style_plot(plot: pg.PlotItem, x_label: str, y_label: str) -> None:
    """Projector styling for a plot: dark axes, large tick and label fonts. No grid: pyqtgraph
    draws translucent grid lines slowly enough (10–20 ms a frame) to slow live plots."""
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(AXIS_COLOUR, width=1.5))
        axis.setTextPen(pg.mkPen(TEXT_COLOUR))
        axis.setTickFont(font(TICK_PT))
        axis.enableAutoSIPrefix(False)
    _plots.add(plot)
    # end labels (0 and 1 of a sigmoid's range) may reach a few pixels past the axis
    plot.getAxis("bottom").setStyle(hideOverlappingLabels=12)
    axis_label(plot, "bottom", x_label)
    axis_label(plot, "left", y_label)
    plot.setMenuEnabled(True)
    plot.hideButtons()


def axis_label(plot: pg.PlotItem, side: str, text: str) -> None:
    """Label the axis on `side` ("left", "bottom", …) in the label font; `text` is plain (a
    column name from a file shows as written, never as markup)."""
    plot.setLabel(side, html.escape(text), color=TEXT_COLOUR,
                  **{"font-size": f"{scaled(LABEL_PT):.1f}pt"})


def title_font(bold: bool = False) -> QFont:
    """The font plot titles are drawn in."""
    f = font(TITLE_PT)
    f.setBold(bold)
    return f


def elided(text: str, width: float, bold: bool = False) -> str:
    """`text` cut short with "…" to fit `width` pixels of a title line (plain text; an
    infinite width keeps it whole)."""
    if not math.isfinite(width):
        return text
    return QFontMetricsF(title_font(bold)).elidedText(text, Qt.TextElideMode.ElideRight,
                                                      max(width, 1.0))


def wrapped(text: str, width: float, lines: int) -> list[str]:
    """`text` broken at spaces into at most `lines` lines of `width` pixels of title font,
    the last one elided (plain text)."""
    metrics = QFontMetricsF(title_font())
    rows: list[str] = []
    for word in text.split():
        if rows and metrics.horizontalAdvance(f"{rows[-1]} {word}") <= width:
            rows[-1] = f"{rows[-1]} {word}"
        else:
            rows.append(word)
    if len(rows) > lines:
        rows = [*rows[:lines - 1], " ".join(rows[lines - 1:])]
    return [elided(row, width) for row in rows] or [""]


def set_title(plot: pg.PlotItem, text: str, lines: int = 1) -> None:
    """A plot title of `lines` lines (HTML, joined by <br>; escape any text from a file),
    tall enough not to be clipped."""
    height = round(scaled(TITLE_LINE_HEIGHT) * lines + 6)
    label = plot.titleLabel
    if "updateMin" not in vars(label):
        label.updateMin = lambda: _title_minimum(label)
    label.title_lines = lines
    plot.setTitle(text, color=TEXT_COLOUR, size=f"{scaled(TITLE_PT):.1f}pt")
    label.setMaximumHeight(height)
    plot.layout.setRowFixedHeight(0, height)


def set_elided_title(plot: pg.PlotItem, text: str) -> None:
    """A one-line title of plain `text` (a node id from a file shows as written), cut short
    with "…" to the width of the plot's view, and again whenever the view is resized or the
    text scale changes."""
    label = plot.titleLabel
    if not hasattr(label, "plain_title"):
        plot.vb.sigResized.connect(lambda _view: _elide_title(plot))
    label.plain_title = text
    _elide_title(plot)


def _elide_title(plot: pg.PlotItem) -> None:
    label = plot.titleLabel
    text = html.escape(elided(label.plain_title, plot.vb.width() or math.inf))
    if text != label.text or getattr(label, "title_scale", None) != scale.factor():
        label.title_scale = scale.factor()
        set_title(plot, text)


def _title_minimum(label: pg.LabelItem) -> None:
    """In place of LabelItem.updateMin for titles: a title as tall as its text but of no
    width of its own, so a long title never widens its plot past the dock (and the panels
    elide or wrap their titles to the plot's width instead)."""
    height = label.itemRect().height()
    label.setMinimumSize(0, height)
    label._sizeHint = {Qt.SizeHint.MinimumSize: (0, height),
                       Qt.SizeHint.PreferredSize: (0, height),
                       Qt.SizeHint.MaximumSize: (-1, -1),
                       Qt.SizeHint.MinimumDescent: (0, 0)}
    label.updateGeometry()


def legend(plot: pg.PlotItem) -> pg.LegendItem:
    """A legend with large text on a translucent white card, in the plot's top right corner."""
    return plot.addLegend(offset=(-10, 10), labelTextSize=f"{scaled(LEGEND_PT):.1f}pt",
                          labelTextColor=TEXT_COLOUR, brush=translucent(BACKGROUND, 220),
                          pen=pg.mkPen("#C8CCD4"))


def message_points(size: QSize) -> int:
    """The empty-state message's font size for a panel of `size`: `MESSAGE_PT` when there is
    room, down to `MIN_MESSAGE_PT` in a small dock (both times the text scale)."""
    return round(max(scaled(MIN_MESSAGE_PT),
                     min(scaled(MESSAGE_PT), size.width() // 32, size.height() // 14)))


def message_css(points: int) -> str:
    """Style sheet of a panel's empty-state message at `points` (already scaled)."""
    return (f"QLabel {{ background: {BACKGROUND}; color: {MUTED_TEXT}; "
            f"font-size: {points}pt; padding: {points}px; }} {scale.SCALED_MARK}")


def page_with_controls(*controls: QWidget, fill: bool = False) -> tuple[QWidget, QVBoxLayout]:
    """A panel page: a row of `controls` (left-aligned; the last one takes the rest of the row
    if `fill`) above whatever the caller adds to the returned column."""
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    row = QHBoxLayout()
    row.setContentsMargins(10, 4, 10, 4)
    for widget in controls:
        row.addWidget(widget)
    if fill:
        row.setStretchFactor(controls[-1], 1)
    else:
        row.addStretch(1)
    column.addLayout(row)
    return page, column


#: what `restyle` brings to a new text scale: the plots `style_plot` styled and the lines
#: `curve` drew (colour, unscaled width, dashed)
_plots: weakref.WeakSet[pg.PlotItem] = weakref.WeakSet()
_curves: weakref.WeakKeyDictionary[pg.PlotDataItem, tuple[str, float, bool]] = \
    weakref.WeakKeyDictionary()
#: the unscaled size of each marker item seen in a styled plot (panels give unscaled sizes)
_marker_sizes: weakref.WeakKeyDictionary[pg.ScatterPlotItem, float] = weakref.WeakKeyDictionary()


def restyle(plot: pg.PlotItem) -> None:
    """Bring `plot`'s tick fonts, axis labels, title, legend, lines and markers to the current
    text scale."""
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        axis.setTickFont(font(TICK_PT))
        if axis.labelText:
            axis.setLabel(axis.labelText, axis.labelUnits, **{
                **axis.labelStyle, "font-size": f"{scaled(LABEL_PT):.1f}pt"})
    title = plot.titleLabel
    if hasattr(title, "plain_title"):
        _elide_title(plot)
    elif title.text:
        set_title(plot, title.text, getattr(title, "title_lines", 1))
    if plot.legend is not None:
        plot.legend.opts["labelTextSize"] = f"{scaled(LEGEND_PT):.1f}pt"
        for _, label in plot.legend.items:
            label.setText(label.text, size=plot.legend.opts["labelTextSize"])
    for item in plot.items:
        if item in _curves:
            item.setPen(pen(*_curves[item]))
        if isinstance(item, pg.ScatterPlotItem):
            base = _marker_sizes.setdefault(item, float(item.opts["size"]))
            item.setSize(scaled(base))


def _restyle_all(_factor: float) -> None:
    for plot in list(_plots):
        if shiboken6.isValid(plot):
            restyle(plot)


scale.on_change(_restyle_all)
