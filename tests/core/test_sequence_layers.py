"""Embedding, RNN, LSTM and Dense on sequences: gradients (float64, element-wise central
differences), shapes and the messages for wrong input."""

import numpy as np
import pytest

from nnstudio.core.catalog import check_params, create_layer
from nnstudio.core.gradcheck import check_layer_gradients, numerical_gradient, worst_element
from nnstudio.core.graph import analyze
from nnstudio.core.layers.base import ShapeError


def data(*shape, seed=1):
    return np.random.default_rng(seed).standard_normal(shape)


def assert_gradients_match(layer, x):
    found = check_layer_gradients(layer, x)
    assert {"x"} | {p.name.split(".", 1)[1] for p in layer.parameters} <= set(found)
    bad = {name: str(worst) for name, worst in found.items() if not worst.ok}
    assert not bad, f"gradients off: {bad}"


@pytest.mark.parametrize("params", [
    {"units": 3}, {"units": 3, "activation": "relu"}, {"units": 4, "return_sequences": True},
    {"units": 2, "use_bias": False, "return_sequences": True, "activation": "relu"},
])
def test_rnn_gradients(make_layer, params):
    assert_gradients_match(make_layer("RNN", params, (5, 3)), data(2, 5, 3))


@pytest.mark.parametrize("params", [
    {"units": 3}, {"units": 2, "return_sequences": True}, {"units": 3, "use_bias": False},
])
def test_lstm_gradients(make_layer, params):
    layer = make_layer("LSTM", params, (4, 3))
    # biases away from zero, so every gate's derivative is exercised off its midpoint
    if layer.b is not None:
        layer.b.value[:] = data(*layer.b.value.shape, seed=7)
    assert_gradients_match(layer, data(2, 4, 3))


def test_one_step_sequences(make_layer):
    assert_gradients_match(make_layer("LSTM", {"units": 2}, (1, 3)), data(2, 1, 3))
    assert_gradients_match(make_layer("RNN", {"units": 2}, (1, 3)), data(2, 1, 3))


def test_dense_on_the_last_axis_of_a_sequence(make_layer):
    layer = make_layer("Dense", {"units": 3, "activation": "tanh"}, (4, 5))
    x = data(2, 4, 5)
    assert layer.output_shape((4, 5)) == (4, 3)
    np.testing.assert_allclose(layer.forward(x, True),
                               np.tanh(x @ layer.W.value + layer.b.value), rtol=1e-12)
    assert_gradients_match(layer, x)


def test_embedding_table_gradient(make_layer):
    layer = make_layer("Embedding", {"num_embeddings": 5, "embedding_dim": 3}, (4,))
    ids = np.array([[0, 2, 2, 4], [1, 2, 0, 0]], dtype=np.float64)
    projection = data(2, 4, 3)
    y = layer.forward(ids, True)
    np.testing.assert_array_equal(y, layer.W.value[ids.astype(int)])
    layer.W.grad = None
    layer.backward(projection)
    numeric = numerical_gradient(lambda _: float(np.sum(layer.forward(ids, True) * projection)),
                                 layer.W.value)
    assert worst_element(layer.W.grad, numeric).ok
    assert layer.W.grad[3].tolist() == [0.0, 0.0, 0.0]  # id 3 never appears


@pytest.mark.parametrize("bad, message", [
    (2.5, r"Embedding 'n' needs whole-number ids, got 2\.5"),
    (7.0, r"id 7 is outside its vocabulary of 5 \(ids 0 … 4\)"),
    (-1.0, r"id -1 is outside its vocabulary of 5"),
])
def test_embedding_refuses_wrong_ids(make_layer, bad, message):
    layer = make_layer("Embedding", {"num_embeddings": 5, "embedding_dim": 3}, (3,))
    with pytest.raises(ValueError, match=message):
        layer.forward(np.array([[0.0, 1.0, bad]]), True)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("kind", ["RNN", "LSTM"])
def test_recurrent_layers_keep_the_dtype(make_layer, kind, dtype):
    layer = make_layer(kind, {"units": 4, "return_sequences": True}, (6, 2), dtype=dtype)
    y = layer.forward(data(3, 6, 2).astype(dtype), True)
    assert y.dtype == dtype and y.shape == (3, 6, 4)
    dx = layer.backward(np.ones_like(y))
    assert dx.dtype == dtype and dx.shape == (3, 6, 2)
    assert all(p.grad.dtype == dtype for p in layer.parameters)
    assert layer.hidden_states.shape == (3, 6, 4)


def test_lstm_gates_and_hidden_states_are_kept(make_layer):
    layer = make_layer("LSTM", {"units": 3}, (5, 2))
    y = layer.forward(data(4, 5, 2), True)
    np.testing.assert_array_equal(y, layer.hidden_states[:, -1])
    gates = layer.gate_activations
    assert gates.shape == (4, 5, 12)
    n = 3
    sig = np.concatenate([gates[..., :2 * n], gates[..., 3 * n:]], axis=-1)
    assert ((sig > 0) & (sig < 1)).all() and (np.abs(gates[..., 2 * n:3 * n]) < 1).all()


@pytest.mark.parametrize("kind", ["RNN", "LSTM"])
def test_a_recurrent_layer_fed_a_vector_says_what_it_needs(kind):
    layer = create_layer("r", kind, {"units": 4})
    with pytest.raises(ShapeError, match=rf"{kind} needs a sequence of shape \(time steps, "
                                         r"features\) per sample, got \(8,\): put an Embedding"):
        layer.output_shape((8,))
    with pytest.raises(ShapeError, match=r"got \(1, 8, 8\)$"):
        layer.output_shape((1, 8, 8))


def test_embedding_needs_ids_per_step():
    with pytest.raises(ShapeError, match=r"Embedding needs ids of shape \(time steps,\) per "
                                         r"sample, got \(3, 4\)"):
        create_layer("e", "Embedding", {"num_embeddings": 5, "embedding_dim": 2}).output_shape(
            (3, 4))


def test_a_character_model_infers_its_shapes():
    nodes = [{"id": "x", "type": "Input", "params": {"shape": [16]}},
             {"id": "e", "type": "Embedding", "params": {"num_embeddings": 30,
                                                          "embedding_dim": 8}},
             {"id": "l", "type": "LSTM", "params": {"units": 12, "return_sequences": True}},
             {"id": "r", "type": "RNN", "params": {"units": 6}},
             {"id": "o", "type": "Dense", "params": {"units": 30}}]
    a = analyze(nodes, [["x", "e"], ["e", "l"], ["l", "r"], ["r", "o"]])
    assert a.ok, a.problems
    assert [a.shapes[n] for n in "xelro"] == [(16,), (16, 8), (16, 12), (6,), (30,)]
    assert a.param_counts["l"] == 8 * 48 + 12 * 48 + 48
    assert a.param_counts["r"] == 12 * 6 + 6 * 6 + 6


def test_the_rnn_activation_is_tanh_or_relu():
    assert check_params("RNN", {"units": 3, "activation": "sigmoid"}) == [
        ("activation", "must be one of tanh, relu, got 'sigmoid'")]


def test_sequence_probes_give_hidden_states_and_gates():
    from nnstudio.core.network import Network
    from nnstudio.core.sequence_probes import hidden_states, lstm_gates

    nodes = [{"id": "x", "type": "Input", "params": {"shape": [5, 2]}},
             {"id": "l", "type": "LSTM", "params": {"units": 3, "return_sequences": True}},
             {"id": "r", "type": "RNN", "params": {"units": 4}},
             {"id": "o", "type": "Dense", "params": {"units": 1}}]
    net = Network(nodes, [["x", "l"], ["l", "r"], ["r", "o"]], seed=0)
    x = data(6, 5, 2)
    states = hidden_states(net, x)
    assert {k: v.shape for k, v in states.items()} == {"l": (6, 5, 3), "r": (6, 5, 4)}
    assert not states["l"].flags.writeable
    gates = lstm_gates(net, x)
    assert list(gates) == ["l"] and list(gates["l"]) == ["input", "forget", "cell", "output"]
    i, f, g, o = (gates["l"][k] for k in ("input", "forget", "cell", "output"))
    # the cell and hidden state follow from the gates: h = o·tanh(c), c = f·c₋₁ + i·g
    c = np.zeros((6, 3))
    for t in range(5):
        c = f[:, t] * c + i[:, t] * g[:, t]
        np.testing.assert_allclose(states["l"][:, t], o[:, t] * np.tanh(c), rtol=1e-6)


def test_embedding_starts_as_torch_does_normal_with_std_1(make_layer):
    layer = make_layer("Embedding", {"num_embeddings": 400, "embedding_dim": 25}, (3,))
    assert abs(layer.W.value.std() - 1.0) < 0.02 and abs(layer.W.value.mean()) < 0.02
