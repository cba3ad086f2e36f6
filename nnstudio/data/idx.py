"""MNIST-format IDX files, plain or gzip-compressed: a header, then one packed array.

The header is two zero bytes, a type code, the number of dimensions d, then d big-endian
uint32 sizes; the values follow in row-major order, big-endian. MNIST and Fashion-MNIST hold
uint8 images (N, rows, columns) in one file and uint8 labels (N,) in another. A file is read
straight into one preallocated buffer (a gzip file is inflated into it a megabyte at a time), so
loading costs one copy of the bytes and nothing more.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable
from math import prod
from pathlib import Path
from typing import BinaryIO

import numpy as np

from nnstudio.data.errors import DataError
from nnstudio.data.samples import Samples
from nnstudio.data.targets import encode_classes

GZIP_MAGIC = b"\x1f\x8b"
#: IDX type code → NumPy dtype (big-endian where it matters)
TYPES = {0x08: np.dtype("u1"), 0x09: np.dtype("i1"), 0x0B: np.dtype(">i2"),
         0x0C: np.dtype(">i4"), 0x0D: np.dtype(">f4"), 0x0E: np.dtype(">f8")}
READ_CHUNK = 1 << 20


def read_idx(path: Path, key: str,
             progress: Callable[[float], None] | None = None) -> np.ndarray:
    """The array stored in the IDX file `path`, shaped as its header says, in native byte
    order. DataError (with `key`, the spec key naming the file) for a file that is not IDX,
    is truncated, or holds more than its header announces. `progress`, if given, is called
    with the fraction of the data read after every chunk (an exception it raises stops the
    read)."""
    try:
        with path.open("rb") as file:
            start = file.read(2)
            file.seek(0)
            if not start:
                raise DataError(f"{path.name} is empty", key=key)
            if start != GZIP_MAGIC:
                return _read(file, path, key, path.stat().st_size, False, progress)
            size = _gzip_size(file)
            with gzip.GzipFile(fileobj=file) as stream:
                return _read(stream, path, key, size, True, progress)
    except (zlib.error, EOFError, gzip.BadGzipFile) as exc:
        raise DataError(f"{path.name} is a damaged gzip file ({exc})", key=key) from None
    except OSError as exc:
        raise DataError(f"cannot read {path.name}: {exc.strerror or exc}", key=key) from None


def _gzip_size(file: BinaryIO) -> int:
    """The uncompressed size modulo 2³², from the gzip trailer."""
    file.seek(-4, io.SEEK_END)
    size = int.from_bytes(file.read(4), "little")
    file.seek(0)
    return size


def _header(stream: BinaryIO, where: str, key: str) -> tuple[np.dtype, tuple[int, ...]]:
    """The dtype and dimensions an IDX header announces; the stream is left at the data."""
    magic = stream.read(4)
    if len(magic) < 4 or magic[:2] != b"\0\0" or magic[2] not in TYPES or magic[3] == 0:
        raise DataError(f"{where} is not an IDX file (it does not start with the IDX magic "
                        f"number: two zero bytes, a type code and the number of dimensions)",
                        key=key)
    dtype, ndim = TYPES[magic[2]], magic[3]
    header = stream.read(4 * ndim)
    if len(header) < 4 * ndim:
        raise DataError(f"{where} is truncated: it ends inside its header", key=key)
    return dtype, tuple(int.from_bytes(header[4 * i:4 * i + 4], "big") for i in range(ndim))


def _read(stream: BinaryIO, path: Path, key: str, size: int, compressed: bool,
          progress: Callable[[float], None] | None) -> np.ndarray:
    """Parse the header and read the payload. `size`: the whole (uncompressed) file's length,
    modulo 2³² when `compressed`."""
    where = path.name
    dtype, dims = _header(stream, where, key)
    expected = 4 + 4 * len(dims) + prod(dims) * dtype.itemsize
    if (expected % 2**32 if compressed else expected) != size:
        detail = "" if compressed else f" in {expected} bytes, but it has {size}"
        raise DataError(f"{where} does not match its header: the header announces "
                        f"{' × '.join(map(str, dims))} values of type {dtype.name}{detail} "
                        f"(truncated, or not an IDX file)", key=key)
    payload = np.empty(prod(dims) * dtype.itemsize, dtype=np.uint8)
    view = memoryview(payload)
    filled = 0
    while filled < len(payload):
        got = stream.readinto(view[filled:filled + READ_CHUNK])
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
    IDX or ends before those items."""
    try:
        with path.open("rb") as file:
            start = file.read(2)
            if not start:
                raise DataError(f"{path.name} is empty", key=key)
            if start == GZIP_MAGIC:
                file.seek(0)
                with gzip.GzipFile(fileobj=file) as stream:
                    return _peek(stream, path.name, key, count)
            file.seek(0)
            return _peek(file, path.name, key, count)
    except (zlib.error, EOFError, gzip.BadGzipFile) as exc:
        raise DataError(f"{path.name} is a damaged gzip file ({exc})", key=key) from None
    except OSError as exc:
        raise DataError(f"cannot read {path.name}: {exc.strerror or exc}", key=key) from None


def _peek(stream: BinaryIO, where: str, key: str, count: int
          ) -> tuple[tuple[int, ...], np.ndarray]:
    dtype, dims = _header(stream, where, key)
    count = min(count, dims[0]) if dims else 0
    size = count * prod(dims[1:]) * dtype.itemsize
    data = stream.read(size)
    if len(data) < size:
        raise DataError(f"{where} is truncated: it ends inside its first {count} items",
                        key=key)
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
        if (images.parent / candidate).is_file():
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
    if len(images) == 0:
        raise DataError(f"{images_path.name} holds no images", key="images")
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
