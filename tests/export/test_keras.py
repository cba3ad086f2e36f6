"""The Keras 3 export: a script whose model reproduces nnstudio's, channels-last inside."""

from __future__ import annotations

import os

import numpy as np
import pytest
from export_designs import DESIGNS, mlp_batchnorm_dropout, trained_reference
from test_pytorch import load_module

from nnstudio import DesignError
from nnstudio.design import save_weights
from nnstudio.export import export_design, keras


@pytest.mark.parametrize("name", sorted(DESIGNS))
def test_the_script_compiles_names_every_node_and_says_what_differs(name, tmp_path):
    design = DESIGNS[name]()
    export_design(design, "keras", tmp_path / "model.py")
    source = (tmp_path / "model.py").read_text()
    compile(source, "model.py", "exec")
    for node in design.nodes:
        assert f"# {node['id']!r}: {node['type']}" in source
        if node["type"] != "Input":
            assert f"name={node['id']!r}" in source
    assert str(tmp_path) not in source and "/work" not in source
    assert "What cannot match nnstudio exactly:" in source
    assert "epsilon" in source and "moving variance" in source


def test_a_node_the_format_cannot_express_is_named(tmp_path, monkeypatch):
    monkeypatch.delitem(keras.EMITTERS, "Dropout")
    with pytest.raises(DesignError, match=r"network.nodes\[3\]: drop: the Keras export cannot "
                                          r"express a Dropout node"):
        export_design(mlp_batchnorm_dropout(), "keras", tmp_path / "m.py")
    assert not list(tmp_path.iterdir())


def _keras():
    os.environ.setdefault("KERAS_BACKEND", "torch")
    return pytest.importorskip("keras")


@pytest.mark.parametrize("name", sorted(DESIGNS))
def test_the_model_reproduces_nnstudio_inference(name, tmp_path):
    k = _keras()
    design = DESIGNS[name]()
    net, x, expected = trained_reference(design)
    save_weights(net, tmp_path / "trained.npz")
    export_design(design, "keras", tmp_path / "model.py", weights=tmp_path / "trained.npz")
    script = load_module(tmp_path / "model.py")
    model = script.build_model()
    got = k.ops.convert_to_numpy(model(x, training=False))
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-6)
    back = script.nnstudio_weights(model)
    for key, value in net.state_dict().items():
        np.testing.assert_allclose(back[key], value, rtol=1e-6, err_msg=key)


def test_the_script_trains(tmp_path):
    _keras()
    export_design(mlp_batchnorm_dropout(), "keras", tmp_path / "model.py")
    script = load_module(tmp_path / "model.py")
    model, logits_model = script.build_models()
    lines: list[str] = []
    history = script.train(model, logits_model, epochs=2, log=lines.append)
    assert len(history) == 2 and len(lines) == 2 and lines[0].startswith("epoch 1/2")
    assert all(np.isfinite(entry["validation_loss"]) for entry in history)
