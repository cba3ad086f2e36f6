"""Splitting samples into training, validation and test indices."""

from __future__ import annotations

import numpy as np

from nnstudio.data.errors import DataError

#: mixed into the seed so the split does not reuse the random numbers that made the samples
SPLIT_STREAM = 0x5B117


def _allocate(sizes: np.ndarray, fraction: float) -> np.ndarray:
    """Per-class counts (K,) summing to round(N·fraction), each within one of size·fraction."""
    exact = sizes * fraction
    counts = np.floor(exact).astype(np.int64)
    extra = int(np.floor(sizes.sum() * fraction + 0.5)) - int(counts.sum())
    counts[np.argsort(counts - exact, kind="stable")[:extra]] += 1
    return counts


def check_fractions(validation: float, test: float) -> None:
    """DataError unless both are in [0, 1) and leave samples for training."""
    for key, f in (("validation", validation), ("test", test)):
        if not 0 <= f < 1:
            raise DataError(f"{key} must be a fraction from 0 up to 1, got {f!r}", key=key)
    if validation + test >= 1:
        raise DataError(f"validation + test must leave some samples for training; got "
                        f"{validation:g} + {test:g}", key="validation")


def split_indices(n: int, validation: float, test: float, seed: int,
                  labels: np.ndarray | None = None
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Shuffled (train, validation, test) indices into n samples, each int64 (n_split,).

    With class `labels` (n,) the split is stratified: every class keeps its proportion in each
    split (to within one sample) and at least one training sample.
    """
    check_fractions(validation, test)
    rng = np.random.default_rng([seed, SPLIT_STREAM])
    if labels is None:
        groups = [np.arange(n)]
    else:
        groups = [np.flatnonzero(labels == c) for c in np.unique(labels)]
    sizes = np.array([len(g) for g in groups])
    n_test = np.minimum(_allocate(sizes, test), sizes - 1)
    n_val = np.minimum(_allocate(sizes, validation), sizes - 1 - n_test)
    parts: tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray]] = ([], [], [])
    for group, t, v in zip(groups, n_test, n_val, strict=True):
        order = rng.permutation(group)
        parts[2].append(order[:t])
        parts[1].append(order[t:t + v])
        parts[0].append(order[t + v:])
    train, val, tst = (rng.permutation(np.concatenate(p)).astype(np.int64) for p in parts)
    return train, val, tst
