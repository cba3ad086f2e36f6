"""Samples: a whole dataset as loaded or generated, before it is split and standardised."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class Samples:
    """x float64 (N, *input_shape); y int64 labels (N,) for classification, float64 (N, T) for
    regression. kind is "points2d", "curve1d", "table" or "images"."""

    x: np.ndarray
    y: np.ndarray
    task: str
    kind: str
    class_names: tuple[str, ...] = ()
    feature_names: tuple[str, ...] = ()
    title: str = ""
