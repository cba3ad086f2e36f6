"""Loss & accuracy: per-epoch curves (training solid, validation dashed) over a smoothed
per-step loss, and accuracy below them for classification."""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QWidget

from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Panel
from nnstudio.gui.panels.key import KeyEntry, LineKey
from nnstudio.gui.panels.loss_marks import LossMarks
from nnstudio.gui.panels.series import BinnedSeries, ExponentialAverage

#: per-step losses are smoothed with this EMA decay (a time constant of about 20 steps)
STEP_DECAY = 0.95
#: the most points kept of the per-step curve and of the per-epoch curves: about one per
#: pixel of a wide plot, as more only cost drawing time
STEP_POINTS = 1024
EPOCH_POINTS = 1024
#: history keys of the per-epoch columns, in storage order
EPOCH_KEYS = ("train_loss", "validation_loss", "train_accuracy", "validation_accuracy")


class LossPanel(Panel):
    """Loss per epoch (training, validation) and the smoothed loss of every step, on an epoch
    axis (step s at s / batches per epoch); accuracy per epoch in % below (classification)."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("LossPanel", "Loss & accuracy"))
    probes = frozenset({"losses"})

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.steps = BinnedSeries(STEP_POINTS)
        self.epochs = BinnedSeries(EPOCH_POINTS, len(EPOCH_KEYS))
        self._ema = ExponentialAverage(STEP_DECAY)
        self._classification = True

        self.log_scale = QCheckBox(self.tr("Log scale"))
        self.log_scale.setToolTip(self.tr("A logarithmic loss axis"))
        self.log_scale.toggled.connect(self._set_log_scale)
        self.key = LineKey()
        page, column = style.page_with_controls(self.log_scale, self.key, fill=True)

        self.loss_view = style.plot_widget(log_y=True)
        self.accuracy_view = style.plot_widget()
        column.addWidget(self.loss_view, 5)
        column.addWidget(self.accuracy_view, 4)  # it also holds the epoch axis
        self.set_content(page)

        loss = self.loss_view.getPlotItem()
        style.style_plot(loss, self.tr("epoch"), self.tr("loss"))
        self._name_epochs(loss_plot_alone=False)  # the accuracy plot below names them
        self.step_loss = style.curve(loss, style.STEP_COLOUR, style.THIN_LINE_WIDTH)
        self.train_loss = style.curve(loss, style.TRAIN_COLOUR)
        self.validation_loss = style.curve(loss, style.VALIDATION_COLOUR, dashed=True)
        self.marks = LossMarks(loss)  # early stopping and divergence
        accuracy = self.accuracy_view.getPlotItem()
        style.style_plot(accuracy, self.tr("epoch"), self.tr("accuracy (%)"))
        accuracy.setXLink(loss)
        accuracy.setYRange(-3, 105, padding=0)
        accuracy.enableAutoRange(y=False)
        self.train_accuracy = style.curve(accuracy, style.TRAIN_COLOUR)
        self.validation_accuracy = style.curve(accuracy, style.VALIDATION_COLOUR, dashed=True)
        self._keys = {
            self.train_loss: KeyEntry(style.TRAIN_COLOUR, self.tr("training")),
            self.validation_loss: KeyEntry(style.VALIDATION_COLOUR, self.tr("validation"),
                                           dashed=True),
            self.step_loss: KeyEntry(style.STEP_COLOUR, self.tr("each step (smoothed)"),
                                     thin=True),
        }
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def set_data(self, dataset: Any) -> None:
        if dataset is not None:
            self._set_classification(dataset.task == "classification")

    def reset(self) -> None:
        self.steps.clear()
        self.epochs.clear()
        self._ema.clear()
        for item in (self.step_loss, self.train_loss, self.validation_loss,
                     self.train_accuracy, self.validation_accuracy):
            item.setData([], [])
        self.marks.clear()
        self._update_key()
        self.show_message(self.tr("Press Play to train"))

    def draw(self, snapshot: Any) -> None:
        self._set_classification(snapshot.task == "classification")
        if len(snapshot.step_losses):
            x = snapshot.step_indices / max(snapshot.batches_per_epoch, 1)
            self.steps.extend(x, self._ema.update(snapshot.step_losses))
            sx, sy = self.steps.points()
            self.step_loss.setData(sx, sy[:, 0])
        if snapshot.new_epochs:
            rows = np.array([[entry.get(key, np.nan) for key in EPOCH_KEYS]
                             for entry in snapshot.new_epochs], dtype=np.float64)
            self.epochs.extend(np.array([entry["epoch"] for entry in snapshot.new_epochs],
                                        dtype=np.float64), rows)
            ex, ey = self.epochs.points()
            self.train_loss.setData(ex, ey[:, 0])
            self.validation_loss.setData(ex, ey[:, 1])
            self.train_accuracy.setData(ex, 100 * ey[:, 2])
            self.validation_accuracy.setData(ex, 100 * ey[:, 3])
        self.marks.draw(snapshot)
        if len(self.steps) or len(self.epochs):
            self._update_key()
            self.show_content()

    # -- helpers -------------------------------------------------------------------------------
    def _set_classification(self, classification: bool) -> None:
        """Accuracy below the loss for classification; the loss plot alone names the shared
        epoch axis otherwise."""
        if classification != self._classification:
            self._classification = classification
            self.accuracy_view.setVisible(classification)
            self._name_epochs(loss_plot_alone=not classification)

    def _name_epochs(self, loss_plot_alone: bool) -> None:
        """The loss plot's epoch axis has its numbers and name only when no accuracy plot
        below shows them."""
        plot = self.loss_view.getPlotItem()
        plot.showLabel("bottom", loss_plot_alone)
        plot.getAxis("bottom").setStyle(showValues=loss_plot_alone)

    def _set_log_scale(self, on: bool) -> None:
        self.loss_view.getPlotItem().setLogMode(y=on)

    def _update_key(self) -> None:
        """List the curves that have data, and only those."""
        self.key.set_entries(tuple(entry for item, entry in self._keys.items()
                                   if item.yData is not None
                                   and np.isfinite(item.yData).any()))
