"""Bounded histories: a series that merges old points as it grows, and a streaming EMA.

A 100 000-step run must cost the plots no more memory or drawing time than a 2 000-step one, so
stored points are averaged in bins that double in width each time the store fills up.
"""

from __future__ import annotations

import numpy as np


class BinnedSeries:
    """Points x (n,) with values y (n, width), at most `capacity` of them stored.

    Each stored point is the mean of `bin` consecutive added points. When the store is full,
    neighbouring pairs are merged (n halves) and `bin` doubles; points that do not yet fill a
    bin wait in an open bin, which `points()` includes as a last point.
    """

    def __init__(self, capacity: int, width: int = 1):
        if capacity < 2 or capacity % 2:
            raise ValueError("capacity must be an even number ≥ 2")
        self.capacity = capacity
        self.width = width
        self.bin = 1
        self._x = np.empty(capacity)
        self._y = np.empty((capacity, width))
        self._n = 0
        self._open_x = 0.0
        self._open_y = np.zeros(width)
        self._open = 0

    def __len__(self) -> int:
        """Stored points plus the open bin, if any: the length of `points()`."""
        return self._n + (1 if self._open else 0)

    def clear(self) -> None:
        self.bin = 1
        self._n = 0
        self._open_x = 0.0
        self._open_y[:] = 0
        self._open = 0

    def extend(self, x: np.ndarray, y: np.ndarray) -> None:
        """Add points x (k,), y (k, width) or (k,) when width is 1, in order."""
        x = np.asarray(x, dtype=np.float64).reshape(-1)
        y = np.asarray(y, dtype=np.float64).reshape(len(x), self.width)
        k, start = len(x), 0
        while start < k:
            if self._n == self.capacity:
                self._halve()
            b = self.bin
            if self._open or k - start < b:
                take = min(b - self._open, k - start)
                self._open_x += x[start:start + take].sum()
                self._open_y += y[start:start + take].sum(axis=0)
                self._open += take
                start += take
                if self._open == b:
                    self._store(np.array([self._open_x / b]), (self._open_y / b)[None])
                    self._open_x, self._open = 0.0, 0
                    self._open_y[:] = 0
                continue
            full = min((k - start) // b, self.capacity - self._n)
            end = start + full * b
            self._store(x[start:end].reshape(full, b).mean(axis=1),
                        y[start:end].reshape(full, b, self.width).mean(axis=1))
            start = end

    def points(self) -> tuple[np.ndarray, np.ndarray]:
        """Fresh arrays x (len,), y (len, width), the open bin's mean last."""
        x, y = self._x[:self._n], self._y[:self._n]
        if not self._open:
            return x.copy(), y.copy()
        return (np.append(x, self._open_x / self._open),
                np.vstack([y, self._open_y / self._open]))

    def remap(self, matrix: np.ndarray) -> None:
        """Replace every value row v (width,) by matrix @ v; matrix (width, width)."""
        self._y[:self._n] = self._y[:self._n] @ matrix.T
        self._open_y = matrix @ self._open_y

    def _store(self, x: np.ndarray, y: np.ndarray) -> None:
        n = len(x)
        self._x[self._n:self._n + n] = x
        self._y[self._n:self._n + n] = y
        self._n += n

    def _halve(self) -> None:
        half = self._n // 2
        self._x[:half] = self._x[:self._n].reshape(half, 2).mean(axis=1)
        self._y[:half] = self._y[:self._n].reshape(half, 2, self.width).mean(axis=1)
        self._n = half
        self.bin *= 2


class ExponentialAverage:
    """Bias-corrected exponential moving average (as Adam's moments) of a stream of values.

    Computed a block of up to `block` values at a time with one matrix product, so a snapshot
    with a thousand new steps costs microseconds, not a Python loop.
    """

    def __init__(self, decay: float, block: int = 256):
        self.decay = decay
        i = np.arange(block)
        self._kernel = np.tril(decay ** (i[:, None] - i[None, :]).astype(np.float64))
        self._powers = decay ** np.arange(1, block + 1, dtype=np.float64)
        self._value = 0.0
        self._count = 0

    def clear(self) -> None:
        self._value = 0.0
        self._count = 0

    def update(self, values: np.ndarray) -> np.ndarray:
        """values (k,) → the average after each of them (k,)."""
        values = np.asarray(values, dtype=np.float64).reshape(-1)
        out = np.empty_like(values)
        block = len(self._powers)
        for start in range(0, len(values), block):
            v = values[start:start + block]
            m = len(v)
            raw = (1 - self.decay) * (self._kernel[:m, :m] @ v) + self._powers[:m] * self._value
            self._value = float(raw[-1])
            seen = self._count + np.arange(1, m + 1)
            out[start:start + m] = raw / (1 - self.decay ** seen)
            self._count += m
        return out
