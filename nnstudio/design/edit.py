"""Qt-free edits of a design's network section: the operations every canvas command performs.

`network` is the design's {"nodes": [...], "edges": [...]} dict; edits change it in place and
return what an undo needs. Node dicts are {"id", "type", "params", "pos"}.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from nnstudio.core.catalog import NODE_TYPES
from nnstudio.core.graph import analyze

Node = dict[str, Any]
Network = dict[str, Any]

#: node types whose output has their input's shape: a new one always fits between two nodes
SHAPE_PRESERVING = tuple(name for name, spec in NODE_TYPES.items() if spec.preserves_shape)


def node_index(network: Network, node_id: str) -> int:
    for i, node in enumerate(network["nodes"]):
        if node["id"] == node_id:
            return i
    raise KeyError(node_id)


def find_node(network: Network, node_id: str) -> Node:
    return network["nodes"][node_index(network, node_id)]


def new_node_id(network: Network, type_name: str, taken: set[str] | None = None) -> str:
    """A fresh id from the type: "dense1", "dense2", "conv2d1" …"""
    used = {n["id"] for n in network["nodes"]} | (taken or set())
    stem = re.sub(r"[^a-z0-9]", "", type_name.lower()) or "node"
    i = 1
    while f"{stem}{i}" in used:
        i += 1
    return f"{stem}{i}"


def make_node(network: Network, type_name: str, pos: tuple[float, float],
              params: dict[str, Any] | None = None) -> Node:
    """A new node of `type_name` with the catalogue's required params filled in."""
    if params is None:
        params = default_params(type_name)
    return {"id": new_node_id(network, type_name), "type": type_name,
            "params": dict(params), "pos": [round(pos[0], 1), round(pos[1], 1)]}


def default_params(type_name: str) -> dict[str, Any]:
    """What a freshly placed node starts with: its type's starter (its required params at
    teaching-sized values), else its required params' defaults."""
    spec = NODE_TYPES[type_name]
    if spec.starter:
        return copy.deepcopy(dict(spec.starter))
    return {p.name: p.default for p in spec.params if p.required}


def predecessors(network: Network, node_id: str) -> list[str]:
    return [src for src, dst in network["edges"] if dst == node_id]


def reaches(network: Network, start: str, goal: str) -> bool:
    """True when a path of edges leads from `start` to `goal`."""
    succ: dict[str, list[str]] = defaultdict(list)
    for src, dst in network["edges"]:
        succ[src].append(dst)
    stack, seen = [start], set()
    while stack:
        nid = stack.pop()
        if nid == goal:
            return True
        if nid not in seen:
            seen.add(nid)
            stack.extend(succ[nid])
    return False


def connection_problem(network: Network, src: str, dst: str) -> str | None:
    """Why src → dst cannot be connected, in words for the user; None when it can.

    A single-input node that already has an input is not a problem: the new connection
    replaces the old one (see `replaced_edge`).
    """
    ids = {n["id"]: n for n in network["nodes"]}
    if src not in ids or dst not in ids:
        return "both ends must be nodes on the canvas"
    if src == dst:
        return f"{src} cannot feed itself"
    dst_type = NODE_TYPES.get(ids[dst]["type"])
    if dst_type is not None and dst_type.max_inputs == 0:
        return f"{dst} is an Input: data enters there, nothing can connect into it"
    if [src, dst] in network["edges"]:
        return f"{src} is already connected to {dst}"
    if reaches(network, dst, src):
        return (f"connecting {src} → {dst} would make a cycle ({dst} already feeds {src}); "
                "a network must flow one way")
    return None


def replaced_edge(network: Network, dst: str) -> list[str] | None:
    """The edge a new connection into single-input `dst` would replace, if any."""
    node_type = NODE_TYPES.get(find_node(network, dst)["type"])
    if node_type is None or node_type.max_inputs != 1:
        return None
    existing = [e for e in network["edges"] if e[1] == dst]
    return existing[0] if existing else None


def downstream(network: Network, start: str) -> set[str]:
    """Every node a path of edges leads to from `start` (not `start` itself)."""
    succ: dict[str, list[str]] = defaultdict(list)
    for src, dst in network["edges"]:
        succ[src].append(dst)
    seen: set[str] = set()
    stack = list(succ[start])
    while stack:
        nid = stack.pop()
        if nid not in seen and nid != start:
            seen.add(nid)
            stack.extend(succ[nid])
    return seen


def insertion_edges(network: Network, anchor: str, node: Node
                    ) -> tuple[list[list[str]], list[list[str]]] | None:
    """The edges to remove and to add that put the new `node` between `anchor` and its
    successors (anchor → h2 becomes anchor → node → h2), or None when the node should rather
    follow `anchor` as a new branch: `anchor` feeds nothing, or the node changes the shape and
    the network would no longer infer with it in between."""
    removed = [list(e) for e in network["edges"] if e[0] == anchor]
    if not removed:
        return None
    added = [[anchor, node["id"]]] + [[node["id"], dst] for _, dst in removed]
    if node["type"] in SHAPE_PRESERVING:
        return removed, added
    before = analyze(network["nodes"], network["edges"]).problems
    kept = [e for e in network["edges"] if e[0] != anchor]
    after = analyze([*network["nodes"], node], kept + added).problems
    return (removed, added) if set(after) <= set(before) else None


def remove_nodes(network: Network, ids: set[str]) -> tuple[list[tuple[int, Node]],
                                                           list[tuple[int, list[str]]]]:
    """Delete nodes and every edge touching them; returns (index, item) pairs for undo."""
    nodes = [(i, n) for i, n in enumerate(network["nodes"]) if n["id"] in ids]
    edges = [(i, e) for i, e in enumerate(network["edges"]) if e[0] in ids or e[1] in ids]
    network["nodes"] = [n for n in network["nodes"] if n["id"] not in ids]
    network["edges"] = [e for e in network["edges"] if e[0] not in ids and e[1] not in ids]
    return nodes, edges


def restore(network: Network, nodes: list[tuple[int, Node]],
            edges: list[tuple[int, list[str]]]) -> None:
    """Undo `remove_nodes`: put nodes and edges back at their old indices."""
    for i, n in sorted(nodes, key=lambda t: t[0]):
        network["nodes"].insert(i, n)
    for i, e in sorted(edges, key=lambda t: t[0]):
        network["edges"].insert(i, e)


def copy_subgraph(network: Network, ids: set[str]) -> dict[str, Any]:
    """The selected nodes and the edges between them, as a clipboard fragment."""
    return {
        "nodes": [copy.deepcopy(n) for n in network["nodes"] if n["id"] in ids],
        "edges": [list(e) for e in network["edges"] if e[0] in ids and e[1] in ids],
    }


def paste_fragment(network: Network, fragment: dict[str, Any],
                   offset: tuple[float, float]) -> dict[str, Any]:
    """`fragment` with fresh ids (unique in `network`) and positions shifted by `offset`."""
    taken: set[str] = set()
    renamed: dict[str, str] = {}
    nodes = []
    for n in fragment.get("nodes", []):
        new_id = new_node_id(network, n["type"], taken)
        taken.add(new_id)
        renamed[n["id"]] = new_id
        pos = n.get("pos", [0, 0])
        nodes.append({**copy.deepcopy(n), "id": new_id,
                      "pos": [pos[0] + offset[0], pos[1] + offset[1]]})
    edges = [[renamed[a], renamed[b]] for a, b in fragment.get("edges", [])
             if a in renamed and b in renamed]
    return {"nodes": nodes, "edges": edges}


def place_unplaced(network: Network) -> list[str]:
    """Give every node without a "pos" (a design written by hand, or by a script) its place in
    the left-to-right layout, so such nodes do not all pile up at the origin; returns their
    ids."""
    unplaced = [n for n in network["nodes"] if "pos" not in n]
    if unplaced:
        layout = layered_positions(network, 280.0, 170.0)  # the default design's spacing
        for n in unplaced:
            n["pos"] = layout[n["id"]]
    return [n["id"] for n in unplaced]


#: the start of the ids of the places a skip edge holds in the columns it crosses
SKIP_PLACE = "\0skip"


def layered_positions(network: Network, dx: float = 230.0, dy: float = 130.0
                      ) -> dict[str, list[float]]:
    """Left-to-right layout: a node's column is its longest path from a source; each column is
    centred vertically, ordered by the mean row of its predecessors to limit crossings. An edge
    that skips columns (a residual connection) holds a place of its own in each column it
    crosses, so the cards it skips sit beside its line instead of on it."""
    ids = [n["id"] for n in network["nodes"]]
    known = set(ids)
    edges = [(src, dst) for src, dst in network["edges"] if src in known and dst in known]
    column = _longest_path_columns(ids, edges)
    members, preds = _with_skip_places(ids, edges, column)
    row: dict[str, float] = {}
    for c in sorted(members):
        def mean_row(nid: str) -> float:
            return sum(row.get(p, 0) for p in preds[nid]) / max(len(preds[nid]), 1)
        slots = [nid for _, group in groupby(sorted(members[c], key=mean_row), key=mean_row)
                 for nid in _placeholders_in_the_middle(list(group))]
        for r, nid in enumerate(slots):
            row[nid] = r - (len(slots) - 1) / 2
    return {nid: [column[nid] * dx, row[nid] * dy] for nid in ids}


def _placeholders_in_the_middle(group: list[str]) -> list[str]:
    """Nodes that follow the same rows, skip placeholders in the middle: a skip edge runs
    straight from its source to a merge centred on the branches, i.e. through the middle."""
    cards = [nid for nid in group if not nid.startswith(SKIP_PLACE)]
    half = (len(cards) + 1) // 2
    return cards[:half] + [nid for nid in group if nid.startswith(SKIP_PLACE)] + cards[half:]


def _longest_path_columns(ids: list[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    """Each node's column: its longest path from a source (Kahn's order; nodes on a cycle
    keep column 0)."""
    succ: dict[str, list[str]] = defaultdict(list)
    indegree = dict.fromkeys(ids, 0)
    for src, dst in edges:
        succ[src].append(dst)
        indegree[dst] += 1
    column = dict.fromkeys(ids, 0)
    ready = [nid for nid in ids if indegree[nid] == 0]
    while ready:
        nid = ready.pop()
        for nxt in succ[nid]:
            column[nxt] = max(column[nxt], column[nid] + 1)
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return column


def _with_skip_places(ids: list[str], edges: list[tuple[str, str]], column: dict[str, int]
                      ) -> tuple[dict[int, list[str]], dict[str, list[str]]]:
    """(the members of each column, each member's predecessors), where an edge spanning
    several columns is a chain of placeholders (ids starting with `SKIP_PLACE`) through the
    columns between."""
    members: dict[int, list[str]] = defaultdict(list)
    for nid in ids:
        members[column[nid]].append(nid)
    preds: dict[str, list[str]] = defaultdict(list)
    for k, (src, dst) in enumerate(edges):
        previous = src
        for c in range(column[src] + 1, column[dst]):
            place = f"{SKIP_PLACE}{k}.{c}"
            members[c].append(place)
            preds[place].append(previous)
            previous = place
        preds[dst].append(previous)
    return members, preds


# -- shapes follow the data ------------------------------------------------------------------------

@dataclass(frozen=True)
class DataShape:
    """What a dataset asks of the network: one sample's `input_shape`, its `task`
    ("classification" or "regression") and `outputs` (classes, or target values)."""

    input_shape: tuple[int, ...]
    task: str
    outputs: int


@dataclass(frozen=True)
class DataFit:
    """The node and loss edits that make a network fit new data.

    input_params: (Input node id, its new params) when the Input's shape must change.
    output_params: (Dense node id, its new params) when the output layer's units must change.
    loss: the new training loss when the current one does not suit the data's task.
    """

    input_params: tuple[str, dict[str, Any]] | None = None
    output_params: tuple[str, dict[str, Any]] | None = None
    loss: str | None = None

    @property
    def offers(self) -> bool:
        """Whether there is an output or loss change to offer the user."""
        return self.output_params is not None or self.loss is not None


def output_dense(network: Network) -> str | None:
    """The Dense layer that sets the network's output width: the single end node, or the Dense
    before a chain of activation / dropout / batch-norm nodes ending the network; None when
    there is no single such layer."""
    sources = {src for src, _ in network["edges"]}
    ends = [n for n in network["nodes"] if n["id"] not in sources and n["type"] != "Input"]
    if len(ends) != 1:
        return None
    node = ends[0]
    while node["type"] in SHAPE_PRESERVING:
        inputs = predecessors(network, node["id"])
        if len(inputs) != 1:
            return None
        node = find_node(network, inputs[0])
    return node["id"] if node["type"] == "Dense" else None


def fitting_loss(loss: str, shape: DataShape, previous_task: str | None) -> str | None:
    """The loss to offer instead of `loss` (a canonical name or "auto") for data of `shape`,
    or None when `loss` suits it: mse for regression, cross_entropy for classes when the data
    was a regression task before or binary_cross_entropy meets more than two classes."""
    if loss == "auto":
        return None
    if shape.task == "regression":
        return None if loss == "mse" else "mse"
    if loss == "binary_cross_entropy" and shape.outputs != 2:
        return "cross_entropy"
    if loss == "mse" and previous_task == "regression":
        return "cross_entropy"
    return None


def output_units(loss: str, shape: DataShape, units: int) -> int:
    """The output units `loss` needs for data of `shape`, given the layer's current `units`:
    one per class or target, or 1 for two classes with binary cross-entropy (or mse, when the
    layer already has a single unit)."""
    two_classes = shape.task == "classification" and shape.outputs == 2
    if two_classes and (loss == "binary_cross_entropy" or (loss == "mse" and units == 1)):
        return 1
    return shape.outputs


def fit_to_data(network: Network, loss: str, shape: DataShape,
                previous_task: str | None = None) -> DataFit:
    """The edits that make `network` (trained with `loss`) take data of `shape`: the single
    Input node's shape, and the output Dense layer's units and the loss when they do not
    match. Networks with several Inputs, or no single output Dense layer, are left as they
    are in that respect."""
    inputs = [n for n in network["nodes"] if n["type"] == "Input"]
    input_params = None
    if len(inputs) == 1:
        params = inputs[0].get("params", {})
        if list(params.get("shape", [])) != list(shape.input_shape):
            input_params = (inputs[0]["id"], {**params, "shape": list(shape.input_shape)})
    new_loss = fitting_loss(loss, shape, previous_task)
    output_params = None
    out_id = output_dense(network)
    if out_id is not None:
        params = find_node(network, out_id).get("params", {})
        units = params.get("units")
        wanted = output_units(new_loss or loss, shape, units if isinstance(units, int) else 0)
        if units != wanted:
            output_params = (out_id, {**params, "units": wanted})
    return DataFit(input_params, output_params, new_loss)
