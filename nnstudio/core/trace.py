"""One training step, looked inside: the loss, every node's value and ∂L/∂value, every
parameter's analytic and numerical gradient, and what the optimiser would make of it.

Everything is computed on a float64 copy of the network, in training mode with dropout off
(BatchNorm uses the batch's statistics), before the update; the network, its optimiser and
their state are never touched. The loss includes the L1/L2 penalties, so the gradients are the
ones the optimiser would receive.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nnstudio.core import losses, regularizers
from nnstudio.core.gradcheck import numerical_gradient
from nnstudio.core.layers.regularization import Dropout
from nnstudio.core.network import Network
from nnstudio.core.training import Trainer
from nnstudio.core.update_rules import UpdateTrace, update_trace

#: the default step of the central differences; float64 rounding and truncation balance
#: near 1e-6 for losses of order 1
DEFAULT_EPSILON = 1e-6
#: gradient magnitudes below this count as this in `relative_error`, so rounding noise on a
#: zero gradient is not reported as a 100 % error
RELATIVE_FLOOR = 1e-8
#: at most this many indices may be traced at once
MAX_SAMPLES = 64


def relative_error(analytic: np.ndarray, numeric: np.ndarray) -> np.ndarray:
    """|a − n| / max(|a|, |n|, RELATIVE_FLOOR), element-wise (arrays of one shape)."""
    a = np.asarray(analytic, dtype=np.float64)
    n = np.asarray(numeric, dtype=np.float64)
    scale = np.maximum(np.maximum(np.abs(a), np.abs(n)), RELATIVE_FLOOR)
    return np.abs(a - n) / scale


@dataclass(frozen=True)
class NodeTrace:
    """One node: its output (batch, *shape) and ∂L/∂output (same shape), in float64.

    For an output node whose softmax/sigmoid the loss fuses, `grad_output` is still
    ∂L/∂(the probabilities), as autograd would give it; `grad_logits` is then ∂L/∂(the
    values before that activation), which is what flows back into the node.
    """

    id: str
    type: str
    inputs: tuple[str, ...]
    output: np.ndarray
    grad_output: np.ndarray
    grad_logits: np.ndarray | None = None
    #: the node's parameters as built (e.g. {"units": 8, "activation": "tanh"})
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ParamTrace:
    """One parameter "<node>.<name>": value, analytic gradient and (when asked for) the
    central-difference gradient with step `epsilon`, all of the value's shape."""

    name: str
    node: str
    value: np.ndarray
    grad: np.ndarray
    numeric_grad: np.ndarray | None
    frozen: bool = False

    @property
    def relative_error(self) -> np.ndarray | None:
        """Element-wise `relative_error(grad, numeric_grad)`, None without the numeric one."""
        if self.numeric_grad is None:
            return None
        return relative_error(self.grad, self.numeric_grad)


@dataclass(frozen=True)
class Trace:
    """The whole step: `loss` = `data_loss` + `penalty`; nodes in forward order."""

    loss: float
    data_loss: float
    penalty: float
    loss_name: str
    order: tuple[str, ...]
    nodes: dict[str, NodeTrace]
    params: dict[str, ParamTrace]
    updates: dict[str, UpdateTrace] = field(default_factory=dict)
    epsilon: float = DEFAULT_EPSILON
    indices: tuple[int, ...] = ()
    #: (source, target) → the part of ∂L/∂source that flows back along that edge; a node
    #: feeding several others sums these parts (its `grad_output`)
    edge_grads: dict[tuple[str, str], np.ndarray] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The issue's layout: {"loss", "nodes": {id: {"output", "grad_output"}},
        "params": {name: {"value", "grad", "numeric_grad"}}}; a non-finite number is null,
        a numeric gradient not computed is null."""
        return {
            "loss": _number(self.loss),
            "nodes": {nid: {"output": _listed(n.output), "grad_output": _listed(n.grad_output)}
                      for nid, n in self.nodes.items()},
            "params": {name: {"value": _listed(p.value), "grad": _listed(p.grad),
                              "numeric_grad": None if p.numeric_grad is None
                              else _listed(p.numeric_grad)}
                       for name, p in self.params.items()},
        }


def _number(x: float) -> float | None:
    return float(x) if math.isfinite(x) else None


def _listed(a: np.ndarray) -> Any:
    """Nested lists of floats, None where a value is not finite."""
    a = np.asarray(a, dtype=np.float64)
    return a.tolist() if np.isfinite(a).all() else _nan_to_none(a.tolist())


def _nan_to_none(value: Any) -> Any:
    if isinstance(value, list):
        return [_nan_to_none(v) for v in value]
    return value if math.isfinite(value) else None


def float64_copy(network: Network) -> Network:
    """A new float64 network of the same graph holding `network`'s parameters and buffers."""
    a = network.analysis
    nodes = [{"id": nid, "type": a.types[nid], "params": dict(a.layers[nid].config)}
             for nid in network.order]
    edges = [[src, nid] for nid in network.order for src in a.inputs[nid]]
    copy = Network(nodes, edges, dtype=np.float64, seed=0)
    copy.load_state_dict(network.state_dict())
    return copy


class _NoDropout:
    """Within the block every Dropout of `network` passes its input through unchanged."""

    def __init__(self, network: Network):
        self._layers = [layer for layer in network.layers.values() if isinstance(layer, Dropout)]
        self._rates = [layer.rate for layer in self._layers]

    def __enter__(self) -> None:
        for layer in self._layers:
            layer.rate = 0.0

    def __exit__(self, *exc: object) -> None:
        for layer, rate in zip(self._layers, self._rates, strict=True):
            layer.rate = rate


def trace_step(
    network: Network,
    x: np.ndarray,
    target: np.ndarray,
    loss_name: str,
    *,
    epsilon: float = DEFAULT_EPSILON,
    numeric: bool = True,
    frozen: Sequence[str] = (),
    optimizer_spec: dict[str, Any] | None = None,
    optimizer_state: dict[str, np.ndarray] | None = None,
    indices: Sequence[int] = (),
) -> Trace:
    """The trace of one step of `network` on the batch x (n, *input_shape) with loss targets
    `target` (as `losses.compute_loss` takes them), on a float64 copy.

    `frozen`: node ids whose parameters the optimiser skips. `optimizer_spec` (a design's
    training.optimizer) with the optimiser's `state_arrays()` (None: its first step) adds each
    parameter's update to `updates`. `numeric=False` skips the central differences (two
    forward passes per parameter element). ValueError on a bad epsilon or an empty batch.
    """
    if not (math.isfinite(epsilon) and 0 < epsilon <= 1):
        raise ValueError(f"epsilon must be a number in (0, 1], got {epsilon!r}")
    if len(x) == 0 or len(x) > MAX_SAMPLES:
        raise ValueError(f"a trace takes 1 to {MAX_SAMPLES} samples, got {len(x)}")
    net = float64_copy(network)
    x = np.asarray(x, dtype=np.float64)
    fused = losses.fusable(loss_name, net.final_activation)
    layers = list(net.layers.values())

    def total_loss() -> tuple[float, float, np.ndarray]:
        out = net.forward(x, training=True)
        scores = net.logits() if fused else out
        data_loss, grad = losses.compute_loss(loss_name, scores, target, fused=fused)
        return float(data_loss), regularizers.penalty(layers), grad

    with _NoDropout(net):
        data_loss, penalty, grad = total_loss()
        outputs = {nid: np.array(v) for nid, v in net.node_outputs().items()}
        edge_grads: dict[tuple[str, str], np.ndarray] = {}
        node_grads, logits_grad = _backward(net, grad, fused, len(x), edge_grads)
        regularizers.add_penalty_gradients(layers)
        params = [(p, np.array(p.value), _grad_of(p)) for p in net.parameters()]
        numeric_grads = {p.name: numerical_gradient(lambda _: sum(total_loss()[:2]),
                                                    p.value, epsilon)
                         for p, _, _ in params} if numeric else {}

    a = net.analysis
    frozen_set = set(frozen)
    nodes = {nid: NodeTrace(nid, a.types[nid], tuple(a.inputs[nid]), outputs[nid],
                            node_grads[nid], logits_grad if nid == net.output_id else None,
                            dict(a.layers[nid].config))
             for nid in net.order}
    traced = {p.name: ParamTrace(p.name, _node_of(p.name), value, g, numeric_grads.get(p.name),
                                 _node_of(p.name) in frozen_set)
              for p, value, g in params}
    updates = {}
    if optimizer_spec is not None:
        updates = {name: update_trace(optimizer_spec, optimizer_state or {}, name, t.value,
                                      t.grad, frozen=t.frozen)
                   for name, t in traced.items()}
    return Trace(data_loss + penalty, data_loss, penalty, losses.canonical_loss(loss_name),
                 tuple(net.order), nodes, traced, updates, epsilon, tuple(indices), edge_grads)


def _node_of(param_name: str) -> str:
    return param_name.rpartition(".")[0]


def _grad_of(p: Any) -> np.ndarray:
    return np.zeros_like(p.value) if p.grad is None else np.array(p.grad)


def _backward(net: Network, grad: np.ndarray, fused: str | None, n: int,
              edge_grads: dict[tuple[str, str], np.ndarray]
              ) -> tuple[dict[str, np.ndarray], np.ndarray | None]:
    """Every node's ∂L/∂output (zeros where none reaches it) from the loss gradient `grad`
    (w.r.t. the logits when `fused`), and the logits' gradient (None unless fused); parameter
    gradients accumulate as in `Network.backward`; each edge's part goes into `edge_grads`."""
    a, out_id = net.analysis, net.output_id
    net.zero_grad()
    for layer in net.layers.values():
        layer.needs_input_grad = True
    grads: dict[str, np.ndarray | None] = {nid: None for nid in net.order}
    grads[out_id] = grad
    for nid in reversed(net.order):
        if nid == net.input_id:
            continue
        layer, g = net.layers[nid], grads[nid]
        if g is None:
            continue
        gx = layer.backward_from_logits(g) if nid == out_id and fused else layer.backward(g)
        merge = layer.arity != 1
        for src, gs in zip(a.inputs[nid], gx if merge else (gx,), strict=True):  # type: ignore[arg-type]
            if gs is not None:
                edge_grads[(src, nid)] = np.array(gs)
                grads[src] = np.array(gs) if grads[src] is None else grads[src] + gs
    values = net.node_outputs()
    found = {nid: np.zeros_like(values[nid], dtype=np.float64) if g is None else np.array(g)
             for nid, g in grads.items()}
    if fused is None:
        return found, None
    p = values[out_id]
    with np.errstate(divide="ignore", invalid="ignore"):
        if fused == "sigmoid":      # ∂L/∂p = ∂L/∂z / (p(1 − p))
            found[out_id] = grad / (p * (1.0 - p))
        else:                       # softmax with cross-entropy: ∂L/∂p = −t/(n·p)
            found[out_id] = grad / p - 1.0 / n
    return found, np.array(grad)


def trace_trainer(trainer: Trainer, indices: Sequence[int], split: str = "train", *,
                  epsilon: float = DEFAULT_EPSILON, numeric: bool = True) -> Trace:
    """The trace of the trainer's next step, were its batch the samples `indices` of `split`
    (in the split's stored order), with its loss, frozen nodes, optimiser and that
    optimiser's state; nothing of the trainer changes. ValueError naming a bad index."""
    x, _ = trainer.samples(split)
    targets = trainer.loss_targets(split)
    for i in indices:
        if not 0 <= i < len(x):
            raise ValueError(f"sample {i} does not exist: the {split} split has {len(x)} "
                             f"samples, numbered 0 to {len(x) - 1}")
    rows = list(indices)
    return trace_step(trainer.network, x[rows], targets[rows], trainer.loss, epsilon=epsilon,
                      numeric=numeric, frozen=sorted(trainer.frozen),
                      optimizer_spec=trainer.optimizer_spec,
                      optimizer_state=trainer.optimizer.state_arrays(), indices=rows)
