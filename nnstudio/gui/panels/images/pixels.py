"""Images, filters and feature maps as RGBA arrays for display (NumPy only).

Pixels are drawn as dark ink on white (a value of 1 is ink), which projects better than white
on black; colour images (3 channels) as they are. Signed values (filter weights, feature maps
of a linear convolution) use the panels' diverging map: orange below 0, white at 0, blue above.
"""

from __future__ import annotations

import numpy as np

from nnstudio.gui.panels import colouring, style

#: the colour of full ink (1) on the white of 0
INK = (0x1F, 0x24, 0x30)


def _rgba(rgb: np.ndarray) -> np.ndarray:
    """rgb (..., 3) floats in [0, 255] → RGBA uint8, opaque."""
    out = np.empty((*rgb.shape[:-1], 4), np.uint8)
    out[..., :3] = np.rint(np.clip(rgb, 0, 255))
    out[..., 3] = 255
    return out


def ink(values: np.ndarray) -> np.ndarray:
    """values (h, w) in [0, 1] → (h, w, 4): white at 0 to `INK` at 1."""
    v = np.clip(np.asarray(values, np.float64), 0.0, 1.0)[..., None]
    return _rgba(255.0 + v * (np.array(INK, np.float64) - 255.0))


def picture(image: np.ndarray) -> np.ndarray:
    """A sample (C, H, W) in [0, 1] → (H, W, 4): colour when C is 3, else the first channel
    as ink."""
    if image.shape[0] == 3:
        return _rgba(np.moveaxis(np.clip(image, 0.0, 1.0), 0, -1) * 255.0)
    return ink(image[0])


def signed(values: np.ndarray, limit: float) -> np.ndarray:
    """values (h, w) → (h, w, 4) on the diverging map over [−limit, limit] (0 is white)."""
    scaled = np.clip(0.5 + 0.5 * np.asarray(values, np.float64) / (limit or 1.0), 0.0, 1.0)
    return colouring.diverging_map().map(scaled, mode="byte")


def density(values: np.ndarray, limit: float) -> np.ndarray:
    """values (h, w) ≥ 0 → (h, w, 4) from white (0) to navy (limit)."""
    cmap = style.density_colour_map()
    scaled = np.clip(np.asarray(values, np.float64) / (limit or 1.0), 0.0, 1.0)
    return cmap.map(scaled, mode="byte")


def activation_maps(maps: np.ndarray) -> list[np.ndarray]:
    """One layer's feature maps (channels, h, w) → an RGBA image each, on one scale for the
    layer: white → navy for non-negative maps (ReLU), diverging when some are negative."""
    low, high = float(maps.min(initial=0.0)), float(maps.max(initial=0.0))
    if low < 0:
        limit = max(-low, high)
        return [signed(m, limit) for m in maps]
    return [density(m, high) for m in maps]


def filter_images(weights: np.ndarray) -> list[np.ndarray]:
    """Convolution weights (out, in, kh, kw) → an RGBA image per filter: colour for 3 input
    channels (each filter stretched to [0, 1]), else the mean over the input channels on the
    diverging map, one scale for all filters so their strengths compare."""
    if weights.shape[1] == 3:
        images = []
        for w in weights:
            lo, hi = float(w.min()), float(w.max())
            images.append(_rgba(np.moveaxis((w - lo) / ((hi - lo) or 1.0), 0, -1) * 255.0))
        return images
    mean = weights.mean(axis=1)
    limit = float(np.abs(mean).max(initial=0.0))
    return [signed(m, limit) for m in mean]
