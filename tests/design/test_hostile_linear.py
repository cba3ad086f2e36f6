"""Validation and shape inference do work linear in the design's size, counted in function
calls (never timed here; benchmarks/fuzz_designs.py --linear times 10 000 nodes)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from itertools import pairwise
from typing import Any

import pytest
from design_docs import document, node

from nnstudio.design import Design, DesignError, build_network
from nnstudio.design.validate import _compacted, schema_problems


def calls(work: Callable[[], Any]) -> int:
    """How many Python and C functions `work` calls."""
    count = 0

    def profile(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        work()
    except DesignError:
        pass
    finally:
        sys.setprofile(None)
    return count


def chain(n: int) -> dict[str, Any]:
    nodes = [node("x", "Input", shape=[2])] + [node(f"t{i}", "Tanh") for i in range(n)]
    edges = [[a["id"], b["id"]] for a, b in pairwise(nodes)]
    return document(nodes, edges)


def edges_to_missing_nodes(n: int) -> dict[str, Any]:
    nodes = [node("x", "Input", shape=[2])] + [node(f"node{i}", "Tanh") for i in range(n)]
    return document(nodes, [[f"node{i}", f"missing{i}"] for i in range(n)])


def scattered(n: int) -> dict[str, Any]:
    """n unconnected nodes: several outputs, nothing connected to the Input."""
    nodes = [node("x", "Input", shape=[2])] + [node(f"d{i}", "Dense", units=2)
                                                for i in range(n)]
    return document(nodes, [])


def cycle(n: int) -> dict[str, Any]:
    doc = chain(n)
    doc["network"]["edges"].append([f"t{n - 1}", "t0"])
    return doc


@pytest.mark.parametrize("make", [chain, edges_to_missing_nodes, scattered, cycle])
def test_validation_and_building_are_linear(make: Callable[[int], dict[str, Any]]) -> None:
    def load_and_build(n: int) -> Callable[[], None]:
        doc = make(n)
        return lambda: build_network(Design.from_dict(doc, draft=True))

    small, large = calls(load_and_build(100)), calls(load_and_build(400))
    assert large < 4.5 * small, (small, large)


def test_the_schema_sees_one_node_per_distinct_body() -> None:
    compact, index = _compacted(chain(1000))
    assert [n["id"] for n in compact["network"]["nodes"]] == ["x", "t0"]
    assert index == [0, 1] and len(compact["network"]["edges"]) == 1


def test_a_schema_finding_on_a_repeated_node_names_its_place() -> None:
    doc = chain(5)
    doc["network"]["nodes"][3] = node("t2", "Dense", units=-1)
    assert [p.path for p in schema_problems(doc)] == ["network.nodes[3].params.units"]
