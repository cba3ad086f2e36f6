"""The fitted curve of a regression on one input, over the training and validation points."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from nnstudio.core.monitor import Snapshot
from nnstudio.core.probe_names import Probe
from nnstudio.data import Dataset
from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Column, Panel, Placement, is_fresh
from nnstudio.gui.panels.points import raw_feature_names, raw_inputs, targets
from nnstudio.gui.theme import TEXT_COLOUR

POINT_SIZE = 7


def is_curve_data(dataset: Any) -> bool:
    """A regression on one input (the data the curve is drawn for)."""
    return dataset is not None and dataset.kind == "curve1d" and dataset.task == "regression"


class CurvePanel(Panel):
    """The model's output along the input axis (Snapshot.curve: xs (points,), ys (points,) or
    (points, outputs), the first output drawn), with training points (filled) and validation
    points (hollow)."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("CurvePanel", "Fitted curve"))
    probes = frozenset({Probe.CURVE})
    placement = Placement("curve", 30, Column.DATA, frozenset({"curve1d"}))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = style.plot_widget()
        self.set_content(self.view)
        plot = self.view.getPlotItem()
        style.style_plot(plot, "x", "y")
        legend = style.legend(plot)
        self.train_points = pg.ScatterPlotItem(
            size=POINT_SIZE, pen=pg.mkPen(style.TRAIN_COLOUR, width=1),
            brush=style.translucent(style.TRAIN_COLOUR, 150))
        self.validation_points = pg.ScatterPlotItem(
            size=POINT_SIZE + 1, pen=pg.mkPen(style.VALIDATION_COLOUR, width=2),
            brush=pg.mkBrush(style.BACKGROUND))
        self.fit = pg.PlotDataItem(pen=style.pen(TEXT_COLOUR, 3.5), antialias=False)
        for item, label in ((self.train_points, self.tr("training data")),
                            (self.validation_points, self.tr("validation data")),
                            (self.fit, self.tr("model"))):
            plot.addItem(item)
            legend.addItem(item, label)
        self._has_data = False
        self._has_fit = False
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def applies(self, dataset: Dataset) -> bool:
        return is_curve_data(dataset)

    def set_data(self, dataset: Dataset | None) -> None:
        """Training and validation points of a one-input regression; other data: a message."""
        self._has_data = is_curve_data(dataset)
        if not self._has_data:
            self.train_points.clear()
            self.validation_points.clear()
            self._show_state()
            return
        style.axis_label(self.view.getPlotItem(), "bottom",
                         (raw_feature_names(dataset) or ("x",))[0])
        for item, split in ((self.train_points, "train"), (self.validation_points, "validation")):
            item.setData(x=raw_inputs(dataset, split)[:, 0], y=targets(dataset, split))
        self._show_state()

    def reset(self) -> None:
        self.fit.setData([], [])
        self._has_fit = False
        self._show_state()

    def draw(self, snapshot: Snapshot) -> None:
        curve = snapshot.curve
        if curve is None or (self._has_fit and not is_fresh(snapshot, "curve")):
            return
        ys = curve.ys if curve.ys.ndim == 1 else curve.ys[:, 0]
        self.fit.setData(curve.xs, ys)
        self._has_fit = True
        self.show_content()

    # -- helpers -------------------------------------------------------------------------------
    def _show_state(self) -> None:
        if self._has_data or self._has_fit:
            self.show_content()
        else:
            self.show_message(self.tr(
                "The fitted curve is drawn for regression data with one input"))
