"""Small checks shared by the validators: JSON sanity, unknown keys, values against ParamSpecs."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from nnstudio.core.catalog import ParamSpec, check_value
from nnstudio.core.suggest import closest
from nnstudio.design.errors import Problem, child

#: keys beginning with this are extensions: allowed at the top level, in `network` and in nodes,
#: ignored by nnstudio and kept on save
EXTENSION_PREFIX = "x-"

Checker = Callable[[Any, Any], str | None]

#: objects and lists nested deeper than this are refused (a design needs about 5 levels)
MAX_DEPTH = 100
_LARGEST_FLOAT = int(sys.float_info.max)
_SHOWN_BITS = 200  # integers longer than this are shown by their size
_DIGITS_PER_BIT = math.log10(2)


def did_you_mean(word: Any, choices: Iterable[str]) -> str:
    """" (did you mean 'Dense'?)" for the closest choice, or "" when none is close."""
    close = closest(word, choices)
    return f" (did you mean {close!r}?)" if close is not None else ""


def show(value: Any, limit: int = 60) -> str:
    """A short repr of a value for a message (a huge integer by its number of digits)."""
    if isinstance(value, int) and value.bit_length() > _SHOWN_BITS:
        return f"a number of {_digits(value):,} digits"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def json_problems(value: Any, path: str = "") -> list[Problem]:
    """Values that JSON cannot hold or nnstudio cannot use: non-text keys, non-finite numbers,
    integers beyond a float's range, nesting deeper than MAX_DEPTH, other Python objects.

    Walks the value with its own stack, so no document is too deep for it; a place's path is
    written out only when there is a problem there."""
    problems: list[Problem] = []
    # (container, its place: None for `path` itself, else (the parent's place, key), depth)
    stack: list[tuple[Any, _Place, int]] = [(value, None, 0)]
    while stack:
        item, place, depth = stack.pop()
        if isinstance(item, dict | list) and depth >= MAX_DEPTH:
            problems.append(Problem(_written(path, place),
                                    f"is nested more than {MAX_DEPTH} levels deep"))
            continue
        entries: list[tuple[str | int, Any]]
        if isinstance(item, dict):
            problems += [Problem(_written(path, place), f"has a key that is not text: {show(k)}")
                         for k in item if not isinstance(k, str)]
            entries = [(k, v) for k, v in item.items() if isinstance(k, str)]
        elif isinstance(item, list):
            entries = list(enumerate(item))
        else:
            message = _scalar_problem(item)
            if message:
                problems.append(Problem(_written(path, place), message))
            continue
        nested = []
        for key, v in entries:
            if isinstance(v, dict | list):
                nested.append((v, (place, key), depth + 1))
            elif not (isinstance(v, str) and v.isascii()) and _scalar_problem(v):
                problems.append(Problem(_written(path, (place, key)), _scalar_problem(v) or ""))
        stack.extend(reversed(nested))
    return problems


_Place = tuple[Any, "str | int"] | None


def _written(path: str, place: _Place) -> str:
    """The JSON path of a place kept as (parent's place, key) links below `path`."""
    keys: list[str | int] = []
    while place is not None:
        place, key = place
        keys.append(key)
    for key in reversed(keys):
        path = child(path, key)
    return path


def _scalar_problem(value: Any) -> str | None:
    """Why a JSON scalar is unusable, or None."""
    if isinstance(value, HugeNumber):
        return _too_large(value.digits)
    if isinstance(value, str):
        return None if value.isascii() or _encodable(value) else (
            "holds text that is not valid Unicode (a lone surrogate such as \\ud800)")
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return None if abs(value) <= _LARGEST_FLOAT else _too_large(_digits(value))
    if isinstance(value, float):
        return None if math.isfinite(value) else f"must be a finite number, got {value!r}"
    return f"is not a JSON value (a Python {type(value).__name__})"


def _too_large(digits: int) -> str:
    return f"is a number of {digits:,} digits, too large to use: numbers must stay below 1.8e308"


def _digits(value: int) -> int:
    """The number of decimal digits of a (huge) int, without converting it to text."""
    magnitude = abs(value)
    digits = math.floor((magnitude.bit_length() - 1) * _DIGITS_PER_BIT) + 1
    return digits + 1 if magnitude >= 10 ** digits else digits


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class HugeNumber:
    """What the JSON reader puts in place of an integer with more digits than any design
    needs (Python refuses to even convert one of over 4 300 digits)."""

    def __init__(self, digits: int):
        self.digits = digits

    def __repr__(self) -> str:
        return f"<a number of {self.digits:,} digits>"


def unknown_keys(obj: Mapping[str, Any], known: Sequence[str], path: str, what: str,
                 extensions: bool = False) -> list[Problem]:
    """A problem for every key of `obj` not in `known` (nor an x- extension when allowed)."""
    problems = []
    for key in obj:
        if key in known or (extensions and key.startswith(EXTENSION_PREFIX)):
            continue
        hint = did_you_mean(key, known) or f"; {what} takes {', '.join(known)}"
        problems.append(Problem(child(path, key), "is not a known key" + hint))
    return problems


def check_object(value: Any, path: str, example: str) -> list[Problem]:
    """[] when `value` is a JSON object, else the problem saying what was expected."""
    if isinstance(value, dict):
        return []
    return [Problem(path, f"must be an object such as {example}, got {show(value)}")]


def check_specs(obj: Mapping[str, Any], specs: Iterable[ParamSpec], path: str,
                checker: Checker = check_value) -> list[Problem]:
    """Every present key checked against its spec, every missing required key reported."""
    problems = []
    for p in specs:
        if p.name not in obj:
            if p.required:
                problems.append(Problem(child(path, p.name), "is missing"
                                        + (f" ({p.help})" if p.help else "")))
            continue
        message = checker(p, obj[p.name])
        if message:
            problems.append(Problem(child(path, p.name), message))
    return problems
