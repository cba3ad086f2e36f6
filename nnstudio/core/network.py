"""The layer graph, built: forward and backward through a DAG of layers.

Fan-out gradients accumulate; merge nodes (Add, Concatenate) receive their inputs in edge order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nnstudio.core.catalog import RELU_FAMILY, node_type
from nnstudio.core.errors import GraphError
from nnstudio.core.graph import GraphAnalysis, analyze
from nnstudio.core.layers.base import Layer, Shape
from nnstudio.core.parameter import Parameter


@dataclass(frozen=True)
class NodeSummary:
    """One row of `Network.summary()`."""

    id: str
    type: str
    output_shape: Shape
    parameters: int
    inputs: tuple[str, ...]


class Network:
    """A built network.

    nodes: [{"id", "type", "params"}]; edges: [[source, target], ...]. `seed` makes the
    initial weights (and dropout masks) reproducible. `analysis`: `analyze(nodes, edges)`
    when the caller has just made it (to check the network's size first), used instead of
    analysing again; its layers become this network's. Raises GraphError listing every
    problem.
    """

    def __init__(
        self,
        nodes: Sequence[dict[str, Any]],
        edges: Sequence[Sequence[str]],
        *,
        dtype: Any = np.float32,
        seed: int | None = 0,
        analysis: GraphAnalysis | None = None,
    ):
        if analysis is None:
            analysis = analyze(nodes, edges)
        if not analysis.ok:
            raise GraphError(analysis.problems)
        self.analysis: GraphAnalysis = analysis
        #: things worth telling the user about this network (e.g. that it nearly fills the
        #: memory), for a window to show
        self.warnings: list[str] = []
        self.dtype = np.dtype(dtype)
        if self.dtype not in (np.float32, np.float64):
            raise ValueError(f"dtype must be float32 or float64, got {self.dtype}")
        self.order: list[str] = analysis.order
        self.layers: dict[str, Layer] = {nid: analysis.layers[nid] for nid in self.order}
        self.input_id: str = analysis.input_id  # type: ignore[assignment]
        self.output_id: str = analysis.output_id  # type: ignore[assignment]
        self.input_shape: Shape = analysis.shapes[self.input_id]  # type: ignore[assignment]
        self.output_shape: Shape = analysis.shapes[self.output_id]  # type: ignore[assignment]
        self._build(seed)

    def reset_parameters(self, seed: int | None) -> None:
        """Re-initialise every parameter and buffer as a freshly built network with `seed`.

        Parameter objects are replaced: anything holding the old ones (an optimiser) must be
        rebuilt.
        """
        self._build(seed)

    def _build(self, seed: int | None) -> None:
        rng = np.random.default_rng(seed)
        a = self.analysis
        index = {nid: i for i, nid in enumerate(self.order)}
        successors: dict[str, list[str]] = {nid: [] for nid in self.order}
        for nid in self.order:
            for src in a.inputs[nid]:
                successors[src].append(nid)
        for nid in self.order:
            layer = self.layers[nid]
            layer.init_hint = self._activation_after(successors[nid])
            layer.parameters, layer.buffers = [], {}
            layer.build([self._shape(s) for s in a.inputs[nid]], self.dtype, rng)
        # The plan: (index, layer, input indices, is merge) for every node after the Input,
        # in topological order.
        self._plan = [
            (index[nid], self.layers[nid], [index[s] for s in a.inputs[nid]],
             self.layers[nid].arity != 1)
            for nid in self.order if nid != self.input_id
        ]
        self._values: list[np.ndarray | None] = [None] * len(self.order)
        # single-input layers fed straight by the Input: they may skip dL/dx
        self._first_layers = [layer for _, layer, srcs, merge in self._plan
                              if not merge and srcs == [index[self.input_id]]]
        self._in = index[self.input_id]
        self._out = index[self.output_id]

    def _shape(self, node_id: str) -> Shape:
        """The per-sample output shape of a node (every node of a built network has one)."""
        shape = self.analysis.shapes[node_id]
        if shape is None:
            raise GraphError([(node_id, "its output shape is unknown")])
        return shape

    def _activation_after(self, successors: list[str]) -> str | None:
        """The activation a linear layer feeds, when its only successor is an activation node."""
        if len(successors) != 1:
            return None
        spec = node_type(self.analysis.types[successors[0]])
        act = spec.activation
        return act if act in RELU_FAMILY or act in ("sigmoid", "tanh") else None

    # -- computation ---------------------------------------------------------------------------
    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """x: (batch, *input_shape) → the output node's value (batch, *output_shape)."""
        x = np.asarray(x, dtype=self.dtype)
        if x.shape[1:] != self.input_shape:
            raise ValueError(f"the network takes inputs of shape (batch, "
                             f"{', '.join(map(str, self.input_shape))}), got {x.shape}")
        values = self._values
        values[self._in] = x
        for i, layer, srcs, merge in self._plan:
            if merge:
                values[i] = layer.forward([values[s] for s in srcs], training)
            else:
                values[i] = layer.forward(values[srcs[0]], training)
        return values[self._out]  # type: ignore[return-value]

    def backward(self, grad: np.ndarray, from_logits: bool = False,
                 input_grad: bool = True) -> np.ndarray | None:
        """grad: dL/d(output), (batch, *output_shape) → dL/dx; parameter grads accumulate.

        With `from_logits`, `grad` is w.r.t. the output node's value before its final
        activation (softmax/sigmoid fused with the loss). With `input_grad=False` (training
        needs only the parameters' gradients) dL/dx is not computed and None is returned.
        """
        for layer in self._first_layers:
            layer.needs_input_grad = input_grad
        grads: list[np.ndarray | None] = [None] * len(self.order)
        grads[self._out] = grad
        for i, layer, srcs, merge in reversed(self._plan):
            g = grads[i]
            if g is None:
                continue
            if i == self._out and from_logits:
                gx = layer.backward_from_logits(g)
            else:
                gx = layer.backward(g)
            for s, gs in zip(srcs, gx if merge else (gx,), strict=True):
                if gs is not None:
                    grads[s] = gs if grads[s] is None else grads[s] + gs
        return grads[self._in]

    @property
    def output_layer(self) -> Layer:
        return self.layers[self.output_id]

    @property
    def final_activation(self) -> str | None:
        """"softmax"/"sigmoid" when the output node ends in one (the loss may fuse with it)."""
        return self.output_layer.final_activation

    def logits(self) -> np.ndarray:
        """The last forward's output before the final softmax/sigmoid."""
        return self.output_layer.logits

    def node_outputs(self) -> dict[str, np.ndarray]:
        """Every node's value from the last forward pass, by node id (batch first)."""
        return {nid: v for nid, v in zip(self.order, self._values, strict=True) if v is not None}

    # -- parameters and state ------------------------------------------------------------------
    def parameters(self) -> list[Parameter]:
        return [p for layer in self.layers.values() for p in layer.parameters]

    def named_buffers(self) -> Iterator[tuple[str, np.ndarray]]:
        for nid, layer in self.layers.items():
            for name, buf in layer.buffers.items():
                yield f"{nid}.{name}", buf

    def zero_grad(self) -> None:
        for p in self.parameters():
            p.grad = None

    def state_dict(self) -> dict[str, np.ndarray]:
        """Copies of every parameter and buffer, keyed "<node id>.<name>"."""
        state = {p.name: p.value.copy() for p in self.parameters()}
        state.update((name, buf.copy()) for name, buf in self.named_buffers())
        return state

    def load_state_dict(self, state: dict[str, np.ndarray]) -> None:
        """Copy arrays into the network in place; ValueError lists every missing/extra/misfit."""
        targets = {p.name: p.value for p in self.parameters()}
        targets.update(self.named_buffers())
        problems = [f"missing {name}" for name in targets if name not in state]
        problems += [f"unexpected {name}" for name in state if name not in targets]
        problems += [
            f"{name} has shape {tuple(np.shape(state[name]))}, the network needs {arr.shape}"
            for name, arr in targets.items()
            if name in state and np.shape(state[name]) != arr.shape
        ]
        if problems:
            raise ValueError("the weights do not fit this network: " + "; ".join(problems))
        for name, arr in targets.items():
            np.copyto(arr, state[name], casting="unsafe")

    def summary(self) -> list[NodeSummary]:
        a = self.analysis
        return [
            NodeSummary(nid, a.types[nid], a.shapes[nid], a.param_counts.get(nid, 0),  # type: ignore[arg-type]
                        tuple(a.inputs[nid]))
            for nid in self.order
        ]

    @property
    def num_parameters(self) -> int:
        return self.analysis.total_parameters
