"""Figures for slides: the canvas, a panel or the whole dashboard as a PNG of a chosen pixel size,
or as SVG.

Everything is painted with QPainter, never grabbed and upscaled, so text and lines stay sharp at
3840×2160: a scene is rendered straight into the figure; a widget is laid out again at the
figure's shape (about its size on screen) and painted scaled up. SVG goes through QSvgGenerator
(pyqtgraph's own SVG exporter raises with pyqtgraph 0.14 and PySide6 6.11), so cards, curves,
axes and text are vector shapes; only images (a decision boundary, a heat map) are embedded as
bitmaps. Files are written under a temporary name and renamed, so a failed write leaves no half
file behind.
"""

from __future__ import annotations

import math
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QDockWidget,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QMainWindow,
    QWidget,
)

#: scene units left around the cards of a canvas figure
SCENE_MARGIN = 40.0
#: the smallest and largest figure sides (pixels) the dialogs offer
MIN_SIDE, MAX_SIDE = 16, 8192
FORMATS = ("png", "svg")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Figures", text)


class FigureError(Exception):
    """A figure that could not be made or written; the message is for the user."""


# -- what a figure shows --------------------------------------------------------------------------
@dataclass
class Subject:
    """Something that paints itself into a figure of any pixel size."""

    #: paint(painter, size): fill the rectangle (0, 0, size) of the painter's device
    paint: Callable[[QPainter, QSize], None]
    #: the background behind anything the subject leaves unpainted
    background: QColor


def scene_subject(scene: QGraphicsScene, margin: float = SCENE_MARGIN) -> Subject:
    """The items of `scene` (their bounding rectangle grown by `margin`), fitted and centred."""
    def paint(painter: QPainter, size: QSize) -> None:
        source = fitted_rect(scene.itemsBoundingRect().adjusted(-margin, -margin, margin, margin),
                             size)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        with drawn_as_vectors([scene]):
            scene.render(painter, QRectF(0, 0, size.width(), size.height()), source,
                         Qt.AspectRatioMode.KeepAspectRatio)
    return Subject(paint, QColor(Qt.GlobalColor.white))


def widget_subject(widget: QWidget) -> Subject:
    """A widget and its children, laid out again at the figure's aspect ratio."""
    def paint(painter: QPainter, size: QSize) -> None:
        with laid_out(widget, size) as scale, drawn_as_vectors(graphics_scenes(widget)):
            painter.scale(scale, scale)
            widget.render(painter, QPoint(0, 0), QRegion(),
                          QWidget.RenderFlag.DrawChildren
                          | QWidget.RenderFlag.DrawWindowBackground)
    return Subject(paint, QWidget.palette(widget).window().color())


def region_subject(window: QWidget, rect: QRect) -> Subject:
    """The rectangle `rect` of `window` (its own coordinates), scaled to fit and centred."""
    def paint(painter: QPainter, size: QSize) -> None:
        scale = min(size.width() / rect.width(), size.height() / rect.height())
        painter.translate((size.width() - scale * rect.width()) / 2,
                          (size.height() - scale * rect.height()) / 2)
        painter.scale(scale, scale)
        with drawn_as_vectors(graphics_scenes(window)):
                    window.render(painter, QPoint(0, 0), QRegion(rect),
                              QWidget.RenderFlag.DrawChildren
                              | QWidget.RenderFlag.DrawWindowBackground)
    return Subject(paint, QWidget.palette(window).window().color())


def dashboard_rect(window: QMainWindow) -> QRect:
    """The bounding rectangle (window coordinates) of the dashboard panels in view: the docks
    showing a panel, not hidden behind another tab; empty when none is."""
    from nnstudio.gui.panels.base import Panel

    rect = QRect()
    for dock in window.findChildren(QDockWidget):
        if isinstance(dock.widget(), Panel) and in_view(dock) and not dock.isFloating():
            rect = rect.united(QRect(dock.mapTo(window, QPoint(0, 0)), dock.size()))
    return rect


def in_view(widget: QWidget) -> bool:
    """Whether `widget` is shown and not covered (a dock behind another tab is not)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def dashboard_subject(window: QMainWindow) -> Subject:
    """Every panel of the dashboard in view, as they sit in the window."""
    rect = dashboard_rect(window)
    if rect.isEmpty():
        raise FigureError(_tr("No dashboard panel is in view."))
    return region_subject(window, rect)


def graphics_scenes(widget: QWidget) -> list[QGraphicsScene]:
    """The scenes of the graphics views inside `widget` (pyqtgraph's plots among them)."""
    return [view.scene() for view in widget.findChildren(QGraphicsView) if view.scene()]


@contextmanager
def drawn_as_vectors(scenes: list[QGraphicsScene]) -> Iterator[None]:
    """While open, the items of `scenes` paint themselves afresh instead of from a cached
    bitmap (cards, pyqtgraph's scatter symbols), so they scale crisply and reach an SVG as
    shapes and text."""
    items = [item for scene in scenes for item in scene.items()]
    modes = [item.cacheMode() for item in items]
    exporting = [item for item in items if hasattr(item, "setExportMode")]
    for item in items:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    for item in exporting:
        item.setExportMode(True, {"antialias": True, "resolutionScale": 1.0})
    try:
        yield
    finally:
        for item in exporting:
            item.setExportMode(False)
        for item, mode in zip(items, modes, strict=True):
            item.setCacheMode(mode)


# -- geometry -------------------------------------------------------------------------------------
def fitted_rect(rect: QRectF, size: QSize) -> QRectF:
    """`rect` grown about its centre to the aspect ratio of `size`."""
    if rect.isEmpty():
        rect = QRectF(-100, -100, 200, 200)
    aspect = size.width() / size.height()
    width, height = rect.width(), rect.height()
    if width / height < aspect:
        width = height * aspect
    else:
        height = width / aspect
    centre = rect.center()
    return QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)


def layout_scale(on_screen: QSize, size: QSize) -> float:
    """How much to enlarge a widget drawn into a figure of `size`: the widget is laid out over
    about the area it has on screen (at least 1:1), so its text keeps its size relative to the
    plots."""
    area = max(on_screen.width() * on_screen.height(), 1)
    return max(1.0, math.sqrt(size.width() * size.height() / area))


@contextmanager
def laid_out(widget: QWidget, size: QSize) -> Iterator[float]:
    """Lay `widget` out at `size` divided by the scale it yields, then put it back. A hidden
    widget is laid out about its size hint (it may never have had a size of its own)."""
    before = widget.size()
    scale = layout_scale(before if widget.isVisible() else widget.sizeHint(), size)
    logical = QSize(max(1, round(size.width() / scale)), max(1, round(size.height() / scale)))
    scale = min(size.width() / logical.width(), size.height() / logical.height())
    minimum, maximum = widget.minimumSize(), widget.maximumSize()
    widget.setMinimumSize(0, 0)
    widget.setMaximumSize(16_777_215, 16_777_215)
    widget.resize(logical)
    settle_layout(widget)
    try:
        yield scale
    finally:
        widget.resize(before)
        widget.setMinimumSize(minimum)
        widget.setMaximumSize(maximum)
        settle_layout(widget)


def settle_layout(widget: QWidget) -> None:
    """Apply pending layouts of `widget` and its children now (no event loop)."""
    for child in [widget, *widget.findChildren(QWidget)]:
        layout = child.layout()
        if layout is not None:
            layout.activate()


# -- rendering -------------------------------------------------------------------------------------
def render_image(subject: Subject, size: QSize) -> QImage:
    """The subject painted into an image of exactly `size` pixels."""
    check_size(size)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():
        raise FigureError(_tr("There is not enough memory for a figure of {w}×{h} pixels.")
                          .format(w=size.width(), h=size.height()))
    image.fill(subject.background)
    painter = QPainter(image)
    try:
        subject.paint(painter, size)
    finally:
        painter.end()
    return image


def png_bytes(subject: Subject, size: QSize) -> bytes:
    """The subject as a PNG file of `size` pixels."""
    image = render_image(subject, size)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # str works, bytes not
        raise FigureError(_tr("The figure could not be encoded as PNG."))
    return bytes(buffer.data().data())


def svg_bytes(subject: Subject, size: QSize, title: str = "") -> bytes:
    """The subject as an SVG drawing whose viewBox is (0, 0, size)."""
    check_size(size)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(QPoint(0, 0), size))
    generator.setTitle(title)
    generator.setDescription(_tr("Made with nnstudio"))
    painter = QPainter()
    if not painter.begin(generator):
        raise FigureError(_tr("The figure could not be drawn as SVG."))
    try:
        painter.fillRect(QRect(QPoint(0, 0), size), subject.background)
        subject.paint(painter, size)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def check_size(size: QSize) -> None:
    if not (MIN_SIDE <= size.width() <= MAX_SIDE and MIN_SIDE <= size.height() <= MAX_SIDE):
        raise FigureError(_tr("A figure is {low} to {high} pixels wide and high, not {w}×{h}.")
                          .format(low=MIN_SIDE, high=MAX_SIDE, w=size.width(), h=size.height()))


# -- files ----------------------------------------------------------------------------------------
def figure_format(path: Path) -> str:
    """"png" or "svg", from the file name's suffix."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise FigureError(_tr("A figure is saved as .png or .svg, not “{name}”.")
                          .format(name=path.name))
    return suffix


def export_figure(subject: Subject, path: Path, size: QSize, title: str = "") -> Path:
    """Write the subject to `path` as PNG or SVG (by its suffix) at `size` pixels; returns the
    path. FigureError, with a message for the user, when it cannot."""
    fmt = figure_format(path)
    data = png_bytes(subject, size) if fmt == "png" else svg_bytes(subject, size, title)
    write_atomically(path, data)
    return path


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, renamed at the end;
    FigureError naming the path when the folder is missing or read-only or the disk full."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.part")
    try:
        with open(temporary, "xb") as file:
            file.write(data)
        os.replace(temporary, path)
    except OSError as error:
        with suppress(OSError):
            temporary.unlink()
        raise FigureError(_tr("Could not write {path}: {reason}")
                          .format(path=path, reason=error.strerror or error)) from error
