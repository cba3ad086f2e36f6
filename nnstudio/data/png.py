"""A small PNG decoder in NumPy: 8-bit, non-interlaced greyscale, grey + alpha, RGB, RGBA and
palette images, which covers what image tools save by default.

Every chunk's CRC is checked; the size the header announces is checked against
limits.MAX_PIXELS, what the compressed data can hold and the free memory, and the IDAT stream
is inflated with zlib to that size and no further; then the five scanline filters are undone
row by row: None, Sub and Up with whole-row NumPy operations; Average and Paeth depend on the
byte just decoded to their left, so they run as a byte loop.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

from nnstudio.data import limits
from nnstudio.data.errors import DataError

SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: colour type → samples per pixel
SAMPLES = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
COLOUR_NAMES = {0: "greyscale", 2: "RGB", 3: "palette", 4: "grey + alpha", 6: "RGBA"}
#: the memory a decoded byte takes at most: the scanlines, the unfiltered bytes and a float64
#: copy in [0, 1] with its alpha blended
DECODED_BYTES_PER_BYTE = 18
_OTHER_READER = "the nnstudio app reads them with Qt's image reader"


def decode_png(data: bytes, where: str) -> np.ndarray:
    """The pixels of the PNG file `data` as uint8 (H, W, C): C = 1 grey, 2 grey + alpha,
    3 RGB, 4 RGBA (palette images become RGB, or RGBA when their palette has transparency).
    DataError naming `where` for a damaged file or a kind this decoder does not read."""
    if not data.startswith(SIGNATURE):
        raise DataError(f"{where} is not a PNG file", key="path")
    chunks = _chunks(data, where)
    if b"IHDR" not in chunks or len(chunks[b"IHDR"][0]) != 13:
        raise DataError(f"{where} is a damaged PNG file: its header chunk is missing",
                        key="path")
    width, height, depth, colour, method, filtering, interlace = struct.unpack(
        ">IIBBBBB", chunks[b"IHDR"][0])
    if colour not in SAMPLES or method != 0 or filtering != 0 or width == 0 or height == 0:
        raise DataError(f"{where} is a damaged PNG file: its header is invalid", key="path")
    if depth != 8:
        raise DataError(f"{where} is a {depth}-bit {COLOUR_NAMES[colour]} PNG; the built-in "
                        f"reader takes 8-bit PNGs only ({_OTHER_READER})", key="path")
    if interlace:
        raise DataError(f"{where} is an interlaced PNG; the built-in reader takes "
                        f"non-interlaced PNGs only ({_OTHER_READER})", key="path")
    if b"IDAT" not in chunks:
        raise DataError(f"{where} is a damaged PNG file: it holds no image data", key="path")
    bpp = SAMPLES[colour]
    stride = width * bpp
    raw = _inflate(b"".join(chunks[b"IDAT"]), width, height, height * (stride + 1), where)
    rows = np.frombuffer(raw, dtype=np.uint8).reshape(height, stride + 1)
    pixels = _unfilter(rows, bpp, where).reshape(height, width, bpp)
    return _palette(pixels[..., 0], chunks, where) if colour == 3 else pixels


def _inflate(data: bytes, width: int, height: int, expected: int, where: str) -> bytes:
    """The `expected` bytes of filtered scanlines the IDAT `data` inflates to, once the
    image's size is known to be within limits.MAX_PIXELS and the free memory (a float64 copy
    is made of it), inflating no more than that; DataError if it holds less or more."""
    limits.check_pixels(width, height, where)
    limits.check_inflatable(expected, len(data), where, "path")
    limits.check_fits(expected * DECODED_BYTES_PER_BYTE, where, "path")
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(data, expected)
        more = inflater.decompress(inflater.unconsumed_tail, 1) or inflater.flush()
    except zlib.error as exc:
        raise DataError(f"{where} is a damaged PNG file: its image data cannot be "
                        f"decompressed ({exc})", key="path") from None
    if len(raw) < expected:
        raise DataError(f"{where} is a damaged PNG file: it holds {len(raw)} bytes of image "
                        f"data where its header announces {expected}", key="path")
    if more:
        raise DataError(f"{where} is a damaged PNG file: it holds more image data than the "
                        f"{expected} bytes its header announces", key="path")
    return raw


def _chunks(data: bytes, where: str) -> dict[bytes, list[bytes]]:
    """Every chunk's data by type, in file order, up to IEND; CRCs checked."""
    out: dict[bytes, list[bytes]] = {}
    pos = len(SIGNATURE)
    while True:
        if pos + 12 > len(data):
            raise DataError(f"{where} is a truncated PNG file", key="path")
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        end = pos + 8 + length
        if end + 4 > len(data):
            raise DataError(f"{where} is a truncated PNG file", key="path")
        body = data[pos + 8:end]
        if zlib.crc32(kind + body) != int.from_bytes(data[end:end + 4], "big"):
            raise DataError(f"{where} is a damaged PNG file: the {kind.decode('latin-1')!r} "
                            f"chunk at byte {pos} fails its checksum", key="path")
        if kind == b"IEND":
            return out
        out.setdefault(kind, []).append(body)
        pos = end + 4


def _unfilter(rows: np.ndarray, bpp: int, where: str) -> np.ndarray:
    """rows (H, 1 + stride): filter byte, then filtered bytes → raw bytes (H, stride)."""
    out = np.empty((rows.shape[0], rows.shape[1] - 1), dtype=np.uint8)
    previous = np.zeros(out.shape[1], dtype=np.uint8)
    for r, (kind, line) in enumerate(zip(rows[:, 0], rows[:, 1:], strict=True)):
        if kind == 0:
            out[r] = line
        elif kind == 1:
            out[r] = line.reshape(-1, bpp).cumsum(axis=0, dtype=np.uint8).reshape(-1)
        elif kind == 2:
            out[r] = line + previous
        elif kind in (3, 4):
            out[r] = (_average if kind == 3 else _paeth)(line, previous, bpp)
        else:
            raise DataError(f"{where} is a damaged PNG file: row {r} has the unknown filter "
                            f"type {kind}", key="path")
        previous = out[r]
    return out


def _average(line: np.ndarray, up: np.ndarray, bpp: int) -> np.ndarray:
    """Average filter: each byte adds ⌊(left + up) / 2⌋ of the decoded neighbours."""
    cur = bytearray(line.tobytes())
    above = up.tobytes()
    for i in range(len(cur)):
        left = cur[i - bpp] if i >= bpp else 0
        cur[i] = (cur[i] + ((left + above[i]) >> 1)) & 0xFF
    return np.frombuffer(cur, dtype=np.uint8)


def _paeth(line: np.ndarray, up: np.ndarray, bpp: int) -> np.ndarray:
    """Paeth filter: each byte adds whichever of left, up and upper-left is closest to
    left + up − upper-left (ties prefer left, then up)."""
    cur = bytearray(line.tobytes())
    above = up.tobytes()
    for i in range(len(cur)):
        a, c = (cur[i - bpp], above[i - bpp]) if i >= bpp else (0, 0)
        b = above[i]
        pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
        cur[i] = (cur[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
    return np.frombuffer(cur, dtype=np.uint8)


def _palette(index: np.ndarray, chunks: dict[bytes, list[bytes]], where: str) -> np.ndarray:
    """Palette indices (H, W) → RGB (H, W, 3), or RGBA when a tRNS chunk gives alphas."""
    if b"PLTE" not in chunks or len(chunks[b"PLTE"][0]) % 3:
        raise DataError(f"{where} is a damaged PNG file: its palette is missing", key="path")
    colours = np.frombuffer(chunks[b"PLTE"][0], dtype=np.uint8).reshape(-1, 3)
    if b"tRNS" in chunks:
        alpha = np.full(len(colours), 255, dtype=np.uint8)
        given = np.frombuffer(chunks[b"tRNS"][0], dtype=np.uint8)[:len(colours)]
        alpha[:len(given)] = given
        colours = np.column_stack([colours, alpha])
    if index.max(initial=0) >= len(colours):
        raise DataError(f"{where} is a damaged PNG file: a pixel uses colour "
                        f"{int(index.max())} of a {len(colours)}-colour palette", key="path")
    return colours[index]
