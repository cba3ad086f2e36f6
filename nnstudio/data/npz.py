"""Reading inputs and targets from a NumPy .npz archive, never unpickling anything."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from math import prod
from pathlib import Path
from typing import IO

import numpy as np

from nnstudio.data import limits
from nnstudio.data.errors import DataError
from nnstudio.data.paths import open_regular
from nnstudio.data.samples import Samples
from nnstudio.data.targets import encode_classes, infer_task

#: what reading a damaged or unusual archive raises (zipfile: NotImplementedError for zip
#: features it lacks, RuntimeError for encryption)
_READ_ERRORS = (ValueError, OSError, EOFError, zipfile.BadZipFile, zlib.error,
                NotImplementedError, RuntimeError)
NPY_MAGIC = b"\x93NUMPY"
ZIP_MAGIC = b"PK\x03\x04"
#: the first byte of a pickle (protocol 2 and later)
PICKLE_MAGIC = b"\x80"
#: the zip methods read (numpy.savez stores, savez_compressed deflates), with the most each
#: can expand its data
ZIP_RATIOS = {zipfile.ZIP_STORED: 1, zipfile.ZIP_DEFLATED: limits.DEFLATE_RATIO}
READ_CHUNK = 1 << 20


def load_npz(path: Path, *, x_key: str = "x", y_key: str = "y", task: str = "auto",
             sequence: bool = False,
             progress: Callable[[float], None] | None = None) -> Samples:
    """Inputs x (N, F), (N, H, W) or (N, C, H, W) and targets y (N,) or (N, T) from `path`;
    with `sequence`, inputs x (N, T, F) or (N, T) (one feature per step: (N, T, 1)).

    Images (N, H, W) get one channel. Integer, boolean or text targets are classes under
    task "auto", and so are whole-number float targets with few distinct values; classes are
    numbered in sorted order of their values. Each array's header is checked against its zip
    member and the free memory before it is read (see limits). `progress`, if given, is
    called with the fraction done after each array is read.
    """
    report = progress if progress is not None else (lambda fraction: None)
    where = path.name
    with _archive(path) as archive:
        names = [n.removesuffix(".npy") for n in archive.namelist() if n.endswith(".npy")]
        x = _array(archive, names, x_key, "x_key", where)
        report(0.6)
        y = _array(archive, names, y_key, "y_key", where)
        report(0.7)
    x = _sequences(x, x_key, where) if sequence else _inputs(x, x_key, where)
    report(0.9)
    if y.ndim == 0 or len(y) != len(x):
        raise DataError(f"{where}: {x_key!r} has {len(x)} samples but {y_key!r} has shape "
                        f"{y.shape}; they need one target per sample", key="y_key")
    y, task, class_names = _targets(y, y_key, task, where)
    kind = "sequence" if sequence else "images" if x.ndim == 4 else "table"
    features = () if kind == "images" else tuple(f"{x_key}[{j}]" for j in range(x.shape[-1]))
    return Samples(x, y, task, kind, class_names, features, path.stem)


@contextmanager
def _archive(path: Path) -> Iterator[zipfile.ZipFile]:
    """The .npz file `path` opened as a zip archive; DataError naming it for a file that is
    not one (a single .npy array, a pickle, anything else) and for any error reading it."""
    where = path.name
    try:
        with open_regular(path) as file:
            start = file.read(len(NPY_MAGIC))
            file.seek(0)
            if start.startswith(NPY_MAGIC):
                raise DataError(f"{where} holds a single array; save inputs and targets "
                                f"together with numpy.savez(path, x=inputs, y=targets)",
                                key="path")
            if start.startswith(PICKLE_MAGIC):
                raise DataError(f"{where} holds pickled Python objects, which nnstudio never "
                                f"loads (loading them could run code); save plain arrays with "
                                f"numpy.savez", key="path")
            with zipfile.ZipFile(file) as archive:
                yield archive
    except _READ_ERRORS as exc:
        raise DataError(f"{where} is not a readable NumPy .npz file ({exc})",
                        key="path") from None


def _npy_header(file: IO[bytes]) -> tuple[tuple[int, ...], bool, np.dtype]:
    """(shape, fortran order, dtype) from an .npy stream, left at the data. ValueError for
    a damaged header (negative sizes too)."""
    version = np.lib.format.read_magic(file)
    if version == (1, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_1_0(file)
    else:
        shape, fortran, dtype = np.lib.format.read_array_header_2_0(file)
    if any(d < 0 for d in shape):
        raise ValueError(f"the header announces the shape {shape}")
    return tuple(shape), fortran, np.dtype(dtype)


def _member(archive: zipfile.ZipFile, key: str, where: str, spec_key: str) -> zipfile.ZipInfo:
    """The zip entry of array `key`, once it is known to be readable: not encrypted, stored
    or deflated, and announcing no more than its compressed data can hold."""
    try:
        info = archive.getinfo(f"{key}.npy")
    except KeyError:
        raise DataError(f"{where} has no array {key!r}", key=spec_key) from None
    if info.flag_bits & 0x1:
        raise DataError(f"the array {key!r} in {where} is encrypted; nnstudio reads "
                        f"unencrypted .npz files (as numpy.savez writes them)", key=spec_key)
    ratio = ZIP_RATIOS.get(info.compress_type)
    if ratio is None:
        raise DataError(f"the array {key!r} in {where} is compressed with zip method "
                        f"{info.compress_type}, which nnstudio does not read; save it with "
                        f"numpy.savez or numpy.savez_compressed", key=spec_key)
    if info.file_size > info.compress_size * ratio + limits.DEFLATE_SLACK:
        raise DataError(f"the array {key!r} in {where} announces "
                        f"{limits.format_bytes(info.file_size)} from "
                        f"{limits.format_bytes(info.compress_size)} of compressed data, more "
                        f"than that can hold (damaged, or a decompression bomb)", key=spec_key)
    return info


def list_arrays(path: Path) -> list[tuple[str, tuple[int, ...], np.dtype]]:
    """(name, shape, dtype) of every array in the .npz file `path`, read from the headers
    alone (no array is loaded). DataError for a file that is not an .npz archive or an array
    that cannot be read (see _member)."""
    out = []
    with _archive(path) as archive:
        for member in archive.namelist():
            if not member.endswith(".npy"):
                continue
            name = member.removesuffix(".npy")
            with archive.open(_member(archive, name, path.name, "path")) as file:
                shape, _, dtype = _npy_header(file)
            out.append((name, shape, dtype))
    if not out:
        raise DataError(f"{path.name} holds no arrays", key="path")
    return out


def peek_array(path: Path, key: str, count: int) -> np.ndarray | None:
    """The first `count` items (along axis 0) of the array `key` in the .npz file `path`,
    reading (and inflating) only those; None for an array that cannot be read that way
    (Fortran order, objects). DataError for a file that is not an .npz archive."""
    with _archive(path) as archive:
        info = _member(archive, key, path.name, "x_key")
        with archive.open(info) as file:
            shape, fortran, dtype = _npy_header(file)
            if fortran or dtype.hasobject or not shape:
                return None
            count = min(count, shape[0])
            size = count * prod(shape[1:]) * dtype.itemsize
            data = file.read(size) if size <= info.file_size else b""
    if len(data) < size:
        raise DataError(f"the array {key!r} in {path.name} is truncated", key="x_key")
    return np.frombuffer(data, dtype=dtype).reshape(count, *shape[1:])


def _array(archive: zipfile.ZipFile, names: list[str], key: str, spec_key: str,
           where: str) -> np.ndarray:
    """The array `key`, read a chunk at a time into one buffer of the size its header
    announces, once that size is known to match its zip member and fit in memory."""
    if key not in names:
        raise DataError(f"{where} has no array {key!r}; it holds: "
                        f"{', '.join(names) or 'nothing'}", key=spec_key)
    info = _member(archive, key, where, spec_key)
    what = f"the array {key!r} in {where}"
    try:
        with archive.open(info) as file:
            shape, fortran, dtype = _npy_header(file)
            if dtype.hasobject:
                raise DataError(f"{what} holds Python objects (dtype object); nnstudio loads "
                                f"plain numeric arrays only, since loading objects could run "
                                f"code: save it with a numeric dtype", key=spec_key)
            count = prod(shape)
            size = count * dtype.itemsize
            if size > info.file_size - file.tell():
                raise DataError(f"{what} is truncated: its header announces "
                                f"{' × '.join(map(str, shape))} values of type {dtype}, "
                                f"{limits.format_bytes(size)}, but it holds less", key=spec_key)
            limits.check_fits(size + count * limits.LOADED_BYTES_PER_VALUE, what, spec_key)
            buffer = _read_exactly(file, size, what, spec_key)
    except _READ_ERRORS as exc:
        raise DataError(f"{what} cannot be read ({exc})", key=spec_key) from None
    return buffer.view(dtype).reshape(shape, order="F" if fortran else "C")


def _read_exactly(file: IO[bytes], size: int, what: str, spec_key: str) -> np.ndarray:
    """`size` bytes of `file` as uint8 (size,), read a chunk at a time."""
    buffer = np.empty(size, dtype=np.uint8)
    view = memoryview(buffer.data)
    filled = 0
    while filled < size:
        got = file.readinto(view[filled:filled + READ_CHUNK])  # type: ignore[attr-defined]
        if not got:
            raise DataError(f"{what} is truncated", key=spec_key)
        filled += got
    return buffer


def _first_bad(values: np.ndarray) -> int | None:
    """The first sample (along axis 0) holding NaN or infinity, if any."""
    bad = ~np.isfinite(values.reshape(len(values), -1)).all(axis=1)
    return int(np.argmax(bad)) if bad.any() else None


def _inputs(x: np.ndarray, key: str, where: str) -> np.ndarray:
    """x as float64 (N, F) or (N, C, H, W)."""
    if x.dtype.kind not in "biuf":
        raise DataError(f"the array {key!r} in {where} has dtype {x.dtype}; inputs must be "
                        f"numbers", key="x_key")
    if x.ndim == 0 or len(x) == 0 or x.ndim > 4:
        raise DataError(f"the array {key!r} in {where} has shape {x.shape}; inputs need shape "
                        f"(samples, features), (samples, height, width) or (samples, channels, "
                        f"height, width)", key="x_key")
    x = x.astype(np.float64).reshape(len(x), -1) if x.ndim == 1 else x.astype(np.float64)
    if x.ndim == 3:
        x = x[:, None]
    bad = _first_bad(x)
    if bad is not None:
        raise DataError(f"the array {key!r} in {where} holds NaN or infinite values (the first "
                        f"in sample {bad})", key="x_key")
    return x


def _sequences(x: np.ndarray, key: str, where: str) -> np.ndarray:
    """x as float64 sequences (N, T, F)."""
    if x.dtype.kind not in "biuf":
        raise DataError(f"the array {key!r} in {where} has dtype {x.dtype}; inputs must be "
                        f"numbers", key="x_key")
    if x.ndim not in (2, 3) or len(x) == 0 or x.shape[1] == 0:
        raise DataError(f"the array {key!r} in {where} has shape {x.shape}; sequences need "
                        f"shape (samples, time steps, features) or (samples, time steps)",
                        key="x_key")
    x = x.astype(np.float64)
    bad = _first_bad(x)
    if bad is not None:
        raise DataError(f"the array {key!r} in {where} holds NaN or infinite values (the first "
                        f"in sample {bad})", key="x_key")
    return x[:, :, None] if x.ndim == 2 else x


def _targets(y: np.ndarray, key: str, task: str, where: str
             ) -> tuple[np.ndarray, str, tuple[str, ...]]:
    """(y, task, class names): labels int64 (N,) or regression targets float64 (N, T)."""
    if y.dtype.kind == "S":
        y = np.char.decode(y, "utf-8", errors="replace")
    if y.dtype.kind not in "biufU" or y.ndim > 2:
        raise DataError(f"the array {key!r} in {where} has dtype {y.dtype} and shape {y.shape};"
                        f" targets must be numbers or text, shaped (samples,) or (samples, "
                        f"targets)", key="y_key")
    text = y.dtype.kind == "U"
    if not text:
        bad = _first_bad(y)
        if bad is not None:
            raise DataError(f"the array {key!r} in {where} holds NaN or infinite values (the "
                            f"first in sample {bad})", key="y_key")
    single = y.ndim == 1 or y.shape[1] == 1
    if task == "auto":
        task = "classification" if single and (
            y.dtype.kind in "biuU" or infer_task(y.reshape(-1)) == "classification"
        ) else "regression"
    if task == "regression":
        if text:
            raise DataError(f"the array {key!r} in {where} holds text, so it cannot be "
                            f"predicted by regression; use task classification", key="task")
        return y.astype(np.float64).reshape(len(y), -1), task, ()
    if not single:
        raise DataError(f"the array {key!r} in {where} has shape {y.shape}; classification "
                        f"needs one label per sample, shaped (samples,)", key="y_key")
    labels, names = encode_classes(y.reshape(-1), f"the array {key!r} in {where}")
    return labels, task, names
