"""Word vectors: an Embedding's vectors projected to 2-D by PCA, live, with a chosen word's
nearest neighbours highlighted, a neighbours query and analogies (a − b + c)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from nnstudio.core import word_probes
from nnstudio.core.monitor import Snapshot
from nnstudio.core.probe_names import Probe
from nnstudio.data import Dataset
from nnstudio.data.words import END
from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Column, Panel, Placement, is_fresh

#: neighbours listed and highlighted for the chosen word, and answers to an analogy
NEIGHBOURS = 5
#: the analogy asked first, when the vocabulary has its words (English, Chinese)
DEFAULT_ANALOGIES = (("king", "man", "woman"), ("国王", "男人", "女人"))
#: the words' labels, and the chosen word's and its neighbours' (bold, on a white ground)
WORD_PT = 10
HIGHLIGHT_PT = 13
CHOSEN_COLOUR = "#D9480F"
NEIGHBOUR_COLOUR = style.TRAIN_COLOUR
OTHER_COLOUR = "#8A909C"


def is_word_data(dataset: Any) -> bool:
    """word2vec examples (the words source), whose vocabulary the vectors are of."""
    return dataset is not None and dataset.kind == "words"


def _word_box() -> QComboBox:
    box = QComboBox()
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    box.setMinimumContentsLength(6)
    return box


def _result_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # the words come from a corpus file
    label.setWordWrap(True)
    return label


class WordVectorsPanel(Panel):
    """Snapshot.word_vectors (the first Embedding's W, (V, D)) projected on its two principal
    axes, one labelled point per word of the dataset's vocabulary (`</s>` left out). The word
    chosen in `word` is drawn in orange and its NEIGHBOURS nearest words by cosine similarity
    in blue, listed in `neighbours`; `analogy` answers a − b + c."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("WordVectorsPanel", "Word vectors"))
    probes = frozenset({Probe.WORD_VECTORS})
    placement = Placement("word_vectors", 130, Column.NETWORK, frozenset({"words"}))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.vocabulary: tuple[str, ...] = ()
        self._shown = np.zeros(0, dtype=np.int64)   # the ids drawn (all but END)
        self._vectors: np.ndarray | None = None
        self._points: np.ndarray | None = None       # (len(shown), 2), the last projection
        self._labels: list[pg.TextItem] = []

        self.word = _word_box()
        self.neighbours = _result_label()
        self.analogy_boxes = (_word_box(), _word_box(), _word_box())
        self.analogy = _result_label()
        controls = QWidget()
        grid = QGridLayout(controls)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        word_label = QLabel(self.tr("Word:"))
        word_label.setBuddy(self.word)
        analogy_label = QLabel(self.tr("Analogy:"))
        analogy_label.setBuddy(self.analogy_boxes[0])
        a, b, c = self.analogy_boxes
        row = (word_label, self.word, None, analogy_label, a, QLabel("−"), b, QLabel("+"), c)
        for place, widget in enumerate(row):
            if widget is not None:
                grid.addWidget(widget, 0, place)
        grid.setColumnMinimumWidth(2, 12)
        grid.setColumnStretch(len(row), 1)
        # the answers span the panel's width, under the questions
        grid.addWidget(self.neighbours, 1, 0, 1, len(row) + 1)
        grid.addWidget(self.analogy, 2, 0, 1, len(row) + 1)
        page, column = style.page_with_controls(controls, fill=True)

        self.view = style.plot_widget()
        column.addWidget(self.view, 1)
        self.set_content(page)
        plot = self.view.getPlotItem()
        style.style_plot(plot, self.tr("principal axis 1"), self.tr("principal axis 2"))
        self.dots = pg.ScatterPlotItem(size=7, pen=pg.mkPen(None))
        plot.addItem(self.dots)

        self.word.currentTextChanged.connect(self._show_queries)
        for box in self.analogy_boxes:
            box.currentTextChanged.connect(self._show_queries)
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def applies(self, dataset: Dataset) -> bool:
        return is_word_data(dataset)

    def set_data(self, dataset: Any) -> None:
        """The vocabulary of a words dataset (the word boxes and one label per word)."""
        plot = self.view.getPlotItem()
        for label in self._labels:
            plot.removeItem(label)
        self._labels = []
        self.vocabulary = tuple(dataset.vocabulary) if is_word_data(dataset) else ()
        self._shown = np.array([i for i, w in enumerate(self.vocabulary) if w != END],
                               dtype=np.int64)
        words = [self.vocabulary[i] for i in self._shown]
        for box, default in zip((self.word, *self.analogy_boxes), self._defaults(words),
                                strict=True):
            box.blockSignals(True)
            box.clear()
            box.addItems(words)
            box.setCurrentText(default)
            box.blockSignals(False)
        for word in words:
            label = pg.TextItem(word, color=OTHER_COLOUR, anchor=(0.5, 1.1))
            label.setFont(style.font(WORD_PT))
            plot.addItem(label)
            self._labels.append(label)
        self.reset()

    def reset(self) -> None:
        self._vectors = None
        self._points = None
        self.dots.clear()
        for label in self._labels:
            label.setPos(0, 0)
        self.neighbours.clear()
        self.analogy.clear()
        if not self.vocabulary:
            self.show_message(self.tr(
                "Word vectors are drawn for word data: choose the words source"))
        else:
            self.show_message(self.tr("Press Play to train"))

    def draw(self, snapshot: Snapshot) -> None:
        found = snapshot.word_vectors
        if not self.vocabulary:
            return
        if found is None:
            self.show_message(self.tr(
                "Add an Embedding node: its vectors are the word vectors drawn here"))
            return
        if self._vectors is not None and not is_fresh(snapshot, "word_vectors"):
            return
        vectors = found.vectors
        if len(vectors) != len(self.vocabulary):
            self.show_message(self.tr(
                "The Embedding {node} has {rows} vectors, but the vocabulary has {words} "
                "words: give it num_embeddings {words}").format(
                node=found.node, rows=len(vectors), words=len(self.vocabulary)))
            return
        self._vectors = vectors
        self._points = word_probes.pca_2d(vectors[self._shown], self._points)
        for label, (x, y) in zip(self._labels, self._points, strict=True):
            label.setPos(float(x), float(y))
        self._show_queries()
        self._fit_range()
        self.show_content()

    # -- helpers -------------------------------------------------------------------------------
    @staticmethod
    def _defaults(words: list[str]) -> tuple[str, str, str, str]:
        """The word chosen first and the analogy asked first."""
        for a, b, c in DEFAULT_ANALOGIES:
            if {a, b, c} <= set(words):
                return a, a, b, c
        first = [*words[:3], "", "", ""]
        return first[0], first[0], first[1], first[2]

    def _id(self, word: str) -> int | None:
        try:
            return self.vocabulary.index(word.strip())
        except ValueError:
            return None

    def _listing(self, found: list[tuple[int, float]]) -> str:
        return " · ".join(f"{self.vocabulary[i]} {s:.2f}" for i, s in found)

    def _unknown(self, word: str) -> str:
        return self.tr("“{word}” is not in the vocabulary").format(word=word.strip())

    def _show_queries(self) -> None:
        """The chosen word's neighbours (listed and coloured) and the analogy's answers."""
        if self._vectors is None or self._points is None:
            return
        end = (self.vocabulary.index(END),) if END in self.vocabulary else ()
        chosen = self._id(self.word.currentText())
        near: list[tuple[int, float]] = []
        if chosen is None:
            self.neighbours.setText(self._unknown(self.word.currentText()))
        else:
            near = word_probes.neighbours(self._vectors, chosen, NEIGHBOURS, end)
            self.neighbours.setText(self.tr("nearest to {word}: {words}").format(
                word=self.vocabulary[chosen], words=self._listing(near)))
        self._colour(chosen, {i for i, _ in near})
        ids = [self._id(box.currentText()) for box in self.analogy_boxes]
        missing = next((box.currentText() for box, i in zip(self.analogy_boxes, ids,
                                                            strict=True) if i is None), None)
        if missing is not None:
            self.analogy.setText(self._unknown(missing))
            return
        a, b, c = (int(i) for i in ids)  # type: ignore[arg-type]
        self.analogy.setText(self.tr("{a} − {b} + {c} ≈ {words}").format(
            a=self.vocabulary[a], b=self.vocabulary[b], c=self.vocabulary[c],
            words=self._listing(word_probes.analogy(self._vectors, a, b, c, 3, end))))

    def _colour(self, chosen: int | None, near: set[int]) -> None:
        """The chosen word orange, its neighbours blue, both bold on a white ground above the
        other words (grey)."""
        assert self._points is not None
        colours = []
        plain, bold = style.font(WORD_PT), style.font(HIGHLIGHT_PT)
        bold.setBold(True)
        for label, i in zip(self._labels, self._shown, strict=True):
            colour = CHOSEN_COLOUR if i == chosen else NEIGHBOUR_COLOUR if i in near \
                else OTHER_COLOUR
            highlighted = colour != OTHER_COLOUR
            label.setColor(colour)
            label.setFont(bold if highlighted else plain)
            label.fill = pg.mkBrush(style.translucent(style.BACKGROUND, 230) if highlighted
                                    else None)
            label.setZValue(3 if i == chosen else 2 if highlighted else 1)
            # the neighbours' names under their dots: a neighbour as close as can be drawn
            # still shows beside the chosen word's name above its own
            label.setAnchor((0.5, -0.1) if i in near else (0.5, 1.1))
            colours.append(pg.mkBrush(colour))
        self.dots.setData(pos=self._points, brush=colours)

    def _fit_range(self) -> None:
        assert self._points is not None
        low, high = self._points.min(axis=0), self._points.max(axis=0)
        margin = np.maximum((high - low) * 0.08, 1e-6)
        self.view.getPlotItem().setRange(xRange=(low[0] - margin[0], high[0] + margin[0]),
                                         yRange=(low[1] - margin[1], high[1] + margin[1]),
                                         padding=0)
