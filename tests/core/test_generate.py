"""Sampling text from a character model: temperature, seeding, the sliding window, the copy."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core import generate as gen
from nnstudio.core.network import Network

VOCAB = ("a", "b", "c", " ")


def char_model(window: int = 3, softmax: bool = False, seed: int = 0) -> Network:
    """ids (N, window) → Embedding → LSTM → Dense(len(VOCAB)) scores."""
    out: dict = {"units": len(VOCAB)}
    if softmax:
        out["activation"] = "softmax"
    nodes = [{"id": "x", "type": "Input", "params": {"shape": [window]}},
             {"id": "emb", "type": "Embedding",
              "params": {"num_embeddings": len(VOCAB), "embedding_dim": 4}},
             {"id": "mem", "type": "LSTM", "params": {"units": 5}},
             {"id": "out", "type": "Dense", "params": out}]
    edges = [["x", "emb"], ["emb", "mem"], ["mem", "out"]]
    return Network(nodes, edges, seed=seed)


def test_softmax_with_temperature_sharpens_and_flattens():
    logits = np.array([2.0, 1.0, 0.0])
    plain = gen.softmax_with_temperature(logits, 1.0)
    np.testing.assert_allclose(plain, np.exp(logits) / np.exp(logits).sum())
    cold = gen.softmax_with_temperature(logits, 0.1)
    hot = gen.softmax_with_temperature(logits, 2.0)
    assert cold[0] > 0.99
    assert hot.max() < plain.max() and hot.min() > plain.min()
    np.testing.assert_allclose([cold.sum(), hot.sum()], 1.0)


def test_softmax_with_temperature_is_stable_and_checks_the_temperature():
    p = gen.softmax_with_temperature(np.array([1000.0, 0.0]), 0.1)
    assert np.all(np.isfinite(p)) and p[0] == 1.0
    with pytest.raises(ValueError, match="temperature"):
        gen.softmax_with_temperature(np.zeros(3), 0.0)


def test_encode_names_the_unknown_characters_once():
    np.testing.assert_array_equal(gen.encode("ab c", VOCAB), [0, 1, 3, 2])
    with pytest.raises(gen.UnknownCharacters) as caught:
        gen.encode("axbyx", VOCAB)
    assert caught.value.characters == "xy"


def test_generate_has_the_asked_length_and_is_seeded():
    net = char_model()
    first = gen.generate(net, [0, 1], 40, 1.0, seed=7)
    assert first.shape == (40,) and first.dtype == np.int64
    assert first.min() >= 0 and first.max() < len(VOCAB)
    np.testing.assert_array_equal(first, gen.generate(net, [0, 1], 40, 1.0, seed=7))
    assert not np.array_equal(first, gen.generate(net, [0, 1], 40, 1.0, seed=8))
    assert gen.generate(net, [], 0, 1.0, seed=0).shape == (0,)


def test_generate_at_a_low_temperature_takes_the_most_likely_id_each_step():
    net = char_model()
    for p in net.layers["out"].parameters:  # scores far apart: the coldest choice is certain
        p.value *= 1e4
    ids = gen.generate(net, [2, 0, 1, 3], 6, gen.MIN_TEMPERATURE, seed=0)
    context = [0, 1, 3]  # the seed's last window: 3 ids
    for got in ids:
        scores = net.forward(np.array([context], dtype=np.float32))
        assert got == int(scores[0].argmax())
        context = [*context[1:], int(got)]


def test_generate_reads_logits_when_the_output_ends_in_softmax():
    """Temperature divides the scores before the softmax, not the probabilities."""
    plain, fused = char_model(softmax=False), char_model(softmax=True)
    np.testing.assert_array_equal(gen.generate(plain, [1], 30, 0.5, seed=3),
                                  gen.generate(fused, [1], 30, 0.5, seed=3))


def test_generate_refuses_a_network_that_does_not_read_ids():
    nodes = [{"id": "x", "type": "Input", "params": {"shape": [3, 2]}},
             {"id": "mem", "type": "RNN", "params": {"units": 2}}]
    with pytest.raises(ValueError, match="ids"):
        gen.generate(Network(nodes, [["x", "mem"]]), [0], 5, 1.0, seed=0)


def test_the_copy_gives_the_same_scores_and_is_independent():
    net = char_model(seed=1)
    copy = gen.copy_network(net)
    x = np.array([[0, 1, 2], [3, 3, 0]], dtype=np.float32)
    built = copy.build()
    np.testing.assert_array_equal(built.forward(x), net.forward(x))
    for p in net.parameters():  # training goes on: the copy keeps the weights it was given
        p.value += 1.0
    assert not np.array_equal(built.forward(x), net.forward(x))
    np.testing.assert_array_equal(built.forward(x), copy.build().forward(x))
    assert all(not a.flags.writeable for a in copy.state.values())
