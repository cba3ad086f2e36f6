"""The word-vector panel: PCA of the Embedding's vectors, neighbours and analogies, its empty
states, and its place in the dashboard (only for word data)."""

from __future__ import annotations

from functools import cache
from types import SimpleNamespace

import numpy as np
import pytest

from nnstudio.core.word_probes import WordVectors, pca_2d, unit_rows
from nnstudio.data import load_dataset
from nnstudio.gui.panels import create_panels
from nnstudio.gui.panels.word_vectors import (
    CHOSEN_COLOUR,
    NEIGHBOUR_COLOUR,
    WordVectorsPanel,
)


@cache
def words():
    return load_dataset({"source": "words", "name": "words_en"})


def vectors_with_known_answers(vocabulary: tuple[str, ...]) -> np.ndarray:
    """Random vectors (V, 8) in which dog is cat's nearest word and queen is exactly
    king − man + woman (of the unit vectors)."""
    v = np.random.default_rng(0).standard_normal((len(vocabulary), 8))
    i = {w: k for k, w in enumerate(vocabulary)}
    v[i["dog"]] = v[i["cat"]] + 0.01
    unit = unit_rows(v)
    v[i["queen"]] = unit[i["king"]] - unit[i["man"]] + unit[i["woman"]]
    return v


def snapshot(vectors, run=1, fresh=True):
    return SimpleNamespace(run=run, word_vectors=None if vectors is None else
                           WordVectors("emb", vectors),
                           fresh=frozenset({"word_vectors"} if fresh else ()))


def test_neighbours_analogy_and_the_projection(qtbot):
    panel = WordVectorsPanel()
    qtbot.addWidget(panel)
    data = words()
    panel.receive_data(data)
    assert panel.message == "Press Play to train"
    assert panel.analogy_boxes[0].currentText() == "king"  # the analogy asked first
    vectors = vectors_with_known_answers(data.vocabulary)
    panel.show_snapshot(snapshot(vectors))
    assert panel.failure is None and panel.message is None
    assert panel.analogy.text().startswith("king − man + woman ≈ queen 1.00 · ")
    panel.word.setCurrentText("cat")
    assert panel.neighbours.text().startswith("nearest to cat: dog 1.00 · ")
    # one label per word but </s>, placed at the PCA projection
    assert len(panel._labels) == len(data.vocabulary) - 1
    shown = [data.vocabulary.index(label.toPlainText()) for label in panel._labels]
    points = pca_2d(vectors[shown])
    placed = np.array([[label.pos().x(), label.pos().y()] for label in panel._labels])
    np.testing.assert_allclose(np.abs(placed), np.abs(points))
    colours = {label.toPlainText(): label.color.name().upper() for label in panel._labels}
    assert colours["cat"] == CHOSEN_COLOUR and colours["dog"] == NEIGHBOUR_COLOUR.upper()
    panel.word.setCurrentText("unicorn")
    assert panel.neighbours.text() == "“unicorn” is not in the vocabulary"


def test_the_projection_does_not_flip_between_updates(qtbot):
    panel = WordVectorsPanel()
    qtbot.addWidget(panel)
    panel.receive_data(words())
    vectors = vectors_with_known_answers(words().vocabulary)
    panel.show_snapshot(snapshot(vectors))
    before = np.array([[lb.pos().x(), lb.pos().y()] for lb in panel._labels])
    panel.show_snapshot(snapshot(vectors * 1.001))
    after = np.array([[lb.pos().x(), lb.pos().y()] for lb in panel._labels])
    np.testing.assert_allclose(after, before * 1.001, rtol=1e-6, atol=1e-9)


def test_empty_states(qtbot):
    panel = WordVectorsPanel()
    qtbot.addWidget(panel)
    panel.receive_data(load_dataset({"source": "toy2d"}))
    assert "choose the words source" in panel.message
    panel.receive_data(words())
    panel.show_snapshot(snapshot(None))
    assert panel.message.startswith("Add an Embedding node")
    panel.show_snapshot(snapshot(np.zeros((5, 3)), run=2))
    assert panel.message == ("The Embedding emb has 5 vectors, but the vocabulary has 108 "
                             "words: give it num_embeddings 108")


@pytest.mark.parametrize(("kind", "shown"), [("words", True), ("points2d", False),
                                             ("text", False)])
def test_listed_in_the_dashboard_for_word_data_only(qtbot, kind, shown):
    panel = next(p for p in create_panels() if isinstance(p, WordVectorsPanel))
    qtbot.addWidget(panel)
    assert panel.applies(SimpleNamespace(kind=kind)) is shown
