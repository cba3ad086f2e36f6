"""Nodes joining several inputs: Add (residual connections) and Concatenate."""

from __future__ import annotations

import numpy as np

from nnstudio.core.layers import groups
from nnstudio.core.layers.base import MergeLayer, Shape, ShapeError
from nnstudio.core.spec import NodeType, ParamSpec


def _listed(shapes: tuple[Shape, ...]) -> str:
    return ", ".join(str(tuple(s)) for s in shapes)


class Add(MergeLayer):
    """y = x1 + x2 + …, all of the same shape."""

    def output_shape(self, *input_shapes: Shape) -> Shape:
        if len(input_shapes) < 2:
            raise ShapeError(f"Add needs at least two inputs, got {len(input_shapes)}")
        first = tuple(input_shapes[0])
        if any(tuple(s) != first for s in input_shapes[1:]):
            raise ShapeError(f"Add needs inputs of the same shape, got {_listed(input_shapes)}")
        return first

    def forward(self, xs: list[np.ndarray], training: bool) -> np.ndarray:
        self._n = len(xs)
        y = xs[0] + xs[1]
        for x in xs[2:]:
            y += x
        return y

    def backward(self, grad: np.ndarray) -> list[np.ndarray]:
        """Every input receives `grad`; each gets its own array, so callers may sum in place."""
        return [grad] + [grad.copy() for _ in range(self._n - 1)]


class Concatenate(MergeLayer):
    """Joins inputs along `axis` (the batch is axis 0; negative counts from the end)."""

    def __init__(self, node_id: str, axis: int = 1):
        super().__init__(node_id, axis=axis)
        self.axis = int(axis)

    def _batch_axis(self, rank: int) -> int:
        """The axis of the batched arrays for per-sample inputs of `rank` dimensions."""
        axis = self.axis + rank + 1 if self.axis < 0 else self.axis
        if not 1 <= axis <= rank:
            raise ShapeError(
                f"Concatenate axis {self.axis} does not exist for inputs of shape "
                f"(batch, {rank} more axes): use an axis from 1 to {rank} (0 is the batch)"
            )
        return axis

    def output_shape(self, *input_shapes: Shape) -> Shape:
        if len(input_shapes) < 2:
            raise ShapeError(f"Concatenate needs at least two inputs, got {len(input_shapes)}")
        ranks = {len(s) for s in input_shapes}
        if len(ranks) > 1:
            raise ShapeError(
                f"Concatenate needs inputs with the same number of axes, got "
                f"{_listed(input_shapes)}"
            )
        k = self._batch_axis(ranks.pop()) - 1
        rest = {tuple(s[:k]) + tuple(s[k + 1:]) for s in input_shapes}
        if len(rest) > 1:
            raise ShapeError(
                f"Concatenate along axis {self.axis} needs inputs that match on every other "
                f"axis, got {_listed(input_shapes)}"
            )
        out = list(input_shapes[0])
        out[k] = sum(s[k] for s in input_shapes)
        return tuple(out)

    def forward(self, xs: list[np.ndarray], training: bool) -> np.ndarray:
        axis = self._batch_axis(xs[0].ndim - 1)
        self._cuts = np.cumsum([x.shape[axis] for x in xs]).tolist()
        self._axis = axis
        return np.concatenate(xs, axis=axis)

    def backward(self, grad: np.ndarray) -> list[np.ndarray]:
        """Views of `grad`, one per input."""
        lead = (slice(None),) * self._axis
        starts = [0, *self._cuts[:-1]]
        return [grad[(*lead, slice(a, b))] for a, b in zip(starts, self._cuts, strict=True)]


NODE_TYPES = (
    NodeType(
        "Add", groups.MERGE, "Adds its inputs element by element.",
        "Sums two or more inputs of the same shape. With an identity branch it makes a "
        "residual (skip) connection: y = x + F(x).",
        (), Add, min_inputs=2, max_inputs=None,
    ),
    NodeType(
        "Concatenate", groups.MERGE, "Joins its inputs along one axis.",
        "Stacks two or more inputs side by side along axis (1 = features or channels); the "
        "other axes must match.",
        (ParamSpec("axis", "axis", 1, help="Axis to join along, counting the batch as 0."),),
        Concatenate, min_inputs=2, max_inputs=None,
    ),
)
