"""A grid of small images with captions, in one pyqtgraph view: samples, filters, feature maps.

Every tile fills a square cell (wide or tall images keep their aspect inside it), with an
optional caption under it and an optional coloured frame; groups of tiles can have a heading
line above them (a layer's feature maps). The number of columns follows the view's width, so
cells stay about `min_cell` pixels wide and captions legible, and the whole grid is fitted to
the view. Items are kept and reused from one update to the next.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGraphicsRectItem

from nnstudio.gui.panels import style
from nnstudio.gui.theme import TEXT_COLOUR

#: space between cells, in cells
GAP = 0.12
#: height of a heading line in pixels, and at least in cells
HEADING_PX = 30
MIN_HEADING = 0.4
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
    """Tiles in rows of `columns` (fitted to the width), each with `caption_lines` lines of
    caption space (in cells) under it."""

    def __init__(self, caption_space: float = 0.0, min_cell: int = 96, caption_pt: int = 13):
        super().__init__()
        self.setBackground(style.BACKGROUND)
        self.ci.setContentsMargins(6, 6, 6, 6)
        self.box = self.addViewBox()
        self.box.setAspectLocked(True)
        self.box.invertY(True)
        self.box.setMouseEnabled(False, False)
        self.box.setMenuEnabled(False)
        self.caption_space = caption_space
        self.min_cell = min_cell
        self.caption_font = style.font(caption_pt)
        self.heading_font = style.font(caption_pt)
        self.heading_font.setBold(True)
        self.tiles: list[Tile] = []
        self.groups: list[tuple[str, int]] = []
        self.columns = 1
        self._images: list[pg.ImageItem] = []
        self._captions: list[pg.TextItem] = []
        self._frames: list[QGraphicsRectItem] = []
        self._headings: list[pg.TextItem] = []

    # -- the tiles -----------------------------------------------------------------------------
    def columns_for(self, count: int, width: int | None = None) -> int:
        """How many columns `count` tiles get at the view's width."""
        width = self.width() if width is None else width
        return max(1, min(count, int(width // self.min_cell)))

    def capacity(self) -> int:
        """About how many tiles fit the view without shrinking cells below `min_cell`."""
        columns = max(1, self.width() // self.min_cell)
        rows = max(1, int(self.height() // (self.min_cell * (1 + self.caption_space))))
        return columns * rows

    def set_tiles(self, tiles: Sequence[Tile], groups: Sequence[tuple[str, int]] = ()) -> None:
        """Show `tiles`; `groups` ((heading, count), …) split them into groups that each start
        a new row under their heading (their counts add up to len(tiles))."""
        self.tiles = list(tiles)
        self.groups = list(groups) or [("", len(self.tiles))]
        self._layout()

    def clear_tiles(self) -> None:
        self.set_tiles([])

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        super().resizeEvent(event)
        # pyqtgraph calls this from its own __init__, before our attributes exist
        widest = max((count for _, count in getattr(self, "groups", ())), default=0)
        if widest and self.columns_for(widest) != self.columns:
            self._layout()

    # -- layout --------------------------------------------------------------------------------
    def _layout(self) -> None:
        widest = max((count for _, count in self.groups), default=1)
        self.columns = columns = self.columns_for(widest)
        row_height = 1 + self.caption_space + GAP
        cell_px = max(self.width(), 1) / (columns * (1 + GAP))
        heading_height = max(MIN_HEADING, HEADING_PX / cell_px)
        y, i, headings = 0.0, 0, 0
        for heading, count in self.groups:
            if heading:
                self._heading(headings, heading, y)
                headings += 1
                y += heading_height
            for k in range(count):
                row, col = divmod(k, columns)
                self._place(i, col * (1 + GAP), y + row * row_height)
                i += 1
            y += math.ceil(count / columns) * row_height if count else 0.0
        for pool, used in ((self._images, i), (self._captions, i), (self._frames, i),
                           (self._headings, headings)):
            for item in pool[used:]:
                item.hide()
        if i:
            width = columns * (1 + GAP) - GAP
            self.box.setRange(QRectF(-GAP, -GAP, width + 2 * GAP, y + GAP), padding=0)

    def _place(self, i: int, x: float, y: float) -> None:
        tile = self.tiles[i]
        image, caption, frame = self._items(i)
        h, w = tile.rgba.shape[:2]
        scale = 1.0 / max(h, w)
        rect = QRectF(x + (1 - w * scale) / 2, y + (1 - h * scale) / 2, w * scale, h * scale)
        image.setImage(tile.rgba, autoLevels=False, levels=None)
        image.setRect(rect)
        image.show()
        outline = style.pen(tile.frame, FRAME_WIDTH) if tile.frame else style.pen(EDGE_COLOUR, 1)
        frame.setPen(outline)
        frame.setRect(rect)
        frame.show()
        caption.setText(tile.caption, color=tile.colour)
        caption.setPos(x + 0.5, y + 1 + GAP / 3)
        caption.setVisible(bool(tile.caption))

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

    def _heading(self, k: int, text: str, y: float) -> None:
        while len(self._headings) <= k:
            item = pg.TextItem(anchor=(0.0, 0.0), color=TEXT_COLOUR)
            item.setFont(self.heading_font)
            self.box.addItem(item)
            self._headings.append(item)
        item = self._headings[k]
        item.setText(text, color=TEXT_COLOUR)
        item.setPos(0.0, y)
        item.show()

    @property
    def captions(self) -> list[str]:
        """The captions on show, in tile order (for tests and accessibility)."""
        return [t.caption for t in self.tiles]
