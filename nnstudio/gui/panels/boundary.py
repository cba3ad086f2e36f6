"""Decision boundary: the model's output over the input plane, with the data points on it.

Classification paints each cell in its predicted class's colour, paler where the model is less
sure (TensorFlow Playground's picture); regression paints the value with a diverging map centred
at 0 and a colour bar. For a regression on one input the panel shows the fitted curve instead.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from nnstudio.gui.panels import colouring, style
from nnstudio.gui.panels.base import Panel
from nnstudio.gui.panels.curve import CurvePanel, is_curve_data
from nnstudio.gui.panels.points import raw_inputs, targets
from nnstudio.gui.theme import TEXT_COLOUR

TRAIN_SIZE = 10
VALIDATION_SIZE = 9
OUTLINE = "#1F2430"
#: the legend's sample of a training point when points are coloured by their value
REGRESSION_SAMPLE = "#9AA0A6"


class BoundaryPanel(Panel):
    """The model over the plane (Snapshot.boundary: cell [i, j] at (xs[j], ys[i])): classes as
    colours blended with white by confidence, or regression values on a colour bar; training
    points filled with a dark outline, validation points hollow (hideable), equal aspect.
    1-D regression (Snapshot.curve) is handed to an embedded `CurvePanel`."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("BoundaryPanel", "Decision boundary"))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.curve = CurvePanel()
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        controls = QHBoxLayout()
        controls.setContentsMargins(10, 4, 10, 4)
        self.show_validation = QCheckBox(self.tr("Show validation points"))
        self.show_validation.setChecked(True)
        self.show_validation.toggled.connect(self._set_validation_visible)
        controls.addWidget(self.show_validation)
        controls.addStretch(1)
        column.addLayout(controls)
        self.view = style.plot_widget()
        column.addWidget(self.view, 1)
        self.set_content(page)

        plot = self.view.getPlotItem()
        style.style_plot(plot, "x1", "x2")
        plot.showGrid(x=False, y=False)
        plot.setAspectLocked(True, ratio=1.0)
        self.class_image = pg.ImageItem(axisOrder="row-major")
        self.value_image = pg.ImageItem(axisOrder="row-major")
        self.value_map = colouring.diverging_map()
        self.colour_bar: pg.ColorBarItem | None = None
        self.train_points = pg.ScatterPlotItem(size=TRAIN_SIZE, symbol="o",
                                               pen=pg.mkPen(OUTLINE, width=1.3))
        self.validation_points = pg.ScatterPlotItem(size=VALIDATION_SIZE, symbol="o",
                                                    brush=pg.mkBrush(style.BACKGROUND))
        for item in (self.class_image, self.value_image, self.train_points,
                     self.validation_points):
            plot.addItem(item)
        self.train_points.setZValue(2)
        self.validation_points.setZValue(3)
        self._legend = style.legend(plot)
        self._legend_samples: list[pg.ScatterPlotItem] = []

        self.rgba: np.ndarray | None = None
        self._dataset: Any = None
        self._mode: str | None = None
        self._extent: tuple[float, float, float, float] | None = None
        self._value_limit = 1.0
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def set_data(self, dataset: Any) -> None:
        """Draw the dataset's points (2-D) or hand it to the curve (1-D regression)."""
        self._dataset = dataset
        self.curve.set_data(dataset)
        if is_curve_data(dataset):
            self._mode = "curve"
        elif dataset is not None and dataset.kind == "points2d":
            self._mode = "plane"
            self._set_points(dataset)
        else:
            self._mode = None
            self._clear_points()
        self._show_state()

    def reset(self) -> None:
        """Forget the model's output; the data's points stay."""
        self.rgba = None
        self.class_image.clear()
        self.value_image.clear()
        self.curve.clear()
        self._show_state()

    def draw(self, snapshot: Any) -> None:
        if snapshot.curve is not None:
            self._mode = "curve"
            self.curve.show_snapshot(snapshot)
        elif snapshot.boundary is not None:
            self._mode = "plane"
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
        names = dataset.feature_names
        plot = self.view.getPlotItem()
        style.axis_label(plot, "bottom", names[0] if len(names) > 0 else "x1")
        style.axis_label(plot, "left", names[1] if len(names) > 1 else "x2")
        train, validation = raw_inputs(dataset, "train"), raw_inputs(dataset, "validation")
        y_train, y_validation = targets(dataset, "train"), targets(dataset, "validation")
        if dataset.task == "classification":
            fills = np.array([pg.mkBrush(colouring.class_colour(k))
                              for k in range(dataset.num_classes)], dtype=object)
            rings = np.array([pg.mkPen(colouring.class_colour(k), width=2.5)
                              for k in range(dataset.num_classes)], dtype=object)
            train_brushes, validation_pens = fills[y_train], rings[y_validation]
            self._set_legend([(colouring.class_colour(k), name)
                              for k, name in enumerate(dataset.class_names)])
        else:
            limit = float(np.abs(np.concatenate([y_train, y_validation])).max(initial=0.0))
            self._set_value_limit(limit)
            train_brushes = np.array(self._value_colours(y_train, pg.mkBrush), dtype=object)
            validation_pens = np.array(
                self._value_colours(y_validation, lambda c: pg.mkPen(c, width=2.5)),
                dtype=object)
            self._set_legend([(REGRESSION_SAMPLE, self.tr("training"))])
        self.train_points.setData(x=train[:, 0], y=train[:, 1], brush=list(train_brushes))
        self.validation_points.setData(x=validation[:, 0], y=validation[:, 1],
                                       pen=list(validation_pens))
        self._extent = None

    def _value_colours(self, values: np.ndarray, make: Any) -> list[Any]:
        """A brush or pen per value, from the diverging map over [−limit, limit]."""
        scaled = np.clip(0.5 + 0.5 * values / self._value_limit, 0.0, 1.0)
        return [make(c) for c in self.value_map.map(scaled, mode="qcolor")]

    def _clear_points(self) -> None:
        self.train_points.clear()
        self.validation_points.clear()
        self._set_legend([])

    def _set_legend(self, classes: list[tuple[Any, str]]) -> None:
        """One filled sample per class, and a hollow one for the validation points."""
        self._legend.clear()
        self._legend_samples = []
        for colour, name in classes:
            self._add_sample(name, pg.mkPen(OUTLINE, width=1.3), pg.mkBrush(colour))
        self._add_sample(self.tr("validation"), pg.mkPen(TEXT_COLOUR, width=2.5),
                         pg.mkBrush(style.BACKGROUND))

    def _add_sample(self, name: str, pen: Any, brush: Any) -> None:
        sample = pg.ScatterPlotItem(size=TRAIN_SIZE, symbol="o", pen=pen, brush=brush)
        self._legend_samples.append(sample)
        self._legend.addItem(sample, name)

    def _set_validation_visible(self, visible: bool) -> None:
        self.validation_points.setVisible(visible)

    def _show_state(self) -> None:
        if self._mode == "curve":
            self.show_page(self.curve)
        elif self._mode == "plane":
            self.show_content()
        else:
            self.show_message(self.tr("The decision boundary is drawn for data with two inputs"))
