"""Binary PGM (P5, grey) and PPM (P6, colour) images: a text header, then raw samples."""

from __future__ import annotations

import re

import numpy as np

from nnstudio.data import limits
from nnstudio.data.errors import DataError

#: magic, width, height, maxval, each after whitespace and comments, then one whitespace byte
_HEADER = re.compile(rb"(P[56])(?:\s+|#[^\n]*\n)+(\d+)(?:\s+|#[^\n]*\n)+(\d+)"
                     rb"(?:\s+|#[^\n]*\n)+(\d+)\s")


def is_pnm(data: bytes) -> bool:
    return data[:2] in (b"P5", b"P6")


def decode_pnm(data: bytes, where: str) -> np.ndarray:
    """The pixels of a P5/P6 file as float64 (H, W, C) in [0, 1]: C = 1 (P5) or 3 (P6);
    samples up to 255 take one byte, up to 65535 two (big-endian). DataError naming `where`
    for a damaged file or one announcing more than limits.MAX_PIXELS."""
    header = _HEADER.match(data)
    if header is None:
        raise DataError(f"{where} is a damaged PGM/PPM file: its header cannot be read",
                        key="path")
    width, height, maxval = (int(v) for v in header.group(2, 3, 4))
    if not (width and height and 0 < maxval < 65536):
        raise DataError(f"{where} is a damaged PGM/PPM file: its header says {width} × "
                        f"{height} pixels with maximum {maxval}", key="path")
    limits.check_pixels(width, height, where)
    channels = 1 if header.group(1) == b"P5" else 3
    dtype = np.dtype("u1") if maxval < 256 else np.dtype(">u2")
    count = width * height * channels
    body = data[header.end():header.end() + count * dtype.itemsize]
    if len(body) < count * dtype.itemsize:
        raise DataError(f"{where} is a truncated PGM/PPM file", key="path")
    pixels = np.frombuffer(body, dtype=dtype).reshape(height, width, channels)
    return np.minimum(pixels.astype(np.float64) / maxval, 1.0)
