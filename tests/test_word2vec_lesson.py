"""The word2vec lesson's claims, trained headlessly: the named pairs are each other's nearest
words, king − man + woman is nearest to queen, two dimensions lose the pairs, and the Chinese
corpus pairs up just the same."""

from __future__ import annotations

from functools import cache

import numpy as np
import pytest

from nnstudio import Design, Trainer
from nnstudio.core import word_probes
from nnstudio.data import load_dataset
from nnstudio.design.lesson import Lesson, lessons_dir

ENGLISH_PAIRS = (("king", "queen"), ("man", "woman"), ("boy", "girl"), ("cat", "dog"),
                 ("horse", "cow"))
CHINESE_PAIRS = (("国王", "王后"), ("猫", "狗"), ("男人", "女人"))


@cache
def trained(step: int) -> tuple[np.ndarray, tuple[str, ...], dict[str, float]]:
    """(the word vectors, the vocabulary, the validation metrics) after training the lesson
    as it is once the lecturer has applied every step up to and including `step`."""
    doc = Design.load(lessons_dir() / "word2vec.json").to_dict()
    lesson = Lesson.from_document(doc)
    assert lesson is not None
    for s in lesson.steps[:step + 1]:
        doc = s.applied(doc)
    trainer = Trainer(Design.from_dict(doc))
    trainer.run()
    vectors = next(p.value for p in trainer.network.parameters() if p.name == "vectors.W")
    return vectors, load_dataset(doc["data"]).vocabulary, trainer.evaluate("validation")


def nearest(vectors: np.ndarray, vocabulary: tuple[str, ...], word: str) -> str:
    end = (vocabulary.index("</s>"),)
    return vocabulary[word_probes.neighbours(vectors, vocabulary.index(word), 1, end)[0][0]]


def mutual_pairs(step: int, pairs: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    vectors, vocabulary, _ = trained(step)
    return [(a, b) for a, b in pairs if nearest(vectors, vocabulary, a) == b
            and nearest(vectors, vocabulary, b) == a]


@pytest.mark.slow
def test_the_named_pairs_are_each_others_nearest_words():
    assert mutual_pairs(0, ENGLISH_PAIRS) == list(ENGLISH_PAIRS)


@pytest.mark.slow
def test_king_minus_man_plus_woman_is_nearest_to_queen():
    vectors, vocabulary, _ = trained(1)
    v = vocabulary.index
    end = (v("</s>"),)
    best = word_probes.analogy(vectors, v("king"), v("man"), v("woman"), 1, end)[0][0]
    assert vocabulary[best] == "queen"


@pytest.mark.slow
def test_two_numbers_per_word_lose_the_pairs_and_the_loss():
    assert mutual_pairs(2, ENGLISH_PAIRS) == []
    assert trained(2)[2]["loss"] > 2.0 > 1.5 > trained(0)[2]["loss"]


@pytest.mark.slow
def test_the_chinese_corpus_pairs_up_just_the_same():
    assert trained(3)[0].shape == (111, 16)
    assert mutual_pairs(3, CHINESE_PAIRS) == list(CHINESE_PAIRS)
