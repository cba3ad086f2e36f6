"""Nodes that only move data around: the network input and Flatten."""

from __future__ import annotations

import math
from typing import ClassVar

import numpy as np

from nnstudio.core.layers.base import Layer, Shape, ShapeError


class Input(Layer[np.ndarray]):
    """Where a batch (N, *shape) enters; it is cast to the network's dtype and passed on."""

    arity: ClassVar[int | None] = 0

    def __init__(self, node_id: str, shape: list[int]):
        super().__init__(node_id, shape=shape)
        self.shape: Shape = tuple(int(s) for s in shape)
        self.dtype: np.dtype | None = None

    def output_shape(self, *input_shapes: Shape) -> Shape:
        if input_shapes:
            raise ShapeError(f"Input takes no inputs, got {len(input_shapes)}")
        return self.shape

    def build(self, input_shapes: list[Shape], dtype: np.dtype, rng: np.random.Generator) -> None:
        self.dtype = np.dtype(dtype)

    def forward(self, x: np.ndarray, training: bool) -> np.ndarray:
        x = np.asarray(x, dtype=self.dtype)
        if x.shape[1:] != self.shape:
            raise ShapeError(
                f"the data has samples of shape {x.shape[1:]} but the Input {self.id!r} expects "
                f"{self.shape}"
            )
        return x

    def backward(self, grad: np.ndarray) -> np.ndarray:
        return grad


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
