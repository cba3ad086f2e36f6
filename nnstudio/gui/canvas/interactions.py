"""The canvas's gestures, each a small object the view hands the mouse to while it lasts.

A press asks each starter in `STARTERS` in turn; the first that recognises the press returns
the gesture, and the view sends it the following moves, the release and keys until it is over.
A press no starter claims goes to the scene (selecting, Qt's rubber band); a press that grabs a
card starts a `MoveInteraction` after the scene has seen it. Gestures edit only through the
view's `editor`, so each one ends in at most one undo step. Palette drops: `hover_drop`, `drop`.

Add a gesture: subclass `Interaction`, write a starter `(view, event) -> Interaction | None`
and insert it into `STARTERS` (earlier starters win).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDragMoveEvent, QDropEvent, QKeyEvent, QMouseEvent

from nnstudio.core.catalog import NODE_TYPES
from nnstudio.gui import mime
from nnstudio.gui.canvas.editor import Move
from nnstudio.gui.canvas.node_item import NodeItem
from nnstudio.gui.canvas.port_item import PortItem
from nnstudio.gui.canvas.wiring import Wiring

if TYPE_CHECKING:
    from nnstudio.gui.canvas.view import CanvasView


def _pos(event: QMouseEvent) -> QPoint:
    return event.position().toPoint()


class Interaction:
    """One gesture under way, from a press to the release that ends it (or Esc).

    It keeps a weak reference to the view that owns it (as the editor does).
    """

    #: whether the scene still gets the mouse events (Qt moves dragged cards itself)
    scene_sees_mouse = False

    def __init__(self, view: CanvasView):
        self.view: CanvasView = weakref.proxy(view)

    def mouse_move(self, event: QMouseEvent) -> None:
        """Follow the mouse."""

    def mouse_release(self, event: QMouseEvent) -> bool:
        """Handle a release; True when the gesture is over."""
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        """True when the key ended the gesture (the key is then used up)."""
        return False

    def node_removed(self, node_id: str) -> bool:
        """A node went away while the gesture lasts; True when that ends the gesture."""
        return False

    def cancel(self) -> None:
        """End the gesture without editing anything."""


class PanInteraction(Interaction):
    """Middle button, or Space held with the left button: drag the view."""

    def __init__(self, view: CanvasView, start: QPoint):
        super().__init__(view)
        self._last = start
        view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouse_move(self, event: QMouseEvent) -> None:
        pos = _pos(event)
        delta, self._last = pos - self._last, pos
        self.view.scroll_by(-delta.x(), -delta.y())

    def mouse_release(self, event: QMouseEvent) -> bool:
        self.view.update_cursor()
        return True

    def cancel(self) -> None:
        self.view.update_cursor()


class WireInteraction(Interaction):
    """Left press on a port: drag a connection to another node's port (or card)."""

    def __init__(self, view: CanvasView, port: PortItem):
        super().__init__(view)
        self.wiring = Wiring(view.canvas_scene, port)

    def mouse_move(self, event: QMouseEvent) -> None:
        self.wiring.move(self.view.mapToScene(_pos(event)))

    def mouse_release(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = _pos(event)
        self.wiring.move(self.view.mapToScene(pos))
        ends = self.wiring.result()
        self.wiring.finish()
        if ends is not None and self.wiring.target_id != self.wiring.anchor_id:
            self.view.connect_nodes(*ends, pos)
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() != Qt.Key.Key_Escape:
            return False
        self.cancel()
        return True

    def node_removed(self, node_id: str) -> bool:
        self.cancel()
        return True

    def cancel(self) -> None:
        self.wiring.finish()


class MoveInteraction(Interaction):
    """Left press on a card: the scene drags the selected cards, the release records them."""

    scene_sees_mouse = True

    def __init__(self, view: CanvasView, cards: list[NodeItem]):
        super().__init__(view)
        self.cards = cards
        for item in cards:
            item.drag_origin = item.pos()

    def mouse_release(self, event: QMouseEvent) -> bool:
        moves: dict[str, Move] = {}
        for item in self.cards:
            origin, item.drag_origin = item.drag_origin, None
            if origin is not None and item.pos() != origin:
                moves[item.node_id] = ([origin.x(), origin.y()],
                                       [item.pos().x(), item.pos().y()])
        self.view.editor.move_nodes(moves)
        return True

    def node_removed(self, node_id: str) -> bool:
        self.cards = [item for item in self.cards if item.node_id != node_id]
        return False

    def cancel(self) -> None:
        for item in self.cards:
            item.drag_origin = None


def start_pan(view: CanvasView, event: QMouseEvent) -> Interaction | None:
    button = event.button()
    if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and view.space_held):
        return PanInteraction(view, _pos(event))
    return None


def start_wire(view: CanvasView, event: QMouseEvent) -> Interaction | None:
    if event.button() != Qt.MouseButton.LeftButton:
        return None
    item = view.itemAt(_pos(event))
    return WireInteraction(view, item) if isinstance(item, PortItem) else None


def start_move(view: CanvasView, event: QMouseEvent) -> Interaction | None:
    """After the scene saw the press: a move when it grabbed a card with the left button."""
    if event.button() != Qt.MouseButton.LeftButton or not isinstance(
            view.canvas_scene.mouseGrabberItem(), NodeItem):
        return None
    return MoveInteraction(view, [item for item in view.canvas_scene.selectedItems()
                                  if isinstance(item, NodeItem)])


Starter = Callable[["CanvasView", QMouseEvent], Interaction | None]

#: tried in order on a press the scene has not seen yet
STARTERS: list[Starter] = [start_pan, start_wire]
#: tried in order after the scene handled a press no starter claimed
AFTER_SCENE_STARTERS: list[Starter] = [start_move]


def dropped_type(event: QDropEvent | QDragMoveEvent) -> str | None:
    """The node type a palette drag carries, None when it carries none the catalogue knows."""
    data = event.mimeData()
    if data is None or not data.hasFormat(mime.NODE_TYPE):
        return None
    name = bytes(data.data(mime.NODE_TYPE).data()).decode("utf-8", "replace").strip()
    return name if name in NODE_TYPES else None


def hover_drop(event: QDragMoveEvent) -> None:
    """Accept a palette drag over the canvas (as a copy); refuse anything else."""
    if dropped_type(event) is not None:
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
    else:
        event.ignore()


def drop(view: CanvasView, event: QDropEvent) -> None:
    """A node type dropped from the palette: added where it was dropped."""
    type_name = dropped_type(event)
    if type_name is None:
        event.ignore()
        return
    view.editor.add_node(type_name, view.mapToScene(event.position().toPoint()))
    event.setDropAction(Qt.DropAction.CopyAction)
    event.accept()
    view.setFocus()
