"""build_network: from a design to a Network, with the design's seed and JSON paths in errors."""

from __future__ import annotations

import numpy as np
import pytest
from design_docs import cnn, mlp, residual

from nnstudio.core.errors import GraphError
from nnstudio.design import Design, DesignError, build_network
from nnstudio.design import build as build_module


@pytest.mark.parametrize("make", [mlp, cnn, residual])
def test_builds_every_kind_of_graph(make) -> None:
    net = build_network(Design.from_dict(make()))
    x = np.zeros((3, *net.input_shape), np.float32)
    assert net.forward(x).shape == (3, *net.output_shape)


def test_seed_defaults_to_the_training_seed() -> None:
    doc = mlp()
    doc["training"]["seed"] = 5
    design = Design.from_dict(doc)
    same = build_network(design, seed=5).state_dict()
    for name, value in build_network(design).state_dict().items():
        np.testing.assert_array_equal(value, same[name])
    other = build_network(design, seed=6).state_dict()
    assert not np.array_equal(other["h1.W"], same["h1.W"])


def test_dtype() -> None:
    net = build_network(Design.from_dict(mlp()), dtype=np.float64)
    assert all(p.value.dtype == np.float64 for p in net.parameters())


def test_integral_floats_become_ints() -> None:
    doc = mlp()
    doc["network"]["nodes"][1]["params"]["units"] = 8.0
    net = build_network(Design.from_dict(doc))
    assert net.layers["h1"].parameters[0].value.shape == (2, 8)


def test_graph_error_becomes_design_error_with_node_paths(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise GraphError([("out", "cannot connect"), (None, "no Input")])

    monkeypatch.setattr(build_module, "Network", refuse)
    with pytest.raises(DesignError) as info:
        build_network(Design.from_dict(mlp()))
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("network.nodes[2]", "cannot connect"), ("network", "no Input")]


def test_empty_network_is_refused() -> None:
    empty = {"format": "nnstudio-design", "version": 1, "network": {"nodes": [], "edges": []}}
    with pytest.raises(DesignError, match="empty"):
        Design.from_dict(empty)
    design = Design.from_dict(empty, draft=True)  # as the editor opens work in progress
    with pytest.raises(DesignError) as info:
        build_network(design)
    assert [p.path for p in info.value.problems] == ["network"]


def test_edited_network_is_checked_before_building() -> None:
    design = Design.from_dict(mlp())
    design.network["nodes"][1]["params"]["weight_init"] = {"type": "normal", "std": -1}
    design.network["edges"].pop()
    with pytest.raises(DesignError) as info:
        build_network(design)
    found = {p.path for p in info.value.problems}
    assert {"network.nodes[1].params.weight_init", "network.nodes[2]"} <= found
