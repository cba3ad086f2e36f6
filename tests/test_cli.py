"""The command line: exit codes, messages for bad input, train/validate/info output."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnstudio.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def small_design(tmp_path, **training):
    doc = json.loads((EXAMPLES / "xor.json").read_text())
    doc["training"].update(training)
    path = tmp_path / "xor.json"
    path.write_text(json.dumps(doc))
    return path


def test_validate_a_good_design(capsys):
    code, out, err = run(["validate", EXAMPLES / "spiral.json"], capsys)
    assert code == 0 and "valid" in out and not err


def mlp_doc(**changes):
    doc = {
        "format": "nnstudio-design", "version": 1, "name": "t",
        "network": {
            "nodes": [{"id": "x", "type": "Input", "params": {"shape": [2]}},
                      {"id": "h", "type": "Dense", "params": {"units": 4}},
                      {"id": "out", "type": "Dense", "params": {"units": 2}}],
            "edges": [["x", "h"], ["h", "out"]],
        },
    }
    for key, value in changes.items():
        target = doc
        *path, last = key.split("/")
        for part in path:
            target = target[int(part)] if part.isdigit() else target[part]
        target[last if not last.isdigit() else int(last)] = value
    return json.dumps(doc)


BAD_FILES = {
    "malformed": ('{"format": "nnstudio-design", "version": 1,, }', "line 1"),
    "truncated": (mlp_doc()[:60], "line"),
    "empty": ("", "empty"),
    "future version": (mlp_doc(version=7), "newer nnstudio"),
    "unknown type": (mlp_doc(**{"network/nodes/1/type": "Dens"}), "network.nodes[1].type"),
    "negative units": (mlp_doc(**{"network/nodes/1/params": {"units": -3}}),
                       "network.nodes[1].params.units"),
    "text units": (mlp_doc(**{"network/nodes/1/params": {"units": "eight"}}),
                   "network.nodes[1].params.units"),
    "absurd units": (mlp_doc(**{"network/nodes/1/params": {"units": 10**12}}),
                     "network.nodes[1].params.units"),
    "unknown activation": (
        mlp_doc(**{"network/nodes/1/params": {"units": 3, "activation": "swish"}}),
        "network.nodes[1].params.activation"),
    "cycle": (mlp_doc(**{"network/edges": [["x", "h"], ["h", "out"], ["out", "h"]]}), "cycle"),
    "dangling edge": (mlp_doc(**{"network/edges": [["x", "h"], ["h", "ghost"]]}),
                      "network.edges[1]"),
    "duplicate ids": (mlp_doc(**{"network/nodes/2/id": "h"}), "network.nodes[2]"),
    "missing input": (mlp_doc(**{"network/nodes/0/type": "Dense",
                                 "network/nodes/0/params": {"units": 2}}), "Input"),
    "shape mismatch": (mlp_doc(**{"network/nodes/0/params": {"shape": [1, 8, 8]}}), "Flatten"),
    "bad optimizer": (mlp_doc(training={"optimizer": {"type": "adamm"}}), "training.optimizer"),
    "bad data": (mlp_doc(data={"source": "toy2d", "name": "spirals"}), "data.name"),
    "type is an object": (mlp_doc(**{"network/nodes/1/type": {}}), "network.nodes[1].type"),
    "4301 digits": (mlp_doc().replace('"version": 1', '"version": 1' + "0" * 4300), "version"),
    "lr beyond a float": (mlp_doc(training={"optimizer": {"lr": 10**400}}),
                          "training.optimizer.lr"),
    "NaN literal": (mlp_doc().replace('"units": 4', '"units": NaN'),
                    "network.nodes[1].params.units"),
    "long data path": (mlp_doc(data={"source": "csv", "path": "c" * 300 + ".csv"}), "data.path"),
    "device as data": (mlp_doc(data={"source": "csv", "path": "/dev/zero"}), "not a regular"),
    "deep extension": (mlp_doc(**{"x-deep": "deep"}).replace('"deep"', "[" * 120 + "]" * 120),
                       "x-deep"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_validate_refuses_bad_files_with_a_path_and_no_traceback(case, tmp_path, capsys):
    text, expected = BAD_FILES[case]
    path = tmp_path / "bad.json"
    path.write_text(text)
    code, out, err = run(["validate", path], capsys)
    assert code == 1
    assert expected in err
    assert "Traceback" not in err + out


@pytest.mark.parametrize("command", ["validate", "info", "train"])
def test_a_truncated_file_is_named_once(command, tmp_path, capsys):
    path = tmp_path / "cut.json"
    path.write_text(mlp_doc()[:60])
    code, _, err = run([command, path], capsys)
    assert code == 1 and err.count(str(path)) == 1 and "truncated" in err


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_a_design_that_is_not_a_regular_file_is_refused_by_name(kind, tmp_path, capsys):
    path = {"fifo": tmp_path / "pipe.json", "folder": tmp_path,
            "device": Path("/dev/zero")}[kind]
    if kind == "fifo":
        os.mkfifo(path)
    for command in ("validate", "info", "train"):
        code, out, err = run([command, path], capsys)
        assert code == 1 and str(path) in err and "Traceback" not in err + out


def test_validate_refuses_binary_and_missing_files(tmp_path, capsys):
    path = tmp_path / "bin.json"
    path.write_bytes(bytes(range(256)) * 4)
    code, _, err = run(["validate", path], capsys)
    assert code == 1 and "text" in err
    code, _, err = run(["validate", tmp_path / "nope.json"], capsys)
    assert code == 1 and "nope.json" in err


def test_validate_checks_the_data_fits(tmp_path, capsys):
    path = tmp_path / "d.json"
    path.write_text(mlp_doc(data={"source": "builtin", "name": "iris"}))
    code, _, err = run(["validate", path], capsys)
    assert code == 1 and "network.nodes[0]" in err and "[4]" in err
    code, _, _ = run(["validate", "--no-data", path], capsys)
    assert code == 0


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["validate"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["train", "x.json", "--epochs", "0"])
    assert info.value.code == 2


def test_info_prints_a_summary_table(capsys):
    code, out, _ = run(["info", EXAMPLES / "digits_cnn.json"], capsys)
    assert code == 0
    assert "conv1" in out and "(None, 16, 8, 8)" in out and "160" in out
    assert "Total parameters: 6,090" in out


def test_train_writes_metrics_and_weights(tmp_path, capsys):
    design = small_design(tmp_path)
    metrics, weights = tmp_path / "m.json", tmp_path / "w.npz"
    code, out, _ = run(["train", design, "--epochs", "3", "--seed", "5",
                        "--metrics-json", metrics, "--save-weights", weights], capsys)
    assert code == 0
    assert out.count("epoch ") >= 3 and "val_acc" in out
    summary = json.loads(metrics.read_text())
    assert summary["epochs"] == 3 and len(summary["history"]) == 3
    for key in ("train_loss", "train_accuracy", "validation_loss", "validation_accuracy"):
        assert 0 <= summary[key] < 10
    with np.load(weights, allow_pickle=False) as npz:
        assert set(npz.files) == {"h1.W", "h1.b", "out.W", "out.b"}


def test_train_reports_test_metrics_when_there_is_a_test_split(tmp_path, capsys):
    metrics = tmp_path / "m.json"
    code, _, _ = run(["train", EXAMPLES / "iris.json", "--epochs", "2", "--quiet",
                      "--metrics-json", metrics], capsys)
    assert code == 0
    summary = json.loads(metrics.read_text())
    assert {"test_loss", "test_accuracy"} <= set(summary)


def test_a_diverging_run_exits_1_and_keeps_finite_weights(tmp_path, capsys):
    doc = json.loads((EXAMPLES / "sine.json").read_text())
    doc["training"].update(optimizer={"type": "sgd", "lr": 1e4}, epochs=5)
    design, weights = tmp_path / "sine.json", tmp_path / "w.npz"
    design.write_text(json.dumps(doc))
    code, _, err = run(["train", design, "--quiet", "--save-weights", weights], capsys)
    assert code == 1
    assert "diverged" in err and "learning rate" in err
    with np.load(weights, allow_pickle=False) as npz:
        assert all(np.isfinite(npz[k]).all() for k in npz.files)


def test_the_installed_entry_point_runs():
    result = subprocess.run([sys.executable, "-m", "nnstudio.cli", "info",
                             str(EXAMPLES / "xor.json")], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Total parameters" in result.stdout


def test_thousands_of_problems_are_counted_not_all_listed(tmp_path, capsys):
    path = tmp_path / "many.json"
    path.write_text(mlp_doc(**{"network/edges": [["x", f"m{i}"] for i in range(3000)]}))
    code, _, err = run(["validate", path], capsys)
    assert code == 1 and "3,000 problems" in err and "… and 2,950 more" in err
    assert len(err.splitlines()) == 52
