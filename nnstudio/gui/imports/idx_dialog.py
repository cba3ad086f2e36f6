"""Importing MNIST-format IDX files: an images file and its labels file, plain or .gz."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from nnstudio.data import DataError
from nnstudio.data.idx import guess_labels, peek_idx, read_idx
from nnstudio.data.paths import is_regular_file, regular_file
from nnstudio.gui.imports.base import ImportDialog
from nnstudio.gui.imports.pictures import ThumbnailStrip, to_qimage
from nnstudio.gui.imports.widgets import PathField

#: images previewed
SAMPLES = 16
#: labels files larger than this are not counted for the preview (bytes)
LABELS_LIMIT = 64 << 20
FILTER = "IDX (*-ubyte *-ubyte.gz *.idx *.idx.gz *.gz);;All files (*)"


class IdxImportDialog(ImportDialog):
    """Pick an IDX images file (train-images-idx3-ubyte[.gz] and the like); its labels file
    is found by name and can be changed; the shapes, the classes and the first images are
    shown."""

    source = "idx"

    def __init__(self, base_dir: Path | None = None, parent: QWidget | None = None):
        super().__init__(self.tr("Import MNIST IDX files"), self.tr("Choose the images file"),
                         FILTER, False, base_dir, parent)
        self.images_dims: tuple[int, ...] = ()
        self.head = np.zeros((0,))
        self.labels: np.ndarray | None = None
        self.labels_error: str | None = None
        self._guessed: Path | None = None
        self.labels_field = PathField(self.tr("Choose the labels file"), FILTER)
        self.labels_field.edit.setPlaceholderText(
            self.tr("Found from the images file's name, or choose it…"))
        self.labels_field.pathChanged.connect(self._labels_changed)
        self.shape = QLabel()
        self.samples = ThumbnailStrip()
        form = QFormLayout()
        form.addRow(self.tr("Labels file"), self.labels_field)
        form.addRow(self.tr("Contents"), self.shape)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.samples, 1)
        self.path_field.pathChanged.connect(self._guess_labels)
        self.fit_size(900, 640)
        self.refresh()

    def inspect(self, path: Path) -> None:
        dims, head = peek_idx(path, "images", SAMPLES)
        if len(dims) != 3:
            hint = self.tr(" (it looks like a labels file)") if len(dims) == 1 else ""
            raise DataError(self.tr("{name} holds an array of shape {shape}{hint}; an images "
                                    "file holds (count, rows, columns)").format(
                                        name=path.name, shape=dims, hint=hint))
        self.images_dims, self.head = dims, head
        self._show()

    def clear(self) -> None:
        self.images_dims = ()
        self.head = np.zeros((0,))
        self.shape.clear()
        self.samples.clear()

    def set_labels(self, path: str | Path) -> None:
        self.labels_field.set_path(path)

    def _guess_labels(self) -> None:
        """Fill in the labels file by MNIST's naming, unless one was chosen already."""
        images = self.path_field.path()
        guess = guess_labels(images) if images is not None and is_regular_file(images) else None
        current = self.labels_field.path()
        if guess is not None and (current is None or not is_regular_file(current)
                                  or current == self._guessed):
            self._guessed = guess
            self.set_labels(guess)

    def _labels_changed(self) -> None:
        self.labels, self.labels_error = None, None
        path = self.labels_field.path()
        if path is not None:
            try:
                if regular_file(path, "labels").st_size > LABELS_LIMIT:
                    self.labels_error = self.tr("{name} is too large to be a labels file"
                                                ).format(name=path.name)
                else:
                    self.labels = read_idx(path, "labels")
            except DataError as exc:
                self.labels_error = str(exc)
        self._show()
        self.refresh()

    def _show(self) -> None:
        if not self.images_dims:
            return
        n, rows, columns = self.images_dims
        text = self.tr("{n} images of {rows} × {columns} pixels").format(
            n=n, rows=rows, columns=columns)
        labels = self.labels if self.labels is not None and self.labels.ndim == 1 else None
        if labels is not None:
            text += self.tr("; {count} labels, {classes} classes").format(
                count=len(labels), classes=len(np.unique(labels)))
        self.shape.setText(text)
        head = np.asarray(self.head, dtype=np.float64)
        if self.head.dtype != np.uint8 and len(head):
            low, high = float(head.min()), float(head.max())
            head = (head - low) / max(high - low, 1e-12) * 255.0
        captions = [str(labels[i]) if labels is not None and i < len(labels) else ""
                    for i in range(len(head))]
        self.samples.show_images([to_qimage(image[None] / 255.0) for image in head], captions)

    def problem(self) -> str | None:
        labels_path = self.labels_field.path()
        if labels_path is None:
            return self.tr("Choose the labels file.")
        if self.labels_error is not None:
            return self.labels_error
        if self.labels is None:
            return self.tr("Choose the labels file.")
        name = labels_path.name
        if self.labels.ndim != 1:
            return self.tr("{name} holds an array of shape {shape}; a labels file holds one "
                           "number per image.").format(name=name, shape=self.labels.shape)
        if len(self.labels) != self.images_dims[0]:
            return self.tr("The images file holds {n} images but {name} holds {m} labels; they "
                           "must match.").format(n=self.images_dims[0], name=name,
                                                 m=len(self.labels))
        if len(np.unique(self.labels)) < 2:
            return self.tr("{name} has only one class; a classifier needs at least two.").format(
                name=name)
        return None

    def hint(self) -> str:
        rows, columns = self.images_dims[1:]
        return self.tr("Inputs of shape 1 × {rows} × {columns}; the first images are shown "
                       "with their labels.").format(rows=rows, columns=columns)

    def keys(self) -> dict[str, Any]:
        images, labels = self.path_field.path(), self.labels_field.path()
        return {"images": self.relative(images) if images else "",
                "labels": self.relative(labels) if labels else ""}
