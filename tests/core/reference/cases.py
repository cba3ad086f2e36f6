"""What the torch reference fixtures hold: every node type, loss, optimiser option and a few
whole networks, as plain data (no torch here).

`make_reference.py` turns each case into torch's numbers; `test_reference_values.py` runs the
same case through nnstudio and compares. Add a case here when a node type, loss or optimiser
option is added, then rerun the script where torch is installed.
"""

from __future__ import annotations

import itertools
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

FIXTURES = Path(__file__).resolve().parent
#: the torch release the fixtures were made with (the only one the script accepts)
TORCH_VERSION = "2.13.0"


def rng_for(name: str) -> np.random.Generator:
    """A generator seeded by the case name, so adding a case never changes another's data."""
    return np.random.default_rng(zlib.crc32(name.encode()))


# -- layers ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LayerCase:
    """One node type with its params, fed `passes` batches in a row (one layer object).

    input_shapes: per-sample shapes, one per input. passes: "train" / "eval" for each batch;
    BatchNorm's running statistics carry from pass to pass. values: "normal" (N(0, 1)·3 with a
    0 at the first element, the kink of ReLU-like functions), "ties" (small integers with many
    equal maxima) or "ids" (whole numbers below the Embedding's num_embeddings, repeats
    included).
    """

    name: str
    type: str
    params: dict[str, Any]
    input_shapes: tuple[tuple[int, ...], ...]
    batch: int = 3
    passes: tuple[str, ...] = ("train",)
    values: str = "normal"
    #: False for forward-only layers (Step): the reference gradient is zero by definition
    differentiable: bool = True

    def inputs(self, pass_index: int) -> list[np.ndarray]:
        """The batches fed in pass `pass_index`, float64 (batch, *shape) each."""
        rng = rng_for(f"{self.name}/{pass_index}")
        xs = []
        for shape in self.input_shapes:
            full = (self.batch, *shape)
            if self.values == "ties":
                x = np.maximum(rng.integers(-2, 3, full), 0).astype(np.float64)
            elif self.values == "ids":
                x = rng.integers(0, self.params["num_embeddings"], full).astype(np.float64)
                x.flat[1] = x.flat[0]
            else:
                x = rng.standard_normal(full) * 3 * (pass_index + 1) + pass_index
                x.flat[0] = 0.0
            xs.append(x)
        return xs


_ACTIVATION_NODES = {
    "ReLU": {}, "LeakyReLU": {"negative_slope": 0.2}, "Sigmoid": {}, "Tanh": {},
    "Softmax": {}, "ELU": {"alpha": 0.7}, "Step": {}, "Linear": {},
}
_DENSE_ACTIVATIONS = ("linear", "relu", "leaky_relu", "sigmoid", "tanh", "softmax", "elu", "step")

_CONVS = {
    "plain": {"filters": 4},
    "stride2-pad1": {"filters": 4, "stride": 2, "padding": 1},
    "same": {"filters": 3, "padding": "same"},
    "same-even": {"filters": 3, "kernel_size": 2, "padding": "same"},
    "rect-same": {"filters": 3, "kernel_size": [4, 2], "padding": "same"},
    "rect-stride-pad": {"filters": 2, "kernel_size": [3, 2], "stride": [2, 3], "padding": [2, 1]},
    "1x1": {"filters": 3, "kernel_size": 1, "use_bias": False},
    "valid-stride3": {"filters": 3, "padding": "valid", "stride": 3, "activation": "relu"},
    "softmax": {"filters": 3, "padding": 1, "activation": "softmax"},
}
_POOLS = {
    "2": {},
    "3": {"pool_size": 3},
    "3-stride2-pad1": {"pool_size": 3, "stride": 2, "padding": 1},
    "3-stride1-pad1": {"pool_size": 3, "stride": 1, "padding": 1},
    "rect": {"pool_size": [2, 3], "stride": [1, 2], "padding": [1, 0]},
    "same": {"pool_size": 2, "padding": "same"},
}


def _layer_cases() -> list[LayerCase]:
    cases = [LayerCase("input", "Input", {"shape": [4]}, ((4,),))]
    cases += [LayerCase(f"dense-{a}", "Dense", {"units": 5, "activation": a}, ((4,),),
                        differentiable=a != "step") for a in _DENSE_ACTIVATIONS]
    cases.append(LayerCase("dense-nobias", "Dense", {"units": 3, "use_bias": False}, ((4,),)))
    cases += [LayerCase(f"conv-{k}", "Conv2D", p, ((2, 6, 7),), batch=2)
              for k, p in _CONVS.items()]
    for kind in ("MaxPool2D", "AvgPool2D"):
        cases += [LayerCase(f"{kind.lower()}-{k}", kind, p, ((2, 6, 7),), batch=2)
                  for k, p in _POOLS.items()]
    cases += [LayerCase(f"maxpool2d-ties-{k}", "MaxPool2D", p, ((2, 5, 6),), batch=2,
                        values="ties") for k, p in _POOLS.items()]
    cases.append(LayerCase("flatten", "Flatten", {}, ((2, 3, 4),)))
    cases += [
        LayerCase("dropout-eval", "Dropout", {"rate": 0.4}, ((5, 6),), passes=("eval",)),
        LayerCase("dropout-train", "Dropout", {"rate": 0.4}, ((5, 6),), batch=4),
        LayerCase("dropout-image", "Dropout", {"rate": 0.25}, ((2, 3, 3),)),
    ]
    bn_passes = ("train", "train", "train", "eval")
    cases += [
        LayerCase("batchnorm-1d", "BatchNorm", {}, ((5,),), batch=6, passes=bn_passes),
        LayerCase("batchnorm-1d-momentum", "BatchNorm", {"momentum": 0.3, "eps": 1e-3}, ((4,),),
                  batch=5, passes=bn_passes),
        LayerCase("batchnorm-2d", "BatchNorm", {}, ((3, 3, 4),), batch=3, passes=bn_passes),
        LayerCase("batchnorm-2d-momentum", "BatchNorm", {"momentum": 0.2, "eps": 1e-3},
                  ((2, 3, 3),), batch=3, passes=bn_passes),
    ]
    for kind, params in _ACTIVATION_NODES.items():
        for shape in ((6,), (2, 3, 3)):
            cases.append(LayerCase(f"{kind.lower()}-{len(shape)}d", kind, params, (shape,),
                                   differentiable=kind != "Step"))
    cases += [LayerCase("leakyrelu-default", "LeakyReLU", {}, ((6,),)),
              LayerCase("elu-default", "ELU", {}, ((6,),))]
    cases += [
        LayerCase("add-2", "Add", {}, ((2, 4, 4), (2, 4, 4))),
        LayerCase("add-3", "Add", {}, ((5,), (5,), (5,))),
        LayerCase("concatenate-features", "Concatenate", {"axis": 1}, ((3,), (5,))),
        LayerCase("concatenate-channels", "Concatenate", {"axis": 1},
                  ((2, 3, 3), (1, 3, 3), (4, 3, 3))),
        LayerCase("concatenate-last", "Concatenate", {"axis": -1}, ((2, 3, 2), (2, 3, 5))),
        LayerCase("concatenate-rows", "Concatenate", {"axis": 2}, ((2, 1, 3), (2, 4, 3))),
    ]
    cases += _sequence_cases()
    return cases


def _sequence_cases() -> list[LayerCase]:
    """Embedding, RNN, LSTM and Dense on a sequence (N, T, F)."""
    recurrent = {
        "": {"units": 4},
        "-seq": {"units": 3, "return_sequences": True},
        "-nobias-seq": {"units": 3, "use_bias": False, "return_sequences": True},
        "-one-step": {"units": 2},
    }
    cases = [LayerCase("embedding", "Embedding", {"num_embeddings": 7, "embedding_dim": 3},
                       ((5,),), values="ids"),
             LayerCase("dense-sequence", "Dense", {"units": 3, "activation": "tanh"},
                       ((4, 5),))]
    for kind in ("RNN", "LSTM"):
        for suffix, params in recurrent.items():
            steps = 1 if suffix == "-one-step" else 6
            cases.append(LayerCase(f"{kind.lower()}{suffix}", kind, params, ((steps, 3),)))
    cases.append(LayerCase("rnn-relu-seq", "RNN", {"units": 4, "activation": "relu",
                                                   "return_sequences": True}, ((5, 2),)))
    return cases


LAYER_CASES: list[LayerCase] = _layer_cases()


# -- losses ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LossCase:
    """compute_loss(loss, output, target, fused) on an output of `shape` (scaled by `scale`).

    targets: "values" (N(0, 1), shaped like target_shape), "binary" (0/1), "soft" (in [0, 1]),
    "classes" (integer labels < C), "sampled" (ids < C shaped like target_shape).
    """

    name: str
    loss: str
    shape: tuple[int, ...]
    targets: str
    fused: str | None = None
    scale: float = 2.0
    target_shape: tuple[int, ...] | None = None

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """(output float64, target) for this case."""
        rng = rng_for(self.name)
        output = rng.standard_normal(self.shape) * self.scale
        tshape = self.target_shape or self.shape
        if self.targets == "values":
            target = rng.standard_normal(tshape)
        elif self.targets == "binary":
            target = rng.integers(0, 2, tshape).astype(np.float64)
        elif self.targets == "soft":
            target = rng.random(tshape)
        elif self.targets == "sampled":  # the true id, then negatives (a repeat included)
            target = rng.integers(0, self.shape[1], tshape)
            target[0, 2] = target[0, 1]
        else:
            target = rng.integers(0, self.shape[1], self.shape[0])
        return output, target


LOSS_CASES: list[LossCase] = [
    LossCase("mse", "mse", (5, 3), "values"),
    LossCase("mse-column", "mse", (6, 1), "values"),
    LossCase("mse-column-flat-target", "mse", (6, 1), "values", target_shape=(6,)),
    LossCase("mse-flat", "mse", (6,), "values"),
    LossCase("cross_entropy", "cross_entropy", (7, 4), "classes"),
    LossCase("cross_entropy-large", "cross_entropy", (5, 3), "classes", scale=40.0),
    LossCase("cross_entropy-fused-softmax", "cross_entropy", (7, 4), "classes", fused="softmax"),
    LossCase("binary_cross_entropy", "binary_cross_entropy", (6, 1), "binary"),
    LossCase("binary_cross_entropy-soft", "binary_cross_entropy", (6, 3), "soft"),
    LossCase("binary_cross_entropy-large", "binary_cross_entropy", (6, 2), "binary", scale=40.0),
    LossCase("binary_cross_entropy-fused-sigmoid", "binary_cross_entropy", (7, 1), "binary",
             fused="sigmoid"),
    LossCase("binary_cross_entropy-fused-sigmoid-wide", "binary_cross_entropy", (5, 3), "soft",
             fused="sigmoid"),
    LossCase("hinge", "hinge", (8, 5), "classes"),
    LossCase("hinge-two-classes", "hinge", (9, 2), "classes", scale=0.6),
    LossCase("negative_sampling", "negative_sampling", (6, 7), "sampled", target_shape=(6, 4)),
]


# -- optimisers -----------------------------------------------------------------------------------
#: the specs every optimiser test runs (torch.optim's trajectories, checkpoints)
OPTIMIZER_SPECS: list[dict[str, Any]] = [
    {"type": "sgd"},
    {"type": "sgd", "lr": 0.05, "weight_decay": 0.1},
    {"type": "sgd", "lr": 0.01, "momentum": 0.8, "dampening": 0.3},
    {"type": "sgd", "lr": 0.01, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01},
    {"type": "momentum"},
    {"type": "momentum", "nesterov": True},
    {"type": "momentum", "lr": 0.02, "momentum": 0.5, "dampening": 0.2, "weight_decay": 0.01},
    {"type": "adagrad"},
    {"type": "adagrad", "lr": 0.05, "lr_decay": 0.1, "weight_decay": 0.05,
     "initial_accumulator_value": 0.3, "eps": 1e-6},
    {"type": "rmsprop"},
    {"type": "rmsprop", "centered": True},
    {"type": "rmsprop", "momentum": 0.7, "alpha": 0.9},
    {"type": "rmsprop", "lr": 0.005, "centered": True, "momentum": 0.5, "weight_decay": 0.1,
     "eps": 1e-4},
    {"type": "adam"},
    {"type": "adam", "lr": 0.02, "betas": [0.8, 0.99], "weight_decay": 0.1},
    {"type": "adam", "amsgrad": True, "eps": 1e-3},
    {"type": "adam", "betas": [0.0, 0.0]},
    {"type": "adamw"},
    {"type": "adamw", "weight_decay": 0.3, "amsgrad": True},
    {"type": "adamw", "lr": 0.01, "betas": [0.8, 0.9], "eps": 1e-4},
]


def spec_id(spec: dict[str, Any]) -> str:
    """A readable, unique name for an optimiser spec: "adam-lr0.02-betas0.8,0.99"."""
    parts = [spec["type"]]
    for key, value in spec.items():
        if key != "type":
            text = ",".join(map(str, value)) if isinstance(value, list) else str(value)
            parts.append(f"{key}{text}")
    return "-".join(parts)


@dataclass(frozen=True)
class Trajectory:
    """How the optimiser cases are driven: `steps` steps on parameters of `shapes`, fresh
    N(0, 1) gradients each step, parameter `skipped` without a gradient at `skip_steps`, and
    the learning rate multiplied by `lr_factor` before step `lr_change`."""

    shapes: tuple[tuple[int, ...], ...] = ((3, 4), (4,), (10,), (2, 5))
    steps: int = 8
    skipped: int = 1
    skip_steps: tuple[int, ...] = (2, 3)
    lr_change: int = 6
    lr_factor: float = 3.0

    def start(self, spec: dict[str, Any]) -> list[np.ndarray]:
        rng = rng_for(spec_id(spec))
        return [rng.standard_normal(s) for s in self.shapes]

    def gradients(self, spec: dict[str, Any]) -> list[list[np.ndarray | None]]:
        """grads[step][param], None where the parameter has no gradient that step."""
        rng = rng_for(spec_id(spec) + "/grad")
        return [[None if (i == self.skipped and step in self.skip_steps)
                 else rng.standard_normal(s) for i, s in enumerate(self.shapes)]
                for step in range(self.steps)]


TRAJECTORY = Trajectory()


# -- whole networks -------------------------------------------------------------------------------
@dataclass(frozen=True)
class NetworkCase:
    """A chain network trained `steps` steps on a fixed batch, as torch trains the same model."""

    name: str
    nodes: list[dict[str, Any]]
    loss: str
    optimizer: dict[str, Any]
    x_shape: tuple[int, ...]
    #: "classes:K" for integer labels < K, "values:D" for (N, D) regression targets
    targets: str
    steps: int = 5
    #: when > 0, x holds whole-number ids below this (for an Embedding), not N(0, 1) values
    ids: int = 0

    def edges(self) -> list[list[str]]:
        """Each node feeds the next."""
        ids = [n["id"] for n in self.nodes]
        return [[a, b] for a, b in itertools.pairwise(ids)]

    def batch(self) -> tuple[np.ndarray, np.ndarray]:
        rng = rng_for(self.name)
        x = (rng.integers(0, self.ids, self.x_shape).astype(np.float64) if self.ids
             else rng.standard_normal(self.x_shape))
        kind, size = self.targets.split(":")
        n = self.x_shape[0]
        y = (rng.integers(0, int(size), n) if kind == "classes"
             else rng.standard_normal((n, int(size))))
        return x, y


def _node(nid: str, type_: str, **params: Any) -> dict[str, Any]:
    return {"id": nid, "type": type_, "params": params}


NETWORK_CASES: list[NetworkCase] = [
    NetworkCase(
        "mlp-batchnorm-adam-softmax",
        # no bias before BatchNorm: its gradient is 0 up to rounding, which Adam would amplify
        [_node("x", "Input", shape=[5]), _node("h", "Dense", units=7, use_bias=False),
         _node("bn", "BatchNorm"), _node("act", "Tanh"),
         _node("out", "Dense", units=3, activation="softmax")],
        "cross_entropy", {"type": "adam", "lr": 0.01, "weight_decay": 0.01}, (16, 5), "classes:3",
    ),
    NetworkCase(
        "cnn-sgd-nesterov-hinge",
        [_node("x", "Input", shape=[1, 8, 8]),
         _node("c1", "Conv2D", filters=3, padding=1, activation="relu"),
         _node("p1", "MaxPool2D"),
         _node("c2", "Conv2D", filters=4, kernel_size=3, stride=2, activation="leaky_relu"),
         _node("f", "Flatten"), _node("out", "Dense", units=4)],
        "hinge", {"type": "sgd", "lr": 0.05, "momentum": 0.9, "nesterov": True}, (6, 1, 8, 8),
        "classes:4",
    ),
    NetworkCase(
        "mlp-elu-rmsprop-mse",
        [_node("x", "Input", shape=[3]), _node("h", "Dense", units=6, activation="elu"),
         _node("out", "Dense", units=2)],
        "mse", {"type": "rmsprop", "lr": 0.01, "momentum": 0.5, "centered": True}, (10, 3),
        "values:2", steps=8,
    ),
    NetworkCase(
        "mlp-sigmoid-adagrad-bce",
        [_node("x", "Input", shape=[4]), _node("h", "Dense", units=5, activation="relu"),
         _node("out", "Dense", units=1, activation="sigmoid")],
        "binary_cross_entropy", {"type": "adagrad", "lr": 0.1, "lr_decay": 0.05}, (12, 4),
        "classes:2",
    ),
    NetworkCase(
        "lstm-adam-mse",
        [_node("x", "Input", shape=[6, 3]),
         _node("l1", "LSTM", units=5, return_sequences=True),
         _node("l2", "LSTM", units=4), _node("out", "Dense", units=2)],
        "mse", {"type": "adam", "lr": 0.02}, (8, 6, 3), "values:2", steps=6,
    ),
    NetworkCase(
        "embedding-rnn-adam-softmax",
        [_node("x", "Input", shape=[7]),
         _node("e", "Embedding", num_embeddings=9, embedding_dim=4),
         _node("r", "RNN", units=5, return_sequences=True),
         _node("d", "Dense", units=3, activation="relu"), _node("f", "Flatten"),
         _node("out", "Dense", units=3, activation="softmax")],
        "cross_entropy", {"type": "adam", "lr": 0.01}, (10, 7), "classes:3", steps=6, ids=9,
    ),
]
