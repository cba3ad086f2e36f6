"""Datasets for nnstudio, without Qt: toy 2-D generators, regression curves, bundled tables and
images, CSV and .npz import, splitting and standardising.

    from nnstudio.data import load_dataset
    data = load_dataset({"source": "toy2d", "name": "spiral", "noise": 0.1})
    data.x_train.shape      # (400, 2) float32; data.y_train (400,) int64

`standardize` defaults to true for tables, files and images, but to false for the toy sources
(toy2d, regression): like TensorFlow Playground they keep their raw coordinates on [−6, 6], so
points, curves and decision boundaries are drawn where lecturers expect them. An explicit true
standardises toy inputs too; `Dataset.transform` / `inverse_transform` then map between data
coordinates and network inputs. Regression targets are never standardised.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from nnstudio.data.catalog import SOURCES, describe_sources, resolve_spec
from nnstudio.data.dataset import Dataset, FeatureStats, make_dataset
from nnstudio.data.errors import DataError
from nnstudio.data.sources import load_samples

__all__ = ["SOURCES", "DataError", "Dataset", "FeatureStats", "describe_sources",
           "load_dataset", "resolve_spec"]


def load_dataset(spec: Mapping[str, Any], *, dtype: Any = np.float32,
                 base_dir: str | Path | None = None) -> Dataset:
    """The dataset a design's `data` section describes, split, standardised and in `dtype`
    (float32 or float64). Omitted keys take the catalogue's defaults; relative paths are
    resolved against `base_dir` (the design file's folder; the working folder if None).
    DataError, with `.key` naming the spec key at fault, on any bad spec or file.
    """
    try:
        dtype = np.dtype(dtype)
    except TypeError:
        dtype = None
    if dtype not in (np.float32, np.float64):
        raise DataError("the data type must be float32 or float64")
    resolved = resolve_spec(spec)
    samples = load_samples(resolved, Path(base_dir) if base_dir is not None else None)
    return make_dataset(samples, validation=resolved["validation"], test=resolved["test"],
                        standardize=resolved["standardize"], seed=resolved["seed"],
                        dtype=dtype)
