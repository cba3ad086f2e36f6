"""Targets: deciding the task and turning class values into indices 0 … K−1."""

from __future__ import annotations

import numpy as np

from nnstudio.data.errors import DataError

#: 'auto' calls whole-number targets with at most this many distinct values classes
MAX_AUTO_CLASSES = 20


def infer_task(values: np.ndarray) -> str:
    """'classification' for text values, or whole numbers with few distinct values; else
    'regression'. `values`: (N,) strings or numbers."""
    if values.dtype.kind in "USO":
        return "classification"
    is_whole = values.dtype.kind in "biu" or bool(np.all(np.mod(values, 1) == 0))
    few = len(np.unique(values)) <= MAX_AUTO_CLASSES
    return "classification" if is_whole and few else "regression"


def class_name(value: object) -> str:
    """How a class value is shown: text as is, 2.0 as '2', 0.5 as '0.5'."""
    if isinstance(value, str):
        return value
    number = float(value)  # type: ignore[arg-type]
    return str(int(number)) if number.is_integer() else repr(number)


def encode_classes(values: np.ndarray, what: str, key: str | None = None
                   ) -> tuple[np.ndarray, tuple[str, ...]]:
    """Labels int64 (N,) indexing the sorted distinct `values` (text sorted as text, numbers
    numerically), and those values' names. DataError naming `what` (with the spec `key`) if
    there is one class."""
    distinct, labels = np.unique(values, return_inverse=True)
    names = tuple(class_name(v.item() if hasattr(v, "item") else v) for v in distinct)
    if len(names) < 2:
        only = f" ({names[0]!r})" if names else ""
        raise DataError(f"{what} has only one class{only}; a classifier needs at least two",
                        key=key)
    return labels.reshape(-1).astype(np.int64), names
