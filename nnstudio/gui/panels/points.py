"""The data points the plane and curve panels draw, in the raw coordinates of the input."""

from __future__ import annotations

from typing import Any

import numpy as np


def raw_inputs(dataset: Any, split: str) -> np.ndarray:
    """The split's inputs (n, raw features) as the user sees them: as loaded, before feature
    expansion (x², sin x …) and standardisation."""
    x = np.asarray(dataset.raw_x(split), np.float64)
    return x.reshape(len(x), int(np.prod(x.shape[1:])))  # -1 cannot size an empty split


def raw_feature_names(dataset: Any) -> tuple[str, ...]:
    """Names of the raw inputs (the plane's axes), not of the features the network sees."""
    return tuple(dataset.samples.feature_names)


def targets(dataset: Any, split: str) -> np.ndarray:
    """The split's labels (n,) int, or its first regression target (n,) float."""
    _, y = dataset.split(split)
    y = np.asarray(y)
    return y if y.ndim == 1 else y[:, 0]
