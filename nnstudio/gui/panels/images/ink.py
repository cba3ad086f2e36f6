"""A drawing turned into a sample as the dataset has them (NumPy only).

The drawing is cropped to its ink, scaled so that its longer side spans the share of the frame
the dataset's own images fill (all of it for the UCI 8×8 digits, 20 of 28 pixels for MNIST),
centred, and shrunk to the input size by area averaging: how both datasets were made.
"""

from __future__ import annotations

import numpy as np

from nnstudio.data.resize import resize_area

#: a pixel with at least this share of the image's darkest ink counts as ink
INK_THRESHOLD = 0.2


def ink_box(image: np.ndarray) -> tuple[int, int, int, int] | None:
    """image (H, W), ink > 0 → the bounding box (top, left, bottom, right) of its ink
    (exclusive ends), or None when it is blank."""
    peak = float(image.max(initial=0.0))
    if peak <= 0:
        return None
    mask = image >= INK_THRESHOLD * peak
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    return int(rows[0]), int(cols[0]), int(rows[-1]) + 1, int(cols[-1]) + 1


def ink_extent(images: np.ndarray) -> float:
    """images (n, H, W) ink > 0 → the median share of the frame the longer side of their ink
    spans (1.0 when none has ink)."""
    shares = []
    for image in images:
        box = ink_box(image)
        if box is not None:
            top, left, bottom, right = box
            shares.append(max((bottom - top) / image.shape[0], (right - left) / image.shape[1]))
    return float(np.median(shares)) if shares else 1.0


def fit_drawing(drawing: np.ndarray, size: tuple[int, int], extent: float = 1.0) -> np.ndarray:
    """drawing (H, W) ink in [0, 1] → (h, w) for size (h, w): the ink cropped, its longer
    side scaled to `extent` of the frame, centred; all zeros when nothing is drawn."""
    h, w = size
    out = np.zeros((h, w), np.float64)
    box = ink_box(drawing)
    if box is None:
        return out
    top, left, bottom, right = box
    ink = drawing[top:bottom, left:right]
    side = max(ink.shape)
    square = np.zeros((side, side), np.float64)
    r0, c0 = (side - ink.shape[0]) // 2, (side - ink.shape[1]) // 2
    square[r0:r0 + ink.shape[0], c0:c0 + ink.shape[1]] = ink
    inner = (max(1, round(h * extent)), max(1, round(w * extent)))
    small = resize_area(square[None], inner)[0]
    r0, c0 = (h - inner[0]) // 2, (w - inner[1]) // 2
    out[r0:r0 + inner[0], c0:c0 + inner[1]] = small
    return np.clip(out, 0.0, 1.0)
