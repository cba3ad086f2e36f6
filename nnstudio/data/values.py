"""The keys of a data spec: their kinds, and checking and normalising a value of each kind."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from nnstudio.core.catalog import ParamSpec
from nnstudio.core.catalog import check_value as check_engine_value

#: the most classes a drawn or generated 2-D dataset may have (one colour each)
MAX_CLASSES = 8
#: the most points a drawn dataset may hold
MAX_POINTS = 100_000


@dataclass(frozen=True)
class DataParam(ParamSpec):
    """One key of a data spec.

    Besides the engine's "int", "float", "bool" and "size" (an int or [height, width]), kind
    may be:

    - "choice": one of `choices` (shown as `labels` when given);
    - "features": a non-empty list of distinct `choices` (shown as `labels`);
    - "path": a file or folder, relative to the design's folder;
    - "text": a non-empty string;
    - "column": a column name, a 0-based column index, or null for the last column;
    - "columns": a non-empty list of column names or indices, or null for every column;
    - "optional_int": an int within the range, or null to let the data decide;
    - "points": a list of [x, y, class] points (class 0 … MAX_CLASSES − 1).
    """

    choices: tuple[Any, ...] = ()
    labels: tuple[str, ...] = ()


def _short(v: Any, limit: int = 60) -> str:
    """`v` as written, cut to `limit` characters (an integer too long to write in full is
    named by its number of digits)."""
    try:
        text = repr(v)
    except ValueError:  # an integer past Python's 4300-digit limit for text
        if isinstance(v, int):
            return f"an integer of about {int(v.bit_length() * 0.30103) + 1} digits"
        return f"a {type(v).__name__} holding an integer of more than 4300 digits"
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _is_whole(v: Any) -> bool:
    return (isinstance(v, int) and not isinstance(v, bool)) or (
        isinstance(v, float) and v.is_integer())


def is_finite_number(v: Any) -> bool:
    """Whether `v` is a finite int or float that a float can hold."""
    if isinstance(v, bool) or not isinstance(v, int | float):
        return False
    try:
        return math.isfinite(float(v))
    except OverflowError:  # an integer beyond the largest float
        return False


def _features_problem(p: DataParam, v: Any) -> str | None:
    names = ", ".join(p.choices)
    if not isinstance(v, list | tuple) or not v:
        return f"must be a non-empty list of features ({names}), got {_short(v)}"
    for item in v:
        if item not in p.choices or not isinstance(item, str):
            return f"has the unknown feature {_short(item)}; the features are {names}"
    repeated = [item for i, item in enumerate(v) if item in v[:i]]
    return f"names the feature {repeated[0]!r} twice" if repeated else None


def _points_problem(v: Any) -> str | None:
    if not isinstance(v, list | tuple):
        return f"must be a list of [x, y, class] points, got {_short(v)}"
    if len(v) > MAX_POINTS:
        return f"holds {len(v)} points; at most {MAX_POINTS} are allowed"
    for i, point in enumerate(v):
        if not (isinstance(point, list | tuple) and len(point) == 3 and is_finite_number(point[0])
                and is_finite_number(point[1])):
            return (f"has a bad point at index {i}: each point is [x, y, class] with numbers x "
                    f"and y, got {_short(point)}")
        label = point[2]
        if not _is_whole(label) or not 0 <= label < MAX_CLASSES:
            return (f"has a bad point at index {i}: its class must be a whole number from 0 to "
                    f"{MAX_CLASSES - 1}, got {_short(label)}")
    return None


def _columns_problem(v: Any) -> str | None:
    if v is None:
        return None
    good = isinstance(v, list | tuple) and v and all(
        (isinstance(c, str) and c.strip()) or (isinstance(c, int) and not isinstance(c, bool))
        for c in v)
    return None if good else (f"must be a list of column names or indices, or null for every "
                              f"column except the target, got {_short(v)}")


def check_value(p: DataParam, v: Any) -> str | None:
    """Why `v` is not a valid value for key `p`, or None when it is."""
    if p.kind in ("int", "float", "bool", "size"):
        return check_engine_value(p, v)
    if p.kind == "optional_int":
        return None if v is None else check_engine_value(
            DataParam(p.name, "int", None, p.minimum, p.maximum), v)
    if p.kind == "choice":
        if any(v == c and type(v) is type(c) for c in p.choices):
            return None
        return f"must be one of {', '.join(json.dumps(c) for c in p.choices)}, got {v!r}"
    if p.kind == "features":
        return _features_problem(p, v)
    if p.kind in ("path", "text"):
        return None if isinstance(v, str) and v.strip() else f"must be a non-empty text, got {v!r}"
    if p.kind == "column":
        if v is None or (isinstance(v, str) and v.strip()) or (
                isinstance(v, int) and not isinstance(v, bool)):
            return None
        return f"must be a column name or a column index, got {v!r}"
    if p.kind == "columns":
        return _columns_problem(v)
    if p.kind == "points":
        return _points_problem(v)
    raise AssertionError(f"unknown data key kind {p.kind}")


def normalise(p: DataParam, v: Any) -> Any:
    """A checked value in the form the loaders take: ints and floats as such, lists as lists,
    a size as [height, width], points as [float, float, int]."""
    if p.kind == "int" or (p.kind == "optional_int" and v is not None):
        return int(v)
    if p.kind == "float":
        return float(v)
    if p.kind == "size":
        return [int(s) for s in v] if isinstance(v, list | tuple) else [int(v), int(v)]
    if p.kind == "points":
        return [[float(x), float(y), int(c)] for x, y, c in v]
    if p.kind in ("features", "columns") and v is not None:
        return list(v)
    return v
