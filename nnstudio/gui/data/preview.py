"""The preview of the chosen data: a scatter of points in the plane (classes in the boundary
panel's colours, training points filled and validation points as rings), a scatter of a 1-D
curve, a table of per-column statistics, or a grid of images; under it the samples of each
class in each split."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.data import Dataset
from nnstudio.data.summary import class_counts, column_stats, split_sizes
from nnstudio.gui.catalog_text import class_name_tr
from nnstudio.gui.data.clicks import listen_to_clicks
from nnstudio.gui.data_text import data_problem_tr
from nnstudio.gui.dialogs import tooltip_text
from nnstudio.gui.panels import colouring, style
from nnstudio.gui.panels.images.pixels import picture
from nnstudio.gui.panels.points import raw_inputs, targets
from nnstudio.gui.theme import MUTED_TEXT

TRAIN_SIZE = 9
VALIDATION_SIZE = 8
OUTLINE = "#1F2430"
#: the plane of the 2-D toys: always in view, so drawn points land where expected
PLANE = 6.0
#: the image grid: columns, tiles per class, tile size in pixels
IMAGE_COLUMNS = 6
PER_CLASS = 3
MAX_IMAGES = 30
TILE = 56
#: class rows and statistics rows shown without scrolling
MAX_COUNT_ROWS = 10
MAX_STAT_ROWS = 14
#: no maximum height (Qt's QWIDGETSIZE_MAX)
QWIDGETSIZE_MAX = (1 << 24) - 1
#: minimum height of the plot, table or grid
PREVIEW_HEIGHT = 240


def image_tile(pixels: np.ndarray, size: int = TILE) -> QPixmap:
    """One raw image (C, H, W) with values in [0, 1] (C = 1 grey, 3 RGB) as a pixmap of
    `size` pixels on its longer side, its pixels kept sharp: drawn as the image panels draw
    samples (dark ink on white, colour as it is), so the data look the same everywhere."""
    rgba = np.ascontiguousarray(picture(pixels))
    height, width = rgba.shape[:2]
    image = QImage(rgba.data, width, height, 4 * width, QImage.Format.Format_RGBA8888).copy()
    return QPixmap.fromImage(image).scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation)


def sample_rows(labels: np.ndarray, classes: int) -> np.ndarray:
    """Row indices of up to PER_CLASS samples of every class, class by class (at most
    MAX_IMAGES); the first rows when there are no classes."""
    if classes == 0:
        return np.arange(min(len(labels), MAX_IMAGES))
    rows = [np.flatnonzero(labels == k)[:PER_CLASS] for k in range(classes)]
    return np.concatenate(rows)[:MAX_IMAGES] if rows else np.arange(0)


def fit_height(table: QTableWidget, rows: int, most: int) -> None:
    """Make `table` just tall enough for `rows` rows (at most `most`; it scrolls beyond)."""
    table.resizeRowsToContents()
    rows_height = sum(table.rowHeight(r) for r in range(min(rows, most)))
    table.setFixedHeight(table.horizontalHeader().sizeHint().height() + rows_height
                         + 2 * table.frameWidth())


def _number(value: float) -> str:
    return "—" if not np.isfinite(value) else f"{value:.4g}"


def swatch(colour: QColor) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(colour)
    return QIcon(pixmap)


class DataPreview(QWidget):
    """Shows a Dataset. `planeClicked(x, y, button, radius)` reports clicks on the plane (in
    data coordinates) while points in the plane are shown."""

    planeClicked = Signal(float, float, object, float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.dataset: Dataset | None = None
        self.pages = QStackedWidget()
        self.pages.setMinimumHeight(PREVIEW_HEIGHT)
        self.pages.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._make_plot()
        self.table = self._table()
        self.images = QWidget()
        self._image_grid = QGridLayout(self.images)
        self._image_grid.setSpacing(6)
        self.empty = QLabel()
        self.empty.setTextFormat(Qt.TextFormat.PlainText)  # quotes paths and names
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(style.message_css(style.MIN_MESSAGE_PT + 2))
        for page in (self.view, self.table, self.images, self.empty):
            self.pages.addWidget(page)
        self.counts = self._table()
        self.sizes = QLabel()
        self.sizes.setTextFormat(Qt.TextFormat.PlainText)
        self.sizes.setStyleSheet(f"color: {MUTED_TEXT};")
        self.sizes.setWordWrap(True)
        self.sizes.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        # no taller than a table or an image grid needs; a plot grows with the dock
        column.setSizeConstraint(QLayout.SizeConstraint.SetMinAndMaxSize)
        column.addWidget(self.pages, 1)
        column.addWidget(self.sizes)
        column.addWidget(self.counts)
        self._clicks_on = False
        self.show_nothing("")

    # -- building ------------------------------------------------------------------------------
    def _make_plot(self) -> None:
        self.view = style.plot_widget()
        self.plot = plot = self.view.getPlotItem()
        style.style_plot(plot, "x1", "x2")
        self.train_points = pg.ScatterPlotItem(size=TRAIN_SIZE, pen=pg.mkPen(OUTLINE, width=1))
        self.validation_points = pg.ScatterPlotItem(size=VALIDATION_SIZE)
        for item in (self.train_points, self.validation_points):
            plot.addItem(item)
        self.validation_points.setZValue(1)
        listen_to_clicks(plot, self._on_click)

    @staticmethod
    def _table() -> QTableWidget:
        table = QTableWidget()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    # -- showing -------------------------------------------------------------------------------
    def show_dataset(self, dataset: Dataset) -> None:
        """The dataset's picture for its kind, with the split sizes and class counts."""
        self.dataset = dataset
        self._clicks_on = dataset.kind == "points2d"
        if dataset.kind in ("points2d", "curve1d"):
            self._show_points(dataset)
            self._show_page(self.view)
        elif dataset.kind == "images":
            self._show_images(dataset)
            self._show_page(self.images)
        else:
            self._show_stats(dataset)
            self._show_page(self.table)
        self._show_counts(dataset)

    def show_empty_plane(self) -> None:
        """The [−6, 6]² plane with no points: drawn points start here."""
        self.dataset = None
        self._clicks_on = True
        self.train_points.clear()
        self.validation_points.clear()
        self._set_plane_axes("x1", "x2", (-PLANE, PLANE), (-PLANE, PLANE))
        self._show_page(self.view)
        self.sizes.setText(self.tr("No points yet"))
        self.counts.hide()

    def show_nothing(self, text: str) -> None:
        """No preview: `text` (in the user's language when the data layer wrote it) in its
        place."""
        self.dataset = None
        self._clicks_on = False
        self.empty.setText(data_problem_tr(text))
        self._show_page(self.empty)
        self.sizes.setText("")
        self.counts.hide()

    def _show_page(self, page: QWidget) -> None:
        """Show `page`: a plot grows with the dock; a table or an image grid is as tall as its
        contents, so the counts follow right under it."""
        self.pages.setCurrentWidget(page)
        if page is self.table:
            height = self.table.height()
        elif page is self.images:
            height = self.images.sizeHint().height()
        else:
            self.pages.setMinimumHeight(PREVIEW_HEIGHT)
            self.pages.setMaximumHeight(QWIDGETSIZE_MAX)
            return
        self.pages.setMinimumHeight(0)
        self.pages.setMaximumHeight(height)

    @property
    def page(self) -> str:
        """Which picture is on show: "plot", "table", "images" or "empty"."""
        return {self.view: "plot", self.table: "table", self.images: "images"}.get(
            self.pages.currentWidget(), "empty")

    # -- the plane and the curve ---------------------------------------------------------------
    def _show_points(self, dataset: Dataset) -> None:
        train, validation = raw_inputs(dataset, "train"), raw_inputs(dataset, "validation")
        y_train, y_validation = targets(dataset, "train"), targets(dataset, "validation")
        if dataset.kind == "curve1d":
            self._show_curve(train[:, 0], y_train, validation[:, 0], y_validation)
            return
        if dataset.task == "classification":
            fills = [pg.mkBrush(colouring.class_colour(k)) for k in range(dataset.num_classes)]
            rings = [pg.mkPen(colouring.class_colour(k), width=2.5)
                     for k in range(dataset.num_classes)]
            self.train_points.setData(x=train[:, 0], y=train[:, 1], symbol="o", size=TRAIN_SIZE,
                                      pen=pg.mkPen(OUTLINE), brush=[fills[k] for k in y_train])
            self.validation_points.setData(x=validation[:, 0], y=validation[:, 1], symbol="o",
                                           size=VALIDATION_SIZE,
                                           pen=[rings[k] for k in y_validation],
                                           brush=pg.mkBrush(style.BACKGROUND))
        else:
            values = np.concatenate([y_train, y_validation])
            limit = float(np.abs(values).max(initial=0.0)) or 1.0
            colours = colouring.diverging_map()

            def brushes(v: np.ndarray) -> list:
                scaled = np.clip(0.5 + 0.5 * v / limit, 0.0, 1.0)
                return [pg.mkBrush(c) for c in colours.map(scaled, mode="qcolor")]

            self.train_points.setData(x=train[:, 0], y=train[:, 1], symbol="o", size=TRAIN_SIZE,
                                      pen=pg.mkPen(OUTLINE), brush=brushes(y_train))
            self.validation_points.setData(x=validation[:, 0], y=validation[:, 1], symbol="d",
                                           size=VALIDATION_SIZE + 2, pen=pg.mkPen(OUTLINE),
                                           brush=brushes(y_validation))
        every = np.concatenate([train, validation, raw_inputs(dataset, "test")])
        names = dataset.samples.feature_names
        self._set_plane_axes(names[0] if names else "x1", names[1] if len(names) > 1 else "x2",
                             self._span(every[:, 0]), self._span(every[:, 1]))

    def _show_curve(self, x_train: np.ndarray, y_train: np.ndarray, x_val: np.ndarray,
                    y_val: np.ndarray) -> None:
        self.plot.setAspectLocked(False)
        self.train_points.setData(x=x_train, y=y_train, symbol="o", size=TRAIN_SIZE - 2,
                                  pen=pg.mkPen(style.TRAIN_COLOUR),
                                  brush=style.translucent(style.TRAIN_COLOUR, 150))
        self.validation_points.setData(x=x_val, y=y_val, symbol="o", size=VALIDATION_SIZE,
                                       pen=pg.mkPen(style.VALIDATION_COLOUR, width=2),
                                       brush=pg.mkBrush(style.BACKGROUND))
        style.axis_label(self.plot, "bottom", "x")
        style.axis_label(self.plot, "left", "y")
        self.plot.enableAutoRange()

    @staticmethod
    def _span(values: np.ndarray) -> tuple[float, float]:
        """The axis range: the data's, widened to the toys' [−6, 6]."""
        low = float(values.min(initial=-PLANE))
        high = float(values.max(initial=PLANE))
        return min(low, -PLANE), max(high, PLANE)

    def _set_plane_axes(self, x_name: str, y_name: str, x_range: tuple[float, float],
                        y_range: tuple[float, float]) -> None:
        style.axis_label(self.plot, "bottom", x_name)
        style.axis_label(self.plot, "left", y_name)
        self.plot.setAspectLocked(True, ratio=1.0)
        self.plot.setRange(xRange=x_range, yRange=y_range, padding=0.03)

    def _on_click(self, x: float, y: float, button: Qt.MouseButton, radius: float) -> None:
        if self._clicks_on and self.pages.currentWidget() is self.view:
            self.planeClicked.emit(x, y, button, radius)

    # -- tables and images ---------------------------------------------------------------------
    def _show_stats(self, dataset: Dataset) -> None:
        stats = column_stats(dataset)
        table = self.table
        table.clear()
        table.setColumnCount(4)
        table.setRowCount(len(stats))
        table.setHorizontalHeaderLabels([self.tr("mean"), self.tr("std"), self.tr("min"),
                                         self.tr("max")])
        table.setVerticalHeaderLabels([s.name for s in stats])
        for row, s in enumerate(stats):
            for col, value in enumerate((s.mean, s.std, s.minimum, s.maximum)):
                item = QTableWidgetItem(_number(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, col, item)
        table.setToolTip(self.tr("Each input column over the training split, as loaded "
                                 "(before standardising)"))
        fit_height(table, len(stats), MAX_STAT_ROWS)

    def _show_images(self, dataset: Dataset) -> None:
        grid = self._image_grid
        while (item := grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        _, labels = dataset.split("train")
        rows = sample_rows(labels, dataset.num_classes)
        pixels = dataset.raw_x("train", rows)
        for i, (row, image) in enumerate(zip(rows, pixels, strict=True)):
            tile = QLabel()
            tile.setPixmap(image_tile(image))
            tile.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = (class_name_tr(dataset.class_names[int(labels[row])])
                       if dataset.num_classes
                       else _number(float(np.ravel(labels[row])[0])))
            tile.setToolTip(tooltip_text(caption))  # class names come from the files
            text = QLabel(caption)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setAlignment(Qt.AlignmentFlag.AlignCenter)
            r, c = divmod(i, IMAGE_COLUMNS)
            grid.addWidget(tile, 2 * r, c)
            grid.addWidget(text, 2 * r + 1, c)

    def _show_counts(self, dataset: Dataset) -> None:
        train, validation, test = split_sizes(dataset)
        text = self.tr("{train} training · {validation} validation · {test} test samples")
        if dataset.kind == "points2d" and dataset.task == "regression":
            text = self.tr("{train} training (dots) · {validation} validation (diamonds) · "
                           "{test} test samples; colour: the target, orange negative, blue "
                           "positive")
        elif dataset.kind in ("points2d", "curve1d"):
            text = self.tr("{train} training (filled) · {validation} validation (rings) · "
                           "{test} test samples")
        self.sizes.setText(text.format(train=train, validation=validation, test=test))
        counts = class_counts(dataset)
        self.counts.setVisible(len(counts) > 0)
        if not len(counts):
            return
        table = self.counts
        table.clear()
        table.setColumnCount(3)
        table.setRowCount(len(counts))
        table.setHorizontalHeaderLabels([self.tr("training"), self.tr("validation"),
                                         self.tr("test")])
        for k, name in enumerate(dataset.class_names):
            header = QTableWidgetItem(class_name_tr(name))
            if dataset.kind == "points2d":
                header.setIcon(swatch(colouring.class_colour(k)))
            table.setVerticalHeaderItem(k, header)
            for col in range(3):
                item = QTableWidgetItem(str(int(counts[k, col])))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(k, col, item)
        fit_height(table, len(counts), MAX_COUNT_ROWS)
