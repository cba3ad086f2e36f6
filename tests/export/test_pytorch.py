"""The PyTorch export: a readable script that reproduces nnstudio's network and its training."""

from __future__ import annotations

import ast
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
from nnstudio.export.script import SCRIPT_LOSSES

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "resources" / "examples"
SPIRAL = EXAMPLES / "spiral.json"


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


def _float64_run(design: Design, tmp_path: Path, steps: int | None = None):
    """(nnstudio's float64 Trainer, the exported script, its model) after the same training:
    `steps` mini-batches (default: one epoch and two more), or the whole run when 0."""
    torch = pytest.importorskip("torch")
    trainer = Trainer(design, dtype=np.float64)
    np.savez(tmp_path / "start.npz", **trainer.network.state_dict())
    export_design(design, "pytorch", tmp_path / "model.py")
    script = load_module(tmp_path / "model.py")
    model = script.build_model(tmp_path / "start.npz", dtype=torch.float64)
    data = {}
    for split in ("train", "validation", "test"):
        data[f"x_{split}"], data[f"y_{split}"] = trainer.samples(split)
    if steps == 0:
        script.train(model, data, log=lambda line: None)
        trainer.run()
        return trainer, script, model
    steps = steps or trainer.batches_per_epoch + 2  # across an epoch's end: a second shuffle
    script.train(model, data, epochs=steps, max_steps=steps, log=lambda line: None)
    for _ in range(steps):
        trainer.step()
    return trainer, script, model


def _assert_same_weights(trainer, script, model) -> None:
    ours, theirs = trainer.network.state_dict(), script.nnstudio_weights(model)
    assert sorted(ours) == sorted(theirs)
    for key in ours:
        np.testing.assert_allclose(theirs[key], ours[key], rtol=1e-9, atol=1e-12, err_msg=key)


@pytest.mark.parametrize("name", sorted(DESIGNS))
def test_training_in_float64_is_step_for_step_nnstudio(name, tmp_path):
    _assert_same_weights(*_float64_run(_no_dropout(DESIGNS[name]()), tmp_path))


@pytest.mark.parametrize("example", sorted(p.stem for p in EXAMPLES.glob("*.json")))
def test_every_example_trains_step_for_step_as_nnstudio(example, tmp_path):
    design = Design.load(EXAMPLES / f"{example}.json")
    if Trainer(design).loss not in SCRIPT_LOSSES:
        pytest.skip("the scripts do not write this loss: "
                    "test_the_scripts_refuse_a_loss_they_cannot_write")
    _assert_same_weights(*_float64_run(design, tmp_path))


@pytest.mark.parametrize("format", ["pytorch", "keras"])
def test_the_scripts_refuse_a_loss_they_cannot_write(format, tmp_path):
    design = Design.load(EXAMPLES / "word2vec_en.json")
    with pytest.raises(DesignError, match=r"training\.loss: the (PyTorch|Keras) export cannot "
                                          r"write the negative_sampling loss yet; it writes mse"):
        export_design(design, format, tmp_path / "m.py")
    assert not list(tmp_path.iterdir())


def _with_training(design: Design, out: dict, **training) -> Design:
    doc = design.to_dict()
    doc["network"]["nodes"][-1]["params"].update(out)
    doc["training"].update(training)
    return Design.from_dict(doc)


LOSSES = {
    "mse": ({"units": 2, "activation": "linear"}, "mse"),
    "hinge": ({"units": 2, "activation": "linear"}, "hinge"),
    "cross_entropy_on_logits": ({"units": 2, "activation": "linear"}, "cross_entropy"),
    "binary_on_sigmoid": ({"units": 1, "activation": "sigmoid"}, "binary_cross_entropy"),
    "binary_on_logits": ({"units": 1, "activation": "linear"}, "binary_cross_entropy"),
    "mse_on_sigmoid_column": ({"units": 1, "activation": "sigmoid"}, "mse"),
}


@pytest.mark.parametrize("case", sorted(LOSSES))
def test_every_loss_trains_step_for_step_as_nnstudio(case, tmp_path):
    out, loss = LOSSES[case]
    design = _with_training(_no_dropout(mlp_batchnorm_dropout()), out, loss=loss)
    _assert_same_weights(*_float64_run(design, tmp_path))


OPTIMIZERS = [
    {"type": "sgd", "lr": 0.1, "momentum": 0.8, "nesterov": True, "weight_decay": 0.01},
    {"type": "momentum", "lr": 0.05, "dampening": 0.3},
    {"type": "adagrad", "lr": 0.1, "lr_decay": 0.01, "initial_accumulator_value": 0.1},
    {"type": "rmsprop", "lr": 0.01, "momentum": 0.5, "centered": True},
    {"type": "adam", "lr": 0.02, "betas": [0.8, 0.99], "amsgrad": True, "weight_decay": 0.01},
    {"type": "adamw", "lr": 0.02},
]


@pytest.mark.parametrize("optimizer", OPTIMIZERS, ids=lambda o: o["type"])
def test_every_optimizer_trains_step_for_step_as_nnstudio(optimizer, tmp_path):
    design = _with_training(_no_dropout(mlp_batchnorm_dropout()), {}, optimizer=optimizer)
    _assert_same_weights(*_float64_run(design, tmp_path))


def test_early_stopping_stops_at_the_same_epoch_with_the_same_best_weights(tmp_path):
    design = _with_training(_no_dropout(mlp_batchnorm_dropout()), {}, epochs=40,
                            optimizer={"type": "sgd", "lr": 2.0},
                            early_stopping={"patience": 2, "min_delta": 0.001})
    trainer, script, model = _float64_run(design, tmp_path, steps=0)
    assert trainer.stopped_early and trainer.epoch < 40
    _assert_same_weights(trainer, script, model)


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


@pytest.mark.parametrize("format", ["pytorch", "keras"])
def test_a_hostile_design_name_stays_inside_the_docstrings(format, tmp_path):
    doc = mlp_batchnorm_dropout().to_dict()
    doc["name"] = 'evil """\\\n\r\x00\u2028 name" + __import__("os")'
    export_design(Design.from_dict(doc), format, tmp_path / "m.py")
    tree = ast.parse((tmp_path / "m.py").read_text())
    docstring = ast.get_docstring(tree)
    assert docstring is not None and docstring.startswith("evil '''/")
    assert "__import__" in docstring
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "__import__"]
