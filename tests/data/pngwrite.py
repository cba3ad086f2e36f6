"""A deliberately plain PNG writer for the tests: every filter type, on request, row by row."""

import struct
import zlib

import numpy as np

COLOUR_TYPES = {1: 0, 2: 4, 3: 2, 4: 6}


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _predictor(kind: int, a: int, b: int, c: int) -> int:
    if kind == 0:
        return 0
    if kind == 1:
        return a
    if kind == 2:
        return b
    if kind == 3:
        return (a + b) // 2
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def filtered(rows: np.ndarray, bpp: int, filters: list[int]) -> bytes:
    """rows (H, stride) uint8 → the IDAT stream before compression."""
    out = bytearray()
    previous = bytes(rows.shape[1])
    for r, row in enumerate(rows):
        kind = filters[r % len(filters)]
        raw = row.tobytes()
        out.append(kind)
        for i, x in enumerate(raw):
            a = raw[i - bpp] if i >= bpp else 0
            c = previous[i - bpp] if i >= bpp else 0
            out.append((x - _predictor(kind, a, previous[i], c)) % 256)
        previous = raw
    return bytes(out)


def png_bytes(pixels: np.ndarray, filters: list[int] | None = None, *,
              palette: np.ndarray | None = None, alpha: bytes | None = None,
              depth: int = 8, interlace: int = 0) -> bytes:
    """pixels (H, W, C) uint8 (C = 1, 2, 3, 4), or palette indices (H, W, 1) with `palette`
    (K, 3) and optional tRNS `alpha`. The IDAT stream is split over two chunks."""
    h, w, c = pixels.shape
    colour = 3 if palette is not None else COLOUR_TYPES[c]
    header = struct.pack(">IIBBBBB", w, h, depth, colour, 0, 0, interlace)
    data = zlib.compress(filtered(pixels.reshape(h, w * c), c, filters or [0]))
    parts = [chunk(b"IHDR", header)]
    if palette is not None:
        parts.append(chunk(b"PLTE", palette.astype(np.uint8).tobytes()))
    if alpha is not None:
        parts.append(chunk(b"tRNS", alpha))
    half = len(data) // 2
    parts += [chunk(b"IDAT", data[:half]), chunk(b"tEXt", b"Comment\0test"),
              chunk(b"IDAT", data[half:]), chunk(b"IEND", b"")]
    return b"\x89PNG\r\n\x1a\n" + b"".join(parts)
