"""Predicted vs true for next-value tasks: a few held-out sequences with their true next value
and the network's prediction, and every held-out prediction against the truth."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from nnstudio.core.probe_names import Probe
from nnstudio.core.sequence_views import CURVES, NextValues
from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Column, Panel, Placement, is_fresh
from nnstudio.gui.panels.sequences import split_name
from nnstudio.gui.theme import CLASS_COLOURS, TEXT_COLOUR

MARKER = 12
POINT = 6


def is_next_value_data(dataset: Any) -> bool:
    """Sequences of values with one value to predict (the sequence source's sine tasks)."""
    return dataset is not None and dataset.kind == "sequence" and dataset.task == "regression"


class NextValuePanel(Panel):
    """Snapshot.next_values. Top: the first CURVES held-out sequences (x: time step, lines),
    each with its true next value at step T (a filled dot) and the prediction (a cross) in the
    sequence's colour. Bottom: predicted against true next value for up to MAX_POINTS held-out
    sequences, with the diagonal where they agree and the mean squared error."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("NextValuePanel", "Predicted vs true"))
    probes = frozenset({Probe.NEXT_VALUES})
    placement = Placement("next_values", 150, Column.TRAINING)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        page, column = style.page_with_controls()
        self.curves_view = style.plot_widget()
        self.scatter_view = style.plot_widget()
        column.addWidget(self.curves_view, 3)
        column.addWidget(self.scatter_view, 2)
        self.set_content(page)

        plot = self.curves_view.getPlotItem()
        style.style_plot(plot, self.tr("time step"), self.tr("value"))
        self.lines = [style.curve(plot, CLASS_COLOURS[k % len(CLASS_COLOURS)], 2.5)
                      for k in range(CURVES)]
        self.true_dots = pg.ScatterPlotItem(size=MARKER, symbol="o", pen=pg.mkPen(TEXT_COLOUR))
        self.predicted_marks = pg.ScatterPlotItem(size=MARKER + 4, symbol="x",
                                                  pen=pg.mkPen(TEXT_COLOUR, width=1))
        plot.addItem(self.true_dots)
        plot.addItem(self.predicted_marks)

        scatter = self.scatter_view.getPlotItem()
        style.style_plot(scatter, self.tr("true next value"), self.tr("predicted"))
        self.diagonal = style.curve(scatter, TEXT_COLOUR, 1.5, dashed=True)
        self.points = pg.ScatterPlotItem(size=POINT, pen=pg.mkPen(None),
                                         brush=style.translucent(style.VALIDATION_COLOUR, 150))
        scatter.addItem(self.points)
        self.values: NextValues | None = None
        self._dataset: Any = None
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def applies(self, dataset: Any) -> bool:
        return is_next_value_data(dataset)

    def set_data(self, dataset: Any) -> None:
        self._dataset = dataset
        self.reset()

    def reset(self) -> None:
        self.values = None
        for line in self.lines:
            line.setData([], [])
        for item in (self.true_dots, self.predicted_marks, self.points):
            item.clear()
        self.diagonal.setData([], [])
        if not is_next_value_data(self._dataset):
            self.show_message(self.tr("Predicted vs true is drawn for next-value tasks: the "
                                      "sequence source's sine or sum_of_sines"))
        else:
            self.show_message(self.tr("Press Play to train"))

    def draw(self, snapshot: Any) -> None:
        values = snapshot.next_values
        if values is None:
            if is_next_value_data(self._dataset):
                self.values = None
                self.show_message(self.tr("Predicted vs true needs a network from the "
                                          "sequence to one value, such as RNN → Dense(1)"))
            return
        if self.values is not None and not is_fresh(snapshot, "next_values"):
            return
        self.values = values
        self._draw_curves(values)
        self._draw_scatter(values)
        self.show_content()

    # -- helpers -------------------------------------------------------------------------------
    def _draw_curves(self, values: NextValues) -> None:
        k, steps = values.curves.shape
        colours = [CLASS_COLOURS[i % len(CLASS_COLOURS)] for i in range(k)]
        for i, line in enumerate(self.lines):
            if i < k:
                line.setData(np.arange(steps), values.curves[i])
            else:
                line.setData([], [])
        at = np.full(k, float(steps))
        self.true_dots.setData(x=at, y=values.true[:k],
                               brush=[pg.mkBrush(c) for c in colours])
        self.predicted_marks.setData(x=at, y=values.predicted[:k],
                                     pen=[pg.mkPen(c, width=3) for c in colours],
                                     brush=[pg.mkBrush(c) for c in colours])
        style.set_elided_title(self.curves_view.getPlotItem(), self.tr(
            "● true next value · ✕ predicted · {count} {split} sequences").format(
            count=k, split=split_name(values.split)))

    def _draw_scatter(self, values: NextValues) -> None:
        self.points.setData(x=values.true, y=values.predicted)
        both = np.concatenate([values.true, values.predicted])
        finite = both[np.isfinite(both)]
        if finite.size:
            lo, hi = float(finite.min()), float(finite.max())
            self.diagonal.setData([lo, hi], [lo, hi])
        mse = float(np.mean((values.predicted - values.true) ** 2)) if len(values.true) else 0.0
        style.set_elided_title(self.scatter_view.getPlotItem(), self.tr(
            "mean squared error {mse:.3g} · {count} {split} sequences").format(
            count=len(values.true), split=split_name(values.split), mse=mse))
