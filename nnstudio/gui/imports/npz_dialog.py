"""Importing a NumPy .npz file: choose the input and target arrays among those it holds."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtWidgets import QComboBox, QFormLayout, QVBoxLayout, QWidget

from nnstudio.data import DataError
from nnstudio.data.npz import list_arrays, peek_array
from nnstudio.data.targets import class_name
from nnstudio.gui.imports.base import ImportDialog
from nnstudio.gui.imports.pictures import ThumbnailStrip, to_qimage

#: samples previewed as images when the inputs are images
SAMPLES = 8

Array = tuple[str, tuple[int, ...], np.dtype]


def _describe(shape: tuple[int, ...], dtype: np.dtype) -> str:
    return f"{' × '.join(map(str, shape)) or 'scalar'} {dtype}"


class NpzImportDialog(ImportDialog):
    """Pick an .npz file, then its x (inputs) and y (targets) arrays; shapes and dtypes are
    listed, and image inputs are previewed."""

    source = "npz"

    def __init__(self, base_dir: Path | None = None, parent: QWidget | None = None):
        super().__init__(self.tr("Import NumPy arrays (.npz)"), self.tr("Choose an .npz file"),
                         self.tr("NumPy archives (*.npz);;All files (*)"), False, base_dir,
                         parent)
        self.arrays: list[Array] = []
        self._path: Path | None = None
        self.x_key = QComboBox()
        self.y_key = QComboBox()
        self.task = QComboBox()
        for value, text in (("auto", self.tr("Decide from the targets")),
                            ("classification", self.tr("Classification")),
                            ("regression", self.tr("Regression"))):
            self.task.addItem(text, value)
        self.samples = ThumbnailStrip()
        form = QFormLayout()
        form.addRow(self.tr("Inputs (x)"), self.x_key)
        form.addRow(self.tr("Targets (y)"), self.y_key)
        form.addRow(self.tr("Task"), self.task)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.samples, 1)
        for box in (self.x_key, self.y_key):
            box.currentIndexChanged.connect(self._choice_changed)
        self.task.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def inspect(self, path: Path) -> None:
        self.arrays = list_arrays(path)
        names = [name for name, _, _ in self.arrays]
        for box in (self.x_key, self.y_key):
            box.blockSignals(True)
            box.clear()
            for name, shape, dtype in self.arrays:
                box.addItem(f"{name}  ({_describe(shape, dtype)})", name)
            box.blockSignals(False)
        x, y = self._guess(names)
        self.x_key.setCurrentIndex(names.index(x))
        self.y_key.setCurrentIndex(names.index(y))
        self._path = path
        self._choice_changed()

    def _guess(self, names: list[str]) -> tuple[str, str]:
        """x and y if present, else the array with most values per sample and another."""
        if "x" in names and "y" in names:
            return "x", "y"
        by_size = sorted(self.arrays, key=lambda a: -int(np.prod(a[1][1:] or (1,))))
        x = by_size[0][0]
        y = next((n for n in names if n != x), x)
        return x, y

    def clear(self) -> None:
        self.arrays = []
        for box in (self.x_key, self.y_key):
            box.blockSignals(True)
            box.clear()
            box.blockSignals(False)
        self.samples.clear()

    def _array(self, box: QComboBox) -> Array | None:
        name = box.currentData()
        return next((a for a in self.arrays if a[0] == name), None)

    def _choice_changed(self) -> None:
        self.samples.clear()
        x = self._array(self.x_key)
        if x is not None and len(x[1]) in (3, 4) and x[1][0] and self.problem() is None:
            with contextlib.suppress(DataError):  # no preview; the trial load says why
                self._preview_images(x)
        self.refresh()

    def _preview_images(self, x: Array) -> None:
        name = x[0]
        y = self._array(self.y_key)
        if self._path is None or y is None:
            return
        head = peek_array(self._path, name, SAMPLES)
        labels = peek_array(self._path, y[0], SAMPLES) if len(y[1]) == 1 else None
        if head is None:
            return
        images = np.nan_to_num(np.asarray(head, dtype=np.float64), posinf=0.0, neginf=0.0)
        if images.ndim == 3:
            images = images[:, None]
        if images.shape[1] not in (1, 3):
            return
        low, high = float(images.min()), float(images.max())
        images = (images - low) / max(high - low, 1e-12)
        captions = ([class_name(v.item()) if labels.dtype.kind in "biuf" else str(v)
                     for v in labels] if labels is not None
                    else [self.tr("sample {i}").format(i=i) for i in range(len(images))])
        self.samples.show_images([to_qimage(i) for i in images], captions)

    def problem(self) -> str | None:
        x, y = self._array(self.x_key), self._array(self.y_key)
        if x is None or y is None:
            return self.tr("The file holds no arrays to choose from.")
        if x[0] == y[0]:
            return self.tr("Choose different arrays for the inputs and the targets.")
        if x[2].kind not in "biuf":
            return self.tr("The inputs {x} hold {dtype} values; inputs must be numbers.").format(
                x=x[0], dtype=x[2])
        if len(x[1]) not in (1, 2, 3, 4) or not x[1][0]:
            return self.tr("The inputs {x} have shape {shape}; they need (samples, features), "
                           "(samples, height, width) or (samples, channels, height, width)."
                           ).format(x=x[0], shape=x[1])
        if not y[1] or y[1][0] != x[1][0]:
            return self.tr("{x} has {n} samples but {y} has shape {shape}: one target per "
                           "sample is needed.").format(x=x[0], n=x[1][0], y=y[0], shape=y[1])
        return None

    def hint(self) -> str:
        x, y = self._array(self.x_key), self._array(self.y_key)
        if x is None or y is None:
            return ""
        kind = self.tr("images") if len(x[1]) in (3, 4) else self.tr("a table")
        per_sample = int(np.prod(y[1][1:]))
        return self.tr("{n} samples: inputs {x} {dtype} ({kind}); targets: {count} {ydtype} "
                       "value(s) each.").format(
                           n=x[1][0], x=" × ".join(map(str, x[1][1:])) or "1", dtype=x[2],
                           kind=kind, count=per_sample, ydtype=y[2])

    def keys(self) -> dict[str, Any]:
        path = self.path_field.path()
        return {"path": self.relative(path) if path else "", "x_key": self.x_key.currentData(),
                "y_key": self.y_key.currentData(), "task": self.task.currentData()}
