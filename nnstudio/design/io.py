"""Reading and writing design files: safe text reading, JSON with located errors, atomic writes.

Every failure becomes a DesignError with one problem on the empty path (the whole file), worded
for the person who picked the file.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import stat
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from nnstudio.design.checks import HugeNumber
from nnstudio.design.errors import DesignError, Problem, child

MAX_FILE_BYTES = 50 * 1024 * 1024
_MB = 1024 * 1024
#: the name of atomic_write's temporaries ends so
TEMP_SUFFIX = ".tmp"
#: temporaries older than this (seconds) are left over from a killed save
STALE_SECONDS = 3600.0
#: longer integers are not converted (a float holds about 309 digits)
_MAX_DIGITS = 400


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of a design file; DesignError if it is missing, not a regular file, too big,
    binary or empty."""
    name = os.fspath(path)
    try:
        with os.fdopen(open_regular(name), "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise _too_large(name, size)
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _file_error(name, f"cannot read {name}: {os_reason(exc)}") from None
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name, len(data))
    if b"\x00" in data:
        raise _file_error(name, f"{name} is not a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _file_error(name, f"{name} is not a text file (it is not UTF-8)") from None
    if not text.strip():
        raise _file_error(name, f"{name} is empty")
    return text


def open_regular(name: str, *, follow_links: bool = True) -> int:
    """A read-only descriptor of the regular file `name`; DesignError naming it when it is
    missing, a folder, a link (unless `follow_links`), or not a regular file (a FIFO, a device).

    Nothing that is not a regular file is ever opened for real: the type is checked before
    opening, and the descriptor is opened non-blocking (a FIFO swapped in meanwhile cannot
    block) and checked again. OSError for other failures (permissions, a name too long).
    """
    if "\x00" in name:
        raise _file_error(name.replace("\x00", "\\0"),
                          "a file name cannot contain a NUL character (\\0)")
    try:
        info = os.stat(name) if follow_links else os.lstat(name)
    except FileNotFoundError:
        raise _file_error(name, f"{name} does not exist") from None
    _check_regular(name, info)
    fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
                 | (0 if follow_links else getattr(os, "O_NOFOLLOW", 0)))
    try:
        _check_regular(name, os.fstat(fd))
        if hasattr(os, "O_NONBLOCK"):  # POSIX; Windows opens no file non-blocking
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _check_regular(name: str, info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise _file_error(name, f"{name} is a folder, not a file")
    if stat.S_ISLNK(info.st_mode):
        raise _file_error(name, f"{name} is a symbolic link; nnstudio reads only the file itself")
    if not stat.S_ISREG(info.st_mode):
        raise _file_error(name, f"{name} is not a regular file")


def parse_json(text: str, source: str = "<string>") -> Any:
    """The JSON value in `text`; DesignError with the line and column of any syntax error, and
    one problem per key that appears twice in an object."""
    if not text.strip():
        raise _file_error(source, f"{source} is empty")
    doubled = _DoubledKeys()
    try:
        value = json.loads(text, object_pairs_hook=doubled.hook, parse_int=_parse_int)
        duplicates = doubled.problems(value)
    except json.JSONDecodeError as exc:
        where = f"(line {exc.lineno}, column {exc.colno})"
        if exc.pos >= len(text.rstrip()):
            message = f"{source} ends too early (is it truncated?): {exc.msg} {where}"
        else:
            message = f"{source} is not valid JSON: {exc.msg} {where}"
        raise _file_error(source, message) from None
    except RecursionError:
        raise _file_error(source, f"{source} is nested too deeply to be a design") from None
    if duplicates:
        raise DesignError(duplicates, source)
    return value


def dumps(value: Any) -> str:
    """JSON text indented by 2, keys in their order, arrays of plain values on one line."""
    return _dump(value, "") + "\n"


def atomic_write(path: str | os.PathLike[str], write: Callable[[IO[bytes]], object]
                 ) -> None:
    """Call `write` on a temporary file beside `path`, fsync it, then rename it over `path`.

    Either the whole new content is at `path` or the old file is untouched; no temporary file is
    left behind. A symbolic link at `path` is replaced by the file, never written through (its
    target is left alone). OS failures become a DesignError with the reason.
    """
    target = Path(path)
    _check_replaceable(target)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(tmp, flags, 0o666)
    except OSError as exc:
        raise _file_error(str(target), f"cannot save {target}: {os_reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        _keep_mode(target, tmp)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _file_error(str(target), f"cannot save {target}: {os_reason(exc)}") from None
        raise
    _sync_folder(target.parent)


def _check_replaceable(target: Path) -> None:
    """DesignError unless `target` is absent, a regular file or a link (which is replaced):
    a save never replaces a folder, a FIFO or a device, and a name with a NUL is no name."""
    name = str(target)
    if "\x00" in name:
        raise _file_error(name.replace("\x00", "\\0"),
                          "cannot save: a file name cannot contain a NUL character (\\0)")
    try:
        mode = os.lstat(target).st_mode
    except OSError:
        return  # absent (or unreachable: creating the temporary will say why)
    if stat.S_ISDIR(mode):
        raise _file_error(name, f"cannot save {name}: it is a folder")
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        raise _file_error(name, f"cannot save {name}: it is not a regular file")


def remove_stale_temporaries(path: str | os.PathLike[str], max_age: float = STALE_SECONDS
                             ) -> list[Path]:
    """Delete the temporary files `atomic_write` left beside `path` when it was killed: only
    regular files named as ours (``.<name>.<8 hex digits>.tmp``) and older than `max_age`
    seconds. Returns what was removed; a folder that cannot be read is left alone."""
    target = Path(path)
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[0-9a-f]{{8}}{re.escape(TEMP_SUFFIX)}")
    removed: list[Path] = []
    try:
        names = [e.name for e in os.scandir(target.parent or ".") if pattern.fullmatch(e.name)]
    except OSError:
        return removed
    now = time.time()
    for name in names:
        stale = target.with_name(name)
        try:
            info = os.lstat(stale)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > max_age:
                os.unlink(stale)
                removed.append(stale)
        except OSError:
            continue
    return removed


def _keep_mode(target: Path, tmp: Path) -> None:
    """Give `tmp` the permissions of the regular file it replaces (a link's target is not
    looked at)."""
    try:
        info = os.lstat(target)
    except OSError:
        return
    if stat.S_ISREG(info.st_mode):
        os.chmod(tmp, stat.S_IMODE(info.st_mode))


def os_reason(exc: OSError) -> str:
    """The human part of an OSError ("Permission denied")."""
    return exc.strerror or str(exc)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows syncing a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _file_error(source: str, message: str) -> DesignError:
    return DesignError([Problem("", message)], source)


def _too_large(name: str, size: int) -> DesignError:
    return _file_error(name, f"{name} is {size / _MB:,.1f} MB; a design file is at most "
                             f"{MAX_FILE_BYTES // _MB} MB")


def _parse_int(text: str) -> int | HugeNumber:
    """An integer from JSON text, or a HugeNumber for one longer than any float."""
    digits = len(text.lstrip("-"))
    return HugeNumber(digits) if digits > _MAX_DIGITS else int(text)


class _DoubledKeys:
    """Objects read with a key given more than once (`hook` builds every object), located
    by their JSON paths afterwards, and only if there are any."""

    def __init__(self) -> None:
        self.found: dict[int, list[str]] = {}

    def hook(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) < len(pairs):
            counts = Counter(k for k, _ in pairs)
            self.found[id(obj)] = [k for k, n in counts.items() if n > 1]
        return obj

    def problems(self, value: Any) -> list[Problem]:
        """A problem at every doubled key inside `value` (the parsed document)."""
        problems: list[Problem] = []
        stack: list[tuple[Any, str]] = [(value, "")] if self.found else []
        while stack:
            item, path = stack.pop()
            if isinstance(item, dict):
                problems += [Problem(child(path, k), "appears more than once in the same object")
                             for k in self.found.get(id(item), [])]
                stack.extend((v, child(path, k)) for k, v in reversed(item.items())
                             if isinstance(v, dict | list))
            elif isinstance(item, list):
                stack.extend((v, child(path, i)) for i, v in reversed(list(enumerate(item)))
                             if isinstance(v, dict | list))
        return problems


def _dump(value: Any, indent: str) -> str:
    inner = indent + "  "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {_dump(v, inner)}"
                 for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, dict | list) and v for v in value):
        return "[\n" + ",\n".join(inner + _dump(v, inner) for v in value) + "\n" + indent + "]"
    if isinstance(value, list):
        return "[" + ", ".join(_dump(v, inner) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)
