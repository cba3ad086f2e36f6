"""Feature statistics for standardising, gathered batch by batch so memory stays bounded."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from math import prod

import numpy as np

#: float64 elements per batch when a split is converted or measured (16 MB)
BATCH_ELEMENTS = 2**21


def batches(n: int, sample_shape: tuple[int, ...]) -> Iterator[slice]:
    """Slices covering 0 … n−1, each of at most BATCH_ELEMENTS elements (one sample at least);
    a split that small is a single batch."""
    step = max(1, BATCH_ELEMENTS // max(1, prod(sample_shape)))
    for start in range(0, n, step):
        yield slice(start, min(n, start + step))


def read_only(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


@dataclass(frozen=True, eq=False)
class FeatureStats:
    """The raw training split's mean and standard deviation (float64), shaped to broadcast
    against samples: (F,) per feature for vectors, (C, 1, 1) per channel for images. A constant
    feature has std 1."""

    mean: np.ndarray
    std: np.ndarray

    @classmethod
    def of(cls, parts: Iterable[np.ndarray]) -> FeatureStats:
        """Statistics of the samples in `parts`, each float64 (n_i, F) or (n_i, C, H, W).

        The parts are combined exactly as Chan et al.'s parallel variance, so a single part
        gives NumPy's own mean and std.
        """
        count, mean = 0, None
        m2 = low = high = np.empty(0)  # set with mean, from the first part
        for x in parts:
            if len(x) == 0:
                continue
            axes = (0, *range(2, x.ndim))
            n = len(x) * prod(x.shape[2:])
            part_mean = x.sum(axis=axes, keepdims=True) / n
            deviation = x - part_mean
            deviation *= deviation
            part_m2 = deviation.sum(axis=axes, keepdims=True)
            part_low, part_high = x.min(axis=axes, keepdims=True), x.max(axis=axes, keepdims=True)
            if mean is None:
                count, mean, m2, low, high = n, part_mean, part_m2, part_low, part_high
                continue
            delta = part_mean - mean
            total = count + n
            mean = mean + delta * (n / total)
            m2 = m2 + part_m2 + delta * delta * (count * n / total)
            low, high = np.minimum(low, part_low), np.maximum(high, part_high)
            count = total
        if mean is None:
            raise ValueError("no samples to measure")
        std = np.where(high > low, np.sqrt(m2 / count), 1.0)
        return cls(read_only(mean[0]), read_only(std[0]))

    def apply(self, x: np.ndarray) -> np.ndarray:
        """(x − mean) / std, for x (n, *input_shape)."""
        return (x - self.mean) / self.std

    def invert(self, x: np.ndarray) -> np.ndarray:
        """x · std + mean: standardised values back to raw ones."""
        return x * self.std + self.mean
