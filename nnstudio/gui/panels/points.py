"""The data points the plane and curve panels draw, in the raw coordinates of the input."""

from __future__ import annotations

from typing import Any

import numpy as np


def raw_inputs(dataset: Any, split: str) -> np.ndarray:
    """The split's inputs (n, features) as the user sees them: standardisation undone."""
    x, _ = dataset.split(split)
    x = np.asarray(x).reshape(len(x), -1)
    return np.asarray(dataset.inverse_transform(x) if dataset.standardized else x, np.float64)


def targets(dataset: Any, split: str) -> np.ndarray:
    """The split's labels (n,) int, or its first regression target (n,) float."""
    _, y = dataset.split(split)
    y = np.asarray(y)
    return y if y.ndim == 1 else y[:, 0]
