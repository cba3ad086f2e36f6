"""The Design: exact round trips, defaults, atomic saves, the read-only views."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from design_docs import csv_design, minimal, mlp

from nnstudio.design import Design, DesignError, build_network


def test_round_trip_is_exact(tmp_path: Path, valid_doc: dict[str, Any]) -> None:
    valid_doc["x-gui"] = {"zoom": 1.5}
    valid_doc["network"]["nodes"][0]["x-note"] = "the input"
    first = tmp_path / "a.json"
    Design.from_dict(valid_doc).save(first)
    second = tmp_path / "b.json"
    Design.load(first).save(second)
    assert second.read_bytes() == first.read_bytes()
    assert json.loads(first.read_text()) == valid_doc
    assert list(json.loads(first.read_text())) == list(valid_doc)


def test_hand_written_file_keeps_its_content_and_key_order(tmp_path: Path) -> None:
    doc = mlp()
    doc["network"]["nodes"][1] = {"pos": [12.5, -3], "params": {"activation": "tanh",
                                                                "units": 8},
                                  "type": "Dense", "id": "h1"}
    path = tmp_path / "hand.json"
    path.write_text(json.dumps(doc, separators=(",", ":")))
    design = Design.load(path)
    design.save()
    again = json.loads(path.read_text())
    assert again == doc
    assert list(again["network"]["nodes"][1]) == ["pos", "params", "type", "id"]
    assert again["network"]["nodes"][1]["pos"] == [12.5, -3]


def test_from_json_and_to_json() -> None:
    design = Design.from_json(json.dumps(mlp()))
    assert json.loads(design.to_json()) == mlp()
    assert design.to_json().endswith("}\n")
    assert design.path is None


def test_from_dict_copies_and_accepts_tuples() -> None:
    doc = mlp()
    doc["network"]["nodes"][0]["params"]["shape"] = (2,)
    design = Design.from_dict(doc)
    doc["name"] = "changed"
    assert design.name == "Spiral"
    assert design.to_dict()["network"]["nodes"][0]["params"]["shape"] == [2]
    design.to_dict()["name"] = "changed"
    assert design.name == "Spiral"


def test_default_design_is_valid_and_builds() -> None:
    design = Design.default()
    assert [n["type"] for n in design.nodes] == ["Input", "Dense", "Dense", "Dense"]
    assert all("pos" in n for n in design.nodes)
    assert design.data["source"] == "toy2d" and design.data["name"] == "spiral"
    assert design.training["optimizer"]["type"] == "adam"
    assert Design.from_json(design.to_json()) == design
    net = build_network(design)
    assert net.input_shape == (2,) and net.output_shape == (2,)


def test_missing_sections_take_their_defaults() -> None:
    design = Design.from_dict(minimal())
    assert design.name == "" and design.description == ""
    assert design.data["source"] == "toy2d" and design.data["name"] == "spiral"
    training = design.training
    assert training["loss"] == "auto"
    assert training["optimizer"]["type"] == "adam"
    assert training["optimizer"]["lr"] == pytest.approx(1e-3)
    assert training["optimizer"]["betas"] == [0.9, 0.999]
    assert (training["batch_size"], training["epochs"], training["seed"]) == (32, 100, 0)
    assert training["shuffle"] is True and training["early_stopping"] is False
    assert "data" not in design.to_dict() and "training" not in design.to_dict()


def test_training_view_resolves_aliases_and_early_stopping() -> None:
    doc = mlp()
    doc["training"]["early_stopping"] = True
    doc["training"]["epochs"] = 20.0
    training = Design.from_dict(doc).training
    assert training["loss"] == "cross_entropy"
    assert training["epochs"] == 20 and isinstance(training["epochs"], int)
    assert training["early_stopping"] == {"patience": 10, "min_delta": 0.0,
                                          "restore_best": True}
    doc["training"]["early_stopping"] = {"patience": 3}
    assert Design.from_dict(doc).training["early_stopping"]["patience"] == 3


def test_data_section_without_source_starts_from_the_spiral() -> None:
    doc = minimal()
    doc["data"] = {"noise": 0.3}
    data = Design.from_dict(doc).data
    assert (data["source"], data["name"], data["noise"]) == ("toy2d", "spiral", 0.3)


def test_views_are_copies() -> None:
    design = Design.from_dict(mlp())
    design.nodes[0]["id"] = "changed"
    design.edges.clear()
    assert design.nodes[0]["id"] == "x" and design.edges


def test_load_remembers_path_and_save_defaults_to_it(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text(json.dumps(mlp()))
    design = Design.load(path)
    assert design.path == path and design.base_dir == tmp_path
    design.save()
    assert json.loads(path.read_text()) == mlp()


def test_save_without_a_path_is_refused() -> None:
    with pytest.raises(DesignError, match="no file yet"):
        Design.default().save()


def test_failed_save_keeps_old_file_and_leaves_no_temp(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "d.json"
    path.write_text("the old content")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    design = Design.default()
    with pytest.raises(DesignError) as info:
        design.save(path)
    assert "Permission denied" in str(info.value)
    assert info.value.problems[0].path == ""
    assert path.read_text() == "the old content"
    assert os.listdir(tmp_path) == ["d.json"]
    assert design.path is None


def test_save_as_into_another_folder_keeps_data_paths_working(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "a" / "d.json").write_text(json.dumps(csv_design()))
    design = Design.load(tmp_path / "a" / "d.json")
    design.save(tmp_path / "b" / "c" / "d.json")
    assert design.data["path"] == "../../a/data/table.csv"
    assert (design.base_dir / design.data["path"]).resolve() == (
        tmp_path / "a" / "data" / "table.csv")
    design.save(tmp_path / "b" / "c" / "e.json")
    assert design.data["path"] == "../../a/data/table.csv"
    assert json.loads((tmp_path / "a" / "d.json").read_text()) == csv_design()


def test_equality_and_repr() -> None:
    assert Design.from_dict(mlp()) == Design.from_dict(mlp())
    assert Design.from_dict(mlp()) != Design.from_dict(minimal())
    assert "Spiral" in repr(Design.from_dict(mlp()))


def unfinished() -> dict[str, Any]:
    doc = mlp()
    doc["network"]["edges"].pop()  # "out" has no input yet
    return doc


def test_draft_accepts_an_unfinished_graph_but_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "wip.json"
    path.write_text(json.dumps(unfinished()))
    with pytest.raises(DesignError):
        Design.load(path)
    design = Design.load(path, draft=True)
    assert design.path == path
    with pytest.raises(DesignError) as info:
        build_network(design)
    assert "network.nodes[2]" in {p.path for p in info.value.problems}
    bad = unfinished()
    bad["network"]["nodes"][1]["params"]["units"] = -3
    with pytest.raises(DesignError) as info:
        Design.from_dict(bad, draft=True)
    assert [p.path for p in info.value.problems] == ["network.nodes[1].params.units"]
    assert Design.from_json(json.dumps(unfinished()), draft=True).edges == [["x", "h1"]]


def test_editing_the_network_in_place() -> None:
    doc = mlp()
    del doc["network"]["edges"]
    design = Design.from_dict(doc, draft=True)
    assert "edges" not in design.to_dict()["network"]
    design.network["edges"].extend([["x", "h1"], ["h1", "out"]])
    design.network["nodes"][1]["pos"] = [5, 5]
    assert design.edges == [["x", "h1"], ["h1", "out"]]
    assert design.nodes[1]["pos"] == [5, 5]
    assert build_network(design).output_shape == (2,)


def test_sections_can_be_read_and_replaced() -> None:
    design = Design.from_dict(mlp())
    assert design.section("training")["epochs"] == 300
    assert design.section("missing") is None
    design.section("training")["epochs"] = 1
    assert design.training["epochs"] == 300
    design.set_section("training", {**design.section("training"), "epochs": 5})
    assert design.training["epochs"] == 5
    assert list(design.to_dict()) == list(mlp())
    design.set_section("name", "renamed")
    assert design.name == "renamed"
    design.set_section("data", None)
    assert "data" not in design.to_dict() and design.data["name"] == "spiral"
    design.set_section("x-view", {"zoom": 2})
    assert design.section("x-view") == {"zoom": 2}


def test_invalid_sections_are_refused_and_leave_the_design_unchanged() -> None:
    design = Design.from_dict(mlp())
    with pytest.raises(DesignError) as info:
        design.set_section("training", {"epochs": 0, "optimizer": {"type": "adma"}})
    assert {p.path for p in info.value.problems} == {"training.epochs",
                                                     "training.optimizer.type"}
    with pytest.raises(DesignError):
        design.set_section("name", 5)
    with pytest.raises(KeyError):
        design.set_section("network", {})
    assert design == Design.from_dict(mlp())


def test_path_can_be_set() -> None:
    design = Design.default()
    design.path = "some/where.json"
    assert design.path == Path("some/where.json").absolute()
    design.path = None
    assert design.path is None and design.base_dir is None
