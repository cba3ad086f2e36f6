"""Weight initialisers: how a layer's arrays start.

An initialiser is a name ("he_normal") or an object naming its type plus extra keys
({"type": "normal", "std": 0.01}). Random values are drawn in float64 and then cast, so a float32
and a float64 network built from the same seed start from the same weights.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from nnstudio.core.spec import INITIALIZERS, RELU_FAMILY, ParamSpec

Shape = tuple[int, ...]

#: the largest option value (std, limit, mean, constant): far beyond any useful start, far
#: below what overflows float32 once drawn
MAX_MAGNITUDE = 1e6

#: the extra keys each initialiser accepts, with their defaults and ranges
INITIALIZER_PARAMS: dict[str, tuple[ParamSpec, ...]] = {
    "auto": (),
    "zeros": (),
    "constant": (ParamSpec("value", "float", 0.0, -MAX_MAGNITUDE, MAX_MAGNITUDE,
                           help="The value of every entry."),),
    "normal": (
        ParamSpec("std", "float", 0.01, 0.0, MAX_MAGNITUDE, help="Standard deviation."),
        ParamSpec("mean", "float", 0.0, -MAX_MAGNITUDE, MAX_MAGNITUDE, help="Mean."),
    ),
    "uniform": (
        ParamSpec("limit", "float", 0.05, 0.0, MAX_MAGNITUDE,
                  help="Values are drawn from U(−limit, limit)."),
    ),
    "xavier_uniform": (),
    "xavier_normal": (),
    "he_uniform": (),
    "he_normal": (),
}


def parse_spec(spec: str | dict[str, Any]) -> tuple[str, dict[str, float]]:
    """(name, options with defaults filled in) for an initialiser spec; ValueError if invalid."""
    if isinstance(spec, str):
        name, given = spec, {}
    elif isinstance(spec, dict):
        if "type" not in spec:
            raise ValueError(f"an initialiser object needs a 'type' key, got {_short(spec)}")
        given = dict(spec)
        name = given.pop("type")
    else:
        raise ValueError(
            f"an initialiser is a name or an object with a 'type', got {_short(spec)}")
    if not isinstance(name, str) or name not in INITIALIZER_PARAMS:
        raise ValueError(
            f"unknown initialiser {_short(name)}; choose one of: {', '.join(INITIALIZERS)}"
        )
    accepted = {p.name: p for p in INITIALIZER_PARAMS[name]}
    unknown = sorted(str(k) for k in set(given) - set(accepted))
    if unknown:
        takes = ", ".join(accepted) if accepted else "no options"
        raise ValueError(
            f"initialiser {name!r} does not take {', '.join(unknown)}; it takes {takes}"
        )
    options = {}
    for key, p in accepted.items():
        options[key] = _option(name, key, p, given.get(key, p.default))
    return name, options


def _option(name: str, key: str, p: ParamSpec, value: Any) -> float:
    """One checked option as a float (−0.0 read as 0.0); ValueError if out of range."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    try:
        finite = number and math.isfinite(value)
    except OverflowError:  # an int beyond any float
        finite = False
    if not finite:
        raise ValueError(f"initialiser {name!r}: {key} must be a number, got {_short(value)}")
    if p.minimum is not None and value < p.minimum:
        raise ValueError(
            f"initialiser {name!r}: {key} must be at least {p.minimum:g}, got {value}"
        )
    if p.maximum is not None and value > p.maximum:
        raise ValueError(
            f"initialiser {name!r}: {key} must be at most {p.maximum:g}, got {value}"
        )
    return float(value) + 0.0


def _short(value: Any) -> str:
    """A repr for a message, at most 60 characters."""
    huge = isinstance(value, int) and value.bit_length() > 200
    text = "a huge number" if huge else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def initialize(
    spec: str | dict[str, Any],
    shape: Shape,
    fan_in: int,
    fan_out: int,
    activation: str | None,
    rng: np.random.Generator,
    dtype: np.dtype | type,
) -> np.ndarray:
    """A new array of `shape` and `dtype` initialised by `spec`.

    `fan_in`/`fan_out` are the weight's fans (for a conv: channels·kh·kw); `activation` is the
    non-linearity that follows, used by "auto" (He for the ReLU family, Xavier otherwise).
    """
    name, opt = parse_spec(spec)
    if name == "auto":
        name = "he_normal" if activation in RELU_FAMILY else "xavier_uniform"
    if name == "zeros":
        return np.zeros(shape, dtype)
    if name == "constant":
        return np.full(shape, opt["value"], dtype)
    if name == "normal":
        return _normal(rng, shape, opt["mean"], opt["std"], dtype)
    if name == "uniform":
        return _uniform(rng, shape, opt["limit"], dtype)
    if name == "xavier_uniform":
        return _uniform(rng, shape, math.sqrt(6.0 / (fan_in + fan_out)), dtype)
    if name == "xavier_normal":
        return _normal(rng, shape, 0.0, math.sqrt(2.0 / (fan_in + fan_out)), dtype)
    if name == "he_uniform":
        return _uniform(rng, shape, math.sqrt(6.0 / fan_in), dtype)
    return _normal(rng, shape, 0.0, math.sqrt(2.0 / fan_in), dtype)  # he_normal


def _normal(rng: np.random.Generator, shape: Shape, mean: float, std: float, dtype) -> np.ndarray:
    return rng.normal(mean, std, shape).astype(dtype, copy=False)


def _uniform(rng: np.random.Generator, shape: Shape, limit: float, dtype) -> np.ndarray:
    return rng.uniform(-limit, limit, shape).astype(dtype, copy=False)
