"""What a parameter and a node type declare: the vocabulary every layer module speaks.

Each layer family module (`nnstudio.core.layers.*`) declares its `NodeType`s next to its layer
classes; `nnstudio.core.catalog` collects them. Qt-free and free of the layers themselves, so
anything (optimisers, data sources, initialisers) may use `ParamSpec` without importing them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

ACTIVATIONS = ("linear", "relu", "leaky_relu", "sigmoid", "tanh", "softmax", "elu", "step")
RELU_FAMILY = frozenset({"relu", "leaky_relu", "elu"})
INITIALIZERS = (
    "auto", "zeros", "constant", "normal", "uniform",
    "xavier_uniform", "xavier_normal", "he_uniform", "he_normal",
)


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: Any = _Required()


@dataclass(frozen=True)
class ParamSpec:
    """One parameter of a node type.

    kind: "int", "float", "float_pair" (e.g. Adam's betas), "bool", "activation", "init",
    "size" (int or [h, w]),
    "padding" (int, [h, w], "same" or "valid"), "shape" (list of ints), "axis" (int),
    "choice" (one of `choices`).
    """

    name: str
    kind: str
    default: Any = REQUIRED
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""
    #: the minimum itself is not allowed (e.g. eps > 0)
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False
    #: the values a "choice" parameter takes
    choices: tuple[Any, ...] = ()

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


#: the words after the type name on a node's card, from its resolved params: ["8"], ["3×3"]
LabelWords = Callable[[dict[str, Any]], list[str]]
#: fills in defaults that depend on other params, in place (a pool's stride is its pool_size)
Completion = Callable[[dict[str, Any]], None]


def _no_params() -> Mapping[str, Any]:
    return MappingProxyType({})


@dataclass(frozen=True)
class NodeType:
    """Everything the program knows about one node type, declared beside its layer class.

    The exporters (`nnstudio.export.pytorch`, `.keras`, `.onnx_export`) keep one emitter per
    type, keyed by `name`; `tests/test_node_types.py` checks that every type has each facet.
    """

    name: str
    #: its palette group, one of `nnstudio.core.layers.groups.GROUPS` (which gives its colour)
    group: str
    summary: str
    help: str
    params: tuple[ParamSpec, ...] = ()
    #: the layer class (``layer(node_id, **resolved params)``)
    layer: type | None = None
    min_inputs: int = 1
    max_inputs: int | None = 1
    #: the activation name a pure activation node applies
    activation: str | None = None
    label: LabelWords | None = None
    complete: Completion | None = None
    #: what a freshly placed node starts with (default: its required params' defaults)
    starter: Mapping[str, Any] = field(default_factory=_no_params)
    #: its output has its input's shape, so a new one always fits between two nodes
    preserves_shape: bool = False
    #: its output is feature maps (C, H, W) the image views draw
    feature_maps: bool = False

    def param(self, name: str) -> ParamSpec:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    @property
    def takes_input(self) -> bool:
        return self.max_inputs != 0


def size_text(v: Any) -> str:
    """A size as a card writes it: 3 → "3", [3, 5] → "3×5"."""
    return "×".join(str(int(d)) for d in v) if isinstance(v, list | tuple) else f"{int(v)}"


def square_text(v: Any) -> str:
    """A kernel or window size as a card writes it: 3 → "3×3", [3, 5] → "3×5"."""
    return size_text(v if isinstance(v, list | tuple) else [v, v])


INIT_HELP = (
    "How the weights start: 'auto' is He for the ReLU family and Xavier otherwise; 'zeros' "
    "shows the symmetry problem (every neuron learns the same thing)."
)


def weighted_params(units_name: str, units_help: str, maximum: int) -> tuple[ParamSpec, ...]:
    """The parameters of an affine layer: its width, activation, bias, initialisers, l1, l2."""
    return (
        ParamSpec(units_name, "int", minimum=1, maximum=maximum, help=units_help),
        ParamSpec("activation", "activation", "linear",
                  help="Non-linearity applied to the output."),
        ParamSpec("use_bias", "bool", True, help="Add a learned bias to every output."),
        ParamSpec("weight_init", "init", "auto", help=INIT_HELP),
        ParamSpec("bias_init", "init", "zeros", help="How the biases start."),
        ParamSpec("l1", "float", 0.0, 0.0, 100.0,
                  help="L1 penalty λ·Σ|W|: pushes weights to exactly zero."),
        ParamSpec("l2", "float", 0.0, 0.0, 100.0,
                  help="L2 penalty ½·λ·ΣW² (weight decay): keeps weights small."),
    )
