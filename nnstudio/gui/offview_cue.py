"""The canvas's cue for cards out of view: a network longer than the canvas is shown from its
input end at a readable zoom, and a button in the bottom corner of each edge it runs past
("3 more ▶") says how many cards lie beyond; a click scrolls most of a canvas width that way."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtWidgets import QGraphicsView, QToolButton

if TYPE_CHECKING:
    from nnstudio.gui.canvas import CanvasView

#: the cue's distance from the canvas's edge, in pixels
EDGE_MARGIN = 8
#: the share of the canvas's width a click on the cue scrolls
SCROLL_SHARE = 0.8


def cards_beyond(canvas: QGraphicsView, cards: list[QRectF]) -> tuple[int, int]:
    """How many of the cards (scene rectangles) reach past the left and past the right edge
    of what `canvas` shows."""
    shown = canvas.mapToScene(canvas.viewport().rect()).boundingRect()
    left = sum(1 for card in cards if card.left() < shown.left())
    right = sum(1 for card in cards if card.right() > shown.right())
    return left, right


class OffViewCue(QObject):
    """The two edge buttons over `canvas`'s viewport."""

    def __init__(self, canvas: CanvasView):
        super().__init__(canvas)
        self.canvas = canvas
        port = canvas.viewport()
        self.left = QToolButton(port)
        self.right = QToolButton(port)
        for button, direction in ((self.left, -1), (self.right, 1)):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, d=direction: self.scroll(d))
            button.hide()
        self._pending = False
        port.installEventFilter(self)
        canvas.horizontalScrollBar().valueChanged.connect(self.schedule)
        canvas.horizontalScrollBar().rangeChanged.connect(self.schedule)
        canvas.scene().changed.connect(self.schedule)
        self.schedule()

    def schedule(self, *_: object) -> None:
        """Update once the event loop is free (a drag changes the scene at every move)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.update)

    def update(self) -> None:
        """Show each edge's button with its count of cards beyond, or hide it."""
        self._pending = False
        cards = [item.sceneBoundingRect() for item in self.canvas.canvas_scene.nodes.values()]
        left, right = cards_beyond(self.canvas, cards)
        self._show(self.left, left, self.tr("◀ {count} more").format(count=left),
                   self.tr("{count} more cards to the left: click to scroll").format(count=left))
        self._show(self.right, right, self.tr("{count} more ▶").format(count=right),
                   self.tr("{count} more cards to the right: click to scroll")
                   .format(count=right))
        self._place()

    def _show(self, button: QToolButton, count: int, text: str, tip: str) -> None:
        button.setVisible(count > 0)
        button.setText(text)
        button.setToolTip(tip)
        button.adjustSize()

    def _place(self) -> None:
        """In the bottom corners, below the cards of a network fitted to the canvas's
        height."""
        port = self.canvas.viewport().rect()
        for button, x in ((self.left, EDGE_MARGIN),
                          (self.right, port.width() - self.right.width() - EDGE_MARGIN)):
            button.move(x, port.height() - button.height() - EDGE_MARGIN)
            button.raise_()

    def scroll(self, direction: int) -> None:
        """Pan the canvas most of its width to the left (-1) or the right (1)."""
        self.canvas.scroll_by(direction * SCROLL_SHARE * self.canvas.viewport().width(), 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange):
            self.schedule()
        return False
