"""The contract every layer follows.

A layer is one node of the network graph. Shapes handed to `output_shape`, `parameter_shapes` and
`build` are *per-sample* shapes (no batch axis); arrays handed to `forward`/`backward` carry the
batch axis first. A layer keeps whatever it needs from `forward` for the next `backward`.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

import numpy as np

from nnstudio.core.parameter import Parameter

Shape = tuple[int, ...]
#: what forward takes: one array (N, *shape), or a list of them for a merge layer
X = TypeVar("X")


class ShapeError(ValueError):
    """The inputs reaching a layer have shapes it cannot take; the message says why."""


def allocated(param: Parameter | None) -> Parameter:
    """`param`, which `build` makes; RuntimeError when the layer is used unbuilt."""
    if param is None:
        raise RuntimeError("the layer is used before build() allocated its parameters")
    return param


class Layer(Generic[X]):
    """A node: ``y = forward(x)``, ``dL/dx = backward(dL/dy)``.

    ``Layer[np.ndarray]`` takes one input; a layer taking several sets ``arity = None`` and
    receives lists instead (``Layer[list[np.ndarray]]``, see `MergeLayer`).
    """

    arity: ClassVar[int | None] = 1
    #: the trailing activation ("softmax", "sigmoid", ...) or None; losses use it to fuse.
    final_activation: str | None = None
    #: the activation this layer feeds (set by the network before build; "auto" init uses it)
    init_hint: str | None = None
    #: False lets a layer skip computing dL/dx (backward may then return None): the network
    #: sets it on layers fed by the Input when nobody asked for the input's gradient
    needs_input_grad: bool = True

    def __init__(self, node_id: str, **params: Any):
        self.id = node_id
        self.config = params
        self.parameters: list[Parameter] = []
        self.buffers: dict[str, np.ndarray] = {}

    # -- shapes, before anything is allocated ------------------------------------------------
    def output_shape(self, *input_shapes: Shape) -> Shape:
        """Per-sample output shape; raises ShapeError when the inputs do not fit."""
        (shape,) = input_shapes
        return shape

    def parameter_shapes(self, *input_shapes: Shape) -> dict[str, Shape]:
        """Shapes of the trainable arrays this layer would allocate, by short name ("W", "b")."""
        return {}

    def build(self, input_shapes: list[Shape], dtype: np.dtype, rng: np.random.Generator) -> None:
        """Allocate parameters and buffers for these per-sample input shapes."""

    # -- computation --------------------------------------------------------------------------
    def forward(self, x: X, training: bool) -> np.ndarray:
        raise NotImplementedError

    def backward(self, grad: np.ndarray) -> X | None:
        """Gradient w.r.t. the input (None when `needs_input_grad` is False and the layer
        skipped it); adds parameter gradients into each ``Parameter.grad``."""
        raise NotImplementedError

    def backward_from_logits(self, grad: np.ndarray) -> X | None:
        """Backward pass when `grad` is w.r.t. the value *before* `final_activation`."""
        raise NotImplementedError(f"{type(self).__name__} has no fusable final activation")

    @property
    def logits(self) -> np.ndarray:
        """The last forward's value before `final_activation` (only when that is set)."""
        raise NotImplementedError(f"{type(self).__name__} has no fusable final activation")

    # -- helpers ------------------------------------------------------------------------------
    def add_parameter(self, short_name: str, value: np.ndarray) -> Parameter:
        """A new trainable array named "<node id>.<short_name>", listed in `parameters`."""
        p = Parameter(f"{self.id}.{short_name}", value)
        self.parameters.append(p)
        return p

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.id!r})"


class MergeLayer(Layer[list[np.ndarray]]):
    """A node with two or more inputs: ``y = f([x1, x2, ...])``; backward returns a list."""

    arity = None

    def backward(self, grad: np.ndarray) -> list[np.ndarray]:
        raise NotImplementedError
