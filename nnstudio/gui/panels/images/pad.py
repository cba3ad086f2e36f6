"""Drawing pad: draw a digit with the mouse and see, live, what the network makes of it.

The drawing is turned into a sample exactly as the dataset's images are (`ink.fit_drawing` at
the dataset's size and ink extent, light ink on dark when the dataset has it so, then the
dataset's own `transform`: its standardisation), sent to the training worker with the
controller's `predict`, and the class probabilities come back as a bar chart. Requests are
coalesced: while one is pending, further strokes only mark the drawing as changed, and one
request for the latest drawing follows the answer. The probabilities are asked for again
whenever training has changed the weights, so they move while the network learns.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.monitor import Snapshot
from nnstudio.core.probe_names import Probe
from nnstudio.data import Dataset
from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Column, Panel, Placement
from nnstudio.gui.panels.images import ink, labels, pixels
from nnstudio.gui.panels.images.sketch import SketchPad
from nnstudio.gui.theme import CLASS_COLOURS, MUTED_TEXT, TEXT_COLOUR

#: training images looked at to learn how much of the frame the ink fills, and the background
REFERENCE_IMAGES = 200
BAR_COLOUR = "#B8BEC8"
#: pixels of the preview of what the network receives
SEEN_SIZE = 48
BEST_COLOUR = CLASS_COLOURS[1]


class DrawingPadPanel(Panel):
    """A sketch pad, the input the network receives, and its class probabilities."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("DrawingPadPanel", "Drawing pad"))
    #: the Snapshot probes after which the probabilities are asked for again (new weights)
    probes = frozenset({Probe.PARAMS})
    placement = Placement("pad", 120, Column.DATA)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pad = SketchPad()
        self.pad.changed.connect(self._drawing_changed)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.pad.clear)
        self.verdict = QLabel()
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)  # it quotes a class name
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet(f"color: {TEXT_COLOUR}; font-size: {style.LABEL_PT + 3}pt;"
                                   " font-weight: bold;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {MUTED_TEXT}; font-size: {style.TICK_PT}pt;")
        self.seen = pg.GraphicsLayoutWidget()
        self.seen.setBackground(style.BACKGROUND)
        self.seen.setFixedSize(SEEN_SIZE, SEEN_SIZE)
        self.seen.setToolTip(self.tr("What the network receives"))
        self.seen.ci.setContentsMargins(0, 0, 0, 0)
        self.seen_box = self.seen.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
        self.seen_image = pg.ImageItem(axisOrder="row-major")
        self.seen_box.addItem(self.seen_image)
        self.chart = style.plot_widget()
        bars = self.chart.getPlotItem()
        style.style_plot(bars, self.tr("class"), self.tr("probability"))
        bars.setYRange(0, 1, padding=0.02)
        bars.getAxis("left").setTicks([[(v, f"{v:g}") for v in (0, 0.25, 0.5, 0.75, 1)], []])
        bars.setMouseEnabled(False, False)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.75)
        bars.addItem(self.bars)
        self.set_content(self._page())

        self.array: np.ndarray | None = None
        self.probabilities: np.ndarray | None = None
        self._dataset: Any = None
        self._controller: Any = None
        self._extent = 1.0
        self._light_background = False
        self._next_request = 0
        self._pending: int | None = None
        self._stale = False
        self._step = 0
        self.reset()

    def applies(self, dataset: Dataset) -> bool:
        return labels.is_images(dataset)

    def _page(self) -> QWidget:
        left = QVBoxLayout()
        left.addWidget(self.pad, 1)
        row = QHBoxLayout()
        row.addWidget(self.clear_button)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("The network sees:")))
        row.addWidget(self.seen)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addWidget(self.verdict)
        right.addWidget(self.chart, 1)
        right.addWidget(self.note)
        for widget in (self.verdict, self.note):  # wrapped text must not set a minimum height
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        page = QWidget()
        page.setStyleSheet(f"background: {style.BACKGROUND};")
        layout = QHBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        return page

    def attach(self, controller: Any) -> None:
        """Ask `controller` (a TrainingController) for predictions and take its answers."""
        self._controller = controller
        controller.predicted.connect(self._on_predicted)

    # -- Panel ---------------------------------------------------------------------------------
    def set_data(self, dataset: Any) -> None:
        self._dataset = dataset
        if labels.is_images(dataset):
            n = min(REFERENCE_IMAGES, len(dataset.y_train))
            reference = dataset.raw_x("train", slice(0, n))[:, 0]
            border = np.concatenate([reference[:, 0], reference[:, -1],
                                     reference[:, :, 0], reference[:, :, -1]], axis=1)
            self._light_background = float(np.median(border)) > 0.5
            self._extent = ink.ink_extent(1.0 - reference if self._light_background
                                          else reference)
            self._set_classes(dataset.num_classes)
        self.reset()
        self._drawing_changed()

    def reset(self) -> None:
        """A new run or network: forget any pending answer and ask again."""
        self._pending, self._stale, self._step = None, False, 0
        self._show_state()

    def draw(self, snapshot: Snapshot) -> None:
        self._step = snapshot.step
        self._update_note()
        self._request()

    # -- the drawing ---------------------------------------------------------------------------
    def _drawing_changed(self) -> None:
        """Turn the drawing into the dataset's kind of sample (C, H, W), show it and ask; with
        data that are not images, forget the sample made for earlier data."""
        if not labels.is_images(self._dataset):
            self.array = None
            self.seen_image.clear()
            self.probabilities = None
            return
        channels, h, w = self._dataset.raw_shape
        small = ink.fit_drawing(self.pad.ink(), (h, w), self._extent)
        if not small.any():
            self.array = None
            self.seen_image.clear()
            self._show_probabilities(None)
            return
        if self._light_background:
            small = 1.0 - small
        self.array = np.repeat(small[None], channels, axis=0)
        self.seen_image.setImage(pixels.picture(self.array), autoLevels=False, levels=None)
        self.seen_box.autoRange(padding=0)
        self._request()

    def _request(self) -> None:
        """Ask for the probabilities of the current drawing, unless an answer is awaited
        (then once it comes)."""
        if self.array is None or self._controller is None or not self._fits(self.array):
            return
        if self._pending is not None:
            self._stale = True
            return
        x = self._dataset.transform(self.array[None])
        request = self._next_request
        self._next_request += 1
        if self._controller.predict(request, x):
            self._pending, self._stale = request, False

    def _fits(self, sample: np.ndarray) -> bool:
        """Whether `sample` (C, H, W) is of the current dataset's shape (a drawing made for
        other data never goes to the network)."""
        return labels.is_images(self._dataset) \
            and sample.shape == tuple(self._dataset.raw_shape)

    def _on_predicted(self, request: int, probabilities: Any) -> None:
        if request != self._pending:
            return
        self._pending = None
        if self.array is not None:
            self._show_probabilities(probabilities)
        if self._stale:
            self._request()

    # -- the chart -----------------------------------------------------------------------------
    def _set_classes(self, count: int) -> None:
        ticks = [[(k, labels.class_name(self._dataset, k)) for k in range(count)]]
        plot = self.chart.getPlotItem()
        plot.getAxis("bottom").setTicks(ticks)
        plot.setXRange(-0.6, count - 0.4, padding=0)

    def _show_probabilities(self, probabilities: np.ndarray | None) -> None:
        self.probabilities = probabilities
        if probabilities is None:
            self.bars.setOpts(x=[], height=[])
            self.verdict.setText(self.tr("Draw on the pad with the mouse") if self.array is None
                                 else self.tr("This network cannot read the drawing"))
            return
        best = int(np.argmax(probabilities))
        brushes = [pg.mkBrush(BEST_COLOUR if k == best else BAR_COLOUR)
                   for k in range(len(probabilities))]
        self.bars.setOpts(x=np.arange(len(probabilities)), height=probabilities,
                          brushes=brushes, pens=[pg.mkPen(None)] * len(probabilities))
        self.verdict.setText(self.tr("It looks like {name} ({p:.0%} sure)").format(
            name=labels.class_name(self._dataset, best), p=float(probabilities[best])))

    def _update_note(self) -> None:
        self.note.setText(self.tr(
            "Not trained yet: the network's guesses are random. Press Play and watch them "
            "change.") if self._step == 0 else self.tr(
            "The network after {step} steps").format(step=self._step))

    def _show_state(self) -> None:
        if labels.is_images(self._dataset):
            self._update_note()
            self.show_content()
        else:
            self.show_message(self.tr("The drawing pad is for networks that classify images, "
                                      "such as the handwritten digits"))
