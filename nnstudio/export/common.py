"""What every exporter needs from a design: the nodes in graph order with their resolved
parameters and shapes, the weights, the training set-up, and the data splits.

Qt-free; torch, keras and onnx are never imported here.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nnstudio.core.catalog import NODE_TYPES, node_label, resolve_params
from nnstudio.core.layers.conv import Padding, pair, resolve_padding
from nnstudio.core.network import Network
from nnstudio.core.optimizers import resolve_options
from nnstudio.core.training import EarlyStopping
from nnstudio.design.build import build_network
from nnstudio.design.document import Design
from nnstudio.design.errors import DesignError, Problem
from nnstudio.design.trainer import Trainer
from nnstudio.design.weights import load_weights

#: the export formats, and the file suffix each writes
FORMATS: dict[str, str] = {"pytorch": ".py", "keras": ".py", "onnx": ".onnx"}
#: the splits written to the data archive, as its keys name them
SPLITS = ("train", "validation", "test")


@dataclass(frozen=True)
class ExportNode:
    """One node as an exporter sees it.

    name: a Python identifier made from the id (unique in the network); params: every
    parameter, defaults filled in; inputs: the ids feeding it, in edge order; shape: its
    per-sample output shape; input_shapes: the per-sample shapes of its inputs.
    """

    id: str
    index: int
    name: str
    type: str
    params: dict[str, Any]
    inputs: tuple[str, ...]
    shape: tuple[int, ...]
    input_shapes: tuple[tuple[int, ...], ...]

    @property
    def label(self) -> str:
        """The node as its canvas card describes it: "Dense 8 · tanh"."""
        return node_label(self.type, self.params)

    @property
    def comment(self) -> str:
        """One line naming the node for a generated file (the id quoted, so never code)."""
        return f"{self.id!r}: {self.label}"


@dataclass
class TrainingSetup:
    """The design's training section, resolved: what a generated script trains with."""

    loss: str
    fused: str | None
    final_activation: str | None
    optimizer: str
    options: dict[str, Any]
    batch_size: int
    epochs: int
    seed: int
    shuffle: bool
    early_stopping: EarlyStopping | None
    classification: bool
    #: how the labels become loss targets: "labels", "onehot", "column" or "values"
    targets: str
    output_units: int


@dataclass
class ExportPlan:
    """A design ready to be written in another framework's terms."""

    design_name: str
    nodes: list[ExportNode]
    input_id: str
    output_id: str
    #: every parameter and buffer, keyed "<node id>.<name>", float32
    state: dict[str, np.ndarray]
    training: TrainingSetup | None = None
    #: x_<split>, y_<split> as the Trainer splits them (x shaped as the Input takes it)
    data: dict[str, np.ndarray] = field(default_factory=dict)

    def node(self, node_id: str) -> ExportNode:
        return next(n for n in self.nodes if n.id == node_id)

    @property
    def output(self) -> ExportNode:
        return self.node(self.output_id)

    @property
    def input(self) -> ExportNode:
        return self.node(self.input_id)


#: names a generated script uses itself
_RESERVED = frozenset({"self", "x", "logits", "torch", "nn", "F", "np", "math", "keras", "ops"})


def python_name(node_id: str, taken: set[str]) -> str:
    """A lower-case Python identifier for `node_id`, not in `taken` (which it joins)."""
    base = re.sub(r"\W", "_", node_id, flags=re.ASCII) or "node"
    if base[0].isdigit() or keyword.iskeyword(base) or base in _RESERVED:
        base = f"n_{base}"
    name, k = base, 2
    while name in taken:
        name, k = f"{base}_{k}", k + 1
    taken.add(name)
    return name


def plan_for(design: Design, weights: str | Path | None = None, *,
             with_training: bool = True) -> ExportPlan:
    """The export plan of `design`: with `weights` (an nnstudio .npz) its trained values,
    else the weights nnstudio starts training from. `with_training` also loads the data and
    resolves the training set-up (DesignError when either fails)."""
    trainer = Trainer(design) if with_training else None
    network = trainer.network if trainer is not None else build_network(design)
    if weights is not None:
        load_weights(network, weights)
    plan = ExportPlan(design.name, _nodes(design, network), network.input_id,
                      network.output_id, _float32(network.state_dict()))
    if trainer is not None:
        plan.training = _training_setup(trainer)
        plan.data = _splits(trainer)
    return plan


def _float32(state: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {k: np.asarray(v, dtype=np.float32) for k, v in state.items()}


def _nodes(design: Design, network: Network) -> list[ExportNode]:
    a = network.analysis
    index = {node["id"]: i for i, node in enumerate(design.nodes)}
    taken: set[str] = set()
    nodes = []
    for nid in network.order:
        shape = a.shapes[nid]
        assert shape is not None  # a built network knows every shape
        type_name = a.types[nid]
        nodes.append(ExportNode(
            nid, index[nid], python_name(nid, taken), type_name,
            resolve_params(type_name, network.layers[nid].config), tuple(a.inputs[nid]),
            tuple(shape), tuple(tuple(a.shapes[s] or ()) for s in a.inputs[nid])))
    return nodes


def _training_setup(trainer: Trainer) -> TrainingSetup:
    optimizer, options = resolve_options(trainer.optimizer_spec)
    net = trainer.network
    units = net.output_shape[0]
    return TrainingSetup(
        loss=trainer.loss, fused=trainer._fused, final_activation=net.final_activation,
        optimizer=optimizer, options=options, batch_size=trainer.batch_size,
        epochs=trainer.epochs, seed=trainer.seed, shuffle=trainer.shuffle,
        early_stopping=trainer.early_stopping, classification=trainer.classification,
        targets=_target_kind(trainer.loss, trainer.classification, units), output_units=units)


def _target_kind(loss: str, classification: bool, units: int) -> str:
    """How labels y become loss targets, as nnstudio's `losses.targets_for` does it."""
    if not classification:
        return "values"
    if loss in ("cross_entropy", "hinge"):
        return "labels"
    return "column" if units == 1 else "onehot"


def _splits(trainer: Trainer) -> dict[str, np.ndarray]:
    arrays: dict[str, np.ndarray] = {}
    for split in SPLITS:
        x, y = trainer.samples(split)
        arrays[f"x_{split}"] = np.asarray(x, dtype=np.float32)
        arrays[f"y_{split}"] = (np.asarray(y, dtype=np.int64) if trainer.classification
                                else np.asarray(y, dtype=np.float32))
    return arrays


# -- geometry shared by the formats -------------------------------------------------------------
def padding_of(node: ExportNode) -> Padding:
    """(top, bottom, left, right) of a Conv2D or pooling node."""
    kernel = pair(node.params["kernel_size" if node.type == "Conv2D" else "pool_size"])
    stride = pair(node.params["stride"])
    _, h, w = node.input_shapes[0]
    return resolve_padding(node.params["padding"], kernel, stride, (h, w))


def is_symmetric(pad: Padding) -> bool:
    top, bottom, left, right = pad
    return top == bottom and left == right


def batch_axis(axis: int, rank: int) -> int:
    """A Concatenate axis (batch = 0, negative from the end) as a non-negative batched axis."""
    return axis + rank + 1 if axis < 0 else axis


def activation_of(node: ExportNode) -> str:
    """The activation a node applies after its own computation ("linear" when none)."""
    spec = NODE_TYPES[node.type]
    return spec.activation or node.params.get("activation", "linear")


# -- errors and dispatch ------------------------------------------------------------------------
Emitter = Callable[..., Any]


def emitter_for(table: dict[str, Emitter], node: ExportNode, format_name: str) -> Emitter:
    """The function writing `node` in a format; DesignError naming the node when it has none."""
    try:
        return table[node.type]
    except KeyError:
        raise DesignError([Problem(
            f"network.nodes[{node.index}]",
            f"{node.id}: the {format_name} export cannot express a {node.type} node yet; "
            f"it can express {', '.join(sorted(table))}")]) from None


def unsupported_option(node: ExportNode, format_name: str, what: str) -> DesignError:
    """A DesignError saying `what` about `node` cannot be written in `format_name`."""
    return DesignError([Problem(f"network.nodes[{node.index}]",
                                f"{node.id}: the {format_name} export cannot express {what}")])
