"""Static analysis of a layer graph: structure, order and shapes, before anything is allocated.

Every problem is collected (not only the first), so an editor can badge each offending node.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from nnstudio.core.catalog import (
    MAX_ACTIVATION_ELEMENTS,
    MAX_PARAMETERS,
    NODE_TYPES,
    check_params,
    create_layer,
)
from nnstudio.core.layers.base import Layer, Shape, ShapeError

#: a message lists at most this many node ids
MAX_NAMED = 10


@dataclass
class GraphAnalysis:
    """What can be known about a graph without allocating it.

    `shapes[id]` is the per-sample output shape, or None where it cannot be inferred;
    `problems` lists (node id or None, message) for every problem found.
    """

    order: list[str] = field(default_factory=list)
    types: dict[str, str] = field(default_factory=dict)
    inputs: dict[str, list[str]] = field(default_factory=dict)
    layers: dict[str, Layer] = field(default_factory=dict)
    shapes: dict[str, Shape | None] = field(default_factory=dict)
    param_counts: dict[str, int] = field(default_factory=dict)
    #: values per sample each node holds while training: its output, plus a convolution's
    #: unfolded input windows (im2col)
    work_elements: dict[str, int] = field(default_factory=dict)
    input_id: str | None = None
    output_id: str | None = None
    problems: list[tuple[str | None, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def node_problems(self, node_id: str) -> list[str]:
        return [msg for n, msg in self.problems if n == node_id]

    @property
    def total_parameters(self) -> int:
        return sum(self.param_counts.values())

    @property
    def elements_per_sample(self) -> int:
        """Values the whole network holds per sample in a forward pass (see work_elements)."""
        return sum(self.work_elements.values())


def _fmt(shape: Shape) -> str:
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def analyze(nodes: Sequence[dict[str, Any]], edges: Sequence[Sequence[str]]) -> GraphAnalysis:
    """Check structure, find the topological order and infer every node's output shape.

    nodes: [{"id": str, "type": str, "params": dict}, ...]; edges: [[source id, target id], ...]
    in the order a merge node receives its inputs.
    """
    a = GraphAnalysis()
    ids: list[str] = []
    for node in nodes:
        nid, tname = node["id"], node["type"]
        if nid in a.inputs:
            a.problems.append((nid, f"the id {nid!r} is used by more than one node"))
            continue
        ids.append(nid)
        a.inputs[nid] = []
        a.types[nid] = tname
        if tname not in NODE_TYPES:
            a.problems.append((nid, f"unknown node type {tname!r}"))
            continue
        bad = check_params(tname, dict(node.get("params") or {}))
        if bad:
            a.problems.extend((nid, f"{name}: {msg}") for name, msg in bad)
            continue
        try:
            a.layers[nid] = create_layer(nid, tname, dict(node.get("params") or {}))
        except (TypeError, ValueError) as exc:
            a.problems.append((nid, str(exc)))

    successors: dict[str, list[str]] = {nid: [] for nid in ids}
    seen_edges: set[tuple[str, str]] = set()
    for src, dst in edges:
        missing = [n for n in (src, dst) if n not in a.inputs]
        if missing:
            a.problems.append((None, f"the connection {src} → {dst} names a node that does not "
                                     f"exist: {', '.join(map(repr, missing))}"))
            continue
        if (src, dst) in seen_edges:
            a.problems.append((dst, f"{src} is connected to {dst} twice"))
            continue
        seen_edges.add((src, dst))
        a.inputs[dst].append(src)
        successors[src].append(dst)

    if not ids:
        a.problems.append((None, "the network is empty: drag an Input and some layers in"))
        return a
    _check_arity(a, nodes)
    _topological_order(a, ids, successors)
    if a.order:
        _find_input_output(a, ids, successors)
        _infer_shapes(a)
    return a


def _check_arity(a: GraphAnalysis, nodes: Sequence[dict[str, Any]]) -> None:
    for node in nodes:
        nid, spec = node["id"], NODE_TYPES.get(node["type"])
        if spec is None or nid not in a.inputs:
            continue
        n = len(a.inputs[nid])
        if spec.max_inputs == 0 and n:
            a.problems.append((nid, f"an {spec.name} node takes no incoming connections"))
        elif spec.max_inputs == 1 and n == 0:
            a.problems.append((nid, "has no input: connect a layer to it"))
        elif spec.max_inputs == 1 and n > 1:
            a.problems.append((nid, f"{spec.name} takes one input but {n} are connected "
                                    f"({', '.join(a.inputs[nid])}); merge them with Add or "
                                    f"Concatenate first"))
        elif spec.max_inputs is None and n < spec.min_inputs:
            a.problems.append((nid, f"{spec.name} needs at least {spec.min_inputs} inputs, "
                                    f"has {n}"))


def _topological_order(a: GraphAnalysis, ids: list[str], successors: dict[str, list[str]]) -> None:
    indegree = {nid: len(a.inputs[nid]) for nid in ids}
    ready = deque(nid for nid in ids if indegree[nid] == 0)
    order: list[str] = []
    while ready:
        nid = ready.popleft()
        order.append(nid)
        for nxt in successors[nid]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    if len(order) < len(ids):
        cycle = [nid for nid in ids if indegree[nid] > 0]
        named = cycle[:MAX_NAMED] + (["…"] if len(cycle) > MAX_NAMED else [])
        a.problems.append((cycle[0], "the connections make a cycle through "
                                     + " → ".join(named) + "; a network must flow one way"))
        return
    a.order = order


def _find_input_output(a: GraphAnalysis, ids: list[str], successors: dict[str, list[str]]) -> None:
    inputs = [nid for nid in a.order if a.types[nid] == "Input"]
    if not inputs:
        a.problems.append((None, "the network has no Input node"))
    elif len(inputs) > 1:
        a.problems.append((inputs[1], "only one Input node is supported; also found "
                                      + ", ".join(inputs[:1])))
    else:
        a.input_id = inputs[0]
        reachable = {a.input_id}
        for nid in a.order:
            if any(src in reachable for src in a.inputs[nid]):
                reachable.add(nid)
        for nid in a.order:
            # a node with no input at all already has its own problem
            if nid not in reachable and nid in a.layers and nid not in inputs and a.inputs[nid]:
                a.problems.append((nid, f"is not connected to the input {a.input_id}"))
    outputs = [nid for nid in a.order if not successors[nid] and nid not in inputs]
    if len(outputs) == 1:
        a.output_id = outputs[0]
    elif len(outputs) > 1:
        named = outputs[:MAX_NAMED] + (["…"] if len(outputs) > MAX_NAMED else [])
        a.problems.append((outputs[1], "the network has several outputs ("
                                       + ", ".join(named) + "): every branch must end in "
                                       "the one output node"))
    elif inputs:
        a.problems.append((None, "the network has no layer after its Input"))


def _work_elements(shape: Shape, parameter_shapes: dict[str, Shape]) -> int:
    """Values per sample a node holds: its output (C, H, W) or (F,), and for a convolution
    (weights (filters, C, kh, kw)) the unfolded windows, H·W rows of C·kh·kw."""
    elements = math.prod(shape)
    kernel = parameter_shapes.get("W", ())
    if len(kernel) == 4 and len(shape) == 3:
        elements += math.prod(shape[1:]) * math.prod(kernel[1:])
    return elements


def _infer_shapes(a: GraphAnalysis) -> None:
    total = 0
    for nid in a.order:
        layer = a.layers.get(nid)
        in_shapes = [s for s in (a.shapes.get(src) for src in a.inputs[nid]) if s is not None]
        spec = NODE_TYPES.get(a.types[nid])
        wrong_arity = spec is None or len(in_shapes) < spec.min_inputs or (
            spec.max_inputs is not None and len(in_shapes) > spec.max_inputs)
        if layer is None or wrong_arity or len(in_shapes) < len(a.inputs[nid]):
            a.shapes[nid] = None
            continue
        try:
            shape = tuple(int(d) for d in layer.output_shape(*in_shapes))
            parameter_shapes = layer.parameter_shapes(*in_shapes)
            counts = {k: math.prod(v) for k, v in parameter_shapes.items()}
        except ShapeError as exc:
            a.shapes[nid] = None
            a.problems.append((nid, str(exc)))
            continue
        except (TypeError, ValueError) as exc:
            a.shapes[nid] = None
            a.problems.append((nid, f"cannot infer the output shape: {exc}"))
            continue
        n_params = sum(counts.values())
        if n_params > MAX_PARAMETERS:
            a.problems.append((nid, f"would have {n_params:,} parameters (about "
                                    f"{n_params * 4 / 1e9:,.0f} GB); the limit is "
                                    f"{MAX_PARAMETERS:,}"))
            a.shapes[nid] = None
            continue
        if any(d <= 0 for d in shape) or math.prod(shape) > MAX_ACTIVATION_ELEMENTS:
            a.problems.append((nid, f"output shape {_fmt(shape)} is impossible or too large"))
            a.shapes[nid] = None
            continue
        a.shapes[nid] = shape
        a.param_counts[nid] = n_params
        a.work_elements[nid] = _work_elements(shape, parameter_shapes)
        total += n_params
        if total > MAX_PARAMETERS:
            a.problems.append((nid, f"the network passes {MAX_PARAMETERS:,} parameters here; "
                                    "make the layers smaller"))
            return
