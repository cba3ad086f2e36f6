"""The dashboards' probes: statistics, histograms and model outputs over the plane."""

from __future__ import annotations

import math
from itertools import pairwise

import numpy as np
import pytest

from nnstudio.core import probes
from nnstudio.core.network import Network


def chain(input_shape, *layers, dtype=np.float32, seed=0) -> Network:
    """A stack: Input, then each (type, params) in turn, named l1, l2, ..."""
    nodes = [{"id": "x", "type": "Input", "params": {"shape": list(input_shape)}}]
    nodes += [{"id": f"l{i}", "type": t, "params": p} for i, (t, p) in enumerate(layers, 1)]
    edges = [[a["id"], b["id"]] for a, b in pairwise(nodes)]
    return Network(nodes, edges, dtype=dtype, seed=seed)


def set_weights(net: Network, **arrays) -> None:
    """set_weights(net, l1_W=..., l1_b=...): copy values into the named parameters."""
    params = {p.name: p for p in net.parameters()}
    for key, value in arrays.items():
        params[key.replace("_", ".")].value[...] = value


def backward_once(net: Network, x: np.ndarray, seed: int = 0) -> None:
    y = net.forward(x, training=True)
    net.backward(np.random.default_rng(seed).standard_normal(y.shape).astype(net.dtype))


def all_arrays(obj) -> list[np.ndarray]:
    fields = vars(obj).values()
    found = [v for v in fields if isinstance(v, np.ndarray)]
    for v in fields:
        if isinstance(v, probes.Histogram):
            found += [v.counts, v.edges]
    return found


# -- parameter statistics ------------------------------------------------------------------------
def test_parameter_stats_describe_each_tensor():
    net = chain([2], ("Dense", {"units": 3}))
    w = np.array([[1, -2, 3], [0, 4, -6]], np.float32)
    set_weights(net, l1_W=w, l1_b=[0.5, 0.5, 0.5])
    stats = {s.name: s for s in probes.parameter_stats(net, bins=5)}
    assert list(stats) == ["l1.W", "l1.b"]
    s = stats["l1.W"]
    assert (s.node, s.param, s.shape, s.sampled) == ("l1", "W", (2, 3), False)
    assert s.mean == pytest.approx(0.0) and s.std == pytest.approx(w.std())
    assert (s.min, s.max) == (-6.0, 4.0)
    assert s.norm == pytest.approx(np.sqrt((w**2).sum()))
    assert s.histogram.counts.tolist() == [1, 0, 1, 2, 2]  # bins of width 2 from −6
    np.testing.assert_allclose(s.histogram.edges, [-6, -4, -2, 0, 2, 4])
    assert s.grad_norm is None and s.grad_mean_abs is None and s.grad_histogram is None
    assert stats["l1.b"].histogram.counts.sum() == 3  # constant tensor: one populated bin


def test_parameter_stats_include_gradients_after_backward():
    net = chain([2], ("Dense", {"units": 3, "activation": "tanh"}), ("Dense", {"units": 1}))
    backward_once(net, np.random.default_rng(1).standard_normal((16, 2)))
    for s, p in zip(probes.parameter_stats(net), net.parameters(), strict=True):
        assert s.grad_norm == pytest.approx(np.linalg.norm(p.grad), rel=1e-5)
        assert s.grad_mean_abs == pytest.approx(np.abs(p.grad).mean(), rel=1e-5)
        assert s.grad_histogram.counts.sum() == p.grad.size


def test_snapshots_are_read_only_copies():
    net = chain([2], ("Dense", {"units": 4, "activation": "relu"}), ("Dense", {"units": 2}))
    x = np.random.default_rng(0).standard_normal((8, 2))
    backward_once(net, x)
    live = [a for p in net.parameters() for a in (p.value, p.grad)]
    results = [*probes.parameter_stats(net), *probes.activation_stats(net, x),
               probes.decision_grid(net, (-1, 1), (-1, 1), 8),
               probes.curve_1d(net, (-1, 1), 5, features=lambda t: np.hstack([t, t]))]
    live += list(net.node_outputs().values())
    arrays = [a for r in results for a in all_arrays(r)]
    arrays += list(probes.neuron_grids(net, (-1, 1), (-1, 1), 4).values())
    live += list(net.node_outputs().values())
    assert len(arrays) > 20
    for a in arrays:
        assert not a.flags.writeable
        assert not any(np.shares_memory(a, b) for b in live)


def test_large_tensors_are_histogrammed_from_a_fixed_subsample():
    def stats(seed):
        net = chain([1000], ("Dense", {"units": 150}), seed=seed)
        backward_once(net, np.ones((2, 1000)))
        return net, probes.parameter_stats(net, bins=20)[0]

    net, a = stats(seed=0)
    probes._subsample_indices.cache_clear()  # chosen again: the same positions
    _, b = stats(seed=0)
    w = net.parameters()[0].value
    assert a.sampled and a.histogram.counts.sum() == probes.MAX_HISTOGRAM_VALUES
    assert a.grad_histogram.counts.sum() == probes.MAX_HISTOGRAM_VALUES
    np.testing.assert_array_equal(a.histogram.counts, b.histogram.counts)
    np.testing.assert_array_equal(a.grad_histogram.counts, b.grad_histogram.counts)
    assert (a.mean, a.min, a.max) == pytest.approx((w.mean(), w.min(), w.max()))  # exact scalars
    shares = a.histogram.counts / a.histogram.counts.sum()
    full, _ = np.histogram(w, 20, range=(a.histogram.edges[0], a.histogram.edges[-1]))
    np.testing.assert_allclose(shares, full / w.size, atol=0.01)


# -- gradient flow -------------------------------------------------------------------------------
def deep_stack(activation: str, depth: int = 8, width: int = 32) -> Network:
    return chain([width], *[("Dense", {"units": width, "activation": activation})] * depth,
                 ("Dense", {"units": 1}), dtype=np.float64)


def first_to_last(activation: str) -> float:
    net = deep_stack(activation)
    backward_once(net, np.random.default_rng(2).standard_normal((64, 32)))
    flow = probes.gradient_flow(net)
    assert [f.node for f in flow] == [f"l{i}" for i in range(1, 10)]
    assert all(f.ratio == pytest.approx(f.grad_norm / f.weight_norm) for f in flow)
    return flow[0].grad_norm / flow[-1].grad_norm


def test_gradient_flow_vanishes_through_sigmoids_not_relus():
    assert first_to_last("sigmoid") < 1e-3
    assert first_to_last("relu") > 0.1


def test_gradient_flow_before_any_backward_is_nan():
    (f,) = probes.gradient_flow(chain([2], ("Dense", {"units": 1})))
    assert f.weight_norm > 0 and np.isnan(f.grad_norm) and np.isnan(f.ratio)


# -- activations ---------------------------------------------------------------------------------
def sigmoid_stack(weight_init) -> Network:
    layer = ("Dense", {"units": 100, "activation": "sigmoid", "weight_init": weight_init})
    return chain([100], *[layer] * 5)


def mass(hist: probes.Histogram, lo: float, hi: float) -> float:
    """Share of the counts in bins lying within [lo, hi]."""
    inside = (hist.edges[:-1] >= lo - 1e-6) & (hist.edges[1:] <= hi + 1e-6)
    return hist.counts[inside].sum() / hist.counts.sum()


@pytest.fixture(scope="module")
def x_probe() -> np.ndarray:
    return np.random.default_rng(0).standard_normal((1000, 100))


def test_large_normal_weights_saturate_sigmoids(x_probe):
    stats = probes.activation_stats(sigmoid_stack({"type": "normal", "std": 1.0}), x_probe)
    assert [s.node for s in stats] == ["l1", "l2", "l3", "l4", "l5"]
    for s in stats:
        assert s.histogram.edges[0] == 0 and s.histogram.edges[-1] == 1
        assert mass(s.histogram, 0, 0.1) + mass(s.histogram, 0.9, 1) > 0.7
        assert mass(s.histogram, 0.4, 0.6) < 0.1
        assert s.saturated_fraction > 0.4


def test_tiny_normal_weights_pile_sigmoids_at_one_half(x_probe):
    stats = probes.activation_stats(sigmoid_stack({"type": "normal", "std": 0.01}), x_probe)
    for s in stats:
        assert mass(s.histogram, 0.4, 0.6) > 0.99
        assert s.saturated_fraction == 0 and s.std < 0.05


def test_xavier_weights_spread_sigmoids_out(x_probe):
    stats = probes.activation_stats(sigmoid_stack("xavier_normal"), x_probe)
    for s in stats:
        assert mass(s.histogram, 0.45, 0.55) < 0.5 and mass(s.histogram, 0.4, 0.6) < 0.7
        assert mass(s.histogram, 0, 0.1) + mass(s.histogram, 0.9, 1) < 0.05
        assert s.saturated_fraction < 0.01 and s.std > 0.1


def test_activation_stats_count_zeros_dead_units_and_ranges():
    net = chain([2], ("Dense", {"units": 4}), ("ReLU", {}), ("Dense", {"units": 3,
                                                                       "activation": "tanh"}))
    set_weights(net, l1_W=np.eye(2, 4), l1_b=[0, 0, -1, -1])  # units 3 and 4 never fire
    x = np.array([[1.0, -1.0], [-1.0, 1.0], [0.5, 0.5], [2.0, 2.0]])
    stats = {s.node: s for s in probes.activation_stats(net, x, bins=10)}
    relu, dense, tanh = stats["l2"], stats["l1"], stats["l3"]
    assert (relu.type, relu.activation, relu.shape) == ("ReLU", "relu", (4,))
    assert relu.zero_fraction == pytest.approx(10 / 16) and relu.dead_fraction == 0.5
    assert relu.saturated_fraction is None and relu.histogram.counts.sum() == 16
    assert relu.histogram.edges[0] == -relu.histogram.edges[-1] and relu.histogram.edges[-1] > 0
    assert dense.activation == "linear" and dense.dead_fraction == 0
    assert (tanh.histogram.edges[0], tanh.histogram.edges[-1]) == (-1, 1)
    assert tanh.mean == pytest.approx(net.forward(x).mean(), rel=1e-5)


def test_probes_of_a_convolutional_network():
    net = chain([1, 6, 6], ("Conv2D", {"filters": 2, "activation": "relu"}), ("MaxPool2D", {}),
                ("Flatten", {}), ("Dense", {"units": 3}))
    set_weights(net, l1_b=[0, -100])  # the second channel never fires
    stats = {s.node: s for s in probes.activation_stats(net, np.ones((5, 1, 6, 6)))}
    assert {k: s.shape for k, s in stats.items()} == {
        "l1": (2, 4, 4), "l2": (2, 2, 2), "l3": (8,), "l4": (3,)}
    assert stats["l1"].dead_fraction == stats["l2"].dead_fraction == 0.5
    assert stats["l3"].dead_fraction == 0.5 and stats["l3"].zero_fraction >= 0.5
    assert [(s.name, s.shape) for s in probes.parameter_stats(net)][:1] == [("l1.W", (2, 1, 3, 3))]
    assert [f.node for f in probes.gradient_flow(net)] == ["l1", "l4"]
    with pytest.raises(ValueError, match="features"):
        probes.neuron_grids(net, (-1, 1), (-1, 1))


# -- the model over the plane --------------------------------------------------------------------
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def test_decision_grid_of_a_known_linear_classifier():
    net = chain([2], ("Dense", {"units": 2}))
    set_weights(net, l1_W=[[1, -1], [0, 0]], l1_b=[0, 0])  # logits (x, −x): class 0 right of 0
    g = probes.decision_grid(net, (-2, 2), (-1, 1), resolution=5)
    assert g.task == "classification" and g.values is None
    np.testing.assert_allclose(g.xs, [-2, -1, 0, 1, 2])
    np.testing.assert_allclose(g.ys, [-1, -0.5, 0, 0.5, 1])
    assert g.probabilities.shape == (5, 5, 2) and g.probabilities.dtype == np.float32
    assert g.predicted.shape == g.confidence.shape == (5, 5)
    np.testing.assert_allclose(g.probabilities.sum(axis=-1), 1, rtol=1e-6)
    expected = np.broadcast_to(sigmoid(2 * g.xs), (5, 5))  # same in every row: depends on x only
    np.testing.assert_allclose(g.probabilities[..., 0], expected, rtol=1e-5)
    assert g.predicted[:, 3:].max() == 0 and g.predicted[:, :2].min() == 1
    np.testing.assert_allclose(g.confidence, np.maximum(expected, 1 - expected), rtol=1e-5)


def test_decision_grid_binary_single_column():
    logit = chain([2], ("Dense", {"units": 1}))
    squashed = chain([2], ("Dense", {"units": 1, "activation": "sigmoid"}))
    for net in (logit, squashed):
        set_weights(net, l1_W=[[1], [1]], l1_b=[0])
    assert probes.infer_task(logit) == "regression"
    assert probes.infer_task(squashed) == "classification"
    a = probes.decision_grid(logit, (-3, 3), (-3, 3), 7, task="classification")
    b = probes.decision_grid(squashed, (-3, 3), (-3, 3), 7)
    p1 = sigmoid(a.xs[None, :] + a.ys[:, None])  # cell [i, j] is (xs[j], ys[i])
    for g in (a, b):
        assert g.probabilities.shape == (7, 7, 2)
        np.testing.assert_allclose(g.probabilities[..., 1], p1, rtol=1e-5, atol=1e-7)
        np.testing.assert_allclose(g.probabilities.sum(axis=-1), 1, rtol=1e-6)
        np.testing.assert_array_equal(g.predicted, (p1 > 0.5).astype(int))


def test_decision_grid_uses_a_softmax_output_as_is():
    logits = chain([2], ("Dense", {"units": 3}))
    probs = chain([2], ("Dense", {"units": 3, "activation": "softmax"}))
    node = chain([2], ("Dense", {"units": 3}), ("Softmax", {}))
    a = probes.decision_grid(logits, (-1, 1), (-1, 1), 9)
    for net in (probs, node):
        b = probes.decision_grid(net, (-1, 1), (-1, 1), 9)
        np.testing.assert_allclose(a.probabilities, b.probabilities, rtol=1e-5)
        np.testing.assert_array_equal(a.predicted, b.predicted)


def test_decision_grid_regression_with_features_in_float64():
    net = chain([3], ("Dense", {"units": 1}), dtype=np.float64)
    set_weights(net, l1_W=[[1], [2], [3]], l1_b=[0.5])

    def features(p):
        return np.column_stack([p[:, 0], p[:, 1], p[:, 0] * p[:, 1]])

    g = probes.decision_grid(net, (-1, 2), (0, 3), 6, features=features)
    x, y = np.meshgrid(g.xs, g.ys)
    assert g.task == "regression" and g.probabilities is None and g.values.dtype == np.float64
    np.testing.assert_allclose(g.values, x + 2 * y + 3 * x * y + 0.5)
    assert not g.values.flags.writeable and not g.values.base.flags.writeable


def test_decision_grid_regression_with_several_outputs():
    net = chain([2], ("Dense", {"units": 2}))
    set_weights(net, l1_W=np.eye(2), l1_b=[0, 0])
    g = probes.decision_grid(net, (-1, 1), (2, 3), 4, task="regression")
    assert g.values.shape == (4, 4, 2) and g.predicted is None
    np.testing.assert_allclose(g.values[..., 0], np.broadcast_to(g.xs, (4, 4)))
    np.testing.assert_allclose(g.values[..., 1], np.broadcast_to(g.ys[:, None], (4, 4)))


def test_decision_grid_in_chunks_matches_one_pass(monkeypatch):
    net = chain([2], ("Dense", {"units": 16, "activation": "tanh"}), ("Dense", {"units": 3}))
    whole = probes.decision_grid(net, (-6, 6), (-6, 6), 30)  # 900 points: one chunk
    monkeypatch.setattr(probes, "MIN_CHUNK_POINTS", 7)
    monkeypatch.setattr(probes, "CHUNK_ELEMENTS", 16 * 7)  # 7 points per forward pass
    chunked = probes.decision_grid(net, (-6, 6), (-6, 6), 30)
    np.testing.assert_allclose(whole.probabilities, chunked.probabilities, rtol=1e-6)


def test_decision_grid_needs_plane_inputs_or_features():
    net = chain([4], ("Dense", {"units": 2}))
    with pytest.raises(ValueError, match="features"):
        probes.decision_grid(net, (-1, 1), (-1, 1), 4)


def test_neuron_grids_show_every_unit():
    net = chain([2], ("Dense", {"units": 3, "activation": "tanh"}), ("Dense", {"units": 4}),
                ("ReLU", {}), ("Dense", {"units": 1}))
    grids = probes.neuron_grids(net, (-6, 6), (-5, 5), resolution=6)
    assert {k: v.shape for k, v in grids.items()} == {
        "x": (2, 6, 6), "l1": (3, 6, 6), "l2": (4, 6, 6), "l3": (4, 6, 6), "l4": (1, 6, 6)}
    xs, ys = np.linspace(-6, 6, 6), np.linspace(-5, 5, 6)
    np.testing.assert_allclose(grids["x"][0], np.broadcast_to(xs, (6, 6)))
    np.testing.assert_allclose(grids["x"][1], np.broadcast_to(ys[:, None], (6, 6)))
    i, j = 4, 1
    h = net.forward(np.array([[xs[j], ys[i]]]))
    np.testing.assert_allclose(net.node_outputs()["l1"][0], grids["l1"][:, i, j], rtol=1e-5)
    np.testing.assert_allclose(h[0], grids["l4"][:, i, j], rtol=1e-5)


def test_curve_1d_of_a_line():
    net = chain([1], ("Dense", {"units": 1}))
    set_weights(net, l1_W=[[2]], l1_b=[1])
    c = probes.curve_1d(net, (-1, 1), points=5)
    np.testing.assert_allclose(c.xs, [-1, -0.5, 0, 0.5, 1])
    assert c.ys.shape == (5,) and c.ys.dtype == np.float32
    np.testing.assert_allclose(c.ys, 2 * c.xs + 1)


# -- extreme but finite values -------------------------------------------------------------------
HOSTILE_WEIGHTS = {
    "huge": (np.float32, [[1e30, 1e30 * (1 + 1e-7)], [1e30, 1e30]]),
    "float32 extremes": (np.float32, [[3.4e38, -3.4e38], [1.0, 0.0]]),
    "range overflows float64": (np.float64, [[1e308, -1e308], [5e307, 0.0]]),
    "zero range": (np.float32, [[0.0, 0.0], [0.0, 0.0]]),
    "one value, large": (np.float32, [[7e20, 7e20], [7e20, 7e20]]),
    "tiny spread": (np.float64, [[1.0, 1.0 + 1e-15], [1.0, 1.0]]),
    "infinities and NaN": (np.float32, [[np.inf, -np.inf], [np.nan, 2.0]]),
}


def check_histogram(histogram: probes.Histogram, values: np.ndarray) -> None:
    """Finite, strictly increasing edges; every non-NaN value counted once."""
    edges = histogram.edges.astype(np.float64)
    assert np.isfinite(edges).all() and (np.diff(edges) > 0).all()
    assert histogram.counts.sum() == np.count_nonzero(~np.isnan(values))


@pytest.mark.parametrize("case", list(HOSTILE_WEIGHTS))
def test_probes_never_raise_on_extreme_values(case):
    dtype, w = HOSTILE_WEIGHTS[case]
    w = np.array(w, dtype=dtype)
    net = chain([2], ("Dense", {"units": 2}), ("ReLU", {}), dtype=dtype)
    set_weights(net, l1_W=w)
    x = np.array([[1.0, 2.0], [-3.0, 0.5], [0.0, 0.0]], dtype=dtype)
    with np.errstate(all="ignore"):  # the forward pass itself may overflow
        backward_once(net, x)
        stats = {s.name: s for s in probes.parameter_stats(net)}
        flows = probes.gradient_flow(net)
        activations = probes.activation_stats(net, x)
        probes.decision_grid(net, (-1, 1), (-1, 1), 8, task="classification")
    check_histogram(stats["l1.W"].histogram, w)
    check_histogram(stats["l1.W"].grad_histogram, net.layers["l1"].W.grad)
    relu = next(a for a in activations if a.node == "l2")
    assert np.isfinite(relu.histogram.edges).all() and (np.diff(relu.histogram.edges) > 0).all()
    if np.isfinite(w).all():  # the statistics of finite weights are finite and right
        assert stats["l1.W"].norm == pytest.approx(math.hypot(*w.ravel().tolist()), rel=1e-5)
        assert flows[0].weight_norm == stats["l1.W"].norm
        assert np.isfinite(stats["l1.W"].mean) and np.isfinite(stats["l1.W"].std)
