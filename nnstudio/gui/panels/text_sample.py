"""Generated text: a character model writes on from a start the user types, at a chosen
temperature and length. Generation runs on a background thread on a copy of the weights (the
snapshot's text_model), never on the network being trained; the text shows as plain text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QWidget,
)

from nnstudio.core import generate
from nnstudio.core.probe_names import Probe
from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Column, Panel, Placement, is_fresh
from nnstudio.gui.panels.sequences import visible
from nnstudio.gui.theme import ERROR_COLOUR, TEXT_COLOUR

#: the slider's steps per unit of temperature (0.1 … 2.0 by 0.05)
STEPS = 20
DEFAULT_TEMPERATURE = 0.8
DEFAULT_LENGTH = 200
MAX_LENGTH = 2000
#: the start offered first, when the vocabulary has its characters
DEFAULT_SEED = "Mary had a "
#: what stands in for the start before the first character of a short start
PAD = " "


def is_text_data(dataset: Any) -> bool:
    """Character windows (the text source), whose vocabulary the model writes in."""
    return dataset is not None and dataset.kind == "text"


class TextSamplePanel(Panel):
    """A start (`seed`), a temperature slider (0.1 … 2), a length and Generate: the latest
    Snapshot.text_model writes `length` characters after the start, each drawn from
    softmax(scores / temperature), in a background job; `output` shows the start and what
    it wrote, `status` what happened (or what went wrong)."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("TextSamplePanel", "Generated text"))
    probes = frozenset({Probe.TEXT_MODEL})
    placement = Placement("text_sample", 160, Column.DATA, frozenset({"text"}))
    #: (request, the text written, the error's message or "") from the background job
    _finished = Signal(int, str, str)
    #: emitted on the GUI thread when a generation's text (or its error) is shown
    generated = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.seed = QLineEdit()
        self.seed.setPlaceholderText(self.tr("how the text starts"))
        self.temperature = QSlider(Qt.Orientation.Horizontal)
        self.temperature.setRange(int(generate.MIN_TEMPERATURE * STEPS),
                                  int(generate.MAX_TEMPERATURE * STEPS))
        self.temperature.setValue(int(DEFAULT_TEMPERATURE * STEPS))
        self.temperature.setToolTip(self.tr("Low: the likeliest characters, repetitive; "
                                            "high: more surprising, more mistakes"))
        self.temperature_value = QLabel()
        self.length = QSpinBox()
        self.length.setRange(1, MAX_LENGTH)
        self.length.setValue(DEFAULT_LENGTH)
        self.button = QPushButton(self.tr("Generate"))
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)  # plain text: whatever the model writes shows as is
        self.output.setFont(style.font(style.LABEL_PT))

        controls = QWidget()
        grid = QGridLayout(controls)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (text, widget) in enumerate(((self.tr("Start:"), self.seed),
                                                 (self.tr("Length:"), self.length))):
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, column, 0)
            grid.addWidget(widget, column, 1)
        label = QLabel(self.tr("Temperature:"))
        label.setBuddy(self.temperature)
        grid.addWidget(label, 0, 2)
        grid.addWidget(self.temperature, 0, 3)
        grid.addWidget(self.temperature_value, 0, 4)
        grid.addWidget(self.button, 1, 3, 1, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        page, rows = style.page_with_controls(controls, fill=True)
        inner = QWidget()
        body = QGridLayout(inner)
        body.setContentsMargins(10, 0, 10, 6)
        body.addWidget(self.status, 0, 0)
        body.addWidget(self.output, 1, 0)
        rows.addWidget(inner, 1)
        self.set_content(page)

        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._request = 0
        self._presses = 0
        self._start_text, self._temperature_used = "", DEFAULT_TEMPERATURE
        self._model_epoch = self._epoch_used = 0
        self.model: generate.ModelCopy | None = None
        self.vocabulary: tuple[str, ...] = ()
        self.temperature.valueChanged.connect(self._show_temperature)
        self.button.clicked.connect(self.start)
        self.seed.returnPressed.connect(self.start)
        self._finished.connect(self._on_finished)
        self._show_temperature()
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def applies(self, dataset: Any) -> bool:
        return is_text_data(dataset)

    def set_data(self, dataset: Any) -> None:
        self.vocabulary = tuple(dataset.vocabulary) if is_text_data(dataset) else ()
        if self.vocabulary and not self.seed.text():
            self.seed.setText(DEFAULT_SEED if set(DEFAULT_SEED) <= set(self.vocabulary)
                              else "")
        self.reset()

    def reset(self) -> None:
        self.model = None
        self._request += 1  # a job still running reports to nobody
        self.button.setEnabled(False)
        if not self.vocabulary:
            self.show_message(self.tr("Generated text is written by character models: "
                                      "choose the text source"))
        else:
            self.show_message(self.tr("Press Play to train"))

    def draw(self, snapshot: Any) -> None:
        model = snapshot.text_model
        if not self.vocabulary:
            return
        if model is None:
            self.model = None
            self.show_message(self.tr("Generated text needs a network from character ids to "
                                      "one score per character, such as Embedding → LSTM → "
                                      "Dense"))
            return
        if self.model is not None and not is_fresh(snapshot, "text_model"):
            return
        self.model, self._model_epoch = model, snapshot.epoch
        self.button.setEnabled(True)
        if self.message is not None:
            self._say(self.tr("Choose a start and a temperature, then press Generate"))
        self.show_content()

    # -- generating ----------------------------------------------------------------------------
    @property
    def temperature_setting(self) -> float:
        return self.temperature.value() / STEPS

    @property
    def busy(self) -> bool:
        """Whether a generation is still running."""
        return self._pool.activeThreadCount() > 0

    def start(self) -> None:
        """Generate from the latest weights, in the background (Generate pressed)."""
        model = self.model
        if model is None:
            return
        seed_text = self.seed.text()
        try:
            seed_ids = generate.encode(seed_text, self.vocabulary)
        except generate.UnknownCharacters as unknown:
            self._say(self.tr("These characters are not in the text the model learnt: "
                              "{characters}").format(
                characters=" ".join(visible(c) for c in unknown.characters)), error=True)
            return
        self._request += 1
        self._presses += 1
        self._start_text = seed_text
        request, seed, length = self._request, self._presses, self.length.value()
        temperature, vocabulary = self.temperature_setting, self.vocabulary
        self._temperature_used, self._epoch_used = temperature, self._model_epoch
        pad = vocabulary.index(PAD) if PAD in vocabulary else 0
        self._say(self.tr("Writing {count} characters…").format(count=length))

        def run() -> None:
            text, error = "", ""
            try:
                ids = generate.generate(model.build(), seed_ids, length, temperature, seed,
                                        pad_id=pad)
                text = "".join(vocabulary[i] for i in ids)
            except Exception as exc:  # reaches the user as a message, never a traceback
                error = f"{type(exc).__name__}: {exc}"[:300] or type(exc).__name__
            finally:
                self._finished.emit(request, text, error)

        self._pool.start(run)  # a plain callable (see gui/data/loader.py)

    def wait(self) -> None:
        """Wait for a generation under way to finish (its result then waits in the queue)."""
        self._pool.waitForDone()

    def _on_finished(self, request: int, text: str, error: str) -> None:
        if request != self._request:
            return
        if error:
            self._say(self.tr("The text could not be generated: {error}").format(error=error),
                      error=True)
        else:
            self.output.setPlainText(self._start_text + text)
            self._say(self.tr("{count} characters at temperature {t:.2f} after “{seed}”, "
                              "with the weights of epoch {epoch}").format(
                count=len(text), t=self._temperature_used, seed=self._start_text,
                epoch=self._epoch_used))
        self.generated.emit()

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        colour = ERROR_COLOUR if error else TEXT_COLOUR
        self.status.setStyleSheet(f"color: {colour}; font-size: {style.LABEL_PT}pt;")

    def _show_temperature(self) -> None:
        self.temperature_value.setText(f"{self.temperature_setting:.2f}")
