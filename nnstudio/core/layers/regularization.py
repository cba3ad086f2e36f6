"""Dropout: randomly silencing values while training."""

from __future__ import annotations

import numpy as np

from nnstudio.core.layers import groups
from nnstudio.core.layers.base import Layer, Shape
from nnstudio.core.spec import NodeType, ParamSpec


class Dropout(Layer[np.ndarray]):
    """Inverted dropout: while training, each value is zeroed with probability `rate` and the
    rest are scaled by 1/(1 − rate); the identity otherwise. Any shape, batch first.

    Masks are drawn from `self.rng`, the generator handed to `build`.
    """

    def __init__(self, node_id: str, rate: float = 0.5):
        super().__init__(node_id, rate=rate)
        self.rate = float(rate)
        self.rng: np.random.Generator | None = None
        self._mask: np.ndarray | None = None

    def build(self, input_shapes: list[Shape], dtype: np.dtype, rng: np.random.Generator) -> None:
        self.rng = rng

    def forward(self, x: np.ndarray, training: bool) -> np.ndarray:
        if not training or self.rate == 0.0:
            self._mask = None
            return x
        if self.rng is None:
            raise RuntimeError("Dropout is used before build() gave it a random generator")
        # the mask holds 1/(1 − rate) where a value is kept, 0 where it is dropped
        mask = self.rng.random(x.shape, dtype=x.dtype)
        np.greater_equal(mask, self.rate, out=mask, casting="unsafe")
        mask *= 1.0 / (1.0 - self.rate)
        self._mask = mask
        return x * mask

    def backward(self, grad: np.ndarray) -> np.ndarray:
        if self._mask is None:
            return grad
        return grad * self._mask


NODE_TYPES = (
    NodeType(
        "Dropout", groups.REGULARISATION, "Randomly silences units while training.",
        "During training each value is zeroed with probability rate and the rest are scaled by "
        "1/(1 − rate) (inverted dropout), so nothing changes at test time. Fights overfitting.",
        (ParamSpec("rate", "float", 0.5, 0.0, 1.0, exclusive_maximum=True,
                   help="Probability of dropping each value."),),
        Dropout, label=lambda p: [f"{p['rate']:g}"], preserves_shape=True,
    ),
)
