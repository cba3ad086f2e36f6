"""The sequence panels' probes: hidden states and gates of a few held-out sequences, next-value
predictions, the character model's copy, and which of them the Monitor takes for which data."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest

from nnstudio.core import sequence_views as sv
from nnstudio.core.monitor import Monitor
from nnstudio.core.network import Network
from nnstudio.design import Design
from nnstudio.design.trainer import Trainer


def recurrent(kind: str, steps: int = 6, features: int = 3, units: int = 4,
              outputs: int = 2) -> Network:
    nodes = [{"id": "x", "type": "Input", "params": {"shape": [steps, features]}},
             {"id": "mem", "type": kind, "params": {"units": units}},
             {"id": "out", "type": "Dense", "params": {"units": outputs}}]
    return Network(nodes, [["x", "mem"], ["mem", "out"]])


def test_states_of_the_first_samples_with_the_lstm_gates():
    net = recurrent("LSTM")
    x = np.random.default_rng(0).normal(size=(20, 6, 3)).astype(np.float32)
    y = np.arange(20) % 2
    states = sv.sequence_states(net, "validation", x, y)
    assert states is not None and states.split == "validation"
    assert states.inputs.shape == (sv.SAMPLES, 6, 3) and states.targets.shape == (sv.SAMPLES,)
    np.testing.assert_allclose(states.outputs, net.forward(x[:sv.SAMPLES]), rtol=1e-6)
    (layer,) = states.layers
    assert (layer.node, layer.type, layer.hidden.shape) == ("mem", "LSTM", (sv.SAMPLES, 6, 4))
    assert layer.gates is not None and tuple(layer.gates) == sv.GATES
    assert all(g.shape == (sv.SAMPLES, 6, 4) for g in layer.gates.values())
    # h = o ⊙ tanh(c), c = f ⊙ c_prev + i ⊙ g: the gates are the ones that made h
    i, f, g, o = (layer.gates[k].astype(np.float64) for k in sv.GATES)
    c = np.zeros((sv.SAMPLES, 4))
    for t in range(6):
        c = f[:, t] * c + i[:, t] * g[:, t]
        np.testing.assert_allclose(layer.hidden[:, t], o[:, t] * np.tanh(c), atol=1e-6)
    net.forward(x[:2])  # the next forward pass leaves the snapshot's arrays as they were
    assert layer.hidden.shape[0] == sv.SAMPLES and not layer.hidden.flags.writeable


def test_an_rnn_has_no_gates_and_a_network_without_one_no_states():
    net = recurrent("RNN")
    x = np.zeros((3, 6, 3), np.float32)
    states = sv.sequence_states(net, "train", x, np.zeros(3, np.int64))
    assert states is not None and states.layers[0].gates is None
    assert states.layers[0].hidden.shape == (3, 6, 4)
    flat = Network([{"id": "x", "type": "Input", "params": {"shape": [3]}},
                    {"id": "out", "type": "Dense", "params": {"units": 1}}], [["x", "out"]])
    assert sv.sequence_states(flat, "train", np.zeros((2, 3)), np.zeros(2)) is None


def test_next_values_are_the_networks_predictions():
    net = recurrent("RNN", features=1, outputs=1)
    assert sv.predicts_next_value(net)
    x = np.random.default_rng(1).normal(size=(700, 6, 1)).astype(np.float32)
    y = x[:, -1] * 0.5
    found = sv.next_values(net, "validation", x, y)
    assert found.curves.shape == (sv.CURVES, 6)
    assert found.true.shape == found.predicted.shape == (sv.MAX_POINTS,)
    np.testing.assert_allclose(found.predicted, net.forward(x[:sv.MAX_POINTS])[:, 0], rtol=1e-6)
    np.testing.assert_array_equal(found.curves, x[:sv.CURVES, :, 0])


def design(data: dict, nodes: list[dict], loss: str) -> Design:
    ids = [n["id"] for n in nodes]
    return Design.from_dict({
        "format": "nnstudio-design", "version": 1,
        "network": {"nodes": nodes, "edges": [list(e) for e in pairwise(ids)]},
        "data": data, "training": {"loss": loss, "batch_size": 16, "epochs": 1}})


@pytest.mark.parametrize(("kind", "expected"), [
    ("sine", {"sequence_states", "next_values"}),
    ("first_last", {"sequence_states"}),
])
def test_the_monitor_takes_the_probes_that_fit(kind, expected):
    regression = kind == "sine"
    features = 1 if regression else 4
    nodes = [{"id": "x", "type": "Input", "params": {"shape": [5, features]}},
             {"id": "mem", "type": "LSTM", "params": {"units": 3}},
             {"id": "out", "type": "Dense", "params": {"units": 1 if regression else 2}}]
    trainer = Trainer(design({"source": "sequence", "name": kind, "samples": 40, "length": 5,
                              "validation": 0.25},
                             nodes, "mse" if regression else "cross_entropy"))
    monitor = Monitor(trainer)
    assert set(monitor.probes) & {"sequence_states", "next_values", "text_model"} == expected
    snap = monitor.snapshot()
    assert snap.sequence_states.split == "validation"
    assert snap.sequence_states.layers[0].hidden.shape == (sv.SAMPLES, 5, 3)
    assert (snap.next_values is not None) == regression
    assert snap.text_model is None


def test_the_monitor_copies_a_character_model():
    nodes = [{"id": "x", "type": "Input", "params": {"shape": [8]}},
             {"id": "emb", "type": "Embedding",
              "params": {"num_embeddings": 40, "embedding_dim": 4}},
             {"id": "mem", "type": "LSTM", "params": {"units": 3}},
             {"id": "out", "type": "Dense", "params": {"units": 40}}]
    trainer = Trainer(design({"source": "text", "name": "rhymes_en", "length": 8,
                              "validation": 0.1}, nodes, "cross_entropy"))
    snap = Monitor(trainer).snapshot()
    assert snap.sequence_states.inputs.shape == (sv.SAMPLES, 8)  # ids
    copy = snap.text_model
    assert copy is not None
    x = trainer.samples("validation")[0][:3]
    np.testing.assert_array_equal(copy.build().forward(x), trainer.network.forward(x))
    trainer.step()
    assert snap.text_model.state["mem.W"] is copy.state["mem.W"]  # the copy stays as taken
    assert not np.array_equal(copy.state["mem.W"], trainer.network.layers["mem"].W.value)
