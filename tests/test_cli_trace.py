"""`nnstudio trace` and the design's "frozen" node field, from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from nnstudio import Design, Trainer
from nnstudio.cli import main
from nnstudio.core.gradcheck import worst_element

EXAMPLES = Path(__file__).resolve().parents[1] / "resources" / "examples"


def run(argv: list[object], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def design_file(tmp_path: Path, name: str = "xor", **node_changes: dict) -> Path:
    doc = json.loads((EXAMPLES / f"{name}.json").read_text())
    for node in doc["network"]["nodes"]:
        node.update(node_changes.get(node["id"], {}))
    doc["data"]["samples"] = 60
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(doc))
    return path


def test_trace_prints_the_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["trace", design_file(tmp_path), "--sample", "2"], capsys)
    assert code == 0, err
    assert "sample 2, loss " in out
    for text in ("h1    Dense", "dL/doutput", "h1.W (2, 8), largest relative error",
                 "  numerical  [", "update (adam, step 1)", "h1.W[0, 0]: w ← "):
        assert text in out


def test_json_has_the_layout_and_the_gradients_agree(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "t.json"
    code, _, err = run(["trace", design_file(tmp_path, "spiral"), "--sample", "0,3",
                        "--json", target], capsys)
    assert code == 0, err
    doc = json.loads(target.read_text())
    assert set(doc) == {"loss", "nodes", "params"} and isinstance(doc["loss"], float)
    assert set(doc["nodes"]) == {"x", "h1", "h2", "out"}
    assert np.shape(doc["nodes"]["h1"]["output"]) == (2, 16)
    assert np.shape(doc["nodes"]["h1"]["grad_output"]) == (2, 16)
    for name, p in doc["params"].items():
        assert set(p) == {"value", "grad", "numeric_grad"}
        worst = worst_element(np.array(p["grad"]), np.array(p["numeric_grad"]))
        assert worst.ok, f"{name}: {worst}"


def test_weights_are_the_ones_traced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    design = design_file(tmp_path)
    weights, target = tmp_path / "w.npz", tmp_path / "t.json"
    assert run(["train", design, "--epochs", "2", "--quiet", "--save-weights", weights],
               capsys)[0] == 0
    assert run(["trace", design, "--weights", weights, "--json", target], capsys)[0] == 0
    with np.load(weights) as saved:
        np.testing.assert_allclose(json.loads(target.read_text())["params"]["h1.W"]["value"],
                                   saved["h1.W"], rtol=1e-6)


@pytest.mark.parametrize(("args", "code", "message"), [
    (["--sample", "x"], 2, "must be a sample number"),
    (["--sample", "-1"], 2, "sample numbers start at 0"),
    (["--epsilon", "0"], 2, "must be a number in (0, 1]"),
    (["--epsilon", "big"], 2, "must be a number in (0, 1]"),
    (["--sample", "60"], 1, "sample 60 does not exist: the train split has"),
    (["--weights", "missing.npz"], 1, "missing.npz"),
])
def test_bad_input_gets_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  args: list[str], code: int, message: str) -> None:
    found, _, err = run(["trace", design_file(tmp_path), *args], capsys)
    assert found == code and message in err
    assert "Traceback" not in err


def test_frozen_must_be_true_or_false(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["validate", design_file(tmp_path, h1={"frozen": "yes"}), "--no-data"],
                       capsys)
    assert code == 1
    assert "network.nodes[1].frozen: must be true or false, got 'yes'" in err


def test_a_frozen_node_of_a_design_keeps_its_weights(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    design = Design.load(design_file(tmp_path, h1={"frozen": True}))
    assert run(["validate", design.path], capsys)[0] == 0
    trainer = Trainer(design)
    before = trainer.network.state_dict()
    trainer.run_epoch()
    after = trainer.network.state_dict()
    np.testing.assert_array_equal(after["h1.W"], before["h1.W"])
    assert not np.array_equal(after["out.W"], before["out.W"])
    design.save(tmp_path / "copy.json")
    saved = json.loads((tmp_path / "copy.json").read_text())
    assert saved["network"]["nodes"][1]["frozen"] is True
