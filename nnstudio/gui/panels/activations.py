"""Activations: every layer's output histogram on the probe batch, side by side, with its mean,
standard deviation and saturated (sigmoid, tanh) or dead (zero) share in the title."""

from __future__ import annotations

import html
import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

from nnstudio.core.monitor import Snapshot
from nnstudio.core.probe_names import Probe
from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Column, Panel, Placement, is_fresh

#: at most this many small plots in a row
MAX_COLUMNS = 5
#: the size a small plot needs, in pixels: room for its three-line title, its three value
#: labels (clear of the next plot's) and the histogram itself
MIN_PLOT_WIDTH = 170
MIN_PLOT_HEIGHT = 150
#: never narrower than this: a dock too short for the rows scrolls instead
MIN_LEGIBLE_WIDTH = 140
TITLE_LINES = 3
#: pixels between two small plots: room for both plots' end labels, which overhang their axes
PLOT_SPACING = 30
#: pixels a title may reach past either side of its plot area, into the gap between plots
TITLE_OVERHANG = 2 * 8


def grid_columns(count: int, width: int | None = None, height: int | None = None) -> int:
    """Columns of a grid of `count` small plots in `width` × `height` pixels (None: not laid
    out yet, so one row up to `MAX_COLUMNS`): the most, up to `MAX_COLUMNS`, whose plots get
    the size they need both ways; when none do, those that come nearest it, but never so many
    that a plot is narrower than `MIN_LEGIBLE_WIDTH` (the rows scroll instead)."""
    if count < 1:
        return 1
    if not width or not height:
        rows = max(1, math.ceil(count / MAX_COLUMNS))
        return max(1, math.ceil(count / rows))

    def fit(columns: int) -> float:
        rows = math.ceil(count / columns)
        return min(width / columns / MIN_PLOT_WIDTH, height / rows / MIN_PLOT_HEIGHT)

    most = max(1, min(MAX_COLUMNS, count, width // MIN_LEGIBLE_WIDTH))
    return max(range(1, most + 1), key=lambda c: (min(fit(c), 1.0), c))


class ActivationsPanel(Panel):
    """One histogram per node after the input (% of the probe batch's values per bin), all on
    the same % scale so layers compare (its values on the first plot of each row), coloured from
    cool (input side) to warm (output); three value ticks each, so narrow plots stay legible."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("ActivationsPanel", "Activations"))
    probes = frozenset({Probe.ACTIVATIONS})
    placement = Placement("activations", 50, Column.DATA, frozenset({""}))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = style.graphics_widget()
        self.view.ci.layout.setHorizontalSpacing(PLOT_SPACING)
        self.rows_scroll = QScrollArea()  # a dock too short for every row scrolls, rather
        self.rows_scroll.setWidgetResizable(True)  # than squeezing the rows into each other
        self.rows_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.rows_scroll.setWidget(self.view)
        self.set_content(self.rows_scroll)
        self.plots: list[pg.PlotItem] = []
        self.histograms: list[pg.PlotDataItem] = []
        self._layers: tuple[tuple[str, str | None], ...] = ()
        self._stats: Any = None
        self._y_top = 0.0
        self.columns = 1
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def reset(self) -> None:
        self._stats = None
        self._build(())
        self.show_message(self.tr("Press Play to train"))

    def draw(self, snapshot: Snapshot) -> None:
        stats = snapshot.activations
        if not stats or (self.plots and not is_fresh(snapshot, "activations")):
            return
        layers = tuple((s.node, s.activation) for s in stats)
        if layers != self._layers:
            self._build(layers)
        self._stats = stats
        self._show(stats)
        self.show_content()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fewer plots to a row in a narrow dock, more in a wide one."""
        super().resizeEvent(event)
        if self._layers and self._grid_columns(len(self._layers)) != self.columns:
            self._build(self._layers)
        if self._stats is not None:
            self._show(self._stats)

    # -- helpers -------------------------------------------------------------------------------
    def _show(self, stats: Any) -> None:
        """Each layer's histogram and title, all on one % scale."""
        top = 0.0
        for i, (item, s) in enumerate(zip(self.histograms, stats, strict=True)):
            counts = s.histogram.counts
            share = 100.0 * counts / max(int(counts.sum()), 1)
            top = max(top, float(share.max(initial=0.0)))
            item.setData(s.histogram.edges, share, stepMode="center")
            self._fit_values(i, s.histogram.edges, counts)
            self._set_title(i)
        y_top = self._share_limit.update(top)
        if y_top != self._y_top:
            self._y_top = y_top
            for plot in self.plots:
                plot.setYRange(0, y_top, padding=0.02)
                plot.getAxis("left").setTicks([[(0, "0"), (y_top, f"{y_top:g}")], []])

    def _on_plot_resized(self, box: pg.ViewBox) -> None:
        """A plot area's new width: its title is cut to it again."""
        index = next((i for i, p in enumerate(self.plots) if p.getViewBox() is box), None)
        if index is not None:
            self._set_title(index)

    def _set_title(self, i: int) -> None:
        """Plot i's title, cut to the width of its plot area (the title is centred on it)."""
        if self._stats is None or i >= len(self._stats):
            return
        plot = self.plots[i]
        # not laid out until shown: cut to the plot area it gets then (see _on_plot_resized)
        width = plot.getViewBox().width() + TITLE_OVERHANG if self.isVisible() else math.inf
        title = self._title(self._stats[i], width)
        if title != plot.titleLabel.text:
            style.set_title(plot, title, TITLE_LINES)

    def _grid_columns(self, count: int) -> int:
        if not self.isVisible():
            return grid_columns(count)
        return grid_columns(count, self.width(), self.height())

    def _build(self, layers: tuple[tuple[str, str | None], ...]) -> None:
        """One small plot per (node, activation), in rows of `grid_columns`."""
        self.view.ci.clear()
        self.plots, self.histograms = [], []
        self._layers = layers
        self._share_limit = style.SteadyLimit()
        self._y_top = 0.0
        self._value_limits = [style.SteadyLimit() for _ in layers]
        self._x_ranges: list[tuple[float, float] | None] = [None] * len(layers)
        self.columns = columns = self._grid_columns(len(layers))
        self.view.setMinimumHeight(math.ceil(len(layers) / columns) * MIN_PLOT_HEIGHT)
        for i, colour in enumerate(style.layer_colours(len(layers))):
            plot = self.view.ci.addPlot(row=i // columns, col=i % columns,
                                        axisItems={"bottom": style.ThinnedAxis("bottom")})
            first = i % columns == 0
            style.style_plot(plot, "", self.tr("% of values") if first else "")
            plot.getAxis("left").setStyle(showValues=first)
            plot.enableAutoRange(x=False, y=False)
            plot.setPreferredWidth(1)
            item = style.curve(plot, colour.name(), 2, stepMode="center", fillLevel=0,
                               brush=style.translucent(colour.name(), 130))
            plot.getViewBox().sigResized.connect(self._on_plot_resized)
            self.plots.append(plot)
            self.histograms.append(item)

    def _fit_values(self, i: int, edges: Any, counts: Any) -> None:
        """Plot i's x axis from 0 (or −L when some values are negative) to L, L a steady limit
        of |edges|; edges (bins + 1,), counts (bins,)."""
        limit = self._value_limits[i].update(max(abs(float(edges[0])), abs(float(edges[-1]))))
        x_range = (-limit if counts[edges[1:] <= 0].any() else 0.0, limit)
        if x_range != self._x_ranges[i]:
            self._x_ranges[i] = x_range
            self.plots[i].setXRange(*x_range, padding=0.03)
            lo, hi = x_range
            ticks = [lo, (lo + hi) / 2, hi]
            self.plots[i].getAxis("bottom").setTicks([[(v, f"{v:g}") for v in ticks], []])

    def _title(self, s: Any, width: float) -> str:
        """Three HTML lines, each cut to `width` pixels: node and activation (the node's id
        escaped: it comes from the file); mean and std; saturated or dead share."""
        name = s.node if s.activation in (None, "linear") else f"{s.node} · {s.activation}"
        spread = self.tr("μ {mean:.2f}  σ {std:.2f}").format(mean=s.mean, std=s.std)
        if s.saturated_fraction is not None:
            share = self.tr("saturated {share:.0%}").format(share=s.saturated_fraction)
        elif s.zero_fraction > 0:
            share = self.tr("dead {share:.0%}").format(share=s.dead_fraction)
        else:
            share = ""
        lines = [style.elided(name, width, bold=True), style.elided(spread, width),
                 style.elided(share, width)]
        name, spread, share = (html.escape(line) or "&nbsp;" for line in lines)
        return f"<b>{name}</b><br>{spread}<br>{share}"
