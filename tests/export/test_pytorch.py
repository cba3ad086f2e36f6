"""The PyTorch export: a readable script that reproduces nnstudio's network and its training."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from export_designs import DESIGNS, mlp_batchnorm_dropout, trained_reference

from nnstudio import Design, DesignError, Trainer
from nnstudio.design import save_weights
from nnstudio.export import export_design, pytorch
from nnstudio.export.common import plan_for

ROOT = Path(__file__).resolve().parents[2]
SPIRAL = ROOT / "resources" / "examples" / "spiral.json"


def load_module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(DESIGNS))
def test_the_script_compiles_and_names_every_node(name, tmp_path):
    design = DESIGNS[name]()
    out = tmp_path / "model.py"
    written = export_design(design, "pytorch", out)
    assert written == [out, tmp_path / "model.weights.npz", tmp_path / "model.data.npz"]
    source = out.read_text()
    compile(source, str(out), "exec")
    for node in design.nodes:
        assert f"# {node['id']!r}: {node['type']}" in source
        if node["type"] != "Input":
            assert f"self.{node['id']} = " in source
    assert str(tmp_path) not in source and "/work" not in source and "/home" not in source
    assert "import numpy as np\nimport torch\n" in source


def test_the_data_archive_holds_the_splits_as_the_trainer_makes_them(tmp_path):
    design = mlp_batchnorm_dropout()
    export_design(design, "pytorch", tmp_path / "m.py")
    trainer = Trainer(design)
    with np.load(tmp_path / "m.data.npz", allow_pickle=False) as data:
        assert sorted(data.files) == sorted(f"{a}_{s}" for a in "xy"
                                            for s in ("train", "validation", "test"))
        for split in ("train", "validation", "test"):
            x, y = trainer.samples(split)
            np.testing.assert_array_equal(data[f"x_{split}"], x)
            np.testing.assert_array_equal(data[f"y_{split}"], y)
    with np.load(tmp_path / "m.weights.npz", allow_pickle=False) as weights:
        state = trainer.network.state_dict()
        assert sorted(weights.files) == sorted(state)
        for key, value in state.items():
            np.testing.assert_array_equal(weights[key], value)


def test_a_node_the_format_cannot_express_is_named(tmp_path, monkeypatch):
    monkeypatch.delitem(pytorch.EMITTERS, "BatchNorm")
    with pytest.raises(DesignError) as info:
        export_design(mlp_batchnorm_dropout(), "pytorch", tmp_path / "m.py")
    assert str(info.value).startswith("network.nodes[2]: bn: the PyTorch export cannot express "
                                      "a BatchNorm node")
    assert not list(tmp_path.iterdir())


def test_names_that_are_not_identifiers_become_attributes(tmp_path):
    doc = mlp_batchnorm_dropout().to_dict()
    renames = {"h1": "1st layer", "bn": "class", "drop": "drop-out"}
    for node in doc["network"]["nodes"]:
        node["id"] = renames.get(node["id"], node["id"])
    doc["network"]["edges"] = [[renames.get(a, a), renames.get(b, b)]
                               for a, b in doc["network"]["edges"]]
    export_design(Design.from_dict(doc), "pytorch", tmp_path / "m.py")
    source = (tmp_path / "m.py").read_text()
    compile(source, "m.py", "exec")
    for attribute, original in (("n_1st_layer", "1st layer"), ("n_class", "class"),
                                ("drop_out", "drop-out")):
        assert f"# {original!r}: " in source and f"self.{attribute} = " in source


# -- with torch -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", sorted(DESIGNS))
def test_the_model_reproduces_nnstudio_inference(name, tmp_path):
    torch = pytest.importorskip("torch")
    design = DESIGNS[name]()
    net, x, expected = trained_reference(design)
    save_weights(net, tmp_path / "trained.npz")
    export_design(design, "pytorch", tmp_path / "model.py", weights=tmp_path / "trained.npz")
    model = load_module(tmp_path / "model.py").build_model().eval()
    with torch.no_grad():
        got = model(torch.as_tensor(x)).numpy()
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-6)


def _no_dropout(design: Design) -> Design:
    doc = design.to_dict()
    nodes = doc["network"]["nodes"]
    drops = {n["id"] for n in nodes if n["type"] == "Dropout"}
    doc["network"]["nodes"] = [n for n in nodes if n["id"] not in drops]
    edges = doc["network"]["edges"]
    feeds = {b: a for a, b in edges if b in drops}
    doc["network"]["edges"] = [[feeds.get(a, a), b] for a, b in edges if b not in drops]
    return Design.from_dict(doc)


@pytest.mark.parametrize("name", sorted(DESIGNS))
def test_training_in_float64_is_step_for_step_nnstudio(name, tmp_path):
    torch = pytest.importorskip("torch")
    design = _no_dropout(DESIGNS[name]())
    trainer = Trainer(design, dtype=np.float64)
    np.savez(tmp_path / "start.npz", **trainer.network.state_dict())
    export_design(design, "pytorch", tmp_path / "model.py")
    script = load_module(tmp_path / "model.py")
    model = script.build_model(tmp_path / "start.npz", dtype=torch.float64)
    data = {}
    for split in ("train", "validation", "test"):
        data[f"x_{split}"], data[f"y_{split}"] = trainer.samples(split)
    steps = trainer.batches_per_epoch + 2  # across an epoch's end: the second shuffle too
    script.train(model, data, epochs=2, max_steps=steps, log=lambda line: None)
    for _ in range(steps):
        trainer.step()
    ours, theirs = trainer.network.state_dict(), script.nnstudio_weights(model)
    assert sorted(ours) == sorted(theirs)
    for key in ours:
        np.testing.assert_allclose(theirs[key], ours[key], rtol=1e-9, atol=1e-12, err_msg=key)


def _validation_accuracy(lines: list[str]) -> float:
    (line,) = [line for line in lines if line.strip().startswith("validation")]
    return float(line.split()[-1])


def test_the_script_trains_the_spiral_as_nnstudio_train_does(tmp_path):
    pytest.importorskip("torch")
    epochs = "12"
    export_design(Design.load(SPIRAL), "pytorch", tmp_path / "spiral.py")
    script = subprocess.run([sys.executable, "spiral.py", "--epochs", epochs], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    assert script.returncode == 0, script.stderr
    lines = script.stdout.splitlines()
    assert sum(line.startswith("epoch ") for line in lines) == int(epochs)
    ours = subprocess.run([sys.executable, "-m", "nnstudio.cli", "train", str(SPIRAL),
                           "--epochs", epochs, "--quiet"], capture_output=True, text=True,
                          timeout=300)
    assert ours.returncode == 0, ours.stderr
    nnstudio = float(next(line.split()[-1] for line in ours.stdout.splitlines()
                          if line.strip().startswith("validation_accuracy")))
    assert abs(_validation_accuracy(lines) - nnstudio) <= 0.02


def test_plan_weights_are_float32_even_from_a_float64_archive(tmp_path):
    design = mlp_batchnorm_dropout()
    trainer = Trainer(design, dtype=np.float64)
    np.savez(tmp_path / "w.npz", **trainer.network.state_dict())
    plan = plan_for(design, tmp_path / "w.npz", with_training=False)
    assert {v.dtype for v in plan.state.values()} == {np.dtype(np.float32)}
