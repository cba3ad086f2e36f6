"""Every kind of bad document gets a DesignError whose problems name the right JSON path."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest
from design_docs import (
    broken,
    cnn,
    document,
    minimal,
    mlp,
    node,
    problems_of,
    residual,
    shipped_validator,
)

from nnstudio.design import Design, DesignError, Problem
from nnstudio.design.validate import schema_problems, validate_document

Doc = dict[str, Any]


def nodes(doc: Doc) -> list[Doc]:
    return doc["network"]["nodes"]


def params(doc: Doc, i: int) -> Doc:
    return nodes(doc)[i].setdefault("params", {})


# (what is wrong, how to break a valid document, the path, words the message must contain)
CASES: list[tuple[str, Callable[[], Doc], str, str]] = [
    ("wrong format", lambda: broken(mlp, lambda d: d.update(format="other")),
     "format", "not an nnstudio design"),
    ("no format", lambda: broken(mlp, lambda d: d.pop("format")), "format", "has no format"),
    ("no version", lambda: broken(mlp, lambda d: d.pop("version")), "version", "is missing"),
    ("text version", lambda: broken(mlp, lambda d: d.update(version="1")),
     "version", "whole number"),
    ("unknown top-level key", lambda: broken(mlp, lambda d: d.update(trainig={})),
     "trainig", "did you mean 'training'"),
    ("name not text", lambda: broken(mlp, lambda d: d.update(name=3)), "name", "text"),
    ("no network", lambda: broken(mlp, lambda d: d.pop("network")), "network", "is missing"),
    ("network not object", lambda: broken(mlp, lambda d: d.update(network=[])),
     "network", "must be an object"),
    ("nodes not a list", lambda: broken(mlp, lambda d: d["network"].update(nodes={})),
     "network.nodes", "must be a list"),
    ("node not an object", lambda: broken(mlp, lambda d: nodes(d).append("h3")),
     "network.nodes[3]", "must be an object"),
    ("node without id", lambda: broken(mlp, lambda d: nodes(d)[1].pop("id")),
     "network.nodes[1].id", "is missing"),
    ("empty id", lambda: broken(mlp, lambda d: nodes(d)[1].update(id=" ")),
     "network.nodes[1].id", "non-empty"),
    ("node without type", lambda: broken(mlp, lambda d: nodes(d)[1].pop("type")),
     "network.nodes[1].type", "is missing"),
    ("unknown node type", lambda: broken(mlp, lambda d: nodes(d)[1].update(type="Dens")),
     "network.nodes[1].type", "did you mean 'Dense'"),
    ("node type in lower case", lambda: broken(mlp, lambda d: nodes(d)[1].update(type="dense")),
     "network.nodes[1].type", "did you mean 'Dense'"),
    ("unknown node key", lambda: broken(mlp, lambda d: nodes(d)[1].update(parmas={})),
     "network.nodes[1].parmas", "did you mean 'params'"),
    ("params not an object", lambda: broken(mlp, lambda d: nodes(d)[1].update(params=[8])),
     "network.nodes[1].params", "must be an object"),
    ("bad position", lambda: broken(mlp, lambda d: nodes(d)[1].update(pos=[1, "2"])),
     "network.nodes[1].pos", "two numbers"),
    ("negative units", lambda: broken(mlp, lambda d: params(d, 2).update(units=-3)),
     "network.nodes[2].params.units", "must be at least 1, got -3"),
    ("units as text", lambda: broken(mlp, lambda d: params(d, 2).update(units="8")),
     "network.nodes[2].params.units", "integer"),
    ("fractional units", lambda: broken(mlp, lambda d: params(d, 2).update(units=2.5)),
     "network.nodes[2].params.units", "integer"),
    ("absurd units", lambda: broken(mlp, lambda d: params(d, 1).update(units=10**12)),
     "network.nodes[1].params.units", "at most"),
    ("missing required param", lambda: broken(mlp, lambda d: params(d, 2).pop("units")),
     "network.nodes[2].params.units", "needs 'units'"),
    ("unknown param", lambda: broken(mlp, lambda d: params(d, 2).update(unit=3)),
     "network.nodes[2].params.unit", "no parameter 'unit'"),
    ("unknown activation", lambda: broken(mlp, lambda d: params(d, 1).update(activation="rleu")),
     "network.nodes[1].params.activation", "unknown activation 'rleu'"),
    ("unknown initialiser",
     lambda: broken(mlp, lambda d: params(d, 1).update(weight_init="glorot")),
     "network.nodes[1].params.weight_init", "unknown initialiser 'glorot'"),
    ("bad initialiser option",
     lambda: broken(mlp, lambda d: params(d, 1).update(weight_init={"type": "normal",
                                                                      "std": -1})),
     "network.nodes[1].params.weight_init", "std must be at least 0"),
    ("unknown initialiser option",
     lambda: broken(mlp, lambda d: params(d, 1).update(weight_init={"type": "zeros", "x": 1})),
     "network.nodes[1].params.weight_init", "does not take x"),
    ("dropout rate 1", lambda: broken(cnn, lambda d: params(d, 7).update(rate=1)),
     "network.nodes[7].params.rate", "less than 1"),
    ("bad padding", lambda: broken(cnn, lambda d: params(d, 1).update(padding="full")),
     "network.nodes[1].params.padding", "'same' or 'valid'"),
    ("boolean units", lambda: broken(mlp, lambda d: params(d, 2).update(units=True)),
     "network.nodes[2].params.units", "integer"),
    ("duplicate id", lambda: broken(mlp, lambda d: nodes(d)[2].update(id="h1")),
     "network.nodes[2].id", "already the id of network.nodes[1]"),
    ("edges not a list", lambda: broken(mlp, lambda d: d["network"].update(edges="x-h1")),
     "network.edges", "must be a list"),
    ("edge not a pair", lambda: broken(mlp, lambda d: d["network"]["edges"].append(["x"])),
     "network.edges[2]", "pair of node ids"),
    ("dangling edge",
     lambda: broken(mlp, lambda d: d["network"]["edges"].append(["h1", "ou"])),
     "network.edges[2]", "does not exist: 'ou' (did you mean 'out'?)"),
    ("cycle", lambda: broken(mlp, lambda d: d["network"]["edges"].append(["out", "h1"])),
     "network.nodes[1]", "cycle"),
    ("missing Input", lambda: document([node("a", "Dense", units=2), node("b", "Dense", units=2)],
                                       [["a", "b"]]),
     "network", "no Input"),
    ("two Inputs", lambda: broken(mlp, lambda d: nodes(d).append(node("x2", "Input", shape=[2]))),
     "network.nodes[3]", "only one Input"),
    ("several outputs", lambda: broken(mlp, lambda d: (
        nodes(d).append(node("o2", "Dense", units=1)), d["network"]["edges"].append(["h1", "o2"]))),
     "network.nodes[3]", "several outputs"),
    ("node with no input", lambda: broken(mlp, lambda d: d["network"]["edges"].pop()),
     "network.nodes[2]", "has no input"),
    ("Dense after an image without Flatten", lambda: document(
        [node("img", "Input", shape=[1, 8, 8]), node("d", "Dense", units=4)], [["img", "d"]]),
     "network.nodes[1]", "Flatten"),
    ("Add with mismatched shapes", lambda: broken(residual, lambda d: params(d, 2).update(units=5)),
     "network.nodes[3]", "shape"),
    ("too many parameters", lambda: document(
        [node("x", "Input", shape=[1_000_000]), node("d", "Dense", units=1_000_000)],
        [["x", "d"]]),
     "network.nodes[1]", "parameters"),
    ("data not an object", lambda: broken(mlp, lambda d: d.update(data="spiral")),
     "data", "must be an object"),
    ("unknown data source", lambda: broken(mlp, lambda d: d["data"].update(source="tody2d")),
     "data.source", "did you mean 'toy2d'"),
    ("data source without its files", lambda: broken(mlp, lambda d: d.update(
        data={"source": "idx", "images": "train-images.gz"})), "data.labels", "is missing"),
    ("unknown dataset name", lambda: broken(mlp, lambda d: d["data"].update(name="spirals")),
     "data.name", "did you mean 'spiral'"),
    ("unknown data key", lambda: broken(mlp, lambda d: d["data"].update(nois=0.1)),
     "data.nois", "did you mean 'noise'"),
    ("noise out of range", lambda: broken(mlp, lambda d: d["data"].update(noise=2)),
     "data.noise", "at most 0.5"),
    ("csv without path", lambda: broken(mlp, lambda d: d.update(data={"source": "csv"})),
     "data.path", "is missing"),
    ("no training samples left",
     lambda: broken(mlp, lambda d: d["data"].update(validation=0.5, test=0.5)),
     "data.validation", "leave some samples"),
    ("training not an object", lambda: broken(mlp, lambda d: d.update(training=[])),
     "training", "must be an object"),
    ("unknown training key", lambda: broken(mlp, lambda d: d["training"].update(epoch=3)),
     "training.epoch", "did you mean 'epochs'"),
    ("unknown loss", lambda: broken(mlp, lambda d: d["training"].update(loss="cross_entropie")),
     "training.loss", "did you mean 'cross_entropy'"),
    ("zero batch size", lambda: broken(mlp, lambda d: d["training"].update(batch_size=0)),
     "training.batch_size", "at least 1"),
    ("too many epochs", lambda: broken(mlp, lambda d: d["training"].update(epochs=10**8)),
     "training.epochs", "at most"),
    ("negative seed", lambda: broken(mlp, lambda d: d["training"].update(seed=-1)),
     "training.seed", "at least 0"),
    ("shuffle not a boolean", lambda: broken(mlp, lambda d: d["training"].update(shuffle="yes")),
     "training.shuffle", "true or false"),
    ("optimizer not an object", lambda: broken(mlp, lambda d: d["training"].update(
        optimizer="adam")), "training.optimizer", "must be an object"),
    ("unknown optimizer", lambda: broken(mlp, lambda d: d["training"]["optimizer"].update(
        type="adma")), "training.optimizer.type", "did you mean 'adam'"),
    ("unknown optimizer key", lambda: broken(mlp, lambda d: d["training"]["optimizer"].update(
        momentum=0.9)), "training.optimizer.momentum", "adam takes"),
    ("negative learning rate", lambda: broken(mlp, lambda d: d["training"]["optimizer"].update(
        lr=-0.1)), "training.optimizer.lr", "at least 0"),
    ("learning rate as text", lambda: broken(mlp, lambda d: d["training"]["optimizer"].update(
        lr="fast")), "training.optimizer.lr", "must be a number"),
    ("bad betas", lambda: broken(mlp, lambda d: d["training"]["optimizer"].update(
        betas=[0.9, 1.0])), "training.optimizer.betas", "item 1: must be less than 1"),
    ("betas not a pair", lambda: broken(mlp, lambda d: d["training"]["optimizer"].update(
        betas=0.9)), "training.optimizer.betas", "two numbers"),
    ("nesterov without momentum", lambda: broken(cnn, lambda d: d["training"]["optimizer"].update(
        momentum=0)), "training.optimizer", "nesterov"),
    ("early stopping as text", lambda: broken(mlp, lambda d: d["training"].update(
        early_stopping="yes")), "training.early_stopping", "false, true or an object"),
    ("zero patience", lambda: broken(mlp, lambda d: d["training"].update(
        early_stopping={"patience": 0})), "training.early_stopping.patience", "at least 1"),
    ("unknown early stopping key", lambda: broken(mlp, lambda d: d["training"].update(
        early_stopping={"patients": 3})), "training.early_stopping.patients",
     "did you mean 'patience'"),
]


@pytest.mark.parametrize(("doc", "path", "words"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_bad_document_names_the_path(doc: Callable[[], Doc], path: str, words: str) -> None:
    found = problems_of(doc())
    assert path in [p.path for p in found], found
    assert any(p.path == path and words in p.message for p in found), found


#: rules about the graph or across keys, which a JSON Schema cannot express
SEMANTIC_ONLY = {
    "duplicate id", "dangling edge", "cycle", "missing Input", "two Inputs", "several outputs",
    "node with no input", "Dense after an image without Flatten", "Add with mismatched shapes",
    "too many parameters", "no training samples left", "nesterov without momentum",
}


@pytest.mark.parametrize("doc", [c[1] for c in CASES if c[0] not in SEMANTIC_ONLY],
                         ids=[c[0] for c in CASES if c[0] not in SEMANTIC_ONLY])
def test_shipped_schema_rejects_bad_documents(doc: Callable[[], Doc]) -> None:
    assert not shipped_validator().is_valid(doc()), "the schema accepted a bad document"


def test_every_problem_is_reported_at_once() -> None:
    def wreck(d: Doc) -> None:
        params(d, 1).update(units=-3, activation="rleu")
        params(d, 2).update(units="many")
        d["training"]["batch_size"] = 0
        d["data"]["noise"] = 9

    found = problems_of(broken(mlp, wreck))
    assert {p.path for p in found} == {
        "network.nodes[1].params.units", "network.nodes[1].params.activation",
        "network.nodes[2].params.units", "training.batch_size", "data.noise"}
    assert len(found) == 5, "a problem was reported twice"


@pytest.mark.parametrize("units", [0, 1e12])
def test_param_problems_are_not_repeated_by_the_graph_analysis(units: float) -> None:
    (problem,) = problems_of(broken(mlp, lambda d: params(d, 1).update(units=units)))
    assert problem.path == "network.nodes[1].params.units"
    assert problem.message.endswith(f"got {units!r}")


def test_a_node_without_id_does_not_make_its_edges_dangle() -> None:
    found = problems_of(broken(mlp, lambda d: nodes(d)[1].pop("id")))
    assert [p.path for p in found] == ["network.nodes[1].id"]


def test_duplicate_ids_still_get_the_graph_checked() -> None:
    def dup_and_cycle(d: Doc) -> None:
        nodes(d).append(node("h1", "Dense", units=3))
        d["network"]["edges"].append(["out", "h1"])

    found = {p.path for p in problems_of(broken(mlp, dup_and_cycle))}
    assert found == {"network.nodes[3].id", "network.nodes[1]"}


def test_future_version_is_one_clear_problem() -> None:
    doc = broken(mlp, lambda d: d.update(version=7, network="from the future", spaceship=1))
    assert problems_of(doc) == [Problem(
        "version", "made by a newer nnstudio (file version 7, this nnstudio reads up to 1): "
                   "update nnstudio")]


@pytest.mark.parametrize("doc", [[], "design", 3, None])
def test_document_that_is_not_an_object(doc: Any) -> None:
    (problem,) = problems_of(doc)
    assert problem.path == "" and "JSON object" in problem.message


def test_python_values_that_json_cannot_hold() -> None:
    found = problems_of(broken(mlp, lambda d: d["training"]["optimizer"].update(
        lr=float("nan"), extra={1: object()})))
    assert {p.path for p in found} == {"training.optimizer.lr", "training.optimizer.extra"}


@pytest.mark.parametrize("units", [10**12, 1_000_000])
def test_absurd_layer_is_refused_without_allocating(units: int) -> None:
    doc = broken(mlp, lambda d: (params(d, 0).update(shape=[1_000_000]),
                                 params(d, 1).update(units=units)))
    tracemalloc.start()
    try:
        problems_of(doc)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000


def test_extension_keys_are_allowed() -> None:
    doc = mlp()
    doc["x-editor"] = {"zoom": 2}
    doc["network"]["x-layout"] = "auto"
    nodes(doc)[0]["x-colour"] = "red"
    assert validate_document(doc) == []


def test_integral_floats_count_as_integers() -> None:
    doc = broken(mlp, lambda d: (params(d, 1).update(units=8.0), d.update(version=1.0)))
    assert validate_document(doc) == []


def test_error_text_lists_one_problem_a_line() -> None:
    with pytest.raises(DesignError) as info:
        Design.from_dict(broken(mlp, lambda d: (params(d, 1).update(units=-3),
                                                d["training"].update(epochs=0))))
    assert str(info.value).splitlines() == [
        "network.nodes[1].params.units: must be at least 1, got -3",
        "training.epochs: must be at least 1, got 0"]


def test_valid_documents_pass_both_passes(valid_doc: Doc) -> None:
    assert validate_document(valid_doc) == []
    assert schema_problems(valid_doc) == []
    assert shipped_validator().is_valid(valid_doc)


def test_schema_wording_matches_the_path_format() -> None:
    doc = minimal()
    doc["network"]["nodes"][1]["params"]["units"] = -3
    doc["training"] = {"batch_size": "big", "nope": 1}
    found = schema_problems(doc)
    assert Problem("network.nodes[1].params.units", "must be at least 1, got -3") in found
    assert Problem("training.batch_size", "must be a whole number, got 'big'") in found
    assert Problem("training.nope", "is not a known key") in found
