"""Where the bundled resources (datasets, examples, icons) are, and checking a user's path
before it is opened: only regular files are read (a FIFO would block for ever on open,
/dev/zero would never end)."""

from __future__ import annotations

import errno
import os
import stat
from importlib.resources import files
from pathlib import Path
from typing import BinaryIO

from nnstudio.data.errors import DataError

#: the longest name (one path component) file systems allow, in bytes
NAME_MAX = 255


def resources_dir() -> Path:
    """`<repo>/resources` in a source checkout, else the installed `nnstudio._resources`."""
    root = Path(__file__).resolve().parents[2]
    if (root / "pyproject.toml").is_file() and (root / "resources").is_dir():
        return root / "resources"
    installed = files("nnstudio._resources")
    if isinstance(installed, Path):
        return installed
    # without an __init__.py it is a namespace package, whose MultiplexedPath is no Path but
    # joins to real paths
    return Path(str(installed.joinpath("datasets"))).parent


def regular_file(path: Path, key: str = "path") -> os.stat_result:
    """The stat of `path` if it names a regular file (through symlinks), without opening it.
    DataError (with `key`) for a name too long, a missing file, a folder, a device, a FIFO
    or a socket."""
    info = _stat(path, key, "file not found")
    _require_regular(path, info.st_mode, key)
    return info


def is_regular_file(path: Path) -> bool:
    """Whether `path` names a regular file (never raises, never opens it)."""
    try:
        regular_file(path)
    except DataError:
        return False
    return True


def folder(path: Path, key: str = "path") -> None:
    """DataError (with `key`) unless `path` names a folder."""
    info = _stat(path, key, "folder not found")
    if not stat.S_ISDIR(info.st_mode):
        raise DataError(f"{path} is a file, not a folder", key=key)


def open_regular(path: Path, key: str = "path") -> BinaryIO:
    """`path` opened for reading in binary, once it is known to be a regular file (and
    opened without blocking, should it have been swapped for a FIFO meanwhile)."""
    regular_file(path, key)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc.strerror or exc}", key=key) from None
    try:
        _require_regular(path, os.fstat(fd).st_mode, key)
    except DataError:
        os.close(fd)
        raise
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def _require_regular(path: Path, mode: int, key: str) -> None:
    if stat.S_ISDIR(mode):
        raise DataError(f"{path} is a folder, not a file", key=key)
    if stat.S_ISFIFO(mode):
        raise DataError(f"{path} is a named pipe (FIFO), not a regular file", key=key)
    if stat.S_ISSOCK(mode):
        raise DataError(f"{path} is a socket, not a regular file", key=key)
    if not stat.S_ISREG(mode):
        raise DataError(f"{path} is a device, not a regular file", key=key)


def _too_long(path: Path) -> str | None:
    """The first component of `path` longer than NAME_MAX bytes, if any."""
    for part in path.parts:
        size = len(os.fsencode(part)) if os.name == "posix" else len(part)
        if size > NAME_MAX:
            return part
    return None


def _stat(path: Path, key: str, missing: str) -> os.stat_result:
    long = _too_long(path)
    if long is not None:
        raise DataError(f"name too long: {long[:40]}… has {len(long)} characters, and a file "
                        f"or folder name may have at most {NAME_MAX}", key=key)
    try:
        return path.stat()
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            raise DataError(f"{missing}: {path}", key=key) from None
        if exc.errno == errno.ENAMETOOLONG:
            raise DataError(f"name too long: {path} is longer than this system allows",
                            key=key) from None
        raise DataError(f"cannot read {path}: {exc.strerror or exc}", key=key) from None
