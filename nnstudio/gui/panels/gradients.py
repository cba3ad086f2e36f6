"""Gradient flow: each layer's weight-gradient norm over time (log scale), one line per layer
from cool (input) to warm (output), and a bar chart of the latest norms.

A log axis cannot show 0 (hinge loss gives exactly zero gradients once every margin is met) nor
inf / NaN (a diverged run): such values are drawn at the axis's floor (a decade below the
smallest positive norm) or ceiling (a decade above the largest), marked with a cross, and the
title says so, so the lines never silently vanish."""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QHBoxLayout, QWidget

from nnstudio.core.monitor import Snapshot
from nnstudio.core.probe_names import Probe
from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Column, Panel, Placement, is_fresh
from nnstudio.gui.panels.series import BinnedSeries
from nnstudio.gui.theme import TEXT_COLOUR

#: the most points kept per line; older ones are merged in pairs
FLOW_POINTS = 500
BAR_WIDTH = 0.6
#: where zeros go when no norm is positive at all
DEFAULT_FLOOR = 1e-8
MARK_SIZE = 11
#: pixels a title may reach past either side of its plot area
TITLE_OVERHANG = 2 * 8


def log_drawable(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """(values (…) with zeros and negatives raised to a floor and inf / NaN lowered to a
    ceiling, the mask (…) of those changed, the floor): what a log axis can draw."""
    finite = np.isfinite(values)
    positive = finite & (values > 0)
    if positive.any():
        floor = 10.0 ** (math.floor(math.log10(float(values[positive].min()))) - 1)
        ceiling = 10.0 ** (math.ceil(math.log10(float(values[positive].max()))) + 1)
    else:
        floor, ceiling = DEFAULT_FLOOR, DEFAULT_FLOOR * 100
    drawn = np.where(finite, np.maximum(values, floor), ceiling)
    return drawn, ~positive, floor


class GradientFlowPanel(Panel):
    """‖∂L/∂W‖ per layer with weights (Dense, Conv2D), input first: lines over epochs on a log
    axis, and bars (log axis) of the latest values. A vanishing gradient shows as lines and bars
    that fall towards the input."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("GradientFlowPanel", "Gradient flow"))
    probes = frozenset({Probe.FLOW})
    placement = Placement("gradients", 60, Column.NETWORK)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.lines_view = style.plot_widget(log_y=True)
        self.bars_view = style.plot_widget(log_y=True, thin_x=True)
        row.addWidget(self.lines_view, 3)
        row.addWidget(self.bars_view, 2)
        self.set_content(page)

        lines = self.lines_view.getPlotItem()
        style.style_plot(lines, self.tr("epoch"), self.tr("gradient norm ‖∂L/∂W‖"))
        lines.setLogMode(y=True)
        self._title_marked = False
        self._title_key: tuple[bool, float] | None = None
        self._set_lines_title(False)
        lines.getViewBox().sigResized.connect(self._on_lines_resized)
        bars = self.bars_view.getPlotItem()
        style.style_plot(bars, self.tr("layer"), "")  # the same scale as the lines' beside it
        bars.getAxis("left").setLogMode(False, True)
        style.set_title(bars, self.tr("Now"))
        bars.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x=[], height=[], width=BAR_WIDTH)
        bars.addItem(self.bars)
        self.line_marks = pg.ScatterPlotItem(symbol="x", size=MARK_SIZE, pxMode=True)
        lines.addItem(self.line_marks)
        self.bar_marks = pg.ScatterPlotItem(symbol="x", size=MARK_SIZE, pxMode=True)
        bars.addItem(self.bar_marks)
        #: how many points on show are zeros or non-finite drawn at the floor or ceiling
        self.clipped = 0

        self.layers: tuple[str, ...] = ()
        self.lines: list[pg.PlotDataItem] = []
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def reset(self) -> None:
        self._build(())
        self.show_message(self.tr("Press Play to train"))

    def draw(self, snapshot: Snapshot) -> None:
        if len(self.latest) and not is_fresh(snapshot, "flow"):
            return
        norms = np.array([f.grad_norm for f in snapshot.flow], dtype=np.float64)
        if not len(norms) or np.isnan(norms).all():  # no backward pass yet
            return
        layers = tuple(f.node for f in snapshot.flow)
        if layers != self.layers:
            self._build(layers)
        ended = [(x, n) for x, n in snapshot.flow_epochs if len(n) == len(norms)]
        if ended:  # a point per epoch, however seldom snapshots come
            self.series.extend(np.array([x for x, _ in ended]), np.stack([n for _, n in ended]))
        x = snapshot.step / max(snapshot.batches_per_epoch, 1)
        self.series.extend(np.array([x]), norms[None])
        self._draw_lines(*self.series.points())
        self._draw_bars(norms)
        self.show_content()

    # -- helpers -------------------------------------------------------------------------------
    def _build(self, layers: tuple[str, ...]) -> None:
        """One line and one bar per layer; bar labels on the x axis."""
        plot = self.lines_view.getPlotItem()
        for line in self.lines:
            plot.removeItem(line)
        self.layers = layers
        self.series = BinnedSeries(FLOW_POINTS, max(len(layers), 1))
        self.colours = style.layer_colours(len(layers))
        self._bar_pens = [pg.mkPen(c.darker(130), width=1.5) for c in self.colours]
        self.lines = [style.curve(plot, colour.name()) for colour in self.colours]
        self.latest = np.zeros(0)
        self.line_marks.clear()
        self.bar_marks.clear()
        self.clipped = 0
        self._set_lines_title(False)
        self._bar_range: tuple[float, float] | None = None
        self.bars.setOpts(x=[], height=[], brushes=[])
        self.bars_view.getPlotItem().getAxis("bottom").setTicks(
            [list(enumerate(layers)), []])

    def _draw_lines(self, xs: np.ndarray, ys: np.ndarray) -> None:
        """Lines of xs (n,) and ys (n, layers), zeros and non-finite norms marked at the
        floor or ceiling."""
        drawn, marked, _ = log_drawable(ys)
        for i, line in enumerate(self.lines):
            line.setData(xs, drawn[:, i])
        rows, layers = np.nonzero(marked)
        self.line_marks.setData(x=xs[rows], y=np.log10(drawn[rows, layers]),
                                pen=[pg.mkPen(self.colours[k], width=2) for k in layers])
        self.clipped = len(rows)
        self._set_lines_title(bool(len(rows)))

    def _on_lines_resized(self, _box: object = None) -> None:
        """The lines' plot area has a new width: its title wraps to it again."""
        self._set_lines_title(self._title_marked)

    def _set_lines_title(self, clipped: bool) -> None:
        """The lines' title, wrapped to the plot's width, with a note on the crosses when some
        points are marked."""
        box = self.lines_view.getPlotItem().getViewBox()
        width = box.width() + TITLE_OVERHANG if box.width() > 0 else self.lines_view.width()
        if (clipped, width) == self._title_key:
            return
        self._title_key = (clipped, width)
        self._title_marked = clipped
        rows = style.wrapped(self.tr("Over time (colours as in the bars)"), width, 2)
        if clipped:
            rows += style.wrapped(self.tr("× zero or not finite: drawn at the axis's edge"),
                                  width, 2)
        style.set_title(self.lines_view.getPlotItem(), "<br>".join(map(html.escape, rows)),
                        len(rows))

    def _draw_bars(self, norms: np.ndarray) -> None:
        """Bars from a common floor up to log10 of each norm (norms (layers,); zeros and
        non-finite ones are drawn at a decade below or above the rest, and marked)."""
        self.latest = norms
        drawn, marked, _ = log_drawable(norms)
        logs = np.log10(drawn)
        floor = math.floor(logs.min()) - 0.5
        heights = logs - floor
        self.bar_marks.setData(x=np.flatnonzero(marked), y=logs[marked],
                               pen=[pg.mkPen(TEXT_COLOUR, width=2)] * int(marked.sum()))
        self.bars.setOpts(x=np.arange(len(norms)), y0=floor, height=heights, width=BAR_WIDTH,
                          brushes=self.colours, pens=self._bar_pens)
        top = math.ceil(2 * float(heights.max() + floor)) / 2 if len(heights) else 0.0
        y_range = (floor, max(top, floor + 1) + 0.25)
        if y_range != self._bar_range:
            self._bar_range = y_range
            plot = self.bars_view.getPlotItem()
            plot.setYRange(*y_range, padding=0)
            plot.setXRange(-0.6, len(norms) - 0.4, padding=0)
