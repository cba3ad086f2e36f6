"""What a data panel shows of a dataset besides its samples: per-column statistics and the
number of samples of each class in each split."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnstudio.data.dataset import SPLITS, Dataset


@dataclass(frozen=True)
class ColumnStats:
    """One raw input column over the training split, as loaded (before standardising)."""

    name: str
    mean: float
    std: float
    minimum: float
    maximum: float


def column_stats(dataset: Dataset) -> list[ColumnStats]:
    """Mean, standard deviation, minimum and maximum of every raw input column (the training
    split's raw inputs (n, F) flattened per sample; sequences (n, T, F): each feature over
    every step), named after the dataset's columns."""
    x = dataset.raw_x("train")
    x = x.reshape(-1, x.shape[-1]) if dataset.kind == "sequence" else x.reshape(len(x), -1)
    names = dataset.samples.feature_names
    if len(names) != x.shape[1]:
        names = tuple(f"x{j + 1}" for j in range(x.shape[1]))
    if len(x) == 0:
        return [ColumnStats(n, np.nan, np.nan, np.nan, np.nan) for n in names]
    mean, std = x.mean(axis=0), x.std(axis=0)
    low, high = x.min(axis=0), x.max(axis=0)
    return [ColumnStats(n, float(mean[j]), float(std[j]), float(low[j]), float(high[j]))
            for j, n in enumerate(names)]


def split_sizes(dataset: Dataset) -> tuple[int, int, int]:
    """Samples in the training, validation and test splits."""
    return tuple(len(dataset.split(s)[1]) for s in SPLITS)  # type: ignore[return-value]


def class_counts(dataset: Dataset) -> np.ndarray:
    """(classes, 3) int: samples of each class in the training, validation and test splits;
    (0, 3) for a regression task."""
    if dataset.task != "classification":
        return np.zeros((0, 3), np.int64)
    return np.stack([np.bincount(dataset.labels(s), minlength=dataset.num_classes)
                     for s in SPLITS], axis=1)
