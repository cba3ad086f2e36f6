"""Decoding image files for the image-folder source, without Qt.

The decoder is injected: `set_image_decoder` registers a function (the nnstudio app registers
one built on Qt's image reader, for PNG, JPEG and the rest); without one, the built-in decoder
reads 8-bit PNG (png.py) and binary PGM/PPM (pnm.py), and says that JPEG needs the app.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from nnstudio.data import limits, png, pnm
from nnstudio.data.errors import DataError
from nnstudio.data.paths import open_regular
from nnstudio.data.resize import resize_area

#: (file, (height, width), rgb) → float array (3 if rgb else 1, height, width) in [0, 1]
ImageDecoder = Callable[[Path, tuple[int, int], bool], np.ndarray]
#: ITU-R BT.601 luma weights of red, green and blue
LUMA = np.array([0.299, 0.587, 0.114])
JPEG_MAGIC = b"\xff\xd8\xff"

_registered: ImageDecoder | None = None


def set_image_decoder(decoder: ImageDecoder | None) -> None:
    """Use `decoder` for every image from now on; None goes back to the built-in one."""
    global _registered
    _registered = decoder


def image_decoder() -> ImageDecoder:
    """The registered decoder, or the built-in `decode_image`."""
    return _registered if _registered is not None else decode_image


def decode_image(path: Path, size: tuple[int, int], rgb: bool) -> np.ndarray:
    """The built-in decoder: an 8-bit PNG or binary PGM/PPM file as float64 (C, h, w) in
    [0, 1], C = 3 if rgb else 1, resized by area averaging (resize.resize_area). Transparent
    pixels are laid over white; colour becomes grey by the BT.601 luma weights.
    DataError naming the file for anything else (JPEG needs the nnstudio app)."""
    data = read_image_file(path)
    if data.startswith(png.SIGNATURE):
        pixels = png.decode_png(data, path.name) / 255.0
    elif pnm.is_pnm(data):
        pixels = pnm.decode_pnm(data, path.name)
    elif data.startswith(JPEG_MAGIC):
        raise DataError(f"{path.name} is a JPEG image: JPEG needs the nnstudio app (Qt's image "
                        f"reader); the engine alone reads PNG and binary PGM/PPM", key="path")
    else:
        raise DataError(f"{path.name} is not an image the engine can read (it reads PNG and "
                        f"binary PGM/PPM; the nnstudio app reads JPEG and more)", key="path")
    return resize_area(channels(pixels, rgb), size)


def read_image_file(path: Path) -> bytes:
    """The bytes of the image file `path`, once it is known to be a regular file whose size
    fits in memory; DataError naming it otherwise."""
    try:
        with open_regular(path) as file:
            limits.check_fits(os.fstat(file.fileno()).st_size, path.name, "path")
            return file.read()
    except OSError as exc:
        raise DataError(f"cannot read {path.name}: {exc.strerror or exc}", key="path") from None


def channels(pixels: np.ndarray, rgb: bool) -> np.ndarray:
    """pixels (H, W, C) in [0, 1], C = 1 grey, 2 grey + alpha, 3 RGB or 4 RGBA → (3, H, W)
    if rgb else (1, H, W), alpha laid over white."""
    if pixels.shape[2] in (2, 4):
        alpha = pixels[..., -1:]
        pixels = pixels[..., :-1] * alpha + (1.0 - alpha)
    if rgb and pixels.shape[2] == 1:
        pixels = np.repeat(pixels, 3, axis=2)
    elif not rgb and pixels.shape[2] == 3:
        pixels = pixels @ LUMA[:, None]
    return np.moveaxis(pixels, 2, 0)
