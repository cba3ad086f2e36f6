"""The image decoder the app registers for image folders: Qt's image reader (PNG, JPEG, BMP,
GIF, WebP, …). Uses QImage only, so it runs in the training worker thread too."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QImageReader

from nnstudio.data import DataError, limits
from nnstudio.data.decoders import channels
from nnstudio.data.paths import regular_file
from nnstudio.data.resize import resize_area

#: a photo much larger than the size asked for is first shrunk by Qt (averaging, as its smooth
#: scaling does when shrinking) to this many times that size, then averaged exactly: the same
#: picture at a fraction of the memory and time (a 12-megapixel photo in ~0.1 s, not seconds)
PRESCALE = 4


def qt_decode(path: Path, size: tuple[int, int], rgb: bool) -> np.ndarray:
    """The image file `path` as float64 (3 if rgb else 1, h, w) in [0, 1] for size (h, w):
    EXIF rotation applied, transparency laid over white, colour made grey by the BT.601 luma
    weights, resized by area averaging (as the engine's own decoder; see PRESCALE for large
    photos). DataError naming the file if it is not a regular file, announces more than
    limits.MAX_PIXELS, or Qt cannot read it."""
    regular_file(path)
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    announced = reader.size()
    if announced.isValid():
        limits.check_pixels(announced.width(), announced.height(), path.name)
    image = reader.read()
    if image.isNull():
        raise DataError(f"{path.name} cannot be read as an image ({reader.errorString()})",
                        key="path")
    h, w = size
    if image.height() > PRESCALE * h or image.width() > PRESCALE * w:
        image = image.scaled(min(image.width(), PRESCALE * w),
                             min(image.height(), PRESCALE * h),
                             Qt.AspectRatioMode.IgnoreAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return np.clip(resize_area(channels(rgba_pixels(image), rgb), size), 0.0, 1.0)


def rgba_pixels(image: QImage) -> np.ndarray:
    """image → float64 (H, W, 4) RGBA in [0, 1] (a copy)."""
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    h, w, stride = image.height(), image.width(), image.bytesPerLine()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * h)
    return raw.reshape(h, stride)[:, :4 * w].reshape(h, w, 4) / 255.0
