"""A trainable array and its gradient."""

from __future__ import annotations

import numpy as np


class Parameter:
    """A trainable array named "<node id>.<param>", e.g. "h1.W".

    `grad` is None until a backward pass writes it (as after torch's ``zero_grad()``); backward
    passes accumulate into it.
    """

    __slots__ = ("grad", "name", "value")

    def __init__(self, name: str, value: np.ndarray):
        self.name = name
        self.value = value
        self.grad: np.ndarray | None = None

    def accumulate(self, grad: np.ndarray) -> None:
        """Add `grad` (same shape as value) to `.grad`, taking ownership of a fresh array."""
        if self.grad is None:
            self.grad = grad
        else:
            self.grad += grad

    def __repr__(self) -> str:
        return f"Parameter({self.name!r}, shape={self.value.shape}, dtype={self.value.dtype})"
