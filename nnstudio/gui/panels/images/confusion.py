"""Confusion matrix: how often each true class (rows) is predicted as each class (columns) on
the held-out samples, counts written in the cells.

Correct predictions (the diagonal) are blue and mistakes red, each as deep as its share of the
true class's samples, so a class that is often confused shows at a glance even when classes
differ in size.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QWidget

from nnstudio.core.monitor import Snapshot
from nnstudio.core.probe_names import Probe
from nnstudio.data import Dataset
from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Column, Panel, Placement
from nnstudio.gui.panels.images import labels
from nnstudio.gui.theme import CLASS_COLOURS, ERROR_COLOUR, TEXT_COLOUR

RIGHT = CLASS_COLOURS[1]
WRONG = ERROR_COLOUR
#: with more classes than this the counts are not written (the cells are too small)
MAX_WRITTEN = 20
#: a cell whose colour is deeper than this gets white text
DARK_TINT = 0.55
#: the palest tint of a cell with any count, so that a single mistake still shows
MIN_TINT = 0.2


def tints(confusion: np.ndarray) -> np.ndarray:
    """confusion (k, k) counts → (k, k) in [0, 1]: 0 for an empty cell, else from `MIN_TINT`
    up to 1 with the cell's share of its row (its true class)."""
    share = confusion / np.maximum(confusion.sum(axis=1, keepdims=True), 1)
    return np.where(confusion > 0, MIN_TINT + (1 - MIN_TINT) * share, 0.0)


def cell_colours(confusion: np.ndarray) -> np.ndarray:
    """confusion (k, k) counts → RGBA (k, k, 4): white to `RIGHT` on the diagonal and to
    `WRONG` off it, by `tints`."""
    k = len(confusion)
    colour = np.where(np.eye(k, dtype=bool)[..., None], _rgb(RIGHT), _rgb(WRONG))
    rgb = 255.0 + tints(confusion)[..., None] * (colour - 255.0)
    rgba = np.full((k, k, 4), 255, np.uint8)
    rgba[..., :3] = np.rint(rgb)
    return rgba


def _rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)], np.float64)


class ConfusionPanel(Panel):
    """Snapshot.predictions.confusion ([true, predicted] counts) as a heat map with the
    accuracy above it; class names on both axes."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("ConfusionPanel", "Confusion matrix"))
    #: the Snapshot probes this panel draws (the feeder skips snapshots without them)
    probes = frozenset({Probe.PREDICTIONS})
    placement = Placement("confusion", 80, Column.TRAINING)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = labels.summary_label()
        page, column = style.page_with_controls(self.summary)
        self.view = style.plot_widget()
        column.addWidget(self.view, 1)
        self.set_content(page)
        plot = self.view.getPlotItem()
        style.style_plot(plot, self.tr("predicted class"), self.tr("true class"))
        plot.setAspectLocked(True)
        plot.invertY(True)
        plot.setMouseEnabled(False, False)
        self.image = pg.ImageItem(axisOrder="row-major")
        plot.addItem(self.image)
        self.cells: list[pg.TextItem] = []
        self.confusion: np.ndarray | None = None
        self._dataset: Any = None
        self._classes = 0
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def applies(self, dataset: Dataset) -> bool:
        return dataset is not None and dataset.task == "classification" \
            and dataset.kind != "points2d"

    def set_data(self, dataset: Dataset | None) -> None:
        self._dataset = dataset
        self.reset()

    def reset(self) -> None:
        self.confusion = None
        self.image.clear()
        self._set_classes(0)
        self._show_state()

    def draw(self, snapshot: Snapshot) -> None:
        p = snapshot.predictions
        if p is None:
            return
        if snapshot.step == 0:  # an untrained network's guesses: say how to get real ones
            self.reset()
            return
        self.confusion = p.confusion
        k = len(p.confusion)
        if k != self._classes:
            self._set_classes(k)
        self.image.setImage(cell_colours(p.confusion), autoLevels=False, levels=None)
        self.image.setRect(QRectF(-0.5, -0.5, k, k))
        if k <= MAX_WRITTEN:
            tint = tints(p.confusion)
            for (i, j), count in np.ndenumerate(p.confusion):
                colour = "#FFFFFF" if tint[i, j] > DARK_TINT else TEXT_COLOUR
                self.cells[i * k + j].setText(str(count) if count else "", color=colour)
        self.summary.setText(self.tr(
            "Accuracy {accuracy:.1%} on {total} {split} samples · rows: true class").format(
            accuracy=p.correct / max(p.evaluated, 1), total=p.evaluated,
            split={"validation": self.tr("validation"), "test": self.tr("test"),
                   "train": self.tr("training")}.get(p.split, p.split)))
        self._show_state()

    # -- helpers -------------------------------------------------------------------------------
    def _set_classes(self, k: int) -> None:
        """Axes and cell labels for k classes."""
        plot = self.view.getPlotItem()
        for item in self.cells:
            plot.removeItem(item)
        self.cells = []
        self._classes = k
        if not k:
            return
        ticks = [[(i, labels.class_name(self._dataset, i)) for i in range(k)]]
        for side in ("bottom", "left"):
            plot.getAxis(side).setTicks(ticks)
        # room for the longest name beside the rows (pyqtgraph drops labels that do not fit)
        metrics = QFontMetrics(style.font(style.TICK_PT))
        widest = max(metrics.horizontalAdvance(name) for _, name in ticks[0])
        plot.getAxis("left").setWidth(widest + 2 * metrics.height() + 12)
        if k <= MAX_WRITTEN:
            size = style.LABEL_PT if k <= 12 else style.TICK_PT - 2
            font = style.font(size)
            font.setBold(True)
            for i in range(k):
                for j in range(k):
                    cell = pg.TextItem(anchor=(0.5, 0.5))
                    cell.setFont(font)
                    cell.setPos(j, i)
                    plot.addItem(cell)
                    self.cells.append(cell)
        plot.setRange(xRange=(-0.5, k - 0.5), yRange=(-0.5, k - 0.5), padding=0.02)

    def _show_state(self) -> None:
        dataset = self._dataset
        if dataset is None or dataset.task != "classification":
            self.show_message(self.tr("The confusion matrix is drawn for classification"))
        elif dataset.kind == "points2d":
            self.show_message(self.tr("For points in the plane the decision boundary shows "
                                      "which classes the network confuses"))
        elif self.confusion is None:
            self.show_message(self.tr("Press Play to train: how often each class is taken "
                                      "for another appears here"))
        else:
            self.show_content()

    @property
    def cell_texts(self) -> list[list[str]]:
        """The counts written in the cells, row by row (for tests)."""
        k = self._classes
        return [[self.cells[i * k + j].textItem.toPlainText() for j in range(k)]
                for i in range(k)] if self.cells else []
