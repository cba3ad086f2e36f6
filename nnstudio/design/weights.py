"""Trained weights beside the design: an .npz archive keyed by parameter and buffer name.

Loading never unpickles (``allow_pickle=False``) and reads each array's header before its data,
so a file that does not fit the network is refused, naming every misfit, before anything is
allocated or copied. The problems' paths are the array names ("h1.W").
"""

from __future__ import annotations

import os
import zipfile
import zlib
from pathlib import Path

import numpy as np
from numpy.lib.npyio import NpzFile

from nnstudio.core.network import Network
from nnstudio.design.errors import DesignError, Problem
from nnstudio.design.io import atomic_write, os_reason

#: what a damaged archive can raise while being opened or read
_DAMAGED = (ValueError, EOFError, zipfile.BadZipFile, zlib.error)


def weights_path_for(design_path: str | os.PathLike[str]) -> Path:
    """The weights file that goes with a design: same folder, same stem, ``.npz``."""
    return Path(design_path).with_suffix(".npz")


def save_weights(network: Network, path: str | os.PathLike[str]) -> None:
    """Write every parameter and buffer of `network` to an .npz, atomically."""
    state = network.state_dict()
    atomic_write(path, lambda f: np.savez(f, **state))


def load_weights(network: Network, path: str | os.PathLike[str]) -> None:
    """Copy the weights saved at `path` into `network`, all or nothing; DesignError when the
    file is missing, damaged, holds objects, or does not fit the network."""
    name = os.fspath(path)
    try:
        archive = np.load(name, allow_pickle=False)
    except FileNotFoundError:
        raise DesignError(f"{name} does not exist", name) from None
    except _DAMAGED:
        raise DesignError(f"{name} is not a weights file (.npz)", name) from None
    except OSError as exc:
        raise DesignError(f"cannot read {name}: {os_reason(exc)}", name) from None
    if not isinstance(archive, NpzFile):
        raise DesignError(f"{name} is not a weights file (.npz)", name)
    with archive:
        try:
            arrays = _read_fitting(archive, _expected(network), name)
        except (*_DAMAGED, OSError):
            raise DesignError(f"{name} is damaged and cannot be read", name) from None
    network.load_state_dict(arrays)


def _expected(network: Network) -> dict[str, tuple[int, ...]]:
    """The shape of every parameter and buffer, by name."""
    shapes = {p.name: p.value.shape for p in network.parameters()}
    shapes.update((name, buf.shape) for name, buf in network.named_buffers())
    return shapes


def _read_fitting(archive: NpzFile, expected: dict[str, tuple[int, ...]], name: str
                  ) -> dict[str, np.ndarray]:
    """The arrays of `archive`, once every name, shape and dtype has been checked."""
    problems = [Problem(key, f"is missing from {Path(name).name}")
                for key in expected if key not in archive.files]
    for key in archive.files:
        if key not in expected:
            problems.append(Problem(key, "is not a parameter of this network"))
            continue
        shape, dtype = _header(archive, key)
        if dtype.hasobject:
            problems.append(Problem(key, "holds Python objects, which nnstudio never loads"))
        elif dtype.kind not in "iuf":
            problems.append(Problem(key, f"is not an array of real numbers ({dtype})"))
        elif shape != expected[key]:
            problems.append(Problem(key, f"has shape {shape}, this network needs "
                                         f"{expected[key]}"))
    if problems:
        raise DesignError(problems, name)
    arrays = {key: archive[key] for key in archive.files}
    bad = [Problem(key, "holds NaN or infinite values") for key, a in arrays.items()
           if not np.isfinite(a).all()]
    if bad:
        raise DesignError(bad, name)
    return arrays


def _header(archive: NpzFile, key: str) -> tuple[tuple[int, ...], np.dtype]:
    """(shape, dtype) of one stored array, read from its .npy header only."""
    member = key + ".npy" if key + ".npy" in archive.zip.namelist() else key
    with archive.zip.open(member) as f:
        version = np.lib.format.read_magic(f)
        if version == (1, 0):
            shape, _, dtype = np.lib.format.read_array_header_1_0(f)
        else:
            shape, _, dtype = np.lib.format.read_array_header_2_0(f)
    return tuple(shape), dtype
