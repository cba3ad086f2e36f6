"""Design documents for the design tests: valid ones of every kind, and ways to break them."""

from __future__ import annotations

import copy
import json
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from nnstudio.design import Design, DesignError, Problem


def node(nid: str, type_: str, pos: list[float] | None = None, **params: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": nid, "type": type_}
    if params:
        out["params"] = params
    if pos is not None:
        out["pos"] = pos
    return out


def document(nodes: list[dict[str, Any]], edges: list[list[str]], **sections: Any
             ) -> dict[str, Any]:
    return {"format": "nnstudio-design", "version": 1,
            "network": {"nodes": nodes, "edges": edges}, **sections}


def chain(*nodes: dict[str, Any]) -> list[list[str]]:
    return [[a["id"], b["id"]] for a, b in pairwise(nodes)]


def mlp() -> dict[str, Any]:
    nodes = [node("x", "Input", [0, 0], shape=[2]),
             node("h1", "Dense", [180, 0], units=8, activation="tanh"),
             node("out", "Dense", [360, 0], units=2)]
    return document(nodes, chain(*nodes), name="Spiral", description="two arms",
                    data={"source": "toy2d", "name": "spiral", "samples": 500, "noise": 0.1,
                          "validation": 0.2, "standardize": True, "seed": 1},
                    training={"loss": "softmax_cross_entropy",
                              "optimizer": {"type": "adam", "lr": 0.01},
                              "batch_size": 32, "epochs": 300, "seed": 0})


def cnn() -> dict[str, Any]:
    nodes = [node("img", "Input", shape=[1, 8, 8]),
             node("c1", "Conv2D", filters=4, kernel_size=3, padding="same", activation="relu",
                  weight_init={"type": "normal", "std": 0.05}),
             node("bn", "BatchNorm", momentum=0.1),
             node("p1", "MaxPool2D", pool_size=2),
             node("c2", "Conv2D", filters=4, kernel_size=[3, 3], stride=1, padding=1,
                  bias_init={"type": "constant", "value": 0.1}),
             node("p2", "AvgPool2D", pool_size=2, stride=None),
             node("f", "Flatten"),
             node("d", "Dropout", rate=0.25),
             node("out", "Dense", units=10, activation="softmax", l2=0.001)]
    return document(nodes, chain(*nodes), data={"source": "builtin", "name": "digits"},
                    training={"optimizer": {"type": "sgd", "lr": 0.1, "momentum": 0.9,
                                            "nesterov": True},
                              "early_stopping": {"patience": 5, "min_delta": 0.001}})


def residual() -> dict[str, Any]:
    nodes = [node("x", "Input", shape=[4]),
             node("a", "Dense", units=4, activation="relu"),
             node("b", "Dense", units=4),
             node("sum", "Add"),
             node("act", "LeakyReLU", negative_slope=0.1),
             node("side", "Dense", units=3, activation="elu"),
             node("cat", "Concatenate", axis=1),
             node("out", "Dense", units=1)]
    edges = [["x", "a"], ["a", "b"], ["b", "sum"], ["x", "sum"], ["sum", "act"],
             ["act", "cat"], ["x", "side"], ["side", "cat"], ["cat", "out"]]
    return document(nodes, edges, data={"source": "regression", "name": "plane"},
                    training={"loss": "mse", "optimizer": {"type": "rmsprop"},
                              "early_stopping": True, "shuffle": False})


def csv_design() -> dict[str, Any]:
    nodes = [node("x", "Input", shape=[3]), node("s", "Sigmoid"),
             node("out", "Dense", units=1, activation="sigmoid", weight_init="zeros")]
    return document(nodes, chain(*nodes),
                    data={"source": "csv", "path": "data/table.csv", "target": "label"},
                    training={"loss": "binary_cross_entropy",
                              "optimizer": {"type": "adam", "betas": [0.8, 0.99]}})


def minimal() -> dict[str, Any]:
    nodes = [node("x", "Input", shape=[2]), node("y", "Dense", units=2)]
    return document(nodes, chain(*nodes))


VALID = {"mlp": mlp, "cnn": cnn, "residual": residual, "csv": csv_design, "minimal": minimal}


def problems_of(doc: Any) -> list[Problem]:
    """The problems Design.from_dict reports (it must refuse the document)."""
    with pytest.raises(DesignError) as info:
        Design.from_dict(doc)
    return info.value.problems


def broken(make: Any, change: Any) -> dict[str, Any]:
    """A copy of make() changed in place by change(doc)."""
    doc = copy.deepcopy(make())
    change(doc)
    return doc


SHIPPED_SCHEMA = Path(__file__).resolve().parents[2] / "resources" / "schema" / \
    "design-v1.schema.json"


def shipped_validator() -> Draft202012Validator:
    """A validator for the schema file shipped in resources/."""
    return Draft202012Validator(json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8")))
