"""A design as an ONNX model (opset 17) for inference, built with the `onnx` package's helpers.

One float32 input "input" (batch, *shape) and one output "output"; the weights are
initializers. Dropout is the identity (inference); BatchNorm uses the running statistics.
The `onnx` package is imported only here, when an ONNX export is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from nnstudio.design.errors import DesignError
from nnstudio.export.common import (
    ExportNode,
    ExportPlan,
    activation_of,
    batch_axis,
    emitter_for,
    padding_of,
)

FORMAT = "ONNX"
OPSET = 17
#: the ONNX file format version that goes with opset 17 (readers older than the onnx package
#: writing the file can open it)
IR_VERSION = 8
INPUT, OUTPUT = "input", "output"


def _load_onnx() -> Any:
    try:
        import onnx
    except ImportError:
        raise DesignError("the ONNX export needs the onnx package: pip install onnx") from None
    return onnx


class GraphBuilder:
    """Collects nodes and initializers; every node's value gets a fresh tensor name."""

    def __init__(self, onnx: Any, plan: ExportPlan):
        self.onnx = onnx
        self.plan = plan
        self.nodes: list[Any] = []
        self.initializers: list[Any] = []
        self._count = 0

    def fresh(self, stem: str) -> str:
        self._count += 1
        return f"{stem}/{self._count}"

    def op(self, op_type: str, inputs: list[str], stem: str, **attributes: Any) -> str:
        """Add one ONNX node; returns its output's name."""
        out = self.fresh(stem)
        self.nodes.append(self.onnx.helper.make_node(op_type, inputs, [out], name=out,
                                                     **attributes))
        return out

    def ops(self, op_type: str, inputs: list[str], stem: str, outputs: int,
            **attributes: Any) -> list[str]:
        """Add one ONNX node with several outputs; returns their names."""
        names = [self.fresh(stem) for _ in range(outputs)]
        self.nodes.append(self.onnx.helper.make_node(op_type, inputs, names, name=names[0],
                                                     **attributes))
        return names

    def constant(self, name: str, value: np.ndarray, dtype: type = np.float32) -> str:
        self.initializers.append(self.onnx.numpy_helper.from_array(
            np.ascontiguousarray(value, dtype=dtype), name))
        return name

    def array(self, key: str) -> str:
        """The initializer holding the weights array `key` ("h1.W")."""
        return self.constant(key, self.plan.state[key])

    def activation(self, name: str, value: str, stem: str, **params: Any) -> str:
        """`value` through an activation by nnstudio name."""
        simple = {"relu": "Relu", "sigmoid": "Sigmoid", "tanh": "Tanh"}
        if name == "linear":
            return value
        if name in simple:
            return self.op(simple[name], [value], stem)
        if name == "leaky_relu":
            return self.op("LeakyRelu", [value], stem,
                           alpha=float(params.get("negative_slope", 0.01)))
        if name == "elu":
            return self.op("Elu", [value], stem, alpha=float(params.get("alpha", 1.0)))
        if name == "softmax":
            return self.op("Softmax", [value], stem, axis=1)
        # step: 1 where x > 0, else 0
        zero = self.constant(self.fresh(f"{stem}/zero"), np.zeros((), np.float32))
        above = self.op("Greater", [value, zero], stem)
        return self.op("Cast", [above], stem, to=self.onnx.TensorProto.FLOAT)


Emit = Callable[[GraphBuilder, ExportNode, list[str]], str]


def _dense(g: GraphBuilder, node: ExportNode, xs: list[str]) -> str:
    z = g.op("MatMul", [xs[0], g.array(f"{node.id}.W")], node.name)
    if node.params["use_bias"]:
        z = g.op("Add", [z, g.array(f"{node.id}.b")], node.name)
    return g.activation(node.params["activation"], z, node.name)


def _onnx_pads(node: ExportNode) -> list[int]:
    top, bottom, left, right = padding_of(node)
    return [top, left, bottom, right]


def _pairs(node: ExportNode, key: str) -> list[int]:
    value = node.params[key]
    return [int(v) for v in value] if isinstance(value, list | tuple) else [int(value)] * 2


def _conv(g: GraphBuilder, node: ExportNode, xs: list[str]) -> str:
    inputs = [xs[0], g.array(f"{node.id}.W")]
    if node.params["use_bias"]:
        inputs.append(g.array(f"{node.id}.b"))
    z = g.op("Conv", inputs, node.name, kernel_shape=_pairs(node, "kernel_size"),
             strides=_pairs(node, "stride"), pads=_onnx_pads(node))
    return g.activation(node.params["activation"], z, node.name)


def _pool(op_type: str, **extra: Any) -> Emit:
    def emit(g: GraphBuilder, node: ExportNode, xs: list[str]) -> str:
        return g.op(op_type, [xs[0]], node.name, kernel_shape=_pairs(node, "pool_size"),
                    strides=_pairs(node, "stride"), pads=_onnx_pads(node), **extra)
    return emit


def _batch_norm(g: GraphBuilder, node: ExportNode, xs: list[str]) -> str:
    arrays = [g.array(f"{node.id}.{k}") for k in ("gamma", "beta", "running_mean", "running_var")]
    return g.op("BatchNormalization", [xs[0], *arrays], node.name,
                epsilon=float(node.params["eps"]), momentum=1.0 - float(node.params["momentum"]))


def _activation_node(g: GraphBuilder, node: ExportNode, xs: list[str]) -> str:
    return g.activation(activation_of(node), xs[0], node.name, **node.params)


def _add(g: GraphBuilder, node: ExportNode, xs: list[str]) -> str:
    return g.op("Sum", xs, node.name)


def _concatenate(g: GraphBuilder, node: ExportNode, xs: list[str]) -> str:
    axis = batch_axis(int(node.params["axis"]), len(node.input_shapes[0]))
    return g.op("Concat", xs, node.name, axis=axis)


def _embedding(g: GraphBuilder, node: ExportNode, xs: list[str]) -> str:
    ids = g.op("Cast", xs, node.name, to=g.onnx.TensorProto.INT64)
    return g.op("Gather", [g.array(f"{node.id}.W"), ids], node.name, axis=0)


#: ONNX's LSTM gates are i, o, f, c; nnstudio's (torch's) i, f, g, o: the blocks to take
_ONNX_GATES = (0, 3, 1, 2)


def _recurrent(g: GraphBuilder, node: ExportNode, xs: list[str]) -> str:
    """ONNX RNN/LSTM (time-major, one direction): W (1, gates·units, F) is nnstudio's W
    transposed, R likewise U, B the bias and a zero recurrence bias."""
    p, units = node.params, int(node.params["units"])
    lstm = node.type == "LSTM"

    def onnx_layout(key: str) -> np.ndarray:
        value = g.plan.state[key]
        if lstm:
            blocks = np.split(value, 4, axis=-1)
            value = np.concatenate([blocks[k] for k in _ONNX_GATES], axis=-1)
        return value.T[None] if value.ndim == 2 else value[None]

    inputs = [g.op("Transpose", xs, node.name, perm=[1, 0, 2]),
              g.constant(g.fresh(f"{node.name}/W"), onnx_layout(f"{node.id}.W")),
              g.constant(g.fresh(f"{node.name}/R"), onnx_layout(f"{node.id}.U"))]
    if p["use_bias"]:
        b = onnx_layout(f"{node.id}.b")
        inputs.append(g.constant(g.fresh(f"{node.name}/B"),
                                 np.concatenate([b, np.zeros_like(b)], axis=-1)))
    attributes: dict[str, Any] = {"hidden_size": units}
    if not lstm:
        attributes["activations"] = ["Tanh" if p["activation"] == "tanh" else "Relu"]
    y, y_h = g.ops(node.type, inputs, node.name, 3 if lstm else 2, **attributes)[:2]
    if p["return_sequences"]:  # Y (T, 1, N, units) → (N, T, units)
        axis = g.constant(g.fresh(f"{node.name}/axis"), np.array([1]), np.int64)
        steps = g.op("Squeeze", [y, axis], node.name)
        return g.op("Transpose", [steps], node.name, perm=[1, 0, 2])
    axis = g.constant(g.fresh(f"{node.name}/axis"), np.array([0]), np.int64)
    return g.op("Squeeze", [y_h, axis], node.name)  # Y_h (1, N, units) → (N, units)


EMITTERS: dict[str, Emit] = {
    "Input": lambda g, node, xs: INPUT,
    "Dense": _dense,
    "Conv2D": _conv,
    "MaxPool2D": _pool("MaxPool"),
    "AvgPool2D": _pool("AveragePool", count_include_pad=1),
    "Flatten": lambda g, node, xs: g.op("Flatten", xs, node.name, axis=1),
    "Dropout": lambda g, node, xs: g.op("Identity", xs, node.name),
    "BatchNorm": _batch_norm,
    **{t: _activation_node for t in ("ReLU", "LeakyReLU", "Sigmoid", "Tanh", "Softmax", "ELU",
                                     "Step", "Linear")},
    "Add": _add,
    "Concatenate": _concatenate,
    "Embedding": _embedding,
    "RNN": _recurrent,
    "LSTM": _recurrent,
}


def build_graph(onnx: Any, plan: ExportPlan) -> Any:
    """The ONNX ModelProto of `plan`; DesignError for a node ONNX export cannot express."""
    g = GraphBuilder(onnx, plan)
    values: dict[str, str] = {}
    for node in plan.nodes:
        emit = emitter_for(EMITTERS, node, FORMAT)
        values[node.id] = emit(g, node, [values[s] for s in node.inputs])
    g.nodes.append(onnx.helper.make_node("Identity", [values[plan.output_id]], [OUTPUT],
                                         name=OUTPUT))
    float32 = onnx.TensorProto.FLOAT
    graph = onnx.helper.make_graph(
        g.nodes, _graph_name(plan),
        [onnx.helper.make_tensor_value_info(INPUT, float32, ["batch", *plan.input.shape])],
        [onnx.helper.make_tensor_value_info(OUTPUT, float32, ["batch", *plan.output.shape])],
        g.initializers)
    model = onnx.helper.make_model(graph, producer_name="nnstudio",
                                   opset_imports=[onnx.helper.make_opsetid("", OPSET)])
    model.ir_version = IR_VERSION
    model.doc_string = plan.design_name
    onnx.checker.check_model(model)
    return model


def _graph_name(plan: ExportPlan) -> str:
    return "".join(c if c.isalnum() else "_" for c in plan.design_name)[:64] or "nnstudio"


def onnx_bytes(plan: ExportPlan) -> bytes:
    """The serialised ONNX model of `plan`."""
    onnx = _load_onnx()
    return bytes(build_graph(onnx, plan).SerializeToString())
