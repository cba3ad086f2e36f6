"""Resizing images by area averaging."""

from __future__ import annotations

import numpy as np


def area_weights(n_in: int, n_out: int) -> np.ndarray:
    """(n_out, n_in): output pixel i is the mean of the input span [i, i + 1)·n_in/n_out,
    each input pixel weighted by how much of it the span covers."""
    edges = np.arange(n_out + 1) * (n_in / n_out)
    left = np.arange(n_in)
    cover = np.minimum(edges[1:, None], left + 1) - np.maximum(edges[:-1, None], left)
    cover = np.clip(cover, 0.0, None)
    return cover / cover.sum(axis=1, keepdims=True)


def resize_area(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """image (C, H, W) float → (C, h, w) for size (h, w). Shrinking averages the pixels each
    new pixel covers (no aliasing); enlarging repeats pixels, blending the two an output pixel
    straddles. The same size returns the values unchanged."""
    h, w = size
    if image.shape[1:] == (h, w):
        return image
    return area_weights(image.shape[1], h) @ image @ area_weights(image.shape[2], w).T
