"""MNIST-format IDX files, plain or gzip-compressed: a header, then one packed array.

The header is two zero bytes, a type code, the number of dimensions d, then d big-endian
uint32 sizes; the values follow in row-major order, big-endian. MNIST and Fashion-MNIST hold
uint8 images (N, rows, columns) in one file and uint8 labels (N,) in another. A file is read
straight into one preallocated buffer (a gzip file is inflated into it a megabyte at a time), so
loading costs one copy of the bytes and nothing more. The header's sizes are checked against the
file (and what its compressed data can hold) and the free memory before that buffer exists.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from math import prod
from pathlib import Path
from typing import BinaryIO, cast

import numpy as np

from nnstudio.data import limits
from nnstudio.data.errors import DataError
from nnstudio.data.paths import is_regular_file, open_regular
from nnstudio.data.samples import Samples
from nnstudio.data.targets import encode_classes

GZIP_MAGIC = b"\x1f\x8b"
#: IDX type code → NumPy dtype (big-endian where it matters)
TYPES: dict[int, np.dtype] = {0x08: np.dtype("u1"), 0x09: np.dtype("i1"), 0x0B: np.dtype(">i2"),
         0x0C: np.dtype(">i4"), 0x0D: np.dtype(">f4"), 0x0E: np.dtype(">f8")}
READ_CHUNK = 1 << 20


def read_idx(path: Path, key: str,
             progress: Callable[[float], None] | None = None) -> np.ndarray:
    """The array stored in the IDX file `path`, shaped as its header says, in native byte
    order. DataError (with `key`, the spec key naming the file) for a file that is not IDX,
    is truncated, holds more than its header announces, announces an empty dimension, or
    announces more than the file can hold or memory can take (checked before allocating).
    `progress`, if given, is called with the fraction of the data read after every chunk (an
    exception it raises stops the read)."""
    with _opened(path, key) as (stream, file_size, trailer):
        dtype, dims = _announced(stream, path.name, key, file_size, trailer)
        values = prod(dims)
        extra = (limits.SPLIT_BYTES_PER_VALUE if dtype == np.uint8
                 else limits.LOADED_BYTES_PER_VALUE)
        limits.check_fits(values * (dtype.itemsize + extra), path.name, key)
        return _payload(stream, path.name, key, dtype, dims, progress)


@contextmanager
def _opened(path: Path, key: str) -> Iterator[tuple[BinaryIO, int, int | None]]:
    """(the IDX stream, inflated if gzip, the file's size, and for gzip the inflated size
    modulo 2³² its trailer gives, else None); the errors of reading and inflating become
    DataErrors naming the file."""
    try:
        with open_regular(path, key) as file:
            file_size = os.fstat(file.fileno()).st_size
            start = file.read(2)
            file.seek(0)
            if not start:
                raise DataError(f"{path.name} is empty", key=key)
            if start != GZIP_MAGIC:
                yield file, file_size, None
                return
            trailer = _gzip_size(file)
            with gzip.GzipFile(fileobj=file) as stream:
                yield cast(BinaryIO, stream), file_size, trailer
    except (zlib.error, EOFError, gzip.BadGzipFile) as exc:
        raise DataError(f"{path.name} is a damaged gzip file ({exc})", key=key) from None
    except OSError as exc:
        raise DataError(f"cannot read {path.name}: {exc.strerror or exc}", key=key) from None


def _header(stream: BinaryIO, where: str, key: str) -> tuple[np.dtype, tuple[int, ...]]:
    """The dtype and dimensions an IDX header announces, none of them 0; the stream is left
    at the data."""
    magic = stream.read(4)
    if len(magic) < 4 or magic[:2] != b"\0\0" or magic[2] not in TYPES or magic[3] == 0:
        raise DataError(f"{where} is not an IDX file (it does not start with the IDX magic "
                        f"number: two zero bytes, a type code and the number of dimensions)",
                        key=key)
    dtype, ndim = TYPES[magic[2]], magic[3]
    header = stream.read(4 * ndim)
    if len(header) < 4 * ndim:
        raise DataError(f"{where} is truncated: it ends inside its header", key=key)
    dims = tuple(int.from_bytes(header[4 * i:4 * i + 4], "big") for i in range(ndim))
    if 0 in dims:
        raise DataError(f"{where} holds no data: its header announces "
                        f"{' × '.join(map(str, dims))} values", key=key)
    return dtype, dims


def _announced(stream: BinaryIO, where: str, key: str, file_size: int, trailer: int | None
               ) -> tuple[np.dtype, tuple[int, ...]]:
    """The header's dtype and dimensions, once they are known to fit the file: its exact
    size if plain; if gzip, the size in its `trailer` (modulo 2³²) and what `file_size`
    bytes of deflate data can hold. DataError for an empty dimension."""
    dtype, dims = _header(stream, where, key)
    shape = " × ".join(map(str, dims))
    expected = 4 + 4 * len(dims) + prod(dims) * dtype.itemsize
    if trailer is not None:
        limits.check_inflatable(expected, file_size, where, key)
    plain = trailer is None
    if (expected if plain else expected % 2**32) != (file_size if plain else trailer):
        detail = f" in {expected} bytes, but it has {file_size}" if plain else ""
        raise DataError(f"{where} does not match its header: the header announces "
                        f"{shape} values of type {dtype.name}{detail} "
                        f"(truncated, or not an IDX file)", key=key)
    return dtype, dims


def _gzip_size(file: BinaryIO) -> int:
    """The uncompressed size modulo 2³², from the trailer of the gzip `file`, which is left
    at its start."""
    file.seek(-4, io.SEEK_END)
    size = int.from_bytes(file.read(4), "little")
    file.seek(0)
    return size


def _payload(stream: BinaryIO, where: str, key: str, dtype: np.dtype, dims: tuple[int, ...],
             progress: Callable[[float], None] | None) -> np.ndarray:
    """The values after the header, read a chunk at a time into one buffer of the announced
    size: never more than that is inflated."""
    payload = np.empty(prod(dims) * dtype.itemsize, dtype=np.uint8)
    view = memoryview(payload.data)
    filled = 0
    while filled < len(payload):
        got = stream.readinto(view[filled:filled + READ_CHUNK])  # type: ignore[attr-defined]
        if not got:
            raise DataError(f"{where} is truncated: {filled} of the {len(payload)} bytes of "
                            f"data announced by its header are there", key=key)
        filled += got
        if progress is not None:
            progress(filled / len(payload))
    if stream.read(1):
        raise DataError(f"{where} holds more data than its header announces "
                        f"({' × '.join(map(str, dims))} values)", key=key)
    array = payload.view(dtype).reshape(dims)
    return array if dtype.isnative else array.astype(dtype.newbyteorder("="))


def peek_idx(path: Path, key: str, count: int) -> tuple[tuple[int, ...], np.ndarray]:
    """The shape the IDX file `path` announces and its first `count` items (count, *dims[1:])
    in native byte order, reading no further. DataError (with `key`) for a file that is not
    IDX, announces an empty dimension or ends before those items."""
    with _opened(path, key) as (stream, file_size, trailer):
        dtype, dims = _header(stream, path.name, key)
        count = min(count, dims[0])
        size = count * prod(dims[1:]) * dtype.itemsize
        room = file_size if trailer is None else file_size * limits.DEFLATE_RATIO
        data = stream.read(size) if size <= room else b""
        if len(data) < size:
            raise DataError(f"{path.name} is truncated: it ends inside its first {count} "
                            f"items", key=key)
        head = np.frombuffer(data, dtype=dtype).reshape(count, *dims[1:])
        return dims, head.astype(dtype.newbyteorder("="))


def guess_labels(images: Path) -> Path | None:
    """The labels file beside the images file `images`, by MNIST's naming
    (train-images-idx3-ubyte[.gz] → train-labels-idx1-ubyte[.gz]), if it exists."""
    name = images.name.replace("images", "labels").replace("idx3", "idx1")
    if name == images.name:
        return None
    stem = name.removesuffix(".gz")
    for candidate in (name, stem, stem + ".gz"):
        if is_regular_file(images.parent / candidate):
            return images.parent / candidate
    return None


def load_idx(images_path: Path, labels_path: Path,
             progress: Callable[[float], None] | None = None) -> Samples:
    """Images (N, 1, rows, columns) and labels (N,) from an IDX pair. uint8 pixels stay bytes
    with divisor 255 (so they read as [0, 1]); other types are read as they are. `progress`,
    if given, is called with the fraction of both files read so far."""
    images = read_idx(images_path, "images",
                      None if progress is None else lambda f: progress(0.95 * f))
    labels = read_idx(labels_path, "labels",
                      None if progress is None else lambda f: progress(0.95 + 0.05 * f))
    if images.ndim != 3:
        hint = " (it looks like a labels file)" if images.ndim == 1 else ""
        raise DataError(f"{images_path.name} holds an array of shape {images.shape}{hint}; an "
                        f"images file holds (count, rows, columns)", key="images")
    if labels.ndim != 1:
        hint = " (it looks like an images file)" if labels.ndim == 3 else ""
        raise DataError(f"{labels_path.name} holds an array of shape {labels.shape}{hint}; a "
                        f"labels file holds one number per image", key="labels")
    if len(images) != len(labels):
        raise DataError(f"{images_path.name} holds {len(images)} images but "
                        f"{labels_path.name} holds {len(labels)} labels; they must match",
                        key="labels")
    if labels.dtype.kind not in "iu":
        raise DataError(f"{labels_path.name} holds {labels.dtype.name} values; labels must be "
                        f"whole numbers", key="labels")
    if images.dtype == np.uint8:
        x, divisor = images[:, None], 255.0
    else:
        x, divisor = images[:, None].astype(np.float64), 1.0
        if not np.isfinite(x).all():
            raise DataError(f"{images_path.name} holds NaN or infinite values", key="images")
    y, names = encode_classes(labels, f"the labels in {labels_path.name}", "labels")
    title = images_path.name.removesuffix(".gz")
    return Samples(x, y, "classification", "images", names, (), title, divisor)
