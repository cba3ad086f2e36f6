"""Sample images shown in the dialogs: arrays to QImages, and a strip of captioned thumbnails."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QListView, QListWidget, QListWidgetItem, QWidget

#: thumbnail edge in pixels (large enough to read a digit from the back of a hall)
THUMB = 72


def to_qimage(image: np.ndarray) -> QImage:
    """image (C, H, W), C = 1 or 3, values in [0, 1] → a 32-bit RGB QImage (a copy: 32-bit, as
    Qt reads a pixel past the end of a 24-bit image when it draws it scaled)."""
    pixels = np.rint(np.clip(image, 0.0, 1.0) * 255.0).astype(np.uint8)
    h, w = pixels.shape[1:]
    if pixels.shape[0] == 1:
        data = np.ascontiguousarray(pixels[0])
        wrapped = QImage(data.data, w, h, w, QImage.Format.Format_Grayscale8)
    else:
        data = np.ascontiguousarray(np.moveaxis(pixels[:3], 0, 2))
        wrapped = QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888)
    return wrapped.convertToFormat(QImage.Format.Format_RGB32)


class ThumbnailStrip(QListWidget):
    """A wrapping row of images with a caption under each (e.g. the class)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 40, THUMB + 34))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(THUMB + 44)

    def show_images(self, images: Sequence[QImage], captions: Sequence[str]) -> None:
        self.clear()
        for image, caption in zip(images, captions, strict=True):
            pixmap = QPixmap.fromImage(image.scaled(
                THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation if max(image.width(), image.height())
                < THUMB else Qt.TransformationMode.SmoothTransformation))
            item = QListWidgetItem(QIcon(pixmap), caption)
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
