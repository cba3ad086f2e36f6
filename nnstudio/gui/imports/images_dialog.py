"""Importing a folder of images with one sub-folder per class."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.data import DataError
from nnstudio.data.imagefolder import image_files
from nnstudio.gui.data_text import data_problem_tr
from nnstudio.gui.imports.background import BackgroundLoad, Progress
from nnstudio.gui.imports.base import ImportDialog
from nnstudio.gui.imports.pictures import ThumbnailStrip, to_qimage
from nnstudio.gui.imports.qt_decoder import qt_decode

#: the sizes offered first (height = width)
SIZES = (28, 32, 64)
#: images shown per class, and in all
PER_CLASS = 3
SHOWN = 15


def class_folders(folder: Path) -> list[tuple[str, list[Path]]]:
    """(class name, its image files) for every visible sub-folder of `folder`, sorted."""
    return [(p.name, image_files(p)) for p in sorted(folder.iterdir())
            if p.is_dir() and not p.name.startswith(".")]


def _decode_all(picks: list[tuple[str, Path]], size: tuple[int, int], rgb: bool,
                progress: Progress) -> tuple[list[tuple[str, np.ndarray]], list[str]]:
    """(class, image (C, h, w)) for each readable pick, and "class/file" of the others."""
    decoded, failed = [], []
    for i, (name, path) in enumerate(picks):
        progress(i / len(picks))
        try:
            decoded.append((name, qt_decode(path, size, rgb)))
        except (DataError, OSError, ValueError):
            failed.append(f"{name}/{path.name}")
    return decoded, failed


class ImagesImportDialog(ImportDialog):
    """Pick a folder holding one sub-folder of images per class; see the classes, how many
    images each has and a few of them at the chosen size and colour."""

    source = "images"

    def __init__(self, base_dir: Path | None = None, parent: QWidget | None = None):
        super().__init__(self.tr("Import an image folder"),
                         self.tr("Choose the folder holding one sub-folder per class"), "",
                         True, base_dir, parent)
        self.classes: list[tuple[str, list[Path]]] = []
        self._again = False
        self.thumbnails = BackgroundLoad(self)
        self.thumbnails.loaded.connect(self._thumbnails_loaded)
        self.thumbnails.cancelled.connect(self._thumbnails_stopped)
        self.thumbnails.failed.connect(self._thumbnails_failed)
        self.size_choice = QComboBox()
        for s in SIZES:
            self.size_choice.addItem(f"{s} × {s}", s)
        self.size_choice.addItem(self.tr("Custom"), None)
        self.side_h = self._side()
        self.side_w = self._side()
        self.grayscale = QRadioButton(self.tr("Grayscale"))
        self.rgb = QRadioButton(self.tr("Colour (RGB)"))
        self.grayscale.setChecked(True)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Class (sub-folder)"), self.tr("Images")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.samples = ThumbnailStrip()
        self.samples_note = QLabel()
        self.samples_note.setTextFormat(Qt.TextFormat.PlainText)
        self.samples_note.setWordWrap(True)
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Size")))
        options.addWidget(self.size_choice)
        options.addWidget(self.side_h)
        options.addWidget(QLabel("×"))
        options.addWidget(self.side_w)
        options.addSpacing(24)
        options.addWidget(self.grayscale)
        options.addWidget(self.rgb)
        options.addStretch(1)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(options)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.samples_note)
        layout.addWidget(self.samples, 3)
        self.size_choice.currentIndexChanged.connect(self._size_changed)
        for box in (self.side_h, self.side_w):
            box.valueChanged.connect(self._look_changed)
        self.rgb.toggled.connect(self._look_changed)
        self._size_changed()

    def _side(self) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1, 512)
        box.setValue(SIZES[0])
        box.setSuffix(self.tr(" px"))
        return box

    def image_size(self) -> tuple[int, int]:
        return self.side_h.value(), self.side_w.value()

    def set_size(self, height: int, width: int) -> None:
        """Choose a size (a preset when one matches, else Custom)."""
        index = self.size_choice.findData(height) if height == width else -1
        self.size_choice.setCurrentIndex(index if index >= 0 else self.size_choice.count() - 1)
        self.side_h.setValue(height)
        self.side_w.setValue(width)

    def _size_changed(self) -> None:
        preset = self.size_choice.currentData()
        custom = preset is None
        for box in (self.side_h, self.side_w):
            box.setEnabled(custom)
            if not custom:
                box.blockSignals(True)
                box.setValue(preset)
                box.blockSignals(False)
        self._look_changed()

    def _look_changed(self) -> None:
        self._show_samples()
        self.refresh()

    def inspect(self, path: Path) -> None:
        self.classes = class_folders(path)
        self.table.setRowCount(len(self.classes))
        for i, (name, files) in enumerate(self.classes):
            self.table.setItem(i, 0, QTableWidgetItem(name))
            count = QTableWidgetItem(str(len(files)))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(i, 1, count)
        self._show_samples()

    def clear(self) -> None:
        self.classes = []
        self.table.setRowCount(0)
        self._show_samples()

    def _show_samples(self) -> None:
        """Decode a few images of each class in the background, exactly as training will see
        them (a large photo takes a tenth of a second); a newer request restarts it."""
        self.samples.clear()
        self.samples_note.clear()
        if self.thumbnails.busy:
            self._again = True
            self.thumbnails.cancel()
            return
        self._again = False
        if not self.classes or self.problem() is not None:
            return
        picks = [(name, path) for name, files in self.classes for path in files[:PER_CLASS]]
        size, rgb = self.image_size(), self.rgb.isChecked()
        self.samples_note.setText(self.tr("Reading a few images…"))
        self.thumbnails.start(lambda progress: _decode_all(picks[:SHOWN], size, rgb, progress))

    def _thumbnails_loaded(self, result: tuple[list[tuple[str, np.ndarray]], list[str]]) -> None:
        if self._again:
            self._show_samples()
            return
        decoded, failed = result
        self.samples.show_images([to_qimage(image) for _, image in decoded],
                                 [name for name, _ in decoded])
        note = self.tr("As the network will see them:")
        if failed:
            note += " " + self.tr("(cannot read {files})").format(files=", ".join(failed))
        self.samples_note.setText(note)

    def _thumbnails_stopped(self) -> None:
        if self._again:
            self._show_samples()
        else:
            self.samples_note.clear()

    def _thumbnails_failed(self, message: str) -> None:
        if self._again:
            self._show_samples()
        else:
            self.samples_note.setText(self.tr("Cannot show sample images: {problem}").format(
                problem=data_problem_tr(message)))

    def done(self, result: int) -> None:
        self._again = False
        self.thumbnails.cancel()
        self.thumbnails.wait()
        super().done(result)

    def problem(self) -> str | None:
        folder = self.inspected or self.path_field.path()
        name = folder.name if folder else ""
        if not self.classes:
            return self.tr("{folder} has no class sub-folders: sort its images into one "
                           "sub-folder per class (e.g. {folder}/cat/1.png, {folder}/dog/1.png)."
                           ).format(folder=name)
        empty = [c for c, files in self.classes if not files]
        if empty:
            return self.tr("The class folder {name} holds no images (PNG, JPEG, BMP, GIF, "
                           "PGM/PPM …).").format(name=empty[0])
        if len(self.classes) < 2:
            return self.tr("{folder} has a single class folder ({name}); a classifier needs at "
                           "least two.").format(folder=name, name=self.classes[0][0])
        return None

    def hint(self) -> str:
        total = sum(len(files) for _, files in self.classes)
        h, w = self.image_size()
        channels = 3 if self.rgb.isChecked() else 1
        return self.tr("{classes} classes, {total} images → inputs of shape {c} × {h} × {w}."
                       ).format(classes=len(self.classes), total=total, c=channels, h=h, w=w)

    def keys(self) -> dict[str, Any]:
        path = self.path_field.path()
        h, w = self.image_size()
        return {"path": self.relative(path) if path else "", "size": h if h == w else [h, w],
                "color": "rgb" if self.rgb.isChecked() else "grayscale"}
