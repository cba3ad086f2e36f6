"""Lesson thumbnails: the picture the app rendered of each shipped lesson
(resources/lessons/thumbnails/<stem>.png, made by packaging/render_lesson_thumbnails.py), a
`<stem>.png` beside a lesson that lives elsewhere, else a drawn placeholder."""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap

from nnstudio.design.lesson import lessons_dir
from nnstudio.gui import theme

#: the size thumbnails are rendered at (pixels): the gallery shows them at this size or smaller
THUMBNAIL_SIZE = QSize(320, 200)
THUMBNAIL_FOLDER = "thumbnails"


def thumbnail_file(lesson_path: Path) -> Path | None:
    """The thumbnail of the lesson in `lesson_path`: beside it (`<stem>.png`), else among the
    shipped thumbnails; None when there is none."""
    beside = lesson_path.with_suffix(".png")
    shipped = lessons_dir() / THUMBNAIL_FOLDER / f"{lesson_path.stem}.png"
    return next((path for path in (beside, shipped) if path.is_file()), None)


def thumbnail(lesson_path: Path, title: str, size: QSize = THUMBNAIL_SIZE) -> QPixmap:
    """The lesson's thumbnail scaled to fit `size` (aspect kept), or a placeholder naming
    `title` when it has none or it cannot be read."""
    found = thumbnail_file(lesson_path)
    pixmap = QPixmap(str(found)) if found is not None else QPixmap()
    if pixmap.isNull():
        return placeholder(title, size)
    return pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)


def placeholder(title: str, size: QSize = THUMBNAIL_SIZE) -> QPixmap:
    """A drawn stand-in: a small network of three layers on a light card, `title` below."""
    pixmap = QPixmap(size)
    pixmap.fill(QColor(theme.CANVAS_BACKGROUND))
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    w, h = size.width(), size.height()
    layers = ((0.2, 2), (0.5, 4), (0.8, 2))
    points = [[(x * w, (i + 1) * h * 0.62 / (n + 1)) for i in range(n)] for x, n in layers]
    p.setPen(QPen(QColor(theme.EDGE_COLOUR), max(1.0, w / 200)))
    for left, right in itertools.pairwise(points):
        for a in left:
            for b in right:
                p.drawLine(int(a[0]), int(a[1]), int(b[0]), int(b[1]))
    p.setBrush(QColor(theme.SELECTION_COLOUR))
    radius = h * 0.045
    for column in points:
        for x, y in column:
            p.drawEllipse(QRectF(x - radius, y - radius, 2 * radius, 2 * radius))
    font = QFont(p.font())
    font.setPixelSize(max(10, h // 12))
    p.setFont(font)
    p.setPen(QColor(theme.TEXT_COLOUR))
    p.drawText(QRectF(w * 0.05, h * 0.66, w * 0.9, h * 0.3),
               int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), title)
    p.end()
    return pixmap
