"""A grid of small images with captions, in one pyqtgraph view: samples, filters, feature maps.

Every tile fills a square cell (wide or tall images keep their aspect inside it), with an
optional caption under it and an optional coloured frame; groups of tiles can have a heading
line above them (a layer's feature maps). The grid is laid out in the view's pixels: the number
of columns is the one that makes the cells largest while every row, caption and heading fits,
so captions never overlap at any dock size. Items are kept and reused from one update to the
next. A view made clickable reports a click on a tile as tileClicked(index).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QFontMetrics, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QGraphicsRectItem

from nnstudio.gui.panels import style
from nnstudio.gui.theme import TEXT_COLOUR

#: space between cells, as a share of a cell
GAP = 0.12
#: pixels around the grid
MARGIN = 6
#: a thin frame drawn around tiles that have no frame colour, so white images show their edge
EDGE_COLOUR = "#C8CCD4"
FRAME_WIDTH = 4.0


@dataclass(frozen=True, eq=False)
class Tile:
    """rgba (h, w, 4) uint8; caption under it in `colour`; `frame` a colour to outline it."""

    rgba: np.ndarray
    caption: str = ""
    colour: str = TEXT_COLOUR
    frame: str | None = None


class TileView(pg.GraphicsLayoutWidget):
    """Tiles with `caption_lines` lines of caption under each, cells between `min_cell` and
    `max_cell` pixels. `capacityChanged` follows a resize that changes `capacity()`;
    `tileClicked(index)` a left click on a tile, once `make_clickable`."""

    capacityChanged = Signal()
    tileClicked = Signal(int)

    def __init__(self, caption_lines: int = 0, min_cell: int = 64, max_cell: int = 160,
                 caption_pt: int = style.LABEL_PT):
        super().__init__()
        self.setBackground(style.BACKGROUND)
        self.ci.setContentsMargins(0, 0, 0, 0)
        self.box = self.addViewBox()
        self.box.setAspectLocked(True)
        self.box.invertY(True)
        self.box.setMouseEnabled(False, False)
        self.box.setMenuEnabled(False)
        self.min_cell, self.max_cell = min_cell, max_cell
        self.caption_font = style.font(caption_pt)
        self.heading_font = style.font(caption_pt)
        self.heading_font.setBold(True)
        self.caption_px = 0
        self.set_caption_lines(caption_lines)
        self.heading_px = QFontMetrics(self.heading_font).lineSpacing() + 8
        self.tiles: list[Tile] = []
        self.groups: list[tuple[str, int]] = []
        self.columns = 1
        self.cell = 0.0
        self._capacity = 0
        self._images: list[pg.ImageItem] = []
        self._captions: list[pg.TextItem] = []
        self._frames: list[QGraphicsRectItem] = []
        self._headings: list[pg.TextItem] = []
        self._clickable = False

    # -- the tiles -----------------------------------------------------------------------------
    def set_caption_lines(self, lines: int) -> None:
        """Room for `lines` lines of caption under every tile (from the next layout on)."""
        line = QFontMetrics(self.caption_font).lineSpacing()
        self.caption_px = lines * line + (6 if lines else 0)

    def capacity(self) -> int:
        """How many tiles fit the view in cells of at least `min_cell` pixels (at least 1)."""
        width, height = self._room()
        step = self.min_cell * (1 + GAP)
        columns = max(1, int(width // step))
        rows = max(1, int(height // (step + self.caption_px)))
        return columns * rows

    def set_tiles(self, tiles: Sequence[Tile], groups: Sequence[tuple[str, int]] = ()) -> None:
        """Show `tiles`; `groups` ((heading, count), …) split them into groups that each start
        a new row under their heading (their counts add up to len(tiles))."""
        self.tiles = list(tiles)
        self.groups = list(groups) or [("", len(self.tiles))]
        for i, tile in enumerate(self.tiles):
            image, caption, frame = self._items(i)
            image.setImage(tile.rgba, autoLevels=False, levels=None)
            outline = style.pen(tile.frame, FRAME_WIDTH) if tile.frame \
                else style.pen(EDGE_COLOUR, 1)
            frame.setPen(outline)
            caption.setText(tile.caption, color=tile.colour)
        for k, (heading, _) in enumerate(h for h in self.groups if h[0]):
            self._heading(k).setText(heading, color=TEXT_COLOUR)
        self._layout()

    def clear_tiles(self) -> None:
        self.set_tiles([])

    def make_clickable(self, tip: str) -> None:
        """Report clicks on tiles as tileClicked, with a pointing hand and `tip` over them."""
        self._clickable = True
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tip)

    def tile_at(self, x: float, y: float) -> int | None:
        """The index of the tile under the view's pixel (x, y), or None."""
        point = self.box.mapSceneToView(self.mapToScene(int(x), int(y)))
        for i, image in enumerate(self._images[:len(self.tiles)]):
            if image.isVisible() and image.mapRectToParent(image.boundingRect()).contains(point):
                return i
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self._clickable and event.button() == Qt.MouseButton.LeftButton:
            index = self.tile_at(event.position().x(), event.position().y())
            if index is not None:
                self.tileClicked.emit(index)
                event.accept()
                return
        super().mousePressEvent(event)

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        super().resizeEvent(event)
        if not hasattr(self, "tiles"):  # pyqtgraph calls this from its own __init__
            return
        self._layout()
        capacity = self.capacity()
        if capacity != self._capacity:
            self._capacity = capacity
            self.capacityChanged.emit()

    @property
    def captions(self) -> list[str]:
        """The captions on show, in tile order."""
        return [t.caption for t in self.tiles]

    # -- layout --------------------------------------------------------------------------------
    def _room(self) -> tuple[float, float]:
        return max(self.width() - 2 * MARGIN, 1), max(self.height() - 2 * MARGIN, 1)

    def _grid(self) -> tuple[int, float]:
        """The columns and cell size (pixels) that make the cells largest, up to `max_cell`."""
        width, height = self._room()
        counts = [count for _, count in self.groups]
        headings = sum(1 for heading, _ in self.groups if heading) * self.heading_px
        best = (1, 0.0)
        for columns in range(1, max(counts, default=1) + 1):
            rows = sum(math.ceil(count / columns) for count in counts)
            across = width / (columns * (1 + GAP))
            down = (height - headings - rows * self.caption_px) / max(rows * (1 + GAP), 1)
            cell = min(across, down, self.max_cell)
            if cell > best[1]:
                best = (columns, cell)
        return best

    def _layout(self) -> None:
        """Place the tiles, captions and headings in the view's pixels."""
        used, headings = len(self.tiles), sum(1 for heading, _ in self.groups if heading)
        for pool, count in ((self._images, used), (self._captions, used), (self._frames, used),
                            (self._headings, headings)):
            for k, item in enumerate(pool):
                item.setVisible(k < count)
        width, height = self._room()
        self.box.setRange(QRectF(-MARGIN, -MARGIN, width + 2 * MARGIN, height + 2 * MARGIN),
                          padding=0)
        if not used:
            return
        self.columns, cell = self._grid()
        self.cell = cell = max(cell, 1.0)
        step = cell * (1 + GAP)
        x0 = max(0.0, (width - (self.columns * step - cell * GAP)) / 2)
        y, i, k = 0.0, 0, 0
        for heading, count in self.groups:
            if heading:
                self._headings[k].setPos(x0, y)
                k += 1
                y += self.heading_px
            for n in range(count):
                row, col = divmod(n, self.columns)
                self._place(i, x0 + col * step, y + row * (step + self.caption_px), cell)
                i += 1
            y += math.ceil(count / self.columns) * (step + self.caption_px)

    def _place(self, i: int, x: float, y: float, cell: float) -> None:
        h, w = self.tiles[i].rgba.shape[:2]
        scale = cell / max(h, w)
        rect = QRectF(x + (cell - w * scale) / 2, y + (cell - h * scale) / 2, w * scale,
                      h * scale)
        self._images[i].setRect(rect)
        self._frames[i].setRect(rect)
        self._captions[i].setPos(x + cell / 2, y + cell + 2)
        self._captions[i].setVisible(bool(self.tiles[i].caption))

    def _items(self, i: int) -> tuple[pg.ImageItem, pg.TextItem, QGraphicsRectItem]:
        while len(self._images) <= i:
            image = pg.ImageItem(axisOrder="row-major")
            caption = pg.TextItem(anchor=(0.5, 0.0))
            caption.setFont(self.caption_font)
            frame = QGraphicsRectItem()
            frame.setZValue(2)
            for item in (image, caption, frame):
                self.box.addItem(item)
            self._images.append(image)
            self._captions.append(caption)
            self._frames.append(frame)
        return self._images[i], self._captions[i], self._frames[i]

    def _heading(self, k: int) -> pg.TextItem:
        while len(self._headings) <= k:
            item = pg.TextItem(anchor=(0.0, 0.0), color=TEXT_COLOUR)
            item.setFont(self.heading_font)
            self.box.addItem(item)
            self._headings.append(item)
        return self._headings[k]
