"""Trained weights beside the design: an .npz archive keyed by parameter and buffer name.

Loading never unpickles, never follows a link and reads nothing it has not checked first: the
file must be a regular file; every member of the zip archive plainly stored or deflated, not
encrypted, declaring no more bytes than the archive can hold and the network needs; each
array's .npy header (name, shape, dtype) must fit the network before its data is read; and
the values must be finite once in the network's dtype. Problems name the array ("h1.W").
"""

from __future__ import annotations

import math
import os
import struct
import tokenize
import zipfile
import zlib
from pathlib import Path
from typing import IO, Any

import numpy as np

from nnstudio.core.network import Network
from nnstudio.design.errors import DesignError, Problem
from nnstudio.design.io import atomic_write, open_regular, os_reason, remove_stale_temporaries

#: what a damaged archive can raise while being opened or read (NotImplementedError and
#: RuntimeError: a compression method or an encryption zipfile cannot read; TokenError and
#: SyntaxError: an .npy header numpy cannot parse)
_DAMAGED = (ValueError, EOFError, zipfile.BadZipFile, zlib.error, NotImplementedError,
            RuntimeError, tokenize.TokenError, SyntaxError, struct.error)
#: the compression methods numpy writes (savez, savez_compressed)
_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflated"}
#: room for an .npy header in front of an array's data (numpy refuses headers over 10 000)
_HEADER_BYTES = 1 << 16
#: deflate expands its input at most about 1032 times
_MAX_DEFLATE_RATIO = 1032
#: the widest number type a weights file may hold (int64, float64)
_MAX_ITEMSIZE = 8


def weights_path_for(design_path: str | os.PathLike[str]) -> Path:
    """The weights file that goes with a design: same folder, same stem, ``.npz``."""
    return Path(design_path).with_suffix(".npz")


def save_weights(network: Network, path: str | os.PathLike[str]) -> None:
    """Write every parameter and buffer of `network` to an .npz, atomically; a link at `path`
    is replaced, never written through."""
    state: dict[str, Any] = network.state_dict()
    atomic_write(path, lambda f: np.savez(f, **state))
    remove_stale_temporaries(path)


def load_weights(network: Network, path: str | os.PathLike[str]) -> None:
    """Copy the weights saved at `path` into `network`, all or nothing; DesignError when the
    file is missing, not a regular file, damaged, a zip bomb, holds objects or values the
    network's dtype cannot hold, or does not fit the network."""
    name = os.fspath(path)
    try:
        with os.fdopen(open_regular(name, follow_links=False), "rb") as f:
            arrays = _read_archive(f, _expected(network), name)
    except OSError as exc:
        raise DesignError(f"cannot read {name}: {os_reason(exc)}", name) from None
    network.load_state_dict(arrays)


def _read_archive(f: IO[bytes], expected: dict[str, tuple[tuple[int, ...], np.dtype]],
                  name: str) -> dict[str, np.ndarray]:
    """The arrays of the open archive `f`, once everything about them has been checked."""
    size = os.fstat(f.fileno()).st_size
    try:
        archive = zipfile.ZipFile(f)
    except _DAMAGED:
        raise DesignError(f"{name} is not a weights file (.npz)", name) from None
    with archive:
        members, problems = _members(archive, expected, size, name)
        try:
            headers = {key: _header(archive, info) for key, info in members.items()}
            problems += _header_problems(headers, expected)
            if problems:
                raise DesignError(problems, name)
            arrays = {key: _data(archive, members[key], *headers[key])
                      for key in members}
        except _DAMAGED:
            raise DesignError(f"{name} is damaged and cannot be read", name) from None
    _check_values(arrays, expected, name)
    return arrays


def _members(archive: zipfile.ZipFile, expected: dict[str, tuple[tuple[int, ...], np.dtype]],
             size: int, name: str) -> tuple[dict[str, zipfile.ZipInfo], list[Problem]]:
    """The archive's readable arrays by name, and a problem for every member that is missing,
    extra, doubled, encrypted, compressed in a foreign way or larger than it can be."""
    infos = archive.infolist()
    if not infos:
        raise DesignError(f"{name} is not a weights file (.npz)", name)
    members: dict[str, zipfile.ZipInfo] = {}
    problems: list[Problem] = []
    seen: set[str] = set()
    for info in infos:
        key = info.filename.removesuffix(".npy")
        problem = ("appears twice in the archive" if key in seen
                   else _member_problem(info, key, expected, size))
        seen.add(key)
        if problem:
            problems.append(Problem(key, problem))
            members.pop(key, None)
        else:
            members[key] = info
    problems += [Problem(key, f"is missing from {Path(name).name}")
                 for key in expected if key not in seen]
    return members, problems


def _member_problem(info: zipfile.ZipInfo, key: str,
                    expected: dict[str, tuple[tuple[int, ...], np.dtype]],
                    archive_size: int) -> str | None:
    """Why one zip member cannot be read, from its directory entry alone; None if it can."""
    if key not in expected:
        return "is not a parameter of this network"
    if info.flag_bits & 0x1:
        return "is encrypted; nnstudio reads only plain .npz archives"
    if info.compress_type not in _METHODS:
        return (f"is compressed with zip method {info.compress_type}; nnstudio reads only "
                f"stored or deflated members, as numpy writes them")
    most = math.prod(expected[key][0]) * _MAX_ITEMSIZE + _HEADER_BYTES
    if info.file_size > most:
        return (f"claims {info.file_size:,} bytes, more than a parameter of shape "
                f"{expected[key][0]} can take ({most:,})")
    if info.compress_size > archive_size:
        return (f"claims {info.compress_size:,} stored bytes, more than the whole file holds "
                f"({archive_size:,})")
    if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
        return (f"claims {info.file_size:,} bytes but stores {info.compress_size:,}: the "
                f"archive is damaged")
    if info.file_size > info.compress_size * _MAX_DEFLATE_RATIO + _HEADER_BYTES:
        return (f"claims {info.file_size:,} bytes from {info.compress_size:,} deflated, more "
                f"than deflate can expand: the archive is damaged")
    return None


def _expected(network: Network) -> dict[str, tuple[tuple[int, ...], np.dtype]]:
    """The shape and dtype of every parameter and buffer, by name."""
    arrays = {p.name: p.value for p in network.parameters()}
    arrays.update(network.named_buffers())
    return {name: (a.shape, a.dtype) for name, a in arrays.items()}


def _header_problems(headers: dict[str, tuple[tuple[int, ...], bool, np.dtype]],
                     expected: dict[str, tuple[tuple[int, ...], np.dtype]]) -> list[Problem]:
    """A problem for every array whose dtype or shape does not fit."""
    problems = []
    for key, (shape, _, dtype) in headers.items():
        if dtype.hasobject:
            problems.append(Problem(key, "holds Python objects, which nnstudio never loads"))
        elif dtype.kind not in "iuf" or dtype.itemsize > _MAX_ITEMSIZE:
            problems.append(Problem(key, f"is not an array of real numbers ({dtype})"))
        elif shape != expected[key][0]:
            problems.append(Problem(key, f"has shape {shape}, this network needs "
                                         f"{expected[key][0]}"))
    return problems


def _check_values(arrays: dict[str, np.ndarray],
                  expected: dict[str, tuple[tuple[int, ...], np.dtype]], name: str) -> None:
    """DesignError naming every array with NaN or infinite values, in the file or once cast
    to the network's dtype (1e300 is finite in float64, infinite in float32)."""
    problems = []
    for key, a in arrays.items():
        dtype = expected[key][1]
        if not np.isfinite(a).all():
            problems.append(Problem(key, "holds NaN or infinite values"))
            continue
        with np.errstate(over="ignore"):
            cast = a.astype(dtype)
        if not np.isfinite(cast).all():
            largest = float(np.abs(a).max())
            problems.append(Problem(key, f"holds values too large for {dtype} (up to "
                                         f"{largest:.3g}; {dtype} holds up to "
                                         f"{float(np.finfo(dtype).max):.3g})"))
    if problems:
        raise DesignError(problems, name)


def _header(archive: zipfile.ZipFile, info: zipfile.ZipInfo
            ) -> tuple[tuple[int, ...], bool, np.dtype]:
    """(shape, fortran order, dtype) of one stored array, read from its .npy header only."""
    with archive.open(info) as f:
        version = np.lib.format.read_magic(f)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(f)
        elif version == (2, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(f)
        else:
            raise ValueError(f"unsupported .npy version {version}")
    return tuple(shape), bool(fortran), dtype


def _data(archive: zipfile.ZipFile, info: zipfile.ZipInfo, shape: tuple[int, ...],
          fortran: bool, dtype: np.dtype) -> np.ndarray:
    """The array of one member whose header has been checked: exactly its bytes, no more."""
    nbytes = math.prod(shape) * dtype.itemsize
    with archive.open(info) as f:
        version = np.lib.format.read_magic(f)
        if version == (1, 0):
            np.lib.format.read_array_header_1_0(f)
        else:
            np.lib.format.read_array_header_2_0(f)
        data = f.read(nbytes)
    if len(data) != nbytes:
        raise EOFError(f"{info.filename} ends early")
    return np.frombuffer(data, dtype).reshape(shape, order="F" if fortran else "C")
