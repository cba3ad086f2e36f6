"""Samples: a whole dataset as loaded or generated, before it is split and standardised."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class Samples:
    """x (N, *raw_shape): the raw inputs are x / divisor, e.g. uint8 pixels with divisor 255
    (kept as bytes so a large image set is never held as float64); float64 with divisor 1 for
    everything else. y int64 labels (N,) for classification, float64 (N, T) for regression.
    kind is "points2d", "curve1d", "table" or "images"."""

    x: np.ndarray
    y: np.ndarray
    task: str
    kind: str
    class_names: tuple[str, ...] = ()
    feature_names: tuple[str, ...] = ()
    title: str = ""
    divisor: float = 1.0

    def raw(self, index: np.ndarray | slice) -> np.ndarray:
        """The raw inputs of the samples `index`, float64 (n, *raw_shape), a fresh array."""
        x = self.x[index]
        x = x.astype(np.float64, copy=np.may_share_memory(x, self.x))
        if self.divisor != 1:
            x /= self.divisor
        return x
