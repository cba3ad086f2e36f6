"""CanvasView: the node-graph widget the main window embeds; it shows and navigates.

The view draws the scene, zooms, fits and scrolls. Edits go through its `editor`
(`editor.CanvasEditor`, which pushes undo commands); mouse gestures are interaction objects
(`interactions`), to which the view hands its events while one lasts. The scene follows the
model's signals, so undo and redo redraw it like any other change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QTransform,
    QUndoStack,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QToolTip, QWidget

from nnstudio.gui.canvas import interactions, overlay, style
from nnstudio.gui.canvas.edge_item import EdgeItem
from nnstudio.gui.canvas.editor import CanvasEditor
from nnstudio.gui.canvas.interactions import Interaction
from nnstudio.gui.canvas.node_item import NodeItem
from nnstudio.gui.canvas.scene import CanvasScene
from nnstudio.gui.model import DesignModel

ZOOM_STEP = 1.25
MIN_ZOOM = 0.05
MAX_ZOOM = 3.0
#: `fit` never magnifies a small design more than this
MAX_FIT_ZOOM = 1.25
#: the automatic fit (on opening, on resizing) never shrinks cards below a size a projector
#: audience can read; a wider network starts at its Input and is panned
MIN_READABLE_ZOOM = 0.7
#: room left around the nodes by `fit`, in scene units
FIT_MARGIN = 60.0
#: how long a refused connection's reason stays next to the mouse
REFUSAL_TIP_MS = 4000


class CanvasView(QGraphicsView):
    """The canvas: cards for nodes, curves for edges; zoom, fit and scroll.

    The editing methods (add_node, append_after_selection, delete_selection, copy_selection,
    paste, auto_layout) are the `editor`'s, offered here too so the window has one canvas.
    """

    #: selected node ids, in model order
    selectionChangedIds = Signal(list)
    #: a sentence for the status bar (why a connection was refused, a design-wide problem)
    message = Signal(str)

    def __init__(self, model: DesignModel, undo_stack: QUndoStack,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.undo_stack = undo_stack
        self._scene = CanvasScene(model, self)
        self.setScene(self._scene)
        self.editor = CanvasEditor(model, undo_stack, self)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        #: the gesture under way, if any
        self.interaction: Interaction | None = None
        #: Space is held: a left drag pans
        self.space_held = False
        self._selection: list[str] = []
        self._quiet_selection = False
        #: fit the design whenever the view is resized, until the user zooms or pans
        self._auto_fit = True
        self._scene.selectionChanged.connect(self._on_selection_changed)
        self._scene.generalProblemsChanged.connect(self._on_general_problems)
        self._scene.emptinessChanged.connect(self.viewport().update)
        model.modelReset.connect(self._on_reset)
        model.nodeRemoved.connect(self._on_node_removed)

    # -- lookups (also for tests) -------------------------------------------------------------
    @property
    def canvas_scene(self) -> CanvasScene:
        return self._scene

    def node_item(self, node_id: str) -> NodeItem | None:
        return self._scene.node_item(node_id)

    def show_neurons(self, neurons: dict | None) -> None:
        """Draw each node's neuron thumbnails ({node id: (units, res, res)}); None clears."""
        for node_id, item in self._scene.nodes.items():
            item.set_thumbnails(None if neurons is None else neurons.get(node_id))

    def edge_item(self, src: str, dst: str) -> EdgeItem | None:
        return self._scene.edge_item(src, dst)

    def selected_node_ids(self) -> list[str]:
        chosen = {item.node_id for item in self._scene.selectedItems()
                  if isinstance(item, NodeItem)}
        return [n["id"] for n in self.model.nodes if n["id"] in chosen]

    def selected_edges(self) -> list[list[str]]:
        chosen = {item.key for item in self._scene.selectedItems() if isinstance(item, EdgeItem)}
        return [list(e) for e in self.model.edges if tuple(e) in chosen]

    def card_widths(self) -> list[float]:
        """The width of every card on the canvas, in scene units."""
        return [item.rect.width() for item in self._scene.nodes.values()]

    def visible_centre(self) -> QPointF:
        """The scene point at the middle of the viewport."""
        return self.mapToScene(self.viewport().rect().center())

    def show_node(self, node_id: str) -> None:
        """Scroll just enough for the node's card to be in view."""
        item = self._scene.node_item(node_id)
        if item is not None:
            self.ensureVisible(item, 40, 40)

    # -- selection ---------------------------------------------------------------------------
    def select_all(self) -> None:
        self.select_nodes([n["id"] for n in self.model.nodes])

    def select_nodes(self, ids: list[str]) -> None:
        """Select exactly these nodes (and no edges)."""
        self._quiet_selection = True
        try:
            self._scene.clearSelection()
            for node_id in ids:
                item = self._scene.node_item(node_id)
                if item is not None:
                    item.setSelected(True)
        finally:
            self._quiet_selection = False
        self._on_selection_changed()

    def _on_selection_changed(self) -> None:
        if self._quiet_selection:
            return
        ids = self.selected_node_ids()
        if ids != self._selection:
            self._selection = ids
            self.selectionChangedIds.emit(ids)

    # -- editing, by the editor --------------------------------------------------------------
    def add_node(self, type_name: str, scene_pos: QPointF | tuple[float, float] | None = None
                 ) -> str:
        return self.editor.add_node(type_name, scene_pos)

    def append_after_selection(self, type_name: str) -> str:
        return self.editor.append_after_selection(type_name)

    def delete_selection(self) -> None:
        self.editor.delete_selection()

    def copy_selection(self) -> dict[str, Any] | None:
        return self.editor.copy_selection()

    def paste(self, fragment: dict[str, Any] | None) -> list[str]:
        return self.editor.paste(fragment)

    def auto_layout(self) -> None:
        self.editor.auto_layout()

    def connect_nodes(self, src: str, dst: str, where: QPoint) -> None:
        """Connect `src` → `dst`; a refusal is said in the status bar and next to `where`
        (viewport coordinates)."""
        refusal = self.editor.connect(src, dst)
        if refusal is not None:
            self.message.emit(refusal)
            QToolTip.showText(self.viewport().mapToGlobal(where), style.plain_tip(refusal),
                              self.viewport(), QRect(), REFUSAL_TIP_MS)

    # -- zoom and pan ------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_in(self) -> None:
        self._zoom_to(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_to(self.zoom() / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self._zoom_to(1.0)

    def fit(self, readable: bool = False) -> None:
        """Show every node, with a margin, as large as fits (but not above MAX_FIT_ZOOM).

        With `readable`, never below MIN_READABLE_ZOOM: a network too wide for that is shown
        from its left (input) end.
        """
        rect = self._scene.nodes_rect()
        if rect.isNull():
            self.setTransform(QTransform())
            self.centerOn(0, 0)
            return
        rect = rect.adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN)
        port = self.viewport().rect()
        scale = min(port.width() / rect.width(), port.height() / rect.height())
        floor = MIN_READABLE_ZOOM if readable else MIN_ZOOM
        scale = max(floor, min(MAX_FIT_ZOOM, scale))
        self.setTransform(QTransform.fromScale(scale, scale))
        centre = rect.center()
        if rect.width() * scale > port.width():
            centre.setX(rect.left() + port.width() / (2 * scale))
        self.centerOn(centre)

    def fit_rect(self, rect: QRectF, reserve_bottom: float = 0.0) -> None:
        """Show scene rectangle `rect` (with a small margin) as large as fits above the
        viewport's lowest `reserve_bottom` pixels (kept for a caption), at most MAX_FIT_ZOOM."""
        margin = FIT_MARGIN / 3
        rect = rect.adjusted(-margin, -margin, margin, margin)
        port = self.viewport().rect()
        height = max(1.0, port.height() - reserve_bottom)
        scale = min(port.width() / rect.width(), height / rect.height())
        scale = max(MIN_ZOOM, min(MAX_FIT_ZOOM, scale))
        self._auto_fit = False
        self.setTransform(QTransform.fromScale(scale, scale))
        centre = rect.center()
        centre.setY(centre.y() + reserve_bottom / (2 * scale))
        self.centerOn(centre)

    def _zoom_to(self, scale: float, anchor: QPoint | None = None) -> None:
        """Zoom to `scale`, keeping the scene point under `anchor` (viewport coordinates; the
        centre by default) where it is."""
        self._auto_fit = False
        scale = max(MIN_ZOOM, min(MAX_ZOOM, scale))
        anchor = anchor if anchor is not None else self.viewport().rect().center()
        before = self.mapToScene(anchor)
        self.setTransform(QTransform.fromScale(scale, scale))
        after = self.mapToScene(anchor)
        self.scroll_by((before.x() - after.x()) * scale, (before.y() - after.y()) * scale)

    def scroll_by(self, dx: float, dy: float) -> None:
        """Move the view by (dx, dy) viewport pixels."""
        self._auto_fit = False
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + round(dx))
        v.setValue(v.value() + round(dy))

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self._zoom_to(self.zoom() * ZOOM_STEP ** steps, event.position().toPoint())
        else:
            delta = event.pixelDelta() if not event.pixelDelta().isNull() else event.angleDelta()
            dx, dy = delta.x(), delta.y()
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and dx == 0:
                dx, dy = dy, 0
            self.scroll_by(-dx, -dy)
        event.accept()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit(readable=True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._auto_fit:
            self.fit(readable=True)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if not self._scene.nodes or self._scene.general_problems:
            self.viewport().update()  # the overlay is fixed to the viewport, not the scene

    # -- mouse: handed to the gesture under way --------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.interaction is None:
            self.interaction = self._start(interactions.STARTERS, event)
            if self.interaction is not None:
                event.accept()
                return
        super().mousePressEvent(event)
        if self.interaction is None:
            self.interaction = self._start(interactions.AFTER_SCENE_STARTERS, event)

    def _start(self, starters: list[interactions.Starter], event: QMouseEvent
               ) -> Interaction | None:
        for starter in starters:
            interaction = starter(self, event)
            if interaction is not None:
                return interaction
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        interaction = self.interaction
        if interaction is not None:
            interaction.mouse_move(event)
            if not interaction.scene_sees_mouse:
                event.accept()
                return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        interaction = self.interaction
        if interaction is None or interaction.scene_sees_mouse:
            super().mouseReleaseEvent(event)
        else:
            event.accept()
        if interaction is not None and interaction.mouse_release(event):
            self.interaction = None

    def cancel_interaction(self) -> None:
        """End the gesture under way without editing anything."""
        interaction, self.interaction = self.interaction, None
        if interaction is not None:
            interaction.cancel()

    # -- keyboard ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.interaction is not None and self.interaction.key_press(event):
            self.interaction = None
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.editor.delete_selection()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal) or event.matches(
                QKeySequence.StandardKey.ZoomIn):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus or event.matches(QKeySequence.StandardKey.ZoomOut):
            self.zoom_out()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
        elif key == Qt.Key.Key_Escape:
            self.select_nodes([])
        elif key == Qt.Key.Key_Space:
            if not event.isAutoRepeat():
                self.space_held = True
                self.update_cursor()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self.space_held = False
            self.update_cursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:
        self.space_held = False
        self.update_cursor()
        super().focusOutEvent(event)

    def update_cursor(self) -> None:
        """An open hand while Space is held (a drag pans), else the items' own cursors."""
        if self.space_held:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.viewport().unsetCursor()

    # -- drops from the palette --------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        interactions.hover_drop(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        interactions.hover_drop(event)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        event.accept()  # the scene never saw the drag enter, so it must not see the leave

    def dropEvent(self, event: QDropEvent) -> None:
        interactions.drop(self, event)

    # -- model and scene notifications -------------------------------------------------------
    def _on_reset(self) -> None:
        self.cancel_interaction()
        self._auto_fit = True
        self.fit(readable=True)
        self._on_selection_changed()

    def _on_node_removed(self, node_id: str) -> None:
        if self.interaction is not None and self.interaction.node_removed(node_id):
            self.interaction = None

    def _on_general_problems(self, problems: list[str]) -> None:
        self.viewport().update()
        if problems:
            self.message.emit(" · ".join(problems))

    # -- overlay -----------------------------------------------------------------------------
    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawForeground(painter, rect)
        if self._scene.nodes and not self._scene.general_problems:
            return
        painter.save()
        painter.resetTransform()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        viewport = QRectF(self.viewport().rect())
        if not self._scene.nodes:
            overlay.paint_empty_hint(painter, viewport)
        else:
            overlay.paint_problem_banner(painter, viewport, self._scene.general_problems)
        painter.restore()
