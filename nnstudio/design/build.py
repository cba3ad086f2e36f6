"""From a design to a built Network."""

from __future__ import annotations

from typing import Any

import numpy as np

from nnstudio.core.errors import GraphError
from nnstudio.core.network import Network
from nnstudio.design.check_network import check_network
from nnstudio.design.document import Design
from nnstudio.design.errors import DesignError, Problem, child
from nnstudio.design.nodes import engine_nodes


def build_network(design: Design, dtype: Any = np.float32, seed: int | None = None) -> Network:
    """The design's network with freshly initialised weights.

    `seed` (default: the design's training seed) makes the initial weights reproducible. The
    network is checked first, as an editor or a draft may have left it unfinished: anything
    that cannot be built raises DesignError naming each node's JSON path.
    """
    source = str(design.path) if design.path is not None else None
    network = design.section("network")
    # the cheap checks first; only a network that fails them gets the whole analysis here, as
    # Network analyses the graph itself
    problems = check_network(network, check_graph=False) and check_network(network)
    if problems:
        raise DesignError(problems, source)
    nodes, edges = network["nodes"], network.get("edges", [])
    if seed is None:
        seed = design.training["seed"]
    try:
        return Network(engine_nodes(nodes), edges, dtype=dtype, seed=seed)
    except GraphError as exc:
        index = {node["id"]: i for i, node in reversed(list(enumerate(nodes)))}
        raise DesignError([
            Problem("network" if nid is None else child("network.nodes", index[nid]), msg)
            for nid, msg in exc.problems
        ], source) from None
