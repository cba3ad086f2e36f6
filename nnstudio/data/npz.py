"""Reading inputs and targets from a NumPy .npz archive, never unpickling anything."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import numpy as np

from nnstudio.data.errors import DataError
from nnstudio.data.samples import Samples
from nnstudio.data.targets import encode_classes, infer_task

_READ_ERRORS = (ValueError, OSError, EOFError, zipfile.BadZipFile, zlib.error)


def load_npz(path: Path, *, x_key: str = "x", y_key: str = "y", task: str = "auto",
             progress: Callable[[float], None] | None = None) -> Samples:
    """Inputs x (N, F), (N, H, W) or (N, C, H, W) and targets y (N,) or (N, T) from `path`.

    Images (N, H, W) get one channel. Integer, boolean or text targets are classes under
    task "auto", and so are whole-number float targets with few distinct values; classes are
    numbered in sorted order of their values. `progress`, if given, is called with the
    fraction done after each array is read.
    """
    report = progress if progress is not None else (lambda fraction: None)
    where = path.name
    try:
        archive = np.load(path, allow_pickle=False)
    except _READ_ERRORS as exc:
        if "pickle" in str(exc):
            raise DataError(f"{where} holds pickled Python objects, which nnstudio never loads "
                            f"(loading them could run code); save plain arrays with numpy.savez",
                            key="path") from None
        raise DataError(f"{where} is not a readable NumPy .npz file ({exc})", key="path") from None
    if not isinstance(archive, np.lib.npyio.NpzFile):
        raise DataError(f"{where} holds a single array; save inputs and targets together with "
                        f"numpy.savez(path, {x_key}=inputs, {y_key}=targets)", key="path")
    with archive:
        x = _array(archive, x_key, "x_key", where)
        report(0.6)
        y = _array(archive, y_key, "y_key", where)
        report(0.7)
    x = _inputs(x, x_key, where)
    report(0.9)
    if y.ndim == 0 or len(y) != len(x):
        raise DataError(f"{where}: {x_key!r} has {len(x)} samples but {y_key!r} has shape "
                        f"{y.shape}; they need one target per sample", key="y_key")
    y, task, class_names = _targets(y, y_key, task, where)
    kind = "images" if x.ndim == 4 else "table"
    features = () if kind == "images" else tuple(f"{x_key}[{j}]" for j in range(x.shape[1]))
    return Samples(x, y, task, kind, class_names, features, path.stem)


def _npy_header(file: BinaryIO) -> tuple[tuple[int, ...], bool, np.dtype]:
    """(shape, fortran order, dtype) from an .npy stream, left at the data."""
    version = np.lib.format.read_magic(file)
    if version == (1, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_1_0(file)
    else:
        shape, fortran, dtype = np.lib.format.read_array_header_2_0(file)
    return tuple(shape), fortran, np.dtype(dtype)


def list_arrays(path: Path) -> list[tuple[str, tuple[int, ...], np.dtype]]:
    """(name, shape, dtype) of every array in the .npz file `path`, read from the headers
    alone (no array is loaded). DataError for a file that is not an .npz archive."""
    out = []
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if not member.endswith(".npy"):
                    continue
                with archive.open(member) as file:
                    shape, _, dtype = _npy_header(file)
                out.append((member.removesuffix(".npy"), shape, dtype))
    except _READ_ERRORS as exc:
        raise DataError(f"{path.name} is not a readable NumPy .npz file ({exc})",
                        key="path") from None
    if not out:
        raise DataError(f"{path.name} holds no arrays", key="path")
    return out


def peek_array(path: Path, key: str, count: int) -> np.ndarray | None:
    """The first `count` items (along axis 0) of the array `key` in the .npz file `path`,
    reading (and inflating) only those; None for an array that cannot be read that way
    (Fortran order, objects). DataError for a file that is not an .npz archive."""
    try:
        with zipfile.ZipFile(path) as archive, archive.open(f"{key}.npy") as file:
            shape, fortran, dtype = _npy_header(file)
            if fortran or dtype.hasobject or not shape:
                return None
            count = min(count, shape[0])
            size = count * int(np.prod(shape[1:])) * dtype.itemsize
            data = file.read(size)
    except KeyError:
        raise DataError(f"{path.name} has no array {key!r}", key="x_key") from None
    except _READ_ERRORS as exc:
        raise DataError(f"{path.name} is not a readable NumPy .npz file ({exc})",
                        key="path") from None
    if len(data) < size:
        raise DataError(f"the array {key!r} in {path.name} is truncated", key="x_key")
    return np.frombuffer(data, dtype=dtype).reshape(count, *shape[1:])


def _array(archive: np.lib.npyio.NpzFile, key: str, spec_key: str, where: str) -> np.ndarray:
    if key not in archive.files:
        raise DataError(f"{where} has no array {key!r}; it holds: "
                        f"{', '.join(archive.files) or 'nothing'}", key=spec_key)
    try:
        return archive[key]
    except _READ_ERRORS as exc:
        if "pickle" in str(exc):
            raise DataError(f"the array {key!r} in {where} holds Python objects (dtype object); "
                            f"nnstudio loads plain numeric arrays only, since loading objects "
                            f"could run code: save it with a numeric dtype",
                            key=spec_key) from None
        raise DataError(f"the array {key!r} in {where} cannot be read ({exc})",
                        key=spec_key) from None


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
