"""`nnstudio export`: exit codes and messages, never a traceback."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest
from export_designs import mlp_batchnorm_dropout

from nnstudio import cli
from nnstudio.export import pytorch

ROOT = Path(__file__).resolve().parents[2]
XOR = ROOT / "resources" / "examples" / "xor.json"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.main(list(argv), out), out.getvalue()


def test_export_writes_the_script_and_its_archives(tmp_path):
    code, out = run("export", str(XOR), "--format", "pytorch", "--output",
                    str(tmp_path / "xor.py"))
    assert code == 0
    assert out.splitlines() == [f"wrote {tmp_path / name}"
                                for name in ("xor.py", "xor.weights.npz", "xor.data.npz")]
    compile((tmp_path / "xor.py").read_text(), "xor.py", "exec")


def test_export_of_trained_weights_writes_those_weights(tmp_path):
    assert run("train", str(XOR), "--epochs", "2", "--quiet", "--save-weights",
               str(tmp_path / "w.npz"))[0] == 0
    code, _ = run("export", str(XOR), "--format", "keras", "--output", str(tmp_path / "k.py"),
                  "--weights", str(tmp_path / "w.npz"))
    assert code == 0
    with np.load(tmp_path / "w.npz") as trained, np.load(tmp_path / "k.weights.npz") as out:
        for key in trained.files:
            np.testing.assert_array_equal(out[key], trained[key])


def test_an_unknown_format_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        run("export", str(XOR), "--format", "tensorflow", "--output", str(tmp_path / "m"))
    assert exit_.value.code == 2
    assert "invalid choice: 'tensorflow'" in capsys.readouterr().err


def test_a_missing_output_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        run("export", str(XOR), "--format", "onnx")
    assert exit_.value.code == 2
    assert "--output" in capsys.readouterr().err


def test_a_missing_design_is_named(tmp_path, capsys):
    code, _ = run("export", str(tmp_path / "nope.json"), "--format", "pytorch", "--output",
                  str(tmp_path / "m.py"))
    assert code == 1
    err = capsys.readouterr().err
    assert "nope.json" in err and "Traceback" not in err


def test_weights_that_do_not_fit_are_named_and_nothing_is_written(tmp_path, capsys):
    np.savez(tmp_path / "bad.npz", **{"h1.W": np.zeros((3, 3), np.float32)})
    code, _ = run("export", str(XOR), "--format", "pytorch", "--output", str(tmp_path / "m.py"),
                  "--weights", str(tmp_path / "bad.npz"))
    assert code == 1
    err = capsys.readouterr().err
    assert err.startswith("nnstudio: ") and "h1.W" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.npz"]


def test_an_output_folder_that_does_not_exist_is_named(tmp_path, capsys):
    code, _ = run("export", str(XOR), "--format", "pytorch", "--output",
                  str(tmp_path / "no" / "m.py"))
    assert code == 1
    assert "No such file or directory" in capsys.readouterr().err


def test_a_node_the_format_cannot_express_is_named_on_stderr(tmp_path, capsys, monkeypatch):
    design = tmp_path / "mlp.json"
    design.write_text(json.dumps(mlp_batchnorm_dropout().to_dict()))
    monkeypatch.delitem(pytorch.EMITTERS, "Dropout")
    code, _ = run("export", str(design), "--format", "pytorch", "--output",
                  str(tmp_path / "m.py"))
    assert code == 1
    assert capsys.readouterr().err == (
        f"nnstudio: {design}: network.nodes[3]: drop: the PyTorch export cannot express a "
        "Dropout node yet; it can express " + ", ".join(sorted(pytorch.EMITTERS)) + "\n")
