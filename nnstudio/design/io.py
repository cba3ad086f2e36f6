"""Reading and writing design files: safe text reading, JSON with located errors, atomic writes.

Every failure becomes a DesignError with one problem on the empty path (the whole file), worded
for the person who picked the file.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import stat
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from nnstudio.design.errors import DesignError, Problem, child

MAX_FILE_BYTES = 50 * 1024 * 1024
_MB = 1024 * 1024


def read_text(path: str | os.PathLike[str]) -> str:
    """The text of a design file; DesignError if it is missing, not a file, too big, binary or
    empty."""
    name = os.fspath(path)
    try:
        info = os.stat(name)
        if stat.S_ISDIR(info.st_mode):
            raise _file_error(name, f"{name} is a folder, not a design file")
        if not stat.S_ISREG(info.st_mode):
            raise _file_error(name, f"{name} is not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise _too_large(name, info.st_size)
        with open(name, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise _file_error(name, f"{name} does not exist") from None
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


def parse_json(text: str, source: str = "<string>") -> Any:
    """The JSON value in `text`; DesignError with the line and column of any syntax error, and
    one problem per key that appears twice in an object."""
    if not text.strip():
        raise _file_error(source, f"{source} is empty")
    duplicates: list[Problem] = []
    try:
        value = _plain(json.loads(text, object_pairs_hook=_Object), "", duplicates)
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


def atomic_write(path: str | os.PathLike[str], write: Callable[[IO[bytes]], None]) -> None:
    """Call `write` on a temporary file beside `path`, fsync it, then rename it over `path`.

    Either the whole new content is at `path` or the old file is untouched; no temporary file is
    left behind. OS failures become a DesignError with the reason.
    """
    target = Path(path)
    if target.is_symlink():
        target = target.resolve()
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
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
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode))
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise _file_error(str(target), f"cannot save {target}: {os_reason(exc)}") from None
        raise
    _sync_folder(target.parent)


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


class _Object(dict):
    """A JSON object that remembers keys given more than once."""

    def __init__(self, pairs: list[tuple[str, Any]]):
        super().__init__(pairs)
        counts = Counter(k for k, _ in pairs)
        self.duplicates = [k for k, n in counts.items() if n > 1]


def _plain(value: Any, path: str, duplicates: list[Problem]) -> Any:
    """`value` with every _Object turned into a dict, reporting duplicated keys."""
    if isinstance(value, _Object):
        duplicates.extend(Problem(child(path, k), "appears more than once in the same object")
                          for k in value.duplicates)
        return {k: _plain(v, child(path, k), duplicates) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v, child(path, i), duplicates) for i, v in enumerate(value)]
    return value


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
