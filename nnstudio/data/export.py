"""Writing a dataset back out as a CSV table."""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

from nnstudio.data.dataset import Dataset
from nnstudio.data.errors import DataError

#: the target column's name: the first of these that no feature already uses
TARGET_NAMES = ("class", "target", "label", "y")


def export_csv(dataset: Dataset, path: str | Path) -> None:
    """Write every sample of `dataset` to the CSV file `path` (atomically): one row per sample
    in the order the samples were loaded, the raw inputs (before features and standardising)
    under their names, then the target — class names for classification, values for
    regression. Numbers are written exactly (repr), so loading the file as a csv source with
    the same validation, test and seed gives the same splits and the same arrays.
    DataError for images, which have no table form."""
    samples = dataset.samples
    if samples.x.ndim != 2:
        raise DataError(f"{dataset.name or 'this dataset'} holds images, which cannot be "
                        f"written as a table")
    names = list(samples.feature_names) or [f"x{j + 1}" for j in range(samples.x.shape[1])]
    target = next(n for n in TARGET_NAMES if n not in names)
    if samples.task == "classification":
        targets = [[samples.class_names[k]] for k in samples.y]
        header = [*names, target]
    else:
        targets = [[repr(float(v)) for v in row] for row in samples.y]
        width = samples.y.shape[1]
        header = [*names, *([target] if width == 1 else
                            [f"{target}_{k + 1}" for k in range(width)])]
    raw = samples.raw(slice(None))
    path = Path(path)
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise DataError(f"cannot write {path}: {exc.strerror or exc}", key="path") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(header)
            for row, y in zip(raw, targets, strict=True):
                writer.writerow([*(repr(float(v)) for v in row), *y])
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise DataError(f"cannot write {path}: {exc.strerror or exc}", key="path") from None
