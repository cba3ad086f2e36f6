"""What the dashboards draw: statistics, histograms and model outputs over the input plane.

Pure functions of a `Network` (NumPy only, never Qt). Every result is a frozen dataclass (or a
dict of arrays) whose arrays are fresh copies made read-only, so a snapshot can be handed to the
GUI thread while the worker keeps training. Arrays keep the network's dtype; scalars are floats.

Probes that evaluate the model (`activation_stats`, `decision_grid`, `neuron_grids`, `curve_1d`)
run forward passes with ``training=False``. Those overwrite the values the layers cached for the
next backward pass and what `Network.node_outputs()` returns, so call them between training
steps (after the optimiser update, before the next forward), never between a forward and its
backward. The training worker does exactly that.

Large tensors (more than `MAX_HISTOGRAM_VALUES` values) are histogrammed from a fixed random
subsample, chosen once per tensor size and seeded by that size: the same positions on every
call and every run, so a histogram changes only because the values did.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from math import prod
from typing import Literal

import numpy as np

from nnstudio.core.catalog import node_type
from nnstudio.core.network import Network
from nnstudio.core.parameter import Parameter

#: tensors with more values than this are histogrammed from a subsample of this size
MAX_HISTOGRAM_VALUES = 100_000
#: about how many values one chunk of a grid evaluation may produce per node: small enough to
#: stay in cache (evaluating 100×100 points in chunks of ~1000 is several times faster than in one)
CHUNK_ELEMENTS = 1 << 14
#: but at least this many points per chunk, so wide layers do not make chunks tiny
MIN_CHUNK_POINTS = 256
#: an output within this distance of its bound counts as saturated (sigmoid 0/1, tanh ±1)
SATURATION_MARGIN = 0.01
#: activations whose outputs lie in [0, 1] and [−1, 1]
UNIT_RANGE = frozenset({"sigmoid", "softmax", "step"})
SYMMETRIC_UNIT_RANGE = frozenset({"tanh"})
#: the quantile of |value| that sets the histogram range of unbounded activations
ROBUST_QUANTILE = 0.99
#: histogram ranges end within ± this (so that their width stays finite in float64)
_LARGEST = float(np.finfo(np.float64).max) / 4
#: a histogram range narrower than this share of its magnitude is widened (see `_bin_range`)
_NARROWEST = 1e-4

Features = Callable[[np.ndarray], np.ndarray]
Task = Literal["classification", "regression"]


# -- results -------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Histogram:
    """counts (bins,) int64 over the bins delimited by edges (bins + 1,)."""

    counts: np.ndarray
    edges: np.ndarray


@dataclass(frozen=True, eq=False)
class ParamStats:
    """Statistics of one parameter tensor (and of its gradient, once a backward pass set it).

    `sampled` says the histograms were built from a subsample; the scalars are always exact.
    """

    name: str
    node: str
    param: str
    shape: tuple[int, ...]
    mean: float
    std: float
    min: float
    max: float
    norm: float
    histogram: Histogram
    sampled: bool
    grad_norm: float | None
    grad_mean_abs: float | None
    grad_histogram: Histogram | None


@dataclass(frozen=True)
class GradientFlow:
    """One layer's weight tensor: its L2 norm, its gradient's L2 norm and their ratio.

    grad_norm is nan before the first backward pass; ratio = grad_norm / weight_norm, nan when
    the weights are all zero.
    """

    node: str
    param: str
    weight_norm: float
    grad_norm: float
    ratio: float


@dataclass(frozen=True, eq=False)
class ActivationStats:
    """One node's output on the probe batch.

    zero_fraction: share of values exactly 0; dead_fraction: share of units (axis 1: features or
    channels) that are 0 for every probe sample; saturated_fraction: share of values within
    `SATURATION_MARGIN` of the bounds of a sigmoid/tanh node, None for other activations.
    The histogram's range suits the activation; values outside it are counted in the end bins.
    """

    node: str
    type: str
    activation: str | None
    shape: tuple[int, ...]
    mean: float
    std: float
    zero_fraction: float
    dead_fraction: float
    saturated_fraction: float | None
    histogram: Histogram
    sampled: bool


@dataclass(frozen=True, eq=False)
class DecisionGrid:
    """The model over a grid of the input plane; cell [i, j] is the point (xs[j], ys[i]).

    xs, ys: (res,). Classification: probabilities (res, res, classes) with classes ≥ 2 (a single
    output column p becomes [1 − p, p]), predicted (res, res) int64, confidence (res, res) = the
    largest probability; values is None. Regression: values (res, res) for one output, (res, res,
    outputs) for several; the classification fields are None.
    """

    xs: np.ndarray
    ys: np.ndarray
    task: Task
    probabilities: np.ndarray | None
    predicted: np.ndarray | None
    confidence: np.ndarray | None
    values: np.ndarray | None


@dataclass(frozen=True, eq=False)
class Curve1D:
    """The model along a line: xs (points,), ys (points,) for one output, else (points, outputs)."""

    xs: np.ndarray
    ys: np.ndarray


# -- helpers -------------------------------------------------------------------------------------
def _frozen(arr: np.ndarray) -> np.ndarray:
    arr.setflags(write=False)
    return arr


def _node_parameters(network: Network) -> Iterator[tuple[str, str, Parameter]]:
    """(node id, short name, parameter) for every parameter, in topological order."""
    for nid, layer in network.layers.items():
        for p in layer.parameters:
            yield nid, p.name[len(nid) + 1:], p


def node_activation(network: Network, node_id: str) -> str | None:
    """The activation a node applies: an activation node's own, else its `activation` param."""
    own = node_type(network.analysis.types[node_id]).activation
    return own if own is not None else network.layers[node_id].config.get("activation")


@lru_cache(maxsize=128)
def _subsample_indices(size: int) -> np.ndarray:
    """`MAX_HISTOGRAM_VALUES` sorted flat indices into a tensor of `size` values, fixed per size."""
    rng = np.random.default_rng(size)
    idx = np.sort(rng.choice(size, MAX_HISTOGRAM_VALUES, replace=False))
    return _frozen(idx)


def _sample(arr: np.ndarray) -> tuple[np.ndarray, bool]:
    """The values to histogram, flat, and whether they are a subsample."""
    flat = arr.reshape(-1)
    if flat.size <= MAX_HISTOGRAM_VALUES:
        return flat, False
    return flat[_subsample_indices(flat.size)], True


def _bin_range(lo: float, hi: float) -> tuple[float, float]:
    """[lo, hi] widened or narrowed, in float64, to a range `bins` finite bins can split: a
    range too narrow for its magnitude (all weights 0, or all 1e30) grows to at least ±0.5 or
    ±0.1 % around its middle, as NumPy's ±0.5 for a single value; ends beyond ±`_LARGEST` (whose
    difference would overflow) are pulled in to it."""
    lo, hi = max(float(lo), -_LARGEST), min(float(hi), _LARGEST)
    scale = max(abs(lo), abs(hi))
    if hi - lo <= _NARROWEST * scale or hi <= lo:
        middle = 0.5 * lo + 0.5 * hi
        pad = max(0.5, _NARROWEST * 10 * scale)
        lo, hi = max(middle - pad, -_LARGEST), min(middle + pad, _LARGEST)
    return lo, hi


def _histogram(values: np.ndarray, bins: int, lo: float, hi: float) -> Histogram:
    """values (n,) counted in `bins` bins over [lo, hi] (see `_bin_range`); values outside it
    go to the end bins, NaN is left out. The edges keep the values' dtype where they fit."""
    lo, hi = _bin_range(lo, hi)
    wide = values.astype(np.float64)
    wide = np.clip(wide[~np.isnan(wide)], lo, hi)
    counts, edges = np.histogram(wide, bins, range=(lo, hi))
    if np.issubdtype(values.dtype, np.floating) and hi <= np.finfo(values.dtype).max \
            and lo >= -np.finfo(values.dtype).max:
        edges = edges.astype(values.dtype)
    return Histogram(_frozen(counts), _frozen(edges))


def _spread_histogram(values: np.ndarray, bins: int) -> Histogram:
    """values (n,) over [min, max] of their finite entries (±inf in the end bins)."""
    finite = values[np.isfinite(values)]
    return _histogram(values, bins, finite.min(initial=0), finite.max(initial=0))


def _l2(arr: np.ndarray) -> float:
    """The L2 norm; rescaled when the squares overflow (1e30 weights in float32)."""
    flat = arr.reshape(-1)
    with np.errstate(over="ignore"):
        norm = float(np.linalg.norm(flat))
    scale = float(np.abs(flat).max(initial=0))
    if math.isfinite(norm) or not 0 < scale < math.inf:
        return norm
    return scale * float(np.linalg.norm(flat / scale))


def _mean_std(arr: np.ndarray) -> tuple[float, float]:
    """Mean and standard deviation, accumulated in float64 and rescaled when that overflows
    (finite values near float64's largest)."""
    with np.errstate(over="ignore", invalid="ignore"):
        mean, std = float(arr.mean(dtype=np.float64)), float(arr.std(dtype=np.float64))
    scale = float(np.abs(arr).max(initial=0))
    if (math.isfinite(mean) and math.isfinite(std)) or not 0 < scale < math.inf:
        return mean, std
    scaled = arr / scale
    return scale * float(scaled.mean(dtype=np.float64)), scale * float(scaled.std(
        dtype=np.float64))


# -- parameters ----------------------------------------------------------------------------------
def _param_stats(nid: str, short: str, p: Parameter, bins: int) -> ParamStats:
    value, grad = p.value, p.grad
    sample, sampled = _sample(value)
    grad_sample = None if grad is None else _sample(grad)[0]
    mean, std = _mean_std(value)
    return ParamStats(
        name=p.name, node=nid, param=short, shape=tuple(value.shape), mean=mean, std=std,
        min=float(value.min()), max=float(value.max()), norm=_l2(value),
        histogram=_spread_histogram(sample, bins), sampled=sampled,
        grad_norm=None if grad is None else _l2(grad),
        grad_mean_abs=None if grad is None else float(np.abs(grad).mean(dtype=np.float64)),
        grad_histogram=None if grad_sample is None else _spread_histogram(grad_sample, bins),
    )


def parameter_stats(network: Network, bins: int = 30) -> list[ParamStats]:
    """Statistics and `bins`-bin histograms of every parameter and its gradient.

    Histograms span each tensor's [min, max]; tensors with more than `MAX_HISTOGRAM_VALUES`
    values are histogrammed from a fixed deterministic subsample of that many (see the module
    docstring), so a 2M-parameter network takes milliseconds.
    """
    return [_param_stats(nid, short, p, bins) for nid, short, p in _node_parameters(network)]


def gradient_flow(network: Network) -> list[GradientFlow]:
    """Per layer with a weight tensor `W` (Dense, Conv2D), in topological order (input first)."""
    flows = []
    for nid, short, p in _node_parameters(network):
        if short != "W":
            continue
        w_norm = _l2(p.value)
        g_norm = float("nan") if p.grad is None else _l2(p.grad)
        ratio = g_norm / w_norm if w_norm > 0 else float("nan")
        flows.append(GradientFlow(nid, short, w_norm, g_norm, ratio))
    return flows


# -- activations ---------------------------------------------------------------------------------
def _activation_range(activation: str | None, sample: np.ndarray) -> tuple[float, float]:
    """[0, 1] for sigmoid-like, [−1, 1] for tanh, else ± the robust max of |sample|."""
    if activation in UNIT_RANGE:
        return 0.0, 1.0
    if activation in SYMMETRIC_UNIT_RANGE:
        return -1.0, 1.0
    magnitude = np.abs(sample[np.isfinite(sample)])
    m = float(np.quantile(magnitude, ROBUST_QUANTILE)) if magnitude.size else 0.0
    if m == 0.0:
        m = float(magnitude.max(initial=0.0)) or 1.0
    return -m, m


def _saturated_fraction(activation: str | None, v: np.ndarray) -> float | None:
    if activation == "sigmoid":
        hits = np.count_nonzero(np.abs(v - 0.5) >= 0.5 - SATURATION_MARGIN)
    elif activation == "tanh":
        hits = np.count_nonzero(np.abs(v) >= 1 - SATURATION_MARGIN)
    else:
        return None
    return hits / v.size


def _dead_fraction(v: np.ndarray) -> float:
    """v (batch, units, ...): share of units that are exactly 0 everywhere."""
    others = tuple(i for i in range(v.ndim) if i != 1)
    alive = np.any(v != 0, axis=others)
    return 1.0 - np.count_nonzero(alive) / alive.size


def _activation_stats(network: Network, nid: str, v: np.ndarray, bins: int) -> ActivationStats:
    activation = node_activation(network, nid)
    sample, sampled = _sample(v)
    lo, hi = _activation_range(activation, sample)
    mean, std = _mean_std(v)
    return ActivationStats(
        node=nid, type=network.analysis.types[nid], activation=activation,
        shape=tuple(v.shape[1:]), mean=mean, std=std,
        zero_fraction=1.0 - np.count_nonzero(v) / v.size,
        dead_fraction=_dead_fraction(v),
        saturated_fraction=_saturated_fraction(activation, v),
        histogram=_histogram(sample, bins, lo, hi), sampled=sampled,
    )


def activation_stats(
    network: Network, x_probe: np.ndarray, bins: int = 40,
) -> list[ActivationStats]:
    """Run the probe batch x_probe (batch, *input_shape) through the network (not training) and
    describe every node's output except the Input's, in topological order.

    Histogram ranges: sigmoid/softmax/step [0, 1], tanh [−1, 1], otherwise ± the 99th percentile
    of |value|. Outputs larger than `MAX_HISTOGRAM_VALUES` are histogrammed from a subsample.
    """
    network.forward(x_probe, training=False)
    outputs = network.node_outputs()
    return [_activation_stats(network, nid, outputs[nid], bins)
            for nid in network.order if nid != network.input_id]


# -- the model over the input plane --------------------------------------------------------------
def _chunk_size(network: Network) -> int:
    """Points per forward pass: no node's output exceeds max(`CHUNK_ELEMENTS`,
    `MIN_CHUNK_POINTS` × its per-sample size) values."""
    widest = max(prod(shape) for shape in network.analysis.shapes.values() if shape is not None)
    return max(MIN_CHUNK_POINTS, CHUNK_ELEMENTS // widest)


def _evaluate(
    network: Network, points: np.ndarray, features: Features | None, capture: tuple[str, ...] = (),
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """points (M, d) → the output (M, *output_shape) and the captured nodes' values (M, *shape),
    computed chunk by chunk; all fresh arrays of the network's dtype."""
    if features is None and network.input_shape != points.shape[1:]:
        raise ValueError(
            f"the network takes inputs of shape {network.input_shape}, not points of "
            f"{points.shape[1]} coordinates; pass `features` to map points to its inputs")
    m, dtype = len(points), network.dtype
    out = np.empty((m, *network.output_shape), dtype)
    shapes = network.analysis.shapes
    caught = {nid: np.empty((m, *shapes[nid]), dtype) for nid in capture}  # type: ignore[misc]
    step = _chunk_size(network)
    for start in range(0, m, step):
        chunk = points[start:start + step]
        x = chunk if features is None else np.asarray(features(chunk), dtype=dtype)
        out[start:start + len(chunk)] = network.forward(x, training=False)
        if caught:
            values = network.node_outputs()
            for nid, arr in caught.items():
                arr[start:start + len(chunk)] = values[nid]
    return out, caught


def _grid_points(
    network: Network, x_range: tuple[float, float], y_range: tuple[float, float], resolution: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """xs (res,), ys (res,) and the points (res·res, 2), row by row (y outer, x inner)."""
    xs = np.linspace(*x_range, resolution, dtype=network.dtype)
    ys = np.linspace(*y_range, resolution, dtype=network.dtype)
    gx, gy = np.meshgrid(xs, ys)
    return xs, ys, np.stack([gx.ravel(), gy.ravel()], axis=1)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1 + np.tanh(0.5 * z))


def _softmax(z: np.ndarray) -> np.ndarray:
    """z (k, M) → softmax over the k rows."""
    e = np.exp(z - z.max(axis=0))
    e /= e.sum(axis=0)
    return e


def _probabilities(network: Network, out: np.ndarray) -> np.ndarray:
    """out (M, k) → class-major probabilities (classes, M), classes = max(k, 2).

    The output is used as is when the network ends in softmax/sigmoid; otherwise it is read as
    logits (softmax, or a sigmoid for a single column). One column p becomes [1 − p, p].
    Class-major because NumPy reduces over a short leading axis far faster than a short last one.
    """
    z = np.ascontiguousarray(out.T)
    if network.final_activation in ("softmax", "sigmoid"):
        p = z
    else:
        p = _sigmoid(z) if len(z) == 1 else _softmax(z)
    return np.concatenate([1 - p, p]) if len(p) == 1 else p


def output_probabilities(network: Network, out: np.ndarray) -> np.ndarray:
    """The network's output out (M, k) as class probabilities (M, max(k, 2)), read as
    `_probabilities` does; a fresh array."""
    return np.ascontiguousarray(_probabilities(network, out).T)


def _best_class(p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """p (classes, M) → (the first most probable class (M,) int64, its probability (M,))."""
    best, predicted = p[0].copy(), np.zeros(p.shape[1], np.int64)
    for k in range(1, len(p)):
        predicted[p[k] > best] = k
        np.maximum(best, p[k], out=best)
    return predicted, best


def infer_task(network: Network) -> Task:
    """Classification when the output ends in softmax/sigmoid or has several columns."""
    if network.final_activation in ("softmax", "sigmoid") or prod(network.output_shape) > 1:
        return "classification"
    return "regression"


def decision_grid(
    network: Network,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    resolution: int = 100,
    features: Features | None = None,
    *,
    task: Task | None = None,
) -> DecisionGrid:
    """Evaluate the model on a resolution × resolution grid over x_range × y_range.

    `features` maps raw points (M, 2) to the network's inputs (M, *input_shape), e.g.
    standardisation or x², sin x; without it the network must take (2,) inputs. `task` defaults
    to `infer_task`: a single linear output counts as regression, so pass "classification" for a
    one-logit binary classifier. Evaluated in chunks, so memory stays bounded.
    """
    if len(network.output_shape) != 1:
        raise ValueError(f"a decision grid needs a vector output, not {network.output_shape}")
    xs, ys, points = _grid_points(network, x_range, y_range, resolution)
    out, _ = _evaluate(network, points, features)
    task = task or infer_task(network)
    res = (resolution, resolution)
    if task == "regression":
        values = _frozen(out).reshape(*res, -1)
        values = values[..., 0] if values.shape[2] == 1 else values
        return DecisionGrid(_frozen(xs), _frozen(ys), task, None, None, None, values)
    p = _probabilities(network, out)
    predicted, confidence = _best_class(p)
    return DecisionGrid(
        _frozen(xs), _frozen(ys), task,
        probabilities=_frozen(np.ascontiguousarray(p.T).reshape(*res, len(p))),
        predicted=_frozen(predicted).reshape(res),
        confidence=_frozen(confidence).reshape(res),
        values=None,
    )


def _thumbnail_nodes(network: Network) -> tuple[str, ...]:
    """The Input, Dense and activation nodes whose per-sample output is a vector."""
    def wanted(nid: str) -> bool:
        tname = network.analysis.types[nid]
        shape = network.analysis.shapes[nid]
        kind = tname in ("Input", "Dense") or node_type(tname).activation is not None
        return kind and shape is not None and len(shape) == 1
    return tuple(nid for nid in network.order if wanted(nid))


def neuron_grids(
    network: Network,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    resolution: int = 24,
    features: Features | None = None,
) -> dict[str, np.ndarray]:
    """Every unit's output over the grid, as TensorFlow Playground draws inside each neuron.

    Returns {node id: (units, res, res)} for the Input (the features the network receives) and
    every Dense and activation node with vector outputs; [u, i, j] is unit u at (xs[j], ys[i])
    with xs, ys as in `decision_grid`.
    """
    nodes = _thumbnail_nodes(network)
    _, _, points = _grid_points(network, x_range, y_range, resolution)
    _, caught = _evaluate(network, points, features, nodes)
    return {nid: _frozen(np.ascontiguousarray(v.T).reshape(-1, resolution, resolution))
            for nid, v in caught.items()}


def curve_1d(
    network: Network,
    x_range: tuple[float, float],
    points: int = 200,
    features: Features | None = None,
) -> Curve1D:
    """The fitted curve of a 1-D regression at `points` evenly spaced x in x_range.

    `features` maps x (M, 1) to the network's inputs; without it the network must take (1,).
    """
    xs = np.linspace(*x_range, points, dtype=network.dtype)
    out = _frozen(_evaluate(network, xs[:, None], features)[0]).reshape(points, -1)
    return Curve1D(_frozen(xs), out[:, 0] if out.shape[1] == 1 else out)
