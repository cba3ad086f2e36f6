"""Weights: one parameter's histogram now, and its distribution over time as a heat map
(as TensorBoard's distributions)."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from nnstudio.core.monitor import Snapshot
from nnstudio.core.probe_names import Probe
from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Column, Panel, Placement, is_fresh
from nnstudio.gui.panels.density import DensityHistory

#: the most columns the heat map keeps per parameter; older ones are merged in pairs
COLUMNS = 300
#: value bins of the heat map
VALUE_BINS = 64


def _shape_text(shape: tuple[int, ...]) -> str:
    return "×".join(str(n) for n in shape)


class WeightsPanel(Panel):
    """For the parameter chosen in `parameter` (every weight and bias, e.g. "h1.W"): its
    current histogram (% of values per bin) and, below, one heat-map column per snapshot and
    per epoch ended (x: epoch, y: value, colour: density relative to the column's peak)."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("WeightsPanel", "Weights"))
    probes = frozenset({Probe.PARAMS})
    placement = Placement("weights", 40, Column.NETWORK)

    def __init__(self, parent: QWidget | None = None, *, columns: int = COLUMNS):
        super().__init__(parent)
        self._capacity = columns
        self.histories: dict[str, DensityHistory] = {}
        self._latest: dict[str, Any] = {}
        self._column_step = -1
        self._step_width = 1.0

        self.parameter = QComboBox()
        self.parameter.setMinimumContentsLength(10)
        self.parameter.currentTextChanged.connect(self._redraw)
        label = QLabel(self.tr("Parameter:"))
        label.setBuddy(self.parameter)
        page, column = style.page_with_controls(label, self.parameter)

        self.histogram_view = style.plot_widget()
        self.heatmap_view = style.plot_widget()
        column.addWidget(self.histogram_view, 1)
        column.addWidget(self.heatmap_view, 1)
        self.set_content(page)

        histogram = self.histogram_view.getPlotItem()
        style.style_plot(histogram, self.tr("value"), self.tr("% of values"))
        self.histogram = style.curve(histogram, style.TRAIN_COLOUR, 2, stepMode="center",
                                     fillLevel=0,
                                     brush=style.translucent(style.TRAIN_COLOUR, 110))
        self._share_limit = style.SteadyLimit()
        heatmap = self.heatmap_view.getPlotItem()
        style.style_plot(heatmap, self.tr("epoch"), self.tr("value"))
        style.set_elided_title(heatmap, self.tr("Distribution over time (dark: many values)"))
        self.heatmap = pg.ImageItem(axisOrder="col-major")
        self.heatmap.setLookupTable(style.density_colour_map().getLookupTable(nPts=256))
        heatmap.addItem(self.heatmap)
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def reset(self) -> None:
        for history in self.histories.values():
            history.clear()
        self._latest = {}
        self._column_step = -1
        self._share_limit.reset()
        self.histogram.setData([0, 1], [0], stepMode="center")
        self.heatmap.clear()
        self.show_message(self.tr("Press Play to train"))

    def draw(self, snapshot: Snapshot) -> None:
        if not snapshot.params or (self._latest and not is_fresh(snapshot, "params")):
            return
        names = [p.name for p in snapshot.params]
        if names != list(self.histories):
            self._restructure(names)
        self._step_width = 1.0 / max(snapshot.batches_per_epoch, 1)
        self._latest = {p.name: p for p in snapshot.params}
        for step, params in (*snapshot.params_epochs, (snapshot.step, snapshot.params)):
            self._add_column(step, params)
        self._redraw()
        self.show_content()

    def _add_column(self, step: int, params: Any) -> None:
        """A heat-map column per parameter for the statistics at `step` (once per step)."""
        if step <= self._column_step or [p.name for p in params] != list(self.histories):
            return
        for p in params:
            self.histories[p.name].add(step * self._step_width, p.histogram.counts,
                                       p.histogram.edges, p.min, p.max)
        self._column_step = step

    # -- helpers -------------------------------------------------------------------------------
    def _restructure(self, names: list[str]) -> None:
        """A new network: one history per parameter, keeping the chosen one if it still exists."""
        chosen = self.parameter.currentText()
        self.histories = {name: DensityHistory(VALUE_BINS, self._capacity) for name in names}
        self.parameter.blockSignals(True)
        self.parameter.clear()
        self.parameter.addItems(names)
        self.parameter.setCurrentIndex(names.index(chosen) if chosen in names else 0)
        self.parameter.blockSignals(False)

    def _redraw(self) -> None:
        name = self.parameter.currentText()
        stats, history = self._latest.get(name), self.histories.get(name)
        if stats is None or history is None or history.edges is None:
            return
        counts = stats.histogram.counts
        share = 100.0 * counts / max(int(counts.sum()), 1)
        self.histogram.setData(stats.histogram.edges, share, stepMode="center")
        lo, hi = float(history.edges[0]), float(history.edges[-1])
        plot = self.histogram_view.getPlotItem()
        plot.setXRange(lo, hi, padding=0)
        y_top = self._share_limit.update(float(share.max(initial=0.0)))
        if y_top != plot.getViewBox().targetRange()[1][1]:
            plot.setYRange(0, y_top, padding=0)
        style.set_elided_title(plot, self.tr("{name} ({shape}) · mean {mean:.3g} · std "
                                             "{std:.3g}").format(
            name=name, shape=_shape_text(stats.shape), mean=stats.mean, std=stats.std))
        image, start, end = history.image(2 * len(history.columns), self._step_width)
        self.heatmap.setImage(image, levels=(0.0, 1.0), autoLevels=False)
        self.heatmap.setRect(QRectF(start, lo, end - start, hi - lo))
        self.heatmap_view.getPlotItem().setYRange(lo, hi, padding=0)
