"""Generated sequence tasks for recurrent networks: the next value of a curve, and two
classification tasks that need memory.

Every generator takes (samples, length, seed, ...) and is deterministic given the seed:

- `sine`, `sum_of_sines`: x float64 (N, T, 1), T values of a curve sampled every STEP from a
  random start (plus noise·N(0, 1)); y float64 (N, 1), the curve's next value (noised alike).
- `first_last`: x float64 (N, T, S), one-hot symbols out of S; y int64 (N,), 1 when the first
  symbol equals the last (half the samples). Only the first step tells, so the network must
  carry it through T − 1 steps of distractors.
- `parity`: x float64 (N, T, 1) of random bits; y int64 (N,), their sum modulo 2.
"""

from __future__ import annotations

import numpy as np

from nnstudio.data import limits
from nnstudio.data.errors import DataError

#: the time between two values of a curve
STEP = 0.25
#: the most values (samples × time steps × features) a generated sequence set may have
MAX_VALUES = 1 << 24
NEXT_VALUE = ("sine", "sum_of_sines")
MEMORY = ("first_last", "parity")


def check_size(samples: int, length: int, features: int, key: str = "samples") -> None:
    """DataError (with `key`) unless samples × length × features values are within
    MAX_VALUES and fit the memory budget; checked before anything is allocated."""
    values = samples * length * features
    if values > MAX_VALUES:
        raise DataError(f"{samples} sequences of {length} steps × {features} features are "
                        f"{values} values; at most {MAX_VALUES} are allowed: use fewer samples "
                        f"or shorter sequences", key=key)
    limits.check_fits(values * (8 + limits.LOADED_BYTES_PER_VALUE),
                      f"{samples} sequences of {length} steps", key)


def curve(name: str, t: np.ndarray) -> np.ndarray:
    """The curve `name` at times t (any shape): sin t, or (sin t + ½ sin 3t) / 1.5."""
    if name == "sine":
        return np.sin(t)
    return (np.sin(t) + 0.5 * np.sin(3.0 * t)) / 1.5


def next_value(name: str, samples: int, length: int, noise: float, seed: int
               ) -> tuple[np.ndarray, np.ndarray]:
    """The next-value task on curve `name`: x (samples, length, 1), y (samples, 1)."""
    check_size(samples, length + 1, 1)
    rng = np.random.default_rng(seed)
    start = rng.uniform(0.0, 2.0 * np.pi, (samples, 1))
    values = curve(name, start + STEP * np.arange(length + 1))
    if noise:
        values += noise * rng.normal(0.0, 1.0, values.shape)
    return values[:, :length, None].copy(), values[:, length:].copy()


def first_last(samples: int, length: int, symbols: int, seed: int
               ) -> tuple[np.ndarray, np.ndarray]:
    """Is the first symbol the last one? x one-hot (samples, length, symbols), y (samples,)."""
    check_size(samples, length, symbols)
    rng = np.random.default_rng(seed)
    ids = rng.integers(0, symbols, (samples, length))
    y = rng.integers(0, 2, samples)
    other = (ids[:, 0] + rng.integers(1, symbols, samples)) % symbols
    ids[:, -1] = np.where(y == 1, ids[:, 0], other)
    x = np.zeros((samples, length, symbols))
    np.put_along_axis(x, ids[:, :, None], 1.0, axis=2)
    return x, y.astype(np.int64)


def parity(samples: int, length: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The parity of a bit string: x (samples, length, 1) of 0/1, y (samples,)."""
    check_size(samples, length, 1)
    bits = np.random.default_rng(seed).integers(0, 2, (samples, length))
    return bits[:, :, None].astype(np.float64), (bits.sum(axis=1) % 2).astype(np.int64)


def generate(name: str, samples: int, length: int, noise: float, symbols: int, seed: int
             ) -> tuple[np.ndarray, np.ndarray]:
    """The sequence task `name` (see the module docstring)."""
    if name in NEXT_VALUE:
        return next_value(name, samples, length, noise, seed)
    if name == "first_last":
        return first_last(samples, length, symbols, seed)
    return parity(samples, length, seed)
