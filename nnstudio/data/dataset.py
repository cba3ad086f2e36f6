"""The Dataset: training, validation and test splits, ready for the network."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from nnstudio.data.errors import DataError
from nnstudio.data.samples import Samples
from nnstudio.data.splits import split_indices

SPLITS = {"train": "train", "validation": "val", "test": "test"}


def _read_only(a: np.ndarray) -> np.ndarray:
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
    def of(cls, x: np.ndarray) -> FeatureStats:
        """Statistics of x (N, F) or (N, C, H, W)."""
        axes = (0, *range(2, x.ndim))
        mean = x.mean(axis=axes, keepdims=True)[0]
        spread = np.ptp(x, axis=axes, keepdims=True)[0]
        std = np.where(spread > 0, x.std(axis=axes, keepdims=True)[0], 1.0)
        return cls(_read_only(mean), _read_only(std))

    def apply(self, x: np.ndarray) -> np.ndarray:
        """(x − mean) / std, for x (n, *input_shape)."""
        return (x - self.mean) / self.std

    def invert(self, x: np.ndarray) -> np.ndarray:
        """x · std + mean: standardised values back to raw ones."""
        return x * self.std + self.mean


@dataclass(frozen=True, eq=False)
class Dataset:
    """A dataset split for training. Arrays are read-only.

    x_*: (n, *input_shape) in the requested float dtype; y_*: int64 labels (n,) for
    classification, float (n, T) in that dtype for regression. Validation and test may have 0
    rows. `stats` are the raw training split's statistics, which were applied to every split
    when `standardized`. kind: "points2d", "curve1d", "table" or "images".
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    task: str
    num_classes: int
    class_names: tuple[str, ...]
    feature_names: tuple[str, ...]
    input_shape: tuple[int, ...]
    kind: str
    stats: FeatureStats
    standardized: bool
    name: str = ""

    @property
    def num_outputs(self) -> int:
        """Units the output layer needs: classes, or regression targets."""
        return self.num_classes if self.task == "classification" else self.y_train.shape[1]

    def split(self, which: str) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) of "train", "validation" or "test"."""
        if which not in SPLITS:
            raise DataError(f"unknown split {which!r}; use train, validation or test")
        suffix = SPLITS[which]
        return getattr(self, f"x_{suffix}"), getattr(self, f"y_{suffix}")

    def transform(self, x: np.ndarray) -> np.ndarray:
        """Raw inputs (n, *input_shape), e.g. a decision-boundary grid in data coordinates, as
        the network sees them: standardised when the dataset is, in its dtype."""
        x = np.asarray(x, dtype=np.float64)
        return (self.stats.apply(x) if self.standardized else x).astype(self.x_train.dtype)

    def inverse_transform(self, x: np.ndarray) -> np.ndarray:
        """Network inputs (n, *input_shape) back in raw data coordinates, float64."""
        x = np.asarray(x, dtype=np.float64)
        return self.stats.invert(x) if self.standardized else x


def make_dataset(samples: Samples, *, validation: float, test: float, standardize: bool,
                 seed: int, dtype: Any = np.float32) -> Dataset:
    """Split `samples` (stratified for classification), standardise the inputs with the
    training split's statistics if asked, and convert to `dtype` (labels stay int64)."""
    classification = samples.task == "classification"
    index = split_indices(len(samples.x), validation, test, seed,
                          samples.y if classification else None)
    stats = FeatureStats.of(samples.x[index[0]])
    y_dtype = np.int64 if classification else dtype

    def prepare(i: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        x = stats.apply(samples.x[i]) if standardize else samples.x[i]
        return (_read_only(np.ascontiguousarray(x, dtype=dtype)),
                _read_only(np.ascontiguousarray(samples.y[i], dtype=y_dtype)))

    (x_train, y_train), (x_val, y_val), (x_test, y_test) = (prepare(i) for i in index)
    return Dataset(
        x_train, y_train, x_val, y_val, x_test, y_test,
        task=samples.task,
        num_classes=len(samples.class_names) if classification else 0,
        class_names=samples.class_names,
        feature_names=samples.feature_names,
        input_shape=tuple(samples.x.shape[1:]),
        kind=samples.kind,
        stats=stats,
        standardized=standardize,
        name=samples.title,
    )
