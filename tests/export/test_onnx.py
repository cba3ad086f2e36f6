"""The ONNX export: opset 17, one input and one output, nnstudio's inference output."""

from __future__ import annotations

import sys

import numpy as np
import pytest
from export_designs import DESIGNS, mlp_batchnorm_dropout, trained_reference

from nnstudio import DesignError
from nnstudio.design import save_weights
from nnstudio.export import export_design, onnx_export


def test_without_the_onnx_package_the_message_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)  # import onnx now raises ImportError
    with pytest.raises(DesignError, match="pip install onnx"):
        export_design(mlp_batchnorm_dropout(), "onnx", tmp_path / "m.onnx")
    assert not list(tmp_path.iterdir())


def test_a_node_the_format_cannot_express_is_named(tmp_path, monkeypatch):
    pytest.importorskip("onnx")
    monkeypatch.delitem(onnx_export.EMITTERS, "LeakyReLU")
    with pytest.raises(DesignError, match=r"network.nodes\[5\]: act: the ONNX export cannot "
                                          r"express a LeakyReLU node"):
        export_design(mlp_batchnorm_dropout(), "onnx", tmp_path / "m.onnx")


@pytest.mark.parametrize("name", sorted(DESIGNS))
def test_the_model_is_opset_17_with_one_input_and_output(name, tmp_path):
    onnx = pytest.importorskip("onnx")
    export_design(DESIGNS[name](), "onnx", tmp_path / "m.onnx")
    model = onnx.load(str(tmp_path / "m.onnx"))
    onnx.checker.check_model(model)
    assert [o.version for o in model.opset_import if o.domain in ("", "ai.onnx")] == [17]
    assert [i.name for i in model.graph.input] == ["input"]
    assert [o.name for o in model.graph.output] == ["output"]


@pytest.mark.parametrize("name", sorted(DESIGNS))
def test_onnxruntime_gives_nnstudio_inference(name, tmp_path):
    pytest.importorskip("onnx")
    ort = pytest.importorskip("onnxruntime")
    design = DESIGNS[name]()
    net, x, expected = trained_reference(design)
    save_weights(net, tmp_path / "trained.npz")
    export_design(design, "onnx", tmp_path / "m.onnx", weights=tmp_path / "trained.npz")
    session = ort.InferenceSession(str(tmp_path / "m.onnx"), providers=["CPUExecutionProvider"])
    (got,) = session.run(None, {"input": x})
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-6)
