"""The Dataset: training, validation and test splits, ready for the network."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from nnstudio.data.errors import DataError
from nnstudio.data.features import FeatureMap
from nnstudio.data.samples import Samples
from nnstudio.data.splits import split_indices
from nnstudio.data.stats import FeatureStats, batches, read_only

SPLITS = {"train": "train", "validation": "val", "test": "test"}


@dataclass(frozen=True, eq=False)
class Dataset:
    """A dataset split for training. Arrays are read-only.

    x_*: the network's inputs (n, *input_shape) in the requested float dtype: the raw samples,
    mapped to the chosen features (`feature_map`, 2-D toys and drawn points), then standardised
    with `stats` (the training split's statistics of those features) when `standardized`.
    y_*: int64 labels (n,) for classification, float (n, T) in that dtype for regression;
    for kind "words" int64 (n, 1 + negatives): the true word's id, then the negatives' ids.
    Validation and test may have 0 rows. `samples` keeps every raw sample and `indices` says
    which of them each split holds (train, validation, test), so `raw_x` gives the data as
    loaded. kind: "points2d", "curve1d", "table", "images", "sequence" (x (n, T, F)),
    "text" (x (n, T) character ids) or "words" (x (n, 1) or (n, 2·window) word ids).
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
    samples: Samples
    indices: tuple[np.ndarray, np.ndarray, np.ndarray]
    feature_map: FeatureMap | None = None
    name: str = ""

    @property
    def num_outputs(self) -> int:
        """Units the output layer needs: classes, or regression targets."""
        return self.num_classes if self.task == "classification" else self.y_train.shape[1]

    @property
    def vocabulary(self) -> tuple[str, ...]:
        """The characters (kind "text") or words (kind "words") the ids name, id = index;
        () for other kinds."""
        return self.class_names if self.kind in ("text", "words") else ()

    @property
    def feature_labels(self) -> tuple[str, ...]:
        """Display names of the network's inputs: "x₁²" for the feature "x1^2"."""
        return self.feature_map.labels if self.feature_map is not None else self.feature_names

    @property
    def raw_shape(self) -> tuple[int, ...]:
        """The shape of one raw sample: (2,) for points, (C, H, W) for images."""
        return tuple(self.samples.x.shape[1:])

    def split(self, which: str) -> tuple[np.ndarray, np.ndarray]:
        """(x, y) of "train", "validation" or "test"."""
        suffix = SPLITS[self._check(which)]
        return getattr(self, f"x_{suffix}"), getattr(self, f"y_{suffix}")

    def labels(self, which: str) -> np.ndarray:
        """The class labels (n,) of "train", "validation" or "test": y, or for words the true
        word (y's first column, the negatives left out)."""
        y = self.split(which)[1]
        return y[:, 0] if y.ndim == 2 and self.task == "classification" else y

    def raw_x(self, which: str, rows: slice | np.ndarray | None = None) -> np.ndarray:
        """The split's raw inputs as loaded (before features and standardisation), float64
        (n, *raw_shape): pixels in [0, 1], points in data coordinates. `rows` selects some of
        the split's samples (e.g. slice(0, 64) for an image grid) without converting the rest."""
        index = self.indices[list(SPLITS).index(self._check(which))]
        return self.samples.raw(index if rows is None else index[rows])

    def points(self, which: str) -> np.ndarray:
        """The split's points (n, 2) in the plane's coordinates, whatever features the network
        sees; DataError unless the data are points in the plane (kind "points2d")."""
        if self.kind != "points2d":
            raise DataError(f"{self.name or 'this dataset'} holds no points in the plane "
                            f"(its kind is {self.kind})")
        return self.raw_x(which)

    def transform(self, raw: np.ndarray) -> np.ndarray:
        """Raw inputs (n, *raw_shape), e.g. a decision-boundary grid of points (n, 2) in data
        coordinates, as the network sees them (n, *input_shape): mapped to the features,
        standardised when the dataset is, in its dtype."""
        x = np.asarray(raw, dtype=np.float64)
        if self.feature_map is not None:
            x = self.feature_map(x)
        return (self.stats.apply(x) if self.standardized else x).astype(self.x_train.dtype)

    def inverse_transform(self, x: np.ndarray) -> np.ndarray:
        """Network inputs (n, *input_shape) with the standardisation undone, float64: data
        coordinates when the features are the raw inputs (for x₁², sin x₁ … use `raw_x`)."""
        x = np.asarray(x, dtype=np.float64)
        return self.stats.invert(x) if self.standardized else x

    def _check(self, which: str) -> str:
        if which not in SPLITS:
            raise DataError(f"unknown split {which!r}; use train, validation or test")
        return which


def make_dataset(samples: Samples, *, validation: float, test: float, standardize: bool,
                 seed: int, dtype: Any = np.float32,
                 features: Sequence[str] | None = None) -> Dataset:
    """Split `samples` (stratified for classification), map raw points to `features` (names of
    nnstudio.data.features.FEATURES) if given, standardise with the training split's
    statistics if asked, and convert to `dtype` (labels stay int64).

    Each split is converted batch by batch into its preallocated array, so the peak memory is
    the raw samples, the finished splits and one batch.
    """
    classification = samples.task == "classification"
    labels = samples.y if samples.y.ndim == 1 else samples.y[:, 0]
    index = split_indices(len(samples.x), validation, test, seed,
                          labels if classification else None)
    feature_map = FeatureMap(tuple(features)) if features is not None else None
    shape = (len(feature_map.names),) if feature_map is not None else samples.x.shape[1:]

    def inputs(i: np.ndarray) -> np.ndarray:
        x = samples.raw(i)
        return feature_map(x) if feature_map is not None else x

    def measured(x: np.ndarray) -> np.ndarray:
        """Sequences (n, T, F) measured per feature over every step: (n·T, F)."""
        return x.reshape(-1, x.shape[-1]) if samples.kind == "sequence" else x

    stats = FeatureStats.of(measured(inputs(index[0][s]))
                            for s in batches(len(index[0]), shape))
    y_dtype = np.int64 if classification else dtype

    def prepare(i: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        x = np.empty((len(i), *shape), dtype=dtype)
        for s in batches(len(i), shape):
            part = inputs(i[s])
            x[s] = stats.apply(part) if standardize else part
        return read_only(x), read_only(np.ascontiguousarray(samples.y[i], dtype=y_dtype))

    (x_train, y_train), (x_val, y_val), (x_test, y_test) = (prepare(i) for i in index)
    return Dataset(
        x_train, y_train, x_val, y_val, x_test, y_test,
        task=samples.task,
        num_classes=len(samples.class_names) if classification else 0,
        class_names=samples.class_names,
        feature_names=feature_map.names if feature_map is not None else samples.feature_names,
        input_shape=tuple(shape),
        kind=samples.kind,
        stats=stats,
        standardized=standardize,
        samples=samples,
        indices=tuple(read_only(i) for i in index),  # type: ignore[arg-type]
        feature_map=feature_map,
        name=samples.title,
    )
