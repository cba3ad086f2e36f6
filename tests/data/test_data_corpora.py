"""The bundled corpora, the next-character task and word2vec's examples."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.data import DataError, load_dataset, text, words


@pytest.mark.parametrize("name", list(text.CORPORA))
def test_every_bundled_corpus_is_there_and_small(name):
    corpus = text.read_corpus(name)
    assert 2000 < len(corpus.encode()) < 100_000 and "\r" not in corpus


def test_words_corpora_are_segmented():
    zh = words.sentences_of(text.read_corpus("words_zh"))
    assert len(zh) == 1500 and all(len(s) >= 2 for s in zh)
    assert ["国王", "住", "在", "宫殿", "里"] in zh


def test_next_character_windows_decode_to_the_text():
    s = text.next_character("abcabcabd", 3, 2, "t")
    x, y = s.x, s.y
    assert s.class_names == ("a", "b", "c", "d") and s.kind == "text"
    decoded = ["".join(s.class_names[int(i)] for i in row) for row in x]
    assert decoded == ["abc", "cab", "bca"]
    assert "".join(s.class_names[i] for i in y) == "acb"
    with pytest.raises(DataError, match="too few for windows of 9") as err:
        text.next_character("abcabcabd", 9, 1, "t")
    assert err.value.key == "length"


def test_text_dataset():
    data = load_dataset({"source": "text", "name": "rhymes_en", "length": 16})
    corpus = text.read_corpus("rhymes_en")
    assert data.kind == "text" and data.input_shape == (16,)
    assert data.vocabulary == tuple(sorted(set(corpus))) == data.class_names
    assert data.num_classes == len(data.vocabulary)
    row = data.x_train[0].astype(int)
    window = "".join(data.vocabulary[i] for i in row) + data.vocabulary[data.y_train[0]]
    assert window in corpus
    with pytest.raises(DataError, match="cannot be standardised") as err:
        load_dataset({"source": "text", "standardize": True})
    assert err.value.key == "standardize"


def test_skipgram_pairs_by_hand():
    s = words.word2vec_samples("a b c\nb a\n", "skipgram", 1, 2, 0, "t")
    assert s.class_names == ("a", "b", "c", "</s>")  # most frequent first, ties in text order
    np.testing.assert_array_equal(s.counts, [2, 2, 1, 0])
    pairs = [(s.class_names[int(c)], s.class_names[t]) for c, t in zip(s.x[:, 0], s.y[:, 0],
                                                                       strict=True)]
    assert pairs == [("a", "b"), ("b", "a"), ("b", "c"), ("c", "b"), ("b", "a"), ("a", "b")]
    assert s.y.shape == (6, 3) and s.kind == "words"


def test_cbow_contexts_by_hand():
    s = words.word2vec_samples("a b c\nb a\nc\n", "cbow", 1, 1, 0, "t")
    end = s.class_names.index("</s>")
    v = {w: i for i, w in enumerate(s.class_names)}
    np.testing.assert_array_equal(s.x, [[end, v["b"]], [v["a"], v["c"]], [v["b"], end],
                                        [end, v["a"]], [v["b"], end]])
    np.testing.assert_array_equal(s.y[:, 0], [v["a"], v["b"], v["c"], v["b"], v["a"]])
    assert s.feature_names == ("context -1", "context +1")


def test_negatives_follow_the_unigram_to_the_three_quarters():
    counts = np.array([100, 50, 10, 0])
    noise = words.noise_distribution(counts)
    np.testing.assert_allclose(noise, counts ** 0.75 / (counts ** 0.75).sum())
    positive = np.zeros(20_000, dtype=np.int64)
    drawn = words.draw_negatives(positive, 5, noise, seed=3)
    assert drawn.shape == (20_000, 5) and not (drawn == 0).any() and not (drawn == 3).any()
    share = np.bincount(drawn.ravel(), minlength=4) / drawn.size
    np.testing.assert_allclose(share[1:3], noise[1:3] / noise[1:3].sum(), atol=0.01)
    np.testing.assert_array_equal(drawn, words.draw_negatives(positive, 5, noise, seed=3))


def test_words_dataset():
    data = load_dataset({"source": "words", "name": "words_en", "window": 2, "negatives": 4,
                         "seed": 7})
    assert data.kind == "words" and data.task == "classification"
    assert data.input_shape == (1,) and data.y_train.shape[1] == 5
    assert data.num_classes == len(data.vocabulary) == data.num_outputs
    assert data.vocabulary[0] == "the" and data.vocabulary[-1] == "</s>"
    assert (data.y_train[:, 1:] != data.y_train[:, :1]).all()
    again = load_dataset({"source": "words", "name": "words_en", "window": 2, "negatives": 4,
                          "seed": 7})
    np.testing.assert_array_equal(data.y_train, again.y_train)
    cbow = load_dataset({"source": "words", "name": "words_zh", "mode": "cbow", "window": 3})
    assert cbow.input_shape == (6,) and "国王" in cbow.vocabulary
    with pytest.raises(DataError, match="rhymes_en"):
        load_dataset({"source": "words", "name": "rhymes_en"})
