"""Loss & accuracy: per-epoch curves (training solid, validation dashed) over a smoothed
per-step loss, and accuracy below them for classification; kept runs as pale references behind
them (Keep run), which a reset leaves in place."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject
from PySide6.QtGui import QAction, QFontMetrics
from PySide6.QtWidgets import QCheckBox, QMenu, QToolButton, QWidget

from nnstudio.core.monitor import Snapshot
from nnstudio.core.probe_names import Probe
from nnstudio.data import Dataset
from nnstudio.gui import scale
from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Column, Panel, Placement
from nnstudio.gui.panels.key import KeyEntry, LineKey
from nnstudio.gui.panels.loss_marks import LossMarks
from nnstudio.gui.panels.series import BinnedSeries, ExponentialAverage
from nnstudio.gui.race.kept import KeptRuns, KeptRunsDialog

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
    probes = frozenset({Probe.LOSSES})
    placement = Placement("loss", 10, Column.TRAINING)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.steps = BinnedSeries(STEP_POINTS)
        self.epochs = BinnedSeries(EPOCH_POINTS, len(EPOCH_KEYS))
        self._ema = ExponentialAverage(STEP_DECAY)
        self._classification = True

        self.log_scale = QCheckBox(self.tr("Log scale"))
        self.log_scale.setToolTip(self.tr("A logarithmic loss axis"))
        self.log_scale.toggled.connect(self._set_log_scale)
        self.kept = KeptRuns(self)
        self.kept.changed.connect(self._draw_kept)
        self.keep_button = self._keep_button()
        self.key = LineKey()
        page, column = style.page_with_controls(self.log_scale, self.keep_button, self.key,
                                                fill=True)

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
        self._accuracy_label = ""
        self.accuracy_view.installEventFilter(self)
        scale.text_scale().changed.connect(self._fit_accuracy_label)
        accuracy.setXLink(loss)
        accuracy.setYRange(-3, 105, padding=0)
        accuracy.enableAutoRange(y=False)
        self.train_accuracy = style.curve(accuracy, style.TRAIN_COLOUR)
        self.validation_accuracy = style.curve(accuracy, style.VALIDATION_COLOUR, dashed=True)
        self._ghosts: list[tuple[pg.PlotItem, pg.PlotDataItem]] = []
        self._keys = {
            self.train_loss: KeyEntry(style.TRAIN_COLOUR, self.tr("training")),
            self.validation_loss: KeyEntry(style.VALIDATION_COLOUR, self.tr("validation"),
                                           dashed=True),
            self.step_loss: KeyEntry(style.STEP_COLOUR, self.tr("each step (smoothed)"),
                                     thin=True),
        }
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def set_data(self, dataset: Dataset | None) -> None:
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
        self.keep_button.setEnabled(False)
        if not self.kept.runs:
            self.show_message(self.tr("Press Play to train"))

    def draw(self, snapshot: Snapshot) -> None:
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
        self.keep_button.setEnabled(len(self.epochs) > 0)

    # -- kept runs -----------------------------------------------------------------------------
    def keep_run(self) -> None:
        """Keep the current run's per-epoch curves as a reference (no run: nothing)."""
        if len(self.epochs):
            epochs, values = self.epochs.points()
            self.kept.keep(self.tr("Run {n}"), epochs, values)

    def manage_kept(self) -> KeptRunsDialog:
        """Open the list of kept runs (rename, hide, remove); returns the dialog shown."""
        dialog = KeptRunsDialog(self.kept, self)
        dialog.setModal(False)
        dialog.show()
        return dialog

    def _keep_button(self) -> QToolButton:
        """Keep run: a click keeps the run; its menu manages the kept ones."""
        button = QToolButton()
        button.setText(self.tr("Keep run"))
        button.setToolTip(self.tr("Keep as reference: the curves of this run stay in the plot, "
                                  "pale, while the next run trains (Reset does not remove them)"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.clicked.connect(self.keep_run)
        menu = QMenu(button)
        self.keep_action = QAction(self.tr("Keep as reference"), menu)
        self.keep_action.triggered.connect(self.keep_run)
        manage = QAction(self.tr("Kept runs…"), menu)
        manage.triggered.connect(self.manage_kept)
        remove = QAction(self.tr("Remove all kept runs"), menu)
        remove.triggered.connect(self.kept.clear)
        menu.addActions([self.keep_action, manage, remove])
        button.setMenu(menu)
        return button

    def _draw_kept(self) -> None:
        """The visible kept runs' curves, pale and thin, behind the live ones."""
        for plot, item in self._ghosts:
            plot.removeItem(item)
        self._ghosts = []
        loss, accuracy = self.loss_view.getPlotItem(), self.accuracy_view.getPlotItem()
        for run in self.kept.runs:
            if not run.visible:
                continue
            for plot, column, dashed, factor in ((loss, 0, False, 1), (loss, 1, True, 1),
                                                 (accuracy, 2, False, 100),
                                                 (accuracy, 3, True, 100)):
                item = style.curve(plot, run.colour, style.THIN_LINE_WIDTH, dashed=dashed)
                item.setZValue(-1)
                item.setData(run.epochs, factor * run.values[:, column])
                self._ghosts.append((plot, item))
        self._update_key()
        if self.kept.runs:
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
        """List the curves that have data, and only those, then the visible kept runs."""
        live = tuple(entry for item, entry in self._keys.items()
                     if item.yData is not None and np.isfinite(item.yData).any())
        kept = tuple(KeyEntry(run.colour, run.name, thin=True) for run in self.kept.runs
                     if run.visible)
        self.key.set_entries(live + kept)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.accuracy_view and event.type() == QEvent.Type.Resize:
            self._fit_accuracy_label()
        return super().eventFilter(watched, event)

    def _fit_accuracy_label(self, *_: object) -> None:
        """The accuracy axis's name as long as the plot is tall enough to show: "accuracy
        (%)", else "%" (a short plot at 1024×768 cut the long one)."""
        plot = self.accuracy_view.getPlotItem()
        # the label is centred on the left axis, as tall as the plot less the epoch axis
        room = self.accuracy_view.height() - plot.getAxis("bottom").height() - 24
        full = self.tr("accuracy (%)")
        width = QFontMetrics(style.font(style.LABEL_PT)).horizontalAdvance(full)
        text = full if width <= room else "%"
        if text != self._accuracy_label:
            self._accuracy_label = text
            style.axis_label(plot, "left", text)
