"""From a design to a built Network."""

from __future__ import annotations

from typing import Any

import numpy as np

from nnstudio.core.errors import GraphError
from nnstudio.core.graph import analyze
from nnstudio.core.network import Network
from nnstudio.design.check_network import check_network
from nnstudio.design.document import Design
from nnstudio.design.errors import DesignError, Problem, child
from nnstudio.design.footprint import check_footprint, largest_batch
from nnstudio.design.nodes import engine_nodes


def build_network(design: Design, dtype: Any = np.float32, seed: int | None = None, *,
                  batch_size: int | None = None) -> Network:
    """The design's network with freshly initialised weights.

    `seed` (default: the design's training seed) makes the initial weights reproducible. The
    network is checked first, as an editor or a draft may have left it unfinished: anything
    that cannot be built raises DesignError naming each node's JSON path. So is its size:
    a network whose training would not fit in the free memory is refused with the estimate
    before anything is allocated; one that nearly fills it is built with a warning in
    `Network.warnings` (see nnstudio.design.footprint). `batch_size`: the most samples a
    forward pass will take, when the caller knows the data (footprint.largest_batch; default:
    from the design's batch size and the number of samples its data section asks for).
    """
    source = str(design.path) if design.path is not None else None
    network = design.section("network")
    # the cheap checks first; only a network that fails them is analysed twice (to report
    # every problem at once), a sound one once, below
    problems = check_network(network, check_graph=False) and check_network(network)
    if problems:
        raise DesignError(problems, source)
    nodes, edges = engine_nodes(network["nodes"]), network.get("edges", [])
    training = design.training
    analysis = analyze(nodes, edges)
    if not analysis.ok:
        raise _located(analysis.problems, nodes, source)
    try:
        batch = batch_size if batch_size is not None else _largest_batch(design)
        warning = check_footprint(analysis, batch, dtype)
        net = Network(nodes, edges, dtype=dtype, analysis=analysis,
                      seed=training["seed"] if seed is None else seed)
    except DesignError as exc:
        raise DesignError(exc.problems, source) from None
    except GraphError as exc:
        raise _located(exc.problems, nodes, source) from None
    if warning:
        net.warnings.append(warning)
    return net


def _largest_batch(design: Design) -> int:
    """footprint.largest_batch for the design's batch size and, when the data section says
    it (the toy and regression generators, drawn points), its number of samples."""
    data = design.data
    samples = data.get("samples")
    if isinstance(data.get("points"), list | tuple):
        samples = len(data["points"])
    known = isinstance(samples, int) and not isinstance(samples, bool)
    return largest_batch(design.training["batch_size"], samples if known else None)


def _located(problems: list[tuple[str | None, str]], nodes: list[dict[str, Any]],
             source: str | None) -> DesignError:
    """The graph's problems (node id or None, message) at the nodes' JSON paths."""
    index = {node["id"]: i for i, node in reversed(list(enumerate(nodes)))}
    return DesignError([
        Problem("network" if nid is None else child("network.nodes", index[nid]), msg)
        for nid, msg in problems
    ], source)
