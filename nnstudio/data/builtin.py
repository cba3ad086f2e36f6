"""The bundled datasets: iris, wine, breast_cancer (CSV) and digits (8×8 images, .npz)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from nnstudio.data.catalog import SOURCES
from nnstudio.data.errors import DataError
from nnstudio.data.paths import resources_dir
from nnstudio.data.samples import Samples
from nnstudio.data.tables import read_csv

FILES = {"iris": "iris.csv", "wine": "wine.csv", "breast_cancer": "breast_cancer.csv",
         "digits": "digits_8x8.npz"}


def bundled_file(name: str) -> Path:
    """The bundled file of dataset `name`; DataError if the installation lacks it."""
    try:
        path = resources_dir() / "datasets" / FILES[name]
    except ModuleNotFoundError:
        path = None
    if path is None or not path.is_file():
        raise DataError(f"the bundled dataset {name!r} is missing from this installation of "
                        f"nnstudio; reinstall it", key="name")
    return path


def load_builtin(name: str) -> Samples:
    """Tables: x (N, F), labels (N,). digits: x (1797, 1, 8, 8) in [0, 1], labels 0–9."""
    title = SOURCES["builtin"].dataset(name).title
    if name == "digits":
        return _digits(title)
    table = read_csv(bundled_file(name), target="class", header=True, task="classification")
    return Samples(table.x, table.y, "classification", "table", table.class_names,
                   table.feature_names, title)


def _digits(title: str) -> Samples:
    with np.load(bundled_file("digits"), allow_pickle=False) as archive:
        images = archive["images"].astype(np.float64)[:, None] / 16.0
        labels = archive["labels"].astype(np.int64)
    return Samples(images, labels, "classification", "images",
                   tuple(str(d) for d in range(10)), (), title)
