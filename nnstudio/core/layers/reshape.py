"""Flatten: a node that only lays its input out as one vector."""

from __future__ import annotations

import math

import numpy as np

from nnstudio.core.layers import groups
from nnstudio.core.layers.base import Layer, Shape
from nnstudio.core.spec import NodeType


class Flatten(Layer[np.ndarray]):
    """(N, *shape) → (N, prod(shape)) in C order: an image (C, H, W) becomes C·H·W features."""

    def output_shape(self, *input_shapes: Shape) -> Shape:
        (shape,) = input_shapes
        return (math.prod(shape),)

    def forward(self, x: np.ndarray, training: bool) -> np.ndarray:
        self._shape = x.shape
        return x.reshape(x.shape[0], -1)

    def backward(self, grad: np.ndarray) -> np.ndarray:
        return grad.reshape(self._shape)


NODE_TYPES = (
    NodeType(
        "Flatten", groups.CORE, "Turns an image (C, H, W) into a vector.",
        "Lays the channels, rows and columns out in one long vector, so a Dense layer can "
        "follow a convolution. No parameters.",
        (), Flatten,
    ),
)
