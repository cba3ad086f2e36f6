"""Validation of the `network` section: nodes, edges, then the graph itself (structure, shapes).

The graph is analysed only when every node has a usable id and a known type and every edge joins
two existing nodes; otherwise its findings would only echo the problems already reported.
"""

from __future__ import annotations

from typing import Any

from nnstudio.core.catalog import NODE_TYPES, check_params
from nnstudio.core.graph import analyze
from nnstudio.core.initializers import parse_spec
from nnstudio.design.checks import (
    check_object,
    did_you_mean,
    show,
    unknown_keys,
)
from nnstudio.design.errors import Problem, child
from nnstudio.design.nodes import engine_nodes
from nnstudio.design.spec import NETWORK_KEYS, NODE_KEYS

_NODE_EXAMPLE = '{"id": "h1", "type": "Dense", "params": {"units": 8}}'
_EDGE_EXAMPLE = '["x", "h1"]'
#: edges naming an unknown node beyond this many get no did-you-mean
MAX_HINTS = 20


def check_network(network: Any, path: str = "network", *, check_graph: bool = True
                  ) -> list[Problem]:
    """Every problem with the network section, each at its JSON path; the graph analysis
    (cycles, connections, shapes, sizes) only when `check_graph`."""
    problems = check_object(network, path, '{"nodes": [...], "edges": [...]}')
    if problems:
        return problems
    problems = unknown_keys(network, NETWORK_KEYS, path, "the network", extensions=True)
    nodes_path, edges_path = child(path, "nodes"), child(path, "edges")
    nodes = network.get("nodes")
    if not isinstance(nodes, list):
        got = "is missing" if "nodes" not in network else f"must be a list, got {show(nodes)}"
        return [*problems, Problem(nodes_path, got + f"; a node looks like {_NODE_EXAMPLE}")]
    graph = _Graph()
    for i, node in enumerate(nodes):
        problems += graph.add_node(node, i, child(nodes_path, i))
    edges = network.get("edges", [])
    if not isinstance(edges, list):
        problems.append(Problem(edges_path, f"must be a list of pairs such as [{_EDGE_EXAMPLE}], "
                                            f"got {show(edges)}"))
        graph.sound = False
    else:
        for k, edge in enumerate(edges):
            problems += graph.add_edge(edge, child(edges_path, k))
    if check_graph and graph.sound:
        problems += graph.analysis_problems(path, nodes_path)
    return problems


class _Graph:
    """The nodes and edges seen so far, and whether they are sound enough to analyse."""

    def __init__(self) -> None:
        self.nodes: list[dict[str, Any]] = []
        self.index: dict[str, int] = {}
        self.edges: list[list[str]] = []
        self.sound = True
        #: a node has no usable id, so an edge naming an unknown id may mean that node
        self.unnamed = False
        #: some node's params break the catalogue's rules
        self.bad_params = False
        #: how many more unknown ids get a did-you-mean
        self.hints_left = MAX_HINTS

    def add_node(self, node: Any, i: int, path: str) -> list[Problem]:
        problems = check_object(node, path, _NODE_EXAMPLE)
        if problems:
            self.sound = False
            return problems
        problems = unknown_keys(node, NODE_KEYS, path, "a node", extensions=True)
        nid = node.get("id")
        id_ok = isinstance(nid, str) and bool(nid.strip())
        if "id" not in node:
            problems.append(Problem(child(path, "id"), 'is missing: every node needs a unique '
                                                       'id such as "h1"'))
        elif not id_ok:
            problems.append(Problem(child(path, "id"), f"must be a non-empty text, got "
                                                       f"{show(nid)}"))
        elif nid in self.index:
            problems.append(Problem(child(path, "id"), f"{show(nid)} is already the id of "
                                                       f"network.nodes[{self.index[nid]}]; ids "
                                                       "must be unique"))
        type_problems = self._check_type(node, path)
        problems += type_problems + self._check_params(node, path) + _check_pos(node, path)
        if not isinstance(node.get("frozen", False), bool):
            problems.append(Problem(child(path, "frozen"),
                                    f"must be true or false, got {show(node['frozen'])}"))
        if not id_ok or type_problems or not isinstance(node.get("params", {}), dict):
            self.sound = False
        self.unnamed = self.unnamed or not id_ok
        if id_ok and nid not in self.index:
            self.index[nid] = i
            self.nodes.append(node)
        return problems

    def _check_type(self, node: dict[str, Any], path: str) -> list[Problem]:
        tname = node.get("type")
        if "type" not in node:
            return [Problem(child(path, "type"), "is missing: choose a node type such as "
                                                 "Dense or Conv2D")]
        if not isinstance(tname, str) or tname not in NODE_TYPES:
            return [Problem(child(path, "type"),
                            f"unknown node type {show(tname)}{did_you_mean(tname, NODE_TYPES)}; "
                            f"the types are {', '.join(NODE_TYPES)}")]
        return []

    def _check_params(self, node: dict[str, Any], path: str) -> list[Problem]:
        params, tname, ppath = node.get("params", {}), node.get("type"), child(path, "params")
        if not isinstance(params, dict):
            return [Problem(ppath, f"must be an object such as {{\"units\": 8}}, got "
                                   f"{show(params)}")]
        if not isinstance(tname, str) or tname not in NODE_TYPES:
            return []
        found = check_params(tname, params)
        self.bad_params = self.bad_params or bool(found)
        problems = [Problem(child(ppath, name), msg) for name, msg in found]
        bad = {name for name, _ in found}
        for spec in NODE_TYPES[tname].params:
            if spec.kind == "init" and spec.name in params and spec.name not in bad:
                try:
                    parse_spec(params[spec.name])
                except ValueError as exc:
                    problems.append(Problem(child(ppath, spec.name), str(exc)))
        return problems

    def add_edge(self, edge: Any, path: str) -> list[Problem]:
        if not (isinstance(edge, list) and len(edge) == 2
                and all(isinstance(e, str) for e in edge)):
            self.sound = False
            return [Problem(path, f"must be a pair of node ids such as {_EDGE_EXAMPLE}, got "
                                  f"{show(edge)}")]
        missing = [e for e in edge if e not in self.index]
        if missing:
            self.sound = False
            if self.unnamed:
                return []
            names = ", ".join(f"{show(e)}{self._hint(e)}" for e in missing)
            return [Problem(path, f"names a node that does not exist: {names}")]
        self.edges.append(edge)
        return []

    def _hint(self, missing_id: str) -> str:
        """A did-you-mean for the first few unknown ids only: each costs a pass over every
        node, so hinting them all would make validation quadratic."""
        if self.hints_left <= 0:
            return ""
        self.hints_left -= 1
        return did_you_mean(missing_id, self.index)

    def analysis_problems(self, path: str, nodes_path: str) -> list[Problem]:
        """The graph analysis's findings (cycles, arity, Input/output, shapes, sizes)."""
        nodes = engine_nodes(self.nodes)
        # analyze repeats check_params as "name: message"; those are reported already
        echoes = {(n["id"], f"{name}: {msg}")
                  for n in nodes for name, msg in check_params(n["type"], n["params"])
                  } if self.bad_params else set()
        return [Problem(path if nid is None else child(nodes_path, self.index[nid]), msg)
                for nid, msg in analyze(nodes, self.edges).problems if (nid, msg) not in echoes]


def _check_pos(node: dict[str, Any], path: str) -> list[Problem]:
    pos = node.get("pos", [0, 0])
    if isinstance(pos, list) and len(pos) == 2 and all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in pos):
        return []
    return [Problem(child(path, "pos"), f"must be two numbers [x, y], got {show(pos)}")]
