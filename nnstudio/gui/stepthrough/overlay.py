"""What step-through draws on the canvas: above each card its values (numbers for a small
layer, a heat strip for a large one), on each Dense edge its weights, a frame around the card
of the current stage and the loss beside the output. Overlay items only: the cards and edges
are the canvas's own and are not changed.

Every value is a cell with its formula as tooltip; hovering a cell also hands the formula to
`on_hover` (the step-through panel shows it in large type).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSimpleTextItem,
)

from nnstudio.gui import theme
from nnstudio.gui.canvas import style
from nnstudio.gui.canvas.thumbnails import heat_rgb

#: a layer with at most this many values (per sample) shows them as numbers
MAX_NUMBERS = 8
#: a heat strip has at most this many cells; a larger layer averages blocks of values
MAX_STRIP = 96
#: weight grids of Dense edges up to this many rows and columns are drawn
MAX_GRID = 24
#: z-values: above the cards (1) and edges
Z_OVERLAY = 20.0

Hover = Callable[[str], None]


def _font() -> QFont:
    font = QFont(style.card_metrics().text_font)
    return font


class Cell(QGraphicsRectItem):
    """One shown value: a coloured (or white, with the number) rectangle whose tooltip and
    hover text is `formula`."""

    def __init__(self, rect: QRectF, colour: QColor, formula: str, on_hover: Hover,
                 parent: QGraphicsItem):
        super().__init__(rect, parent)
        self.formula = formula
        self._on_hover = on_hover
        self.setBrush(QBrush(colour))
        self.setPen(QPen(QColor(theme.EDGE_COLOUR), 0.6))
        self.setToolTip(style.plain_tip(formula))
        self.setAcceptHoverEvents(True)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._on_hover(self.formula)
        super().hoverEnterEvent(event)


def _colours(values: np.ndarray) -> list[QColor]:
    rgb = heat_rgb(np.asarray(values, dtype=np.float64)[None, None, :])[0, 0]
    return [QColor(int(r), int(g), int(b)) for r, g, b in rgb]


class ValueRow(QGraphicsRectItem):
    """A node's values within `width`: one cell each, wrapped over lines, or for a large node
    a heat strip of `strip_cells(size, width)` blocks.

    values: (n,) floats; formulas(k) the formula of value k (numbers) or of block k (strip);
    `caption` is written above the cells.
    """

    def __init__(self, values: np.ndarray, formulas: Callable[[int], str], caption: str,
                 on_hover: Hover, width: float):
        super().__init__()
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setZValue(Z_OVERLAY)
        self.cells: list[Cell] = []
        font = _font()
        line = style.card_metrics().line_height
        flat = np.asarray(values, dtype=np.float64).reshape(-1)
        label = QGraphicsSimpleTextItem(caption, self)
        label.setFont(font)
        label.setBrush(QBrush(QColor(theme.MUTED_TEXT)))
        top = label.boundingRect().height() + 2
        if flat.size <= MAX_NUMBERS:
            cell_width = QFontMetricsF(font).horizontalAdvance("−0.000") + 10
            per_line = max(1, int(width // cell_width))
            for k, v in enumerate(flat):
                x, y = (k % per_line) * cell_width, top + (k // per_line) * line
                cell = Cell(QRectF(x, y, cell_width, line), QColor("white"), formulas(k),
                            on_hover, self)
                text = QGraphicsSimpleTextItem(f"{v:.3g}".replace("-", "−"), cell)
                text.setFont(font)
                text.setBrush(QBrush(QColor(theme.TEXT_COLOUR)))
                box = text.boundingRect()
                text.setPos(x + (cell_width - box.width()) / 2, y + (line - box.height()) / 2)
                self.cells.append(cell)
            lines = -(-len(flat) // per_line)
            total = cell_width * min(per_line, len(flat))
        else:
            count = strip_cells(flat.size, width)
            blocks = np.array_split(flat, count)
            size = width / count
            for k, colour in enumerate(_colours(np.array([b.mean() for b in blocks]))):
                cell = Cell(QRectF(k * size, top, size, line), colour, formulas(k), on_hover,
                            self)
                cell.setPen(QPen(Qt.PenStyle.NoPen))
                self.cells.append(cell)
            lines, total = 1, width
        self.setRect(QRectF(0, 0, max(total, label.boundingRect().width()), top + lines * line))


def strip_cells(size: int, width: float) -> int:
    """How many blocks a heat strip of `size` values `width` wide has (cells ≥ 4 wide)."""
    return max(1, min(size, MAX_STRIP, int(width // 4)))


def block_bounds(size: int, count: int, k: int) -> tuple[int, int]:
    """The values [start, stop) of block k of a strip of `count` blocks over `size` values."""
    lengths = [len(b) for b in np.array_split(np.empty(size), count)]
    start = sum(lengths[:k])
    return start, start + lengths[k]


class WeightGrid(QGraphicsRectItem):
    """A Dense weight matrix (in, out) as a grid of coloured cells, each with its formula."""

    def __init__(self, values: np.ndarray, formulas: Callable[[int, int], str], caption: str,
                 on_hover: Hover):
        super().__init__()
        self.setZValue(Z_OVERLAY)
        self.setPen(QPen(QColor(theme.EDGE_COLOUR), 0.8))
        self.setBrush(QBrush(QColor(theme.CANVAS_BACKGROUND)))
        rows, cols = values.shape
        size = 9.0
        label = QGraphicsSimpleTextItem(caption, self)
        label.setFont(_font())
        label.setBrush(QBrush(QColor(theme.MUTED_TEXT)))
        top = label.boundingRect().height() + 2
        colours = _colours(values.reshape(-1))
        self.cells: dict[tuple[int, int], Cell] = {}
        for i in range(rows):
            for j in range(cols):
                self.cells[(i, j)] = Cell(QRectF(j * size, top + i * size, size, size),
                                          colours[i * cols + j], formulas(i, j), on_hover, self)
        self.setRect(QRectF(-2, -2, max(cols * size, label.boundingRect().width()) + 4,
                            top + rows * size + 4))


class Frame(QGraphicsRectItem):
    """The frame around the card of the current stage."""

    def __init__(self, rect: QRectF, colour: str):
        super().__init__(rect.adjusted(-7, -7, 7, 7))
        self.setZValue(Z_OVERLAY - 1)
        self.setPen(QPen(QColor(colour), 4))
        self.setBrush(QBrush(Qt.BrushStyle.NoBrush))


class Note(QGraphicsSimpleTextItem):
    """A line of large text on the canvas (the loss)."""

    def __init__(self, text: str):
        super().__init__(text)
        font = QFont(style.card_metrics().title_font)
        self.setFont(font)
        self.setBrush(QBrush(QColor(theme.TEXT_COLOUR)))
        self.setZValue(Z_OVERLAY)


class Overlay:
    """The items step-through has put on `scene`; `clear` removes them all."""

    def __init__(self, scene: QGraphicsScene):
        self.scene = scene
        self.items: list[QGraphicsItem] = []
        self.rows: dict[str, ValueRow] = {}
        self.grids: dict[tuple[str, str], WeightGrid] = {}

    def add(self, item: QGraphicsItem, pos: QPointF) -> None:
        item.setPos(pos)
        self.scene.addItem(item)
        self.items.append(item)

    def clear(self) -> None:
        for item in self.items:
            if item.scene() is self.scene:
                self.scene.removeItem(item)
        self.items.clear()
        self.rows.clear()
        self.grids.clear()

    def scene_rect(self) -> QRectF:
        """The scene rectangle every overlay item covers (null when there is none)."""
        rect = QRectF()
        for item in self.items:
            rect = rect.united(item.sceneBoundingRect())
        return rect

    def cells(self) -> Sequence[Cell]:
        found: list[Cell] = []
        for row in self.rows.values():
            found += row.cells
        for grid in self.grids.values():
            found += grid.cells.values()
        return found
