"""Datasets for nnstudio, without Qt: toy 2-D generators and drawn points, regression curves,
bundled tables and images, CSV, .npz, MNIST-IDX and image-folder import, splitting and
standardising.

    from nnstudio.data import load_dataset
    data = load_dataset({"source": "toy2d", "name": "spiral", "noise": 0.1})
    data.x_train.shape      # (400, 2) float32; data.y_train (400,) int64

`standardize` defaults to true for tables, files and images, but to false for the toy sources
(toy2d, points, regression): like TensorFlow Playground they keep their raw coordinates on
[−6, 6], so points, curves and decision boundaries are drawn where lecturers expect them. Those
sources also take `features` (x1, x2, x1^2, x2^2, x1x2, sin_x1, sin_x2): the network sees those
functions of each point, while `Dataset.points` / `raw_x` keep the raw coordinates and
`Dataset.transform` maps raw points (a boundary grid) to network inputs. Regression targets are
never standardised.

Image folders are decoded by a decoder the app injects (`set_image_decoder`, Qt's reader);
without one the engine reads 8-bit PNG and binary PGM/PPM itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from nnstudio.data.catalog import SOURCES, describe_sources, resolve_spec
from nnstudio.data.csvpreview import CsvPreview, preview_csv
from nnstudio.data.dataset import Dataset, make_dataset
from nnstudio.data.decoders import ImageDecoder, set_image_decoder
from nnstudio.data.errors import DataError
from nnstudio.data.export import export_csv
from nnstudio.data.features import FEATURES
from nnstudio.data.sources import load_samples
from nnstudio.data.stats import FeatureStats

__all__ = ["FEATURES", "SOURCES", "CsvPreview", "DataError", "Dataset", "FeatureStats",
           "ImageDecoder", "describe_sources", "export_csv", "load_dataset", "preview_csv",
           "resolve_spec", "set_image_decoder"]


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
                        dtype=dtype, features=resolved.get("features"))
