"""`nnstudio train DESIGN --vary KEY=V1,V2` and `--race`: the table, the JSON, bad keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nnstudio.cli import main

DOC = {
    "format": "nnstudio-design", "version": 1, "name": "tiny xor",
    "network": {"nodes": [
        {"id": "x", "type": "Input", "params": {"shape": [2]}},
        {"id": "h1", "type": "Dense", "params": {"units": 4, "activation": "tanh"}},
        {"id": "out", "type": "Dense", "params": {"units": 2}}],
        "edges": [["x", "h1"], ["h1", "out"]]},
    "data": {"source": "toy2d", "name": "xor", "samples": 80, "seed": 2},
    "training": {"optimizer": {"type": "adam", "lr": 0.02}, "batch_size": 16, "epochs": 2},
}


@pytest.fixture
def design(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(DOC))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_vary_prints_a_table_of_every_variant(design: Path, capsys) -> None:
    code, out, err = run(capsys, "train", design, "--vary", "training.optimizer.type=sgd,adam",
                         "--quiet")
    assert code == 0, err
    table = out[out.index("\nvariant") + 1:].splitlines()
    assert table[0].split()[:3] == ["variant", "status", "epochs"]
    assert "validation_accuracy" in table[0] and table[0].endswith("steps/s")
    assert table[2].startswith("optimizer.type=sgd") and table[3].startswith("optimizer.type=adam")
    assert all(" finished " in row and " 2 " in row for row in table[2:])


def test_two_keys_race_every_combination_and_write_each_to_json(design: Path, tmp_path: Path,
                                                                capsys) -> None:
    target = tmp_path / "m.json"
    code, out, _ = run(capsys, "train", design, "--vary", "training.optimizer.lr=0.1,0.01",
                       "--vary", "network.nodes.h1.params.activation=relu,tanh",
                       "--epochs", "1", "--metrics-json", target)
    assert code == 0
    assert out.count("[optimizer.lr=0.1, h1.activation=relu] epoch 1/1") == 1
    results = json.loads(target.read_text())["results"]
    assert [r["overrides"] for r in results] == [
        {"training.optimizer.lr": lr, "network.nodes.h1.params.activation": act}
        for lr in (0.1, 0.01) for act in ("relu", "tanh")]
    assert all(r["epochs"] == 1 and len(r["history"]) == 1 and "train_loss" in r
               for r in results)


def test_race_runs_the_saved_race_section(design: Path, capsys) -> None:
    doc = {**DOC, "race": {"variants": [{"label": "slow", "overrides": {
        "training.optimizer.lr": 0.001}}, {"label": "fast", "overrides": {}}]}}
    design.write_text(json.dumps(doc))
    code, out, _ = run(capsys, "train", design, "--race", "--quiet")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[-2:]] == ["slow", "fast"]


@pytest.mark.parametrize(("vary", "code", "named"), [
    ("training.optimizer.lr", 2, "training.optimizer.lr"),
    ("training..lr=1,2", 2, "training..lr"),
    ("training.optimizer.lr=", 2, "training.optimizer.lr"),
    ("training.optimizer.lr=0.1", 2, "at least two values"),
    ("network.nodes.h9.params.units=2,3", 1, "h9"),
    ("training.optimizer.type=sgd,adamm", 1, "adamm"),
    ("training.epochs=1,-1", 1, "training.epochs"),
])
def test_a_bad_key_or_value_is_named(design: Path, capsys, vary: str, code: int,
                                     named: str) -> None:
    got, _, err = run(capsys, "train", design, "--vary", vary, "--quiet")
    assert got == code
    assert named in err and "Traceback" not in err


def test_save_weights_does_not_go_with_vary(design: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "train", design, "--vary", "training.seed=1,2",
                       "--save-weights", tmp_path / "w.npz")
    assert code == 2 and "--save-weights" in err


def test_race_without_a_race_section_says_so(design: Path, capsys) -> None:
    code, _, err = run(capsys, "train", design, "--race")
    assert code == 2 and "no race section" in err
