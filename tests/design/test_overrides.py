"""Changes to a design by dotted path: nodes by id, whole sections, bad paths, validation."""

from __future__ import annotations

import copy

import pytest
from design_docs import mlp

from nnstudio.design import Design, DesignError
from nnstudio.design.overrides import apply_overrides, is_dotted_path


def problems(doc, overrides, **options) -> list[str]:
    with pytest.raises(DesignError) as caught:
        apply_overrides(doc, overrides, **options)
    return [str(p) for p in caught.value.problems]


def test_a_value_is_set_in_a_new_document_and_the_original_is_untouched():
    doc = mlp()
    before = copy.deepcopy(doc)
    out = apply_overrides(doc, {"training.optimizer.lr": 0.1, "data.noise": 0.3})
    assert out["training"]["optimizer"] == {"type": "adam", "lr": 0.1}
    assert out["data"]["noise"] == 0.3
    assert doc == before
    out["network"]["nodes"][0]["params"]["shape"].append(3)
    assert doc == before  # nothing shared


def test_nodes_are_addressed_by_id_not_position():
    doc = mlp()
    doc["network"]["nodes"].reverse()
    out = apply_overrides(doc, {"network.nodes.h1.params.units": 3,
                                "network.nodes.h1.params.l2": 0.01})
    h1 = next(n for n in out["network"]["nodes"] if n["id"] == "h1")
    assert h1["params"] == {"units": 3, "activation": "tanh", "l2": 0.01}
    assert out["network"]["nodes"][0] == doc["network"]["nodes"][0]


def test_missing_objects_on_the_way_are_created():
    doc = mlp()
    del doc["training"]
    out = apply_overrides(doc, {"training.optimizer.lr": 0.5})
    assert out["training"] == {"optimizer": {"lr": 0.5}}
    assert Design.from_dict(out).training["optimizer"]["type"] == "adam"


def test_a_whole_section_or_list_item_is_replaced():
    doc = mlp()
    network = copy.deepcopy(doc["network"])
    network["nodes"].insert(2, {"id": "h2", "type": "Dense", "params": {"units": 4}})
    network["edges"] = [["x", "h1"], ["h1", "h2"], ["h2", "out"]]
    out = apply_overrides(doc, {"network": network, "data": {"source": "toy2d", "name": "xor"},
                                "network.nodes.h2.pos": [1, 2],
                                "network.edges.0": ["x", "h1"]})
    assert [n["id"] for n in out["network"]["nodes"]] == ["x", "h1", "h2", "out"]
    assert out["network"]["nodes"][2]["pos"] == [1, 2]
    assert out["data"] == {"source": "toy2d", "name": "xor"}


def test_values_are_copied_in():
    value = {"type": "sgd", "lr": 0.1}
    out = apply_overrides(mlp(), {"training.optimizer": value})
    value["lr"] = 5
    assert out["training"]["optimizer"]["lr"] == 0.1


def test_a_path_that_does_not_resolve_is_named():
    assert problems(mlp(), {"network.nodes.h9.params.units": 2}) == [
        "network.nodes.h9.params.units: the network has no node 'h9' (its nodes: x, h1, out)"]
    assert problems(mlp(), {"network.nodes.H1.params.units": 2}) == [
        "network.nodes.H1.params.units: the network has no node 'H1' (did you mean 'h1'?)"]
    assert problems(mlp(), {"training.epochs.max": 2}) == [
        "training.epochs.max: training.epochs is 300, which has no 'max' inside"]
    assert problems(mlp(), {"network.nodes.h1.pos.5": 2}) == [
        "network.nodes.h1.pos.5: network.nodes.h1.pos is a list of 2: '5' is not a position in it"]
    assert problems(mlp(), {"network.edges.first": 2}) == [
        "network.edges.first: network.edges is a list of 2: 'first' is not a position in it"]


def test_every_bad_path_is_reported_at_once():
    assert problems(mlp(), {"": 1, "training..lr": 1, "network.nodes.zz": 1}) == [
        "is not a dotted path such as training.optimizer.lr (got '')",
        "training..lr: is not a dotted path such as training.optimizer.lr (got 'training..lr')",
        "network.nodes.zz: the network has no node 'zz' (its nodes: x, h1, out)"]
    assert not is_dotted_path(3) and is_dotted_path("data.noise")


def test_the_result_must_still_validate():
    assert problems(mlp(), {"network.nodes.h1.params.units": -3}) == [
        "network.nodes[1].params.units: must be at least 1, got -3"]
    assert problems(mlp(), {"data.nosie": 0.3}) == [
        "data.nosie: is not a known key (did you mean 'noise'?)"]
    out = apply_overrides(mlp(), {"data.nosie": 0.3}, validate=False)
    assert out["data"]["nosie"] == 0.3
