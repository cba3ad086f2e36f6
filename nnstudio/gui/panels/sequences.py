"""Hidden state over time: one held-out sequence's hidden state, unit by unit at every time
step, as a heat map with a colour bar; for an LSTM also its gates i, f, g, o. A sample chooser
picks among the sequences every snapshot carries (no command to the worker)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QSpinBox, QWidget

from nnstudio.core.probe_names import Probe
from nnstudio.core.sequence_views import GATES, SAMPLES, RecurrentStates, SequenceStates
from nnstudio.gui.panels import colouring, style
from nnstudio.gui.panels.base import Column, Panel, Placement, is_fresh
from nnstudio.gui.panels.images import labels
from nnstudio.gui.theme import TEXT_COLOUR

#: what the heat map can show: the hidden state, then an LSTM's gates (their order in GATES)
SHOWN = ("hidden", *GATES)
# QT_TRANSLATE_NOOP returns its text, typed as object by PySide's stubs
_NAMES = {
    "hidden": str(QT_TRANSLATE_NOOP("HiddenStatesPanel", "hidden state h")),
    "input": str(QT_TRANSLATE_NOOP("HiddenStatesPanel", "input gate i")),
    "forget": str(QT_TRANSLATE_NOOP("HiddenStatesPanel", "forget gate f")),
    "cell": str(QT_TRANSLATE_NOOP("HiddenStatesPanel", "candidate g")),
    "output": str(QT_TRANSLATE_NOOP("HiddenStatesPanel", "output gate o")),
}
#: the most time steps labelled one by one with their input (more: numbered ticks)
MAX_LABELLED_STEPS = 64
#: how characters that do not show are written on the time axis and in verdicts
VISIBLE = {" ": "␣", "\n": "⏎", "\t": "⇥"}


def is_sequence_data(dataset: Any) -> bool:
    """Sequences of values or of characters (the data recurrent layers read)."""
    return dataset is not None and dataset.kind in ("sequence", "text")


def split_name(split: str) -> str:
    """The split's name in the user's language."""
    names = {"train": QCoreApplication.translate("HiddenStatesPanel", "training"),
             "validation": QCoreApplication.translate("HiddenStatesPanel", "validation"),
             "test": QCoreApplication.translate("HiddenStatesPanel", "test")}
    return names.get(split, split)


def visible(character: str) -> str:
    return VISIBLE.get(character, character)


def step_labels(inputs: np.ndarray, dataset: Any) -> list[str] | None:
    """What each step of one sequence reads, to label the time axis: characters for text,
    A, B, … for one-hot symbols, 0/1 for bits; None for other values (e.g. a curve)."""
    if len(inputs) > MAX_LABELLED_STEPS:
        return None
    vocabulary = getattr(dataset, "vocabulary", ()) if dataset is not None else ()
    if inputs.ndim == 1 and vocabulary:
        return [visible(vocabulary[int(i)]) if 0 <= int(i) < len(vocabulary) else "?"
                for i in inputs]
    if inputs.ndim != 2 or not np.isin(inputs, (0.0, 1.0)).all():
        return None
    if inputs.shape[1] == 1:
        return [str(int(v)) for v in inputs[:, 0]]
    if (inputs.sum(axis=1) == 1).all() and inputs.shape[1] <= 26:
        return [chr(ord("A") + int(k)) for k in inputs.argmax(axis=1)]
    return None


def _probabilities(scores: np.ndarray) -> np.ndarray:
    """scores (C,) → probabilities (C,): kept when they already are (a softmax output)."""
    s = np.asarray(scores, dtype=np.float64)
    if s.min() >= 0 and abs(s.sum() - 1.0) < 1e-4:
        return s
    e = np.exp(s - s.max())
    return e / e.sum()


class HiddenStatesPanel(Panel):
    """Snapshot.sequence_states: for the chosen sample (`sample`, 1 … the sequences carried)
    and recurrent node (`layer`), a heat map of `show` (the hidden state h or, for an LSTM, a
    gate) over time × unit: x the time step (labelled with the step's input where it is a
    character or symbol), y the unit; orange −1 … white 0 … blue 1 for tanh values, white 0 …
    navy 1 for the sigmoid gates. Above it, the sample's true and predicted answer."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("HiddenStatesPanel", "Hidden state over time"))
    probes = frozenset({Probe.SEQUENCE_STATES})
    placement = Placement("hidden_states", 140, Column.DATA, frozenset({"sequence"}))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sample = QSpinBox()  # counts from 1
        self.sample.setRange(1, SAMPLES)
        self.sample.setPrefix(self.tr("Sample "))
        self.layer = QComboBox()
        self.show_box = QComboBox()
        self.layer_label, show_label = QLabel(self.tr("Layer:")), QLabel(self.tr("Show:"))
        self.layer_label.setBuddy(self.layer)
        show_label.setBuddy(self.show_box)
        self.verdict_label = labels.summary_label()
        controls = QWidget()
        grid = QGridLayout(controls)
        grid.setContentsMargins(0, 0, 0, 0)
        for column_index, widget in enumerate((self.sample, show_label, self.show_box,
                                               self.layer_label, self.layer)):
            grid.addWidget(widget, 0, column_index)
        grid.setColumnStretch(5, 1)
        grid.addWidget(self.verdict_label, 1, 0, 1, 6)
        page, column = style.page_with_controls(controls, fill=True)
        self.view = style.plot_widget()
        column.addWidget(self.view, 1)
        self.set_content(page)
        plot = self.view.getPlotItem()
        style.style_plot(plot, self.tr("time step"), self.tr("unit"))
        plot.invertY(True)  # unit 0 at the top, as a table reads
        self.image = pg.ImageItem(axisOrder="row-major")
        plot.addItem(self.image)
        self.signed_map = colouring.diverging_map()
        self.unsigned_map = style.density_colour_map()
        self.colour_bar = pg.ColorBarItem(values=(-1.0, 1.0), colorMap=self.signed_map,
                                          interactive=False, width=18, colorMapMenu=False)
        self.colour_bar.setImageItem(self.image, insert_in=plot)
        self.colour_bar.axis.setTickFont(style.font(style.TICK_PT))
        self.colour_bar.axis.setTextPen(pg.mkPen(TEXT_COLOUR))
        self.states: SequenceStates | None = None
        #: the chosen sample's true and predicted answer, in the heat map's title
        self.verdict = ""
        #: what the heat map shows now: (node, shown, sample) and the image (units, T)
        self.drawn: tuple[str, str, int] | None = None
        self._dataset: Any = None
        for box in (self.sample, self.layer, self.show_box):
            signal = box.valueChanged if isinstance(box, QSpinBox) else box.currentIndexChanged
            signal.connect(self._redraw)
        self.layer.currentIndexChanged.connect(self._fill_shown)
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def applies(self, dataset: Any) -> bool:
        return is_sequence_data(dataset)

    def set_data(self, dataset: Any) -> None:
        self._dataset = dataset
        self.reset()

    def reset(self) -> None:
        self.states, self.drawn = None, None
        self.image.clear()
        if not is_sequence_data(self._dataset):
            self.show_message(self.tr("The hidden state over time is drawn for sequence and "
                                      "text data"))
        else:
            self.show_message(self.tr("Press Play to train"))

    def draw(self, snapshot: Any) -> None:
        states = snapshot.sequence_states
        if states is None:
            if is_sequence_data(self._dataset):
                self.states = None
                self.show_message(self.tr("Add an RNN or LSTM node: its hidden state at "
                                          "every time step is drawn here"))
            return
        if self.states is not None and not is_fresh(snapshot, "sequence_states"):
            return
        self.states = states
        self._fill_layers(states)
        self.sample.blockSignals(True)
        self.sample.setRange(1, len(states.inputs))
        self.sample.blockSignals(False)
        self.sample.setToolTip(self.tr("Which sequence to follow: the first {count} of the "
                                       "{split} split").format(count=len(states.inputs),
                                                               split=split_name(states.split)))
        self._redraw()
        self.show_content()

    # -- the choosers --------------------------------------------------------------------------
    def choose(self, sample: int, layer: str | None = None, shown: str = "hidden") -> None:
        """Show `shown` of sample `sample` (from 0) in `layer` (a node id; None: as is)."""
        if layer is not None:
            self.layer.setCurrentIndex(self.layer.findData(layer))
        self.show_box.setCurrentIndex(max(self.show_box.findData(shown), 0))
        self.sample.setValue(sample + 1)

    def _fill_layers(self, states: SequenceStates) -> None:
        nodes = [(f"{s.node} ({s.type})", s.node) for s in states.layers]
        if nodes == [(self.layer.itemText(i), self.layer.itemData(i))
                     for i in range(self.layer.count())]:
            return
        chosen = self.layer.currentData()
        self.layer.blockSignals(True)
        self.layer.clear()
        for text, node in nodes:
            self.layer.addItem(text, node)
        self.layer.setCurrentIndex(max(self.layer.findData(chosen), 0))
        self.layer.blockSignals(False)
        for widget in (self.layer_label, self.layer):  # a choice only when there is one
            widget.setVisible(len(nodes) > 1)
        self._fill_shown()

    def _fill_shown(self) -> None:
        """h always; the gates for an LSTM."""
        found = self._layer_states()
        wanted = SHOWN if found is not None and found.gates is not None else SHOWN[:1]
        if [self.show_box.itemData(i) for i in range(self.show_box.count())] == list(wanted):
            return
        chosen = self.show_box.currentData()
        self.show_box.blockSignals(True)
        self.show_box.clear()
        for key in wanted:
            self.show_box.addItem(QCoreApplication.translate("HiddenStatesPanel", _NAMES[key]),
                                  key)
        self.show_box.setCurrentIndex(max(self.show_box.findData(chosen), 0))
        self.show_box.blockSignals(False)
        self._redraw()

    def _layer_states(self) -> RecurrentStates | None:
        if self.states is None:
            return None
        node = self.layer.currentData()
        return next((s for s in self.states.layers if s.node == node), None)

    # -- drawing -------------------------------------------------------------------------------
    def _redraw(self) -> None:
        found = self._layer_states()
        if self.states is None or found is None:
            return
        sample = min(self.sample.value(), len(self.states.inputs)) - 1
        shown = self.show_box.currentData() or "hidden"
        values = found.hidden if shown == "hidden" or found.gates is None else found.gates[shown]
        grid = np.asarray(values[sample], dtype=np.float64).T  # (units, T)
        units, steps = grid.shape
        signed = shown in ("hidden", "cell") and not (shown == "hidden" and grid.min() >= 0
                                                       and found.type == "RNN")
        limit = 1.0 if shown != "hidden" or found.type == "LSTM" or signed else \
            style.nice_ceiling(float(grid.max(initial=0.0)) or 1.0)
        levels = (-limit, limit) if signed else (0.0, limit)
        self.colour_bar.setColorMap(self.signed_map if signed else self.unsigned_map)
        self.colour_bar.setLevels(levels)
        self.image.setImage(grid, levels=levels, autoLevels=False)
        self.image.setRect(QRectF(-0.5, -0.5, steps, units))
        plot = self.view.getPlotItem()
        plot.setRange(xRange=(-0.5, steps - 0.5), yRange=(-0.5, units - 0.5), padding=0)
        self._label_steps(self.states.inputs[sample], steps)
        name = QCoreApplication.translate("HiddenStatesPanel", _NAMES[shown])
        self.verdict = self._verdict(sample)
        self.verdict_label.setText(self.verdict)
        style.set_elided_title(plot, f"{found.node} · {name}")
        self.drawn = (found.node, shown, sample)

    def _label_steps(self, inputs: np.ndarray, steps: int) -> None:
        axis = self.view.getPlotItem().getAxis("bottom")
        names = step_labels(np.asarray(inputs), self._dataset)
        if names is None:
            axis.setTicks(None)
            style.axis_label(self.view.getPlotItem(), "bottom", self.tr("time step"))
            return
        every = max(1, steps // 16)
        axis.setTicks([[(t, names[t]) for t in range(0, steps, every)],
                       [(t, names[t]) for t in range(steps)]])
        style.axis_label(self.view.getPlotItem(), "bottom",
                         self.tr("time step (labelled with its input)"))

    def _verdict(self, sample: int) -> str:
        """The sample's true answer and the network's ("" when they are not one class or
        value)."""
        assert self.states is not None
        target = np.asarray(self.states.targets[sample])
        output = np.asarray(self.states.outputs[sample]).reshape(-1)
        if target.ndim == 0 and np.issubdtype(target.dtype, np.integer) and len(output) > 1:
            p = _probabilities(output)
            predicted = int(p.argmax())
            return self.tr("true {true} · predicted {predicted} ({p:.0%})").format(
                true=self._class_name(int(target)), predicted=self._class_name(predicted),
                p=float(p[predicted]))
        if target.size == 1 and output.size == 1:
            return self.tr("true {true:.3g} · predicted {predicted:.3g}").format(
                true=float(target.reshape(-1)[0]), predicted=float(output[0]))
        return ""

    def _class_name(self, k: int) -> str:
        name = labels.class_name(self._dataset, k)
        return visible(name) if self._dataset is not None and self._dataset.kind == "text" \
            else name
