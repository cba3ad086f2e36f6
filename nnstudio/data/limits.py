"""Sizes a file announces, checked before anything that large is allocated or inflated.

A header can claim any size: an IDX or .npy header 730 GiB, a PNG 20000 × 20000 pixels, a
zip member gigabytes. Loaders check the claim against what the file can hold (deflate expands
at most DEFLATE_RATIO : 1) and against the memory the machine has free, then read no more
than the claim, so a lying or hostile file ends in a DataError naming it within moments.
"""

from __future__ import annotations

from nnstudio.data import memory
from nnstudio.data.errors import DataError

#: the share of the free memory (memory.available_bytes) one dataset may take
MEMORY_SHARE = 0.5
#: the most that deflate (zlib, gzip, zip, PNG) can expand its input: 258 bytes per 2 bits,
#: with some room for block headers
DEFLATE_RATIO = 1032
#: slack for headers and trailers in the ratio check
DEFLATE_SLACK = 4096
#: the most pixels an image file may announce (an 11 585-pixel square; Pillow's bomb check
#: stops at 179 million)
MAX_PIXELS = 1 << 27
#: the bytes each value of a dataset costs in the float32 splits the trainer uses
SPLIT_BYTES_PER_VALUE = 4
#: the bytes a loaded value costs beyond its bytes in the file: a float64 copy of the
#: samples and the float32 splits (bytes that stay bytes, as 8-bit pixels, skip the copy)
LOADED_BYTES_PER_VALUE = 8 + SPLIT_BYTES_PER_VALUE
_UNITS = ("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB")


def memory_budget() -> int:
    """The bytes one dataset may take: MEMORY_SHARE of the memory free now."""
    return int(memory.available_bytes() * MEMORY_SHARE)


def format_bytes(count: int) -> str:
    """A byte count for people: '512 B', '3.2 MiB', '730 GiB' (three significant digits)."""
    value, unit = float(count), 0
    while value >= 1024 and unit < len(_UNITS) - 1:
        value, unit = value / 1024, unit + 1
    if unit == 0:
        return f"{count} B"
    return f"{value:.3g} {_UNITS[unit]}" if value < 1000 else f"{value:.0f} {_UNITS[unit]}"


def check_fits(needed: int, where: str, key: str) -> None:
    """DataError (with `key`) naming `where` unless `needed` bytes fit the memory budget."""
    budget = memory_budget()
    if needed > budget:
        raise DataError(f"{where} would need {format_bytes(needed)} of memory to load, but "
                        f"data may take at most {format_bytes(budget)} here (half of the "
                        f"memory free now)", key=key)


def check_inflatable(declared: int, compressed: int, where: str, key: str) -> None:
    """DataError unless `compressed` bytes of deflate data can inflate to `declared` bytes."""
    if declared > compressed * DEFLATE_RATIO + DEFLATE_SLACK:
        raise DataError(f"{where} announces {format_bytes(declared)} of data, more than its "
                        f"{format_bytes(compressed)} of compressed data can hold (damaged, or "
                        f"a decompression bomb)", key=key)


def check_pixels(width: int, height: int, where: str, key: str = "path") -> None:
    """DataError unless a width × height image is within MAX_PIXELS."""
    if width * height > MAX_PIXELS:
        raise DataError(f"{where} announces {width} × {height} pixels, more than the "
                        f"{MAX_PIXELS} an image may have (damaged, or a decompression bomb)",
                        key=key)
