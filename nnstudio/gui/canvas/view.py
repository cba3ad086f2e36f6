"""CanvasView: the node-graph editor widget the main window embeds.

The view turns mouse, keyboard and drops into undo commands; it never edits the design itself.
The scene follows the model's signals, so undo and redo redraw it like any other change.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRect, QRectF, Qt, Signal
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

from nnstudio.core.catalog import NODE_TYPES
from nnstudio.design import edit
from nnstudio.gui import mime, theme
from nnstudio.gui.canvas import overlay, placement, style
from nnstudio.gui.canvas.edge_item import EdgeItem
from nnstudio.gui.canvas.node_item import NodeItem
from nnstudio.gui.canvas.port_item import PortItem
from nnstudio.gui.canvas.scene import CanvasScene
from nnstudio.gui.canvas.wiring import Wiring
from nnstudio.gui.commands import AddNodes, Connect, MoveNodes, RemoveItems
from nnstudio.gui.model import DesignModel
from nnstudio.gui.network_text import network_problem_tr

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


def _grid_multiple(length: float) -> float:
    """`length` rounded up to an even number of grid steps (so half of it stays on the grid)."""
    step = 2 * theme.GRID_STEP
    return math.ceil(length / step) * step


class CanvasView(QGraphicsView):
    """The canvas: cards for nodes, curves for edges, and every editing gesture."""

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
        self._wiring: Wiring | None = None
        self._moving: list[NodeItem] = []
        self._pan_from: QPoint | None = None
        self._space_held = False
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

    # -- editing -----------------------------------------------------------------------------
    def _card_room(self) -> tuple[float, float]:
        m = style.card_metrics()
        return style.MAX_CARD_WIDTH + theme.GRID_STEP, m.height + theme.GRID_STEP

    def _view_centre(self) -> tuple[float, float]:
        centre = self.mapToScene(self.viewport().rect().center())
        return placement.free_spot(placement.snap(centre.x(), centre.y()), self.model.nodes,
                                   self._card_room())

    def add_node(self, type_name: str, scene_pos: QPointF | tuple[float, float] | None = None
                 ) -> str:
        """Add a node of `type_name` at `scene_pos` (default: the view's centre) in one undo
        step, select it and return its id."""
        if scene_pos is None:
            pos = self._view_centre()
        else:
            x, y = ((scene_pos.x(), scene_pos.y()) if isinstance(scene_pos, QPointF)
                    else scene_pos)
            pos = placement.snap(x, y)
        node = edit.make_node(self.model.network, type_name, pos)
        self.undo_stack.push(AddNodes(self.model, [node]))
        self.select_nodes([node["id"]])
        return node["id"]

    def append_after_selection(self, type_name: str) -> str:
        """Add a node right of the selected nodes (or of the network's end) and feed it from
        them, in one undo step. A merge node is fed by every selected node. A node after one
        selected node that feeds others goes in between (h1 → h2 becomes h1 → new → h2) when
        the network still infers with it there; else it starts a new branch."""
        spec = NODE_TYPES[type_name]
        anchors = self.selected_node_ids() or self._network_end()
        if not anchors or not spec.takes_input:
            return self.add_node(type_name)
        sources = anchors if spec.max_inputs is None else anchors[-1:]
        spots = [self.model.node(s)["pos"] for s in sources]
        x = max(p[0] for p in spots) + self._layout_steps()[0]
        y = sum(p[1] for p in spots) / len(spots)
        node = edit.make_node(self.model.network, type_name, placement.snap(x, y))
        insertion = edit.insertion_edges(self.model.network, sources[0], node) \
            if len(sources) == 1 else None
        if insertion is not None:
            self._insert_between(node, sources[0], *insertion)
        else:
            node["pos"] = list(placement.free_spot(placement.snap(x, y), self.model.nodes,
                                                   self._card_room()))
            probe = {"nodes": [*self.model.nodes, node], "edges": self.model.edges}
            edges = [[s, node["id"]] for s in sources
                     if edit.connection_problem(probe, s, node["id"]) is None]
            self.undo_stack.push(AddNodes(self.model, [node], edges))
        self.select_nodes([node["id"]])
        item = self._scene.node_item(node["id"])
        if item is not None:
            self.ensureVisible(item, 40, 40)
        return node["id"]

    def _insert_between(self, node: dict[str, Any], anchor: str, removed: list[list[str]],
                        added: list[list[str]]) -> None:
        """One undo step: the nodes after `anchor` move one column right to make room, its
        outgoing edges `removed` give way to `added` through the new `node`."""
        step = self._layout_steps()[0]
        left = self.model.node(anchor)["pos"][0]
        moves = {nid: (list(pos), [pos[0] + step, pos[1]])
                 for nid in sorted(edit.downstream(self.model.network, anchor))
                 if (pos := self.model.node(nid)["pos"])[0] > left}
        self.undo_stack.beginMacro(QCoreApplication.translate("Canvas", "Insert {name}").format(
            name=node["type"]))
        if moves:
            self.undo_stack.push(MoveNodes(self.model, moves,
                                           QCoreApplication.translate("Canvas", "Make room")))
        self.undo_stack.push(RemoveItems(self.model, set(), removed))
        self.undo_stack.push(AddNodes(self.model, [node], added))
        self.undo_stack.endMacro()

    def _network_end(self) -> list[str]:
        """The node a new layer naturally follows: the output, else the last node added."""
        if self.model.analysis.output_id is not None:
            return [self.model.analysis.output_id]
        return [self.model.nodes[-1]["id"]] if self.model.nodes else []

    def delete_selection(self) -> None:
        """Delete the selected nodes (with their edges) and selected edges in one undo step."""
        nodes, edges = set(self.selected_node_ids()), self.selected_edges()
        if nodes or edges:
            self.undo_stack.push(RemoveItems(self.model, nodes, edges))

    def copy_selection(self) -> dict[str, Any] | None:
        """The selected nodes and the edges among them, as a clipboard fragment."""
        ids = self.selected_node_ids()
        return edit.copy_subgraph(self.model.network, set(ids)) if ids else None

    def paste(self, fragment: dict[str, Any] | None) -> list[str]:
        """Add a copy of `fragment` with fresh ids, shifted off the originals, in one undo
        step; select and return the new ids."""
        if not fragment or not fragment.get("nodes"):
            return []
        offset = placement.paste_offset(fragment["nodes"], self.model.nodes)
        fresh = edit.paste_fragment(self.model.network, fragment, offset)
        self.undo_stack.push(AddNodes(self.model, fresh["nodes"], fresh["edges"],
                                      text=QCoreApplication.translate("Canvas", "Paste")))
        ids = [n["id"] for n in fresh["nodes"]]
        self.select_nodes(ids)
        return ids

    def _layout_steps(self) -> tuple[float, float]:
        """Column and row spacing for layouts: room for the widest card plus its edges."""
        m = style.card_metrics()
        widest = max((item.rect.width() for item in self._scene.nodes.values()),
                     default=m.width)
        return _grid_multiple(widest + 60), _grid_multiple(m.height + 40)

    def auto_layout(self) -> None:
        """Arrange the network in layers from left to right (one undo step), then fit it."""
        if not self.model.nodes:
            return
        dx, dy = self._layout_steps()
        target = edit.layered_positions(self.model.network, dx, dy)
        current = {n["id"]: n["pos"] for n in self.model.nodes}
        moves = {nid: (list(current[nid]), pos) for nid, pos in target.items()
                 if list(current[nid]) != pos}
        if moves:
            self.undo_stack.push(MoveNodes(self.model, moves,
                                           QCoreApplication.translate("Canvas", "Auto layout")))
        self.fit()

    def _connect(self, src: str, dst: str, where: QPoint) -> None:
        problem = edit.connection_problem(self.model.network, src, dst)
        if problem is not None:
            text = QCoreApplication.translate("Canvas", "Cannot connect: {reason}").format(
                reason=network_problem_tr(problem))
            self.message.emit(text)
            QToolTip.showText(self.viewport().mapToGlobal(where), style.plain_tip(text),
                              self.viewport(), QRect(), REFUSAL_TIP_MS)
            return
        self.undo_stack.push(Connect(self.model, src, dst,
                                     edit.replaced_edge(self.model.network, dst)))

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

    def _zoom_to(self, scale: float, anchor: QPoint | None = None) -> None:
        """Zoom to `scale`, keeping the scene point under `anchor` (viewport coordinates; the
        centre by default) where it is."""
        self._auto_fit = False
        scale = max(MIN_ZOOM, min(MAX_ZOOM, scale))
        anchor = anchor if anchor is not None else self.viewport().rect().center()
        before = self.mapToScene(anchor)
        self.setTransform(QTransform.fromScale(scale, scale))
        after = self.mapToScene(anchor)
        self._scroll_by((before.x() - after.x()) * scale, (before.y() - after.y()) * scale)

    def _scroll_by(self, dx: float, dy: float) -> None:
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
            self._scroll_by(-dx, -dy)
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

    # -- mouse -------------------------------------------------------------------------------
    def _port_at(self, pos: QPoint) -> PortItem | None:
        item = self.itemAt(pos)
        return item if isinstance(item, PortItem) else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        button = event.button()
        if button == Qt.MouseButton.MiddleButton or (
                button == Qt.MouseButton.LeftButton and self._space_held):
            self._pan_from = pos
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button == Qt.MouseButton.LeftButton and self._wiring is None:
            port = self._port_at(pos)
            if port is not None:
                self._wiring = Wiring(self._scene, port)
                event.accept()
                return
        super().mousePressEvent(event)
        if button == Qt.MouseButton.LeftButton and isinstance(self._scene.mouseGrabberItem(),
                                                              NodeItem):
            self._moving = [item for item in self._scene.selectedItems()
                            if isinstance(item, NodeItem)]
            for item in self._moving:
                item.drag_origin = item.pos()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan_from is not None:
            delta = pos - self._pan_from
            self._pan_from = pos
            self._scroll_by(-delta.x(), -delta.y())
            event.accept()
            return
        if self._wiring is not None:
            self._wiring.move(self.mapToScene(pos))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        if self._pan_from is not None:
            self._pan_from = None
            self._update_cursor()
            event.accept()
            return
        if self._wiring is not None and event.button() == Qt.MouseButton.LeftButton:
            wiring, self._wiring = self._wiring, None
            wiring.move(self.mapToScene(pos))
            ends = wiring.result()
            wiring.finish()
            if ends is not None and wiring.target_id != wiring.anchor_id:
                self._connect(*ends, pos)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        self._finish_move()

    def _finish_move(self) -> None:
        """Push one MoveNodes for the cards a drag moved."""
        moves = {}
        for item in self._moving:
            origin, item.drag_origin = item.drag_origin, None
            if origin is not None and item.pos() != origin:
                moves[item.node_id] = ([origin.x(), origin.y()], [item.pos().x(), item.pos().y()])
        self._moving = []
        if moves:
            self.undo_stack.push(MoveNodes(self.model, moves))

    def _cancel_wiring(self) -> None:
        if self._wiring is not None:
            self._wiring.finish()
            self._wiring = None

    # -- keyboard ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self._wiring is not None:
            self._cancel_wiring()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selection()
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
                self._space_held = True
                self._update_cursor()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self._update_cursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:
        self._space_held = False
        self._update_cursor()
        super().focusOutEvent(event)

    def _update_cursor(self) -> None:
        if self._space_held:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.viewport().unsetCursor()

    # -- drops from the palette --------------------------------------------------------------
    @staticmethod
    def _dropped_type(event: QDropEvent) -> str | None:
        data = event.mimeData()
        if data is None or not data.hasFormat(mime.NODE_TYPE):
            return None
        name = bytes(data.data(mime.NODE_TYPE).data()).decode("utf-8", "replace").strip()
        return name if name in NODE_TYPES else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._dropped_type(event) is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        event.accept()  # the scene never saw the drag enter, so it must not see the leave

    def dropEvent(self, event: QDropEvent) -> None:
        type_name = self._dropped_type(event)
        if type_name is None:
            event.ignore()
            return
        self.add_node(type_name, self.mapToScene(event.position().toPoint()))
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.setFocus()

    # -- model and scene notifications -------------------------------------------------------
    def _on_reset(self) -> None:
        self._cancel_wiring()
        self._moving = []
        self._auto_fit = True
        self.fit(readable=True)
        self._on_selection_changed()

    def _on_node_removed(self, node_id: str) -> None:
        if self._wiring is not None:
            self._cancel_wiring()
        self._moving = [item for item in self._moving if item.node_id != node_id]

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
