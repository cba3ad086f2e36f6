"""Small checks shared by the validators: JSON sanity, unknown keys, values against ParamSpecs."""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from nnstudio.core.catalog import ParamSpec, check_value
from nnstudio.design.errors import Problem, child

#: keys beginning with this are extensions: allowed at the top level, in `network` and in nodes,
#: ignored by nnstudio and kept on save
EXTENSION_PREFIX = "x-"

Checker = Callable[[Any, Any], str | None]


def did_you_mean(word: Any, choices: Iterable[str]) -> str:
    """" (did you mean 'Dense'?)" for the closest choice, or "" when none is close."""
    if not isinstance(word, str):
        return ""
    choices = list(choices)
    folded = {c.lower(): c for c in choices}
    if word.lower() in folded:
        return f" (did you mean {folded[word.lower()]!r}?)"
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def show(value: Any, limit: int = 60) -> str:
    """A short repr of a value for a message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def json_problems(value: Any, path: str = "") -> list[Problem]:
    """Values that JSON cannot hold: non-text keys, non-finite numbers, other Python objects."""
    if isinstance(value, dict):
        problems = [Problem(path, f"has a key that is not text: {show(k)}")
                    for k in value if not isinstance(k, str)]
        for k, v in value.items():
            if isinstance(k, str):
                problems += json_problems(v, child(path, k))
        return problems
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in json_problems(v, child(path, i))]
    if isinstance(value, float) and not math.isfinite(value):
        return [Problem(path, f"must be a finite number, got {value!r}")]
    if value is None or isinstance(value, str | int | float):
        return []
    return [Problem(path, f"is not a JSON value (a Python {type(value).__name__})")]


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
