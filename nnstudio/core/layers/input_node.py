"""The Input node: where a batch enters the network."""

from __future__ import annotations

from typing import ClassVar

import numpy as np

from nnstudio.core.layers import groups
from nnstudio.core.layers.base import Layer, Shape, ShapeError
from nnstudio.core.spec import NodeType, ParamSpec, size_text


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


NODE_TYPES = (
    NodeType(
        "Input", groups.CORE, "Where the data enters the network.",
        "The network's input. Its shape is the shape of one sample: [2] for a point in the "
        "plane, [4] for the four iris measurements, [1, 8, 8] for an 8×8 grey image.",
        (ParamSpec("shape", "shape", help="Shape of one sample, without the batch axis."),),
        Input, min_inputs=0, max_inputs=0,
        label=lambda p: [size_text(p.get("shape", []))],
        starter={"shape": [2]},
    ),
)
