"""Decision boundary: the model's output over the input plane, with the data points on it.

Classification paints each cell in its predicted class's colour, paler where the model is less
sure (TensorFlow Playground's picture); regression paints the value with a diverging map centred
at 0 and a colour bar.
"""

from __future__ import annotations

import html
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Signal
from PySide6.QtWidgets import QCheckBox, QWidget

from nnstudio.core.monitor import Snapshot
from nnstudio.core.probe_names import Probe
from nnstudio.data import Dataset
from nnstudio.gui.catalog_text import class_name_tr
from nnstudio.gui.data.clicks import listen_to_clicks
from nnstudio.gui.panels import colouring, style
from nnstudio.gui.panels.base import Column, Panel, Placement, is_fresh
from nnstudio.gui.panels.points import raw_feature_names, raw_inputs, targets
from nnstudio.gui.theme import TEXT_COLOUR

TRAIN_SIZE = 10
VALIDATION_SIZE = 9
OUTLINE = "#1F2430"
#: the legend's sample of a training point when points are coloured by their value
REGRESSION_SAMPLE = "#9AA0A6"


class BoundaryPanel(Panel):
    """The model over the plane (Snapshot.boundary: cell [i, j] at (xs[j], ys[i])): classes as
    colours blended with white by confidence, or regression values on a colour bar; training
    points filled with a dark outline, validation points (hideable) hollow rings in their
    class's colour, or for regression diamonds filled with their value; equal aspect. Of
    several regression outputs, the first is drawn.

    `planeClicked(x, y, button, radius)` reports left and right clicks on the plane in data
    coordinates (the main window turns them into drawn points); the plot's context menu is
    off, since right-click removes a point."""

    planeClicked = Signal(float, float, object, float)
    title = style.TranslatedText(QT_TRANSLATE_NOOP("BoundaryPanel", "Decision boundary"))
    probes = frozenset({Probe.BOUNDARY})
    placement = Placement("boundary", 20, Column.DATA, frozenset({"points2d"}))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.show_validation = QCheckBox(self.tr("Show validation points"))
        self.show_validation.setChecked(True)
        self.show_validation.toggled.connect(self._set_validation_visible)
        page, column = style.page_with_controls(self.show_validation)
        self.view = style.plot_widget()
        column.addWidget(self.view, 1)
        self.set_content(page)

        plot = self.view.getPlotItem()
        style.style_plot(plot, "x1", "x2")
        plot.setAspectLocked(True, ratio=1.0)
        self.class_image = pg.ImageItem(axisOrder="row-major")
        self.value_image = pg.ImageItem(axisOrder="row-major")
        self.value_map = colouring.diverging_map()
        self.colour_bar: pg.ColorBarItem | None = None
        self.train_points = pg.ScatterPlotItem(size=TRAIN_SIZE, symbol="o",
                                               pen=pg.mkPen(OUTLINE, width=1.3))
        self.validation_points = pg.ScatterPlotItem(size=VALIDATION_SIZE, symbol="o")
        for item in (self.class_image, self.value_image, self.train_points,
                     self.validation_points):
            plot.addItem(item)
        self.train_points.setZValue(2)
        self.validation_points.setZValue(3)
        self._legend = style.legend(plot)
        listen_to_clicks(plot, self.planeClicked.emit)

        self.rgba: np.ndarray | None = None
        self._dataset: Any = None
        self._plane = False
        self._drawn = False
        self._extent: tuple[float, float, float, float] | None = None
        self._value_limit = 1.0
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def applies(self, dataset: Dataset) -> bool:
        return dataset is not None and dataset.kind == "points2d"

    def set_data(self, dataset: Dataset | None) -> None:
        """Draw a 2-D dataset's points; other data: the panel shows why it is empty."""
        self._dataset = dataset
        self._plane = dataset is not None and dataset.kind == "points2d"
        if self._plane:
            self._set_points(dataset)
        else:
            self._clear_points()
        self._show_state()

    def reset(self) -> None:
        """Forget the model's output; the data's points stay."""
        self.rgba = None
        self.class_image.clear()
        self.value_image.clear()
        self._drawn = False
        self._show_state()

    def draw(self, snapshot: Snapshot) -> None:
        if snapshot.boundary is None or (self._drawn and not is_fresh(snapshot, "boundary")):
            return
        self._plane = True
        self._drawn = True
        self._draw_grid(snapshot.boundary)
        self._show_state()

    # -- the plane -----------------------------------------------------------------------------
    def _draw_grid(self, grid: Any) -> None:
        xs, ys = grid.xs, grid.ys
        dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1)
        dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1)
        extent = (float(xs[0] - dx / 2), float(ys[0] - dy / 2),
                  float(len(xs) * dx), float(len(ys) * dy))
        classification = grid.task == "classification"
        if classification:
            self.rgba = colouring.classification_rgba(grid.predicted, grid.confidence,
                                                      grid.probabilities.shape[2])
            self.class_image.setImage(self.rgba, autoLevels=False, levels=None)
        else:
            values = grid.values if grid.values.ndim == 2 else grid.values[..., 0]
            if self._dataset is None:
                self._set_value_limit(float(np.abs(values).max(initial=0.0)))
            self.value_image.setImage(values, autoLevels=False)
        self._set_regression(not classification)
        image = self.class_image if classification else self.value_image
        image.setRect(QRectF(*extent))
        if extent != self._extent:
            self._extent = extent
            x0, y0, w, h = extent
            self.view.getPlotItem().setRange(xRange=(x0, x0 + w), yRange=(y0, y0 + h),
                                             padding=0.02)

    def _set_regression(self, regression: bool) -> None:
        """Show the value image and its colour bar, or the class image."""
        self.class_image.setVisible(not regression)
        self.value_image.setVisible(regression)
        if regression and self.colour_bar is None:
            self.colour_bar = pg.ColorBarItem(
                values=(-self._value_limit, self._value_limit), colorMap=self.value_map,
                interactive=False, width=18, colorMapMenu=False)
            self.colour_bar.setImageItem(self.value_image, insert_in=self.view.getPlotItem())
            self.colour_bar.axis.setTickFont(style.font(style.TICK_PT))
            self.colour_bar.axis.setTextPen(pg.mkPen(TEXT_COLOUR))
        if self.colour_bar is not None:
            self.colour_bar.setVisible(regression)

    def _set_value_limit(self, limit: float) -> None:
        """Colours span [−limit, limit] (0 is white)."""
        self._value_limit = limit if limit > 0 else 1.0
        if self.colour_bar is not None:
            self.colour_bar.setLevels((-self._value_limit, self._value_limit))
        self.value_image.setLevels((-self._value_limit, self._value_limit))

    # -- points --------------------------------------------------------------------------------
    def _set_points(self, dataset: Any) -> None:
        names = raw_feature_names(dataset)
        plot = self.view.getPlotItem()
        style.axis_label(plot, "bottom", names[0] if len(names) > 0 else "x1")
        style.axis_label(plot, "left", names[1] if len(names) > 1 else "x2")
        train, validation = raw_inputs(dataset, "train"), raw_inputs(dataset, "validation")
        y_train, y_validation = targets(dataset, "train"), targets(dataset, "validation")
        outline = pg.mkPen(OUTLINE, width=1.3)
        if dataset.task == "classification":
            fills = np.array([pg.mkBrush(colouring.class_colour(k))
                              for k in range(dataset.num_classes)], dtype=object)
            rings = np.array([pg.mkPen(colouring.class_colour(k), width=2.5)
                              for k in range(dataset.num_classes)], dtype=object)
            self.train_points.setData(x=train[:, 0], y=train[:, 1], brush=list(fills[y_train]))
            self.validation_points.setData(
                x=validation[:, 0], y=validation[:, 1], symbol="o", size=VALIDATION_SIZE,
                pen=list(rings[y_validation]), brush=pg.mkBrush(style.BACKGROUND))
            samples = [(self._sample("o", outline, colouring.class_colour(k)), class_name_tr(name))
                       for k, name in enumerate(dataset.class_names)]
            samples.append((self._sample("o", pg.mkPen(TEXT_COLOUR, width=2.5),
                                         style.BACKGROUND), self.tr("validation")))
        else:
            limit = float(np.abs(np.concatenate([y_train, y_validation])).max(initial=0.0))
            self._set_value_limit(limit)
            self.train_points.setData(x=train[:, 0], y=train[:, 1],
                                      brush=self._value_brushes(y_train))
            self.validation_points.setData(
                x=validation[:, 0], y=validation[:, 1], symbol="d", size=VALIDATION_SIZE,
                pen=outline, brush=self._value_brushes(y_validation))
            samples = [(self._sample("o", outline, REGRESSION_SAMPLE), self.tr("training")),
                       (self._sample("d", outline, REGRESSION_SAMPLE), self.tr("validation"))]
        self._set_legend(samples)
        self._extent = None

    def _value_brushes(self, values: np.ndarray) -> list[Any]:
        """A brush per value (n,), from the diverging map over [−limit, limit]."""
        scaled = np.clip(0.5 + 0.5 * values / self._value_limit, 0.0, 1.0)
        return [pg.mkBrush(c) for c in self.value_map.map(scaled, mode="qcolor")]

    def _clear_points(self) -> None:
        self.train_points.clear()
        self.validation_points.clear()
        self._set_legend([])

    @staticmethod
    def _sample(symbol: str, pen: Any, fill: Any) -> pg.ScatterPlotItem:
        """A legend sample: one marker (never added to the plot)."""
        return pg.ScatterPlotItem(size=TRAIN_SIZE, symbol=symbol, pen=pen, brush=pg.mkBrush(fill))

    def _set_legend(self, samples: list[tuple[pg.ScatterPlotItem, str]]) -> None:
        self._legend.clear()
        for sample, name in samples:
            self._legend.addItem(sample, html.escape(name))  # legends are rich text

    def _set_validation_visible(self, visible: bool) -> None:
        self.validation_points.setVisible(visible)

    def _show_state(self) -> None:
        if self._plane:
            self.show_content()
        else:
            self.show_message(self.tr("The decision boundary is drawn for data with two inputs"))
