"""Hostile or hand-edited design files: each ends in a DesignError naming the place, quickly."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from design_docs import mlp

from nnstudio.design import Design, DesignError, build_network
from nnstudio.design.trainer import Trainer


def problems_of(make: Callable[[], Any]) -> dict[str, str]:
    """{path: message} of the DesignError `make` raises."""
    with pytest.raises(DesignError) as info:
        make()
    return {p.path: p.message for p in info.value.problems}


def finishes(call: Callable[[], Any], seconds: float = 20.0) -> BaseException | None:
    """Run `call` in a thread; fail the test if it is still running after `seconds` (it would
    block for ever), else return what it raised."""
    raised: list[BaseException] = []

    def run() -> None:
        try:
            call()
        except BaseException as exc:
            raised.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "blocked"
    return raised[0] if raised else None


def edited(**changes: Any) -> dict[str, Any]:
    """mlp() with the values at slash-separated paths replaced."""
    doc = mlp()
    for key, value in changes.items():
        target: Any = doc
        *path, last = key.split("/")
        for part in path:
            target = target[int(part)] if part.isdigit() else target.setdefault(part, {})
        target[int(last) if last.isdigit() else last] = value
    return doc


WRONG_TYPES = {
    "network/nodes/1/type": ({}, "network.nodes[1].type"),
    "network/nodes/2/type": ([], "network.nodes[2].type"),
    "network/nodes": ({}, "network.nodes"),
    "network/edges": ({"x": "h1"}, "network.edges"),
    "network/edges/0": ({"x": "h1"}, "network.edges[0]"),
    "network/nodes/1/params": ([8], "network.nodes[1].params"),
    "network/nodes/1/params/units": ({}, "network.nodes[1].params.units"),
    "network/nodes/1/params/activation": ({}, "network.nodes[1].params.activation"),
    "network/nodes/1/params/weight_init": ({"type": {}}, "network.nodes[1].params.weight_init"),
    "network/nodes/1/id": ({}, "network.nodes[1].id"),
    "network/nodes/1/pos": ({}, "network.nodes[1].pos"),
    "data": ([], "data"),
    "data/source": ({}, "data.source"),
    "training/optimizer": ([], "training.optimizer"),
    "training/optimizer/type": ({}, "training.optimizer.type"),
    "training/loss": ({}, "training.loss"),
    "training/early_stopping": ([], "training.early_stopping"),
    "name": ({}, "name"),
}


@pytest.mark.parametrize("key", WRONG_TYPES)
def test_a_value_of_the_wrong_json_type_is_located(key: str) -> None:
    value, path = WRONG_TYPES[key]
    assert path in problems_of(lambda: Design.from_dict(edited(**{key: value})))


def test_a_number_of_4301_digits_is_refused_by_its_path() -> None:
    text = json.dumps(mlp()).replace('"units": 8', '"units": 8' + "0" * 4300)
    found = problems_of(lambda: Design.from_json(text))
    assert "4,301 digits" in found["network.nodes[1].params.units"]


@pytest.mark.parametrize("key, path", [
    ("training/optimizer/lr", "training.optimizer.lr"),
    ("version", "version"),
    ("training/early_stopping/min_delta", "training.early_stopping.min_delta"),
    ("network/nodes/1/params/weight_init/std", "network.nodes[1].params.weight_init.std"),
    ("network/nodes/1/pos/0", "network.nodes[1].pos[0]"),
    ("training/batch_size", "training.batch_size"),
])
def test_integers_too_large_for_a_float_are_refused(key: str, path: str) -> None:
    changes: dict[str, Any] = {key: 10**400}
    if "weight_init" in key:
        changes = {"network/nodes/1/params/weight_init": {"type": "normal", "std": 10**400}}
    found = problems_of(lambda: Design.from_dict(edited(**changes)))
    assert "401 digits" in found[path]


def test_drawn_points_too_large_for_a_float_are_refused() -> None:
    doc = edited(data={"source": "points", "points": [[10**400, 0, 0], [1, 1, 1]]})
    assert "data.points[0][0]" in problems_of(lambda: Design.from_dict(doc))


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_non_finite_literals_are_refused(literal: str) -> None:
    text = json.dumps(mlp()).replace('"units": 8', f'"units": {literal}')
    assert "finite" in problems_of(lambda: Design.from_json(text))[
        "network.nodes[1].params.units"]


def test_an_init_std_of_minus_zero_is_zero() -> None:
    doc = edited(**{"network/nodes/1/params/weight_init": {"type": "normal", "std": -0.0}})
    net = build_network(Design.from_dict(doc))
    assert not net.layers["h1"].parameters[0].value.any()


@pytest.mark.parametrize("std", [1e7, -1.0])
def test_an_init_std_out_of_range_is_located(std: float) -> None:
    doc = edited(**{"network/nodes/1/params/weight_init": {"type": "normal", "std": std}})
    assert "network.nodes[1].params.weight_init" in problems_of(lambda: Design.from_dict(doc))


def nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = {"k": value}
    return value


def test_deep_nesting_is_refused_at_its_place() -> None:
    found = problems_of(lambda: Design.from_dict(edited(**{"x-deep": nested(150)})))
    (path,) = found
    assert path.startswith("x-deep.k.k") and "nested more than 100" in found[path]


def test_a_document_that_contains_itself_is_refused() -> None:
    doc = mlp()
    doc["x-loop"] = doc
    with pytest.raises(DesignError, match="nested too deeply"):
        Design.from_dict(doc)


def test_text_that_is_not_unicode_is_refused() -> None:
    text = json.dumps(mlp()).replace('"Spiral"', '"\\ud800"')
    assert "not valid Unicode" in problems_of(lambda: Design.from_json(text))["name"]


def test_a_fifo_as_the_design_is_refused_by_name_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "design.json"
    os.mkfifo(fifo)
    error = finishes(lambda: Design.load(fifo))
    assert isinstance(error, DesignError) and "is not a regular file" in str(error)


@pytest.mark.parametrize("make", [lambda tmp: Path("/dev/zero"), lambda tmp: tmp])
def test_a_device_or_folder_as_the_design_is_refused(tmp_path: Path, make) -> None:
    path = make(tmp_path)
    with pytest.raises(DesignError, match=str(path)):
        Design.load(path)


def test_a_design_path_with_a_name_too_long(tmp_path: Path) -> None:
    with pytest.raises(DesignError, match="too long"):
        Design.load(tmp_path / ("d" * 300 + ".json"))


@pytest.mark.parametrize("make", [
    lambda tmp: {"source": "csv", "path": "a" * 300 + ".csv", "target": 0},
    lambda tmp: {"source": "csv", "path": "/dev/zero", "target": 0},
    lambda tmp: {"source": "csv", "path": str(tmp), "target": 0},
    lambda tmp: {"source": "npz", "path": str(tmp / "fifo.npz")},
])
def test_data_that_is_not_a_readable_file_is_located(tmp_path: Path, make) -> None:
    os.mkfifo(tmp_path / "fifo.npz")
    design = Design.from_dict(edited(data=make(tmp_path)))
    error = finishes(lambda: Trainer(design))
    assert isinstance(error, DesignError)
    assert [p.path for p in error.problems] == ["data.path"]


def test_a_deep_network_edited_in_place_cannot_be_built() -> None:
    design = Design.from_dict(mlp())
    design.network["nodes"][1]["params"]["units"] = float("nan")
    with pytest.raises(DesignError, match=r"network\.nodes\[1\]\.params\.units"):
        build_network(design)
    assert np.isfinite(build_network(Design.from_dict(mlp())).forward(np.zeros((1, 2)))).all()


@pytest.mark.parametrize("data, path", [
    ({"source": "csv", "path": "a\u0000b.csv"}, "data.path"),
    ({"source": "idx", "images": "i\u0000", "labels": "l"}, "data.images"),
])
def test_a_nul_character_in_a_data_path_is_located(data: dict, path: str) -> None:
    assert "NUL" in problems_of(lambda: Design.from_dict(edited(data=data)))[path]


def test_a_nul_character_in_a_file_name_is_a_design_error() -> None:
    with pytest.raises(DesignError, match="NUL"):
        Design.load("design\u0000.json")
