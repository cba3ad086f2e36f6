"""Dragging a new connection out of a port: the rubber curve, the port verdicts, the target."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from nnstudio.design import edit
from nnstudio.gui import theme
from nnstudio.gui.canvas import style
from nnstudio.gui.canvas.edge_item import input_anchor, wire_path
from nnstudio.gui.canvas.node_item import NodeItem
from nnstudio.gui.canvas.port_item import PortItem, PortState
from nnstudio.gui.canvas.scene import CanvasScene


class Wiring:
    """One connection drag, from the press on `port` to the release (or Esc).

    Dragging from an output looks for an input to feed; dragging from an input looks for an
    output to be fed by. Every candidate port shows whether the model would accept it.
    """

    def __init__(self, scene: CanvasScene, port: PortItem):
        self.scene = scene
        self.port = port
        self.anchor_id = port.node_id
        network = scene.model.network
        #: node id → why connecting to it is refused (None: accepted)
        self.verdicts: dict[str, str | None] = {
            node_id: edit.connection_problem(network, *self._ends(node_id))
            for node_id in scene.nodes
        }
        for node_id, item in scene.nodes.items():
            candidate = self._candidate_port(item)
            if candidate is not None:
                candidate.set_state(PortState.REFUSE if self.verdicts[node_id]
                                    else PortState.ACCEPT)
        self.curve = QGraphicsPathItem()
        self.curve.setZValue(5)
        self.curve.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        scene.addItem(self.curve)
        self.target_id: str | None = None
        self.move(port.scenePos())

    def _ends(self, other_id: str) -> tuple[str, str]:
        """(source, destination) of a connection between the anchor and `other_id`."""
        if self.port.is_output:
            return self.anchor_id, other_id
        return other_id, self.anchor_id

    def _candidate_port(self, item: NodeItem) -> PortItem | None:
        return item.input_port if self.port.is_output else item.output_port

    def node_at(self, scene_pos: QPointF) -> str | None:
        """The node a release at `scene_pos` would connect to: a port of the other kind, or a
        card (meaning its matching port)."""
        for item in self.scene.items(scene_pos):
            if isinstance(item, PortItem):
                if item.is_output != self.port.is_output:
                    return item.node_id
                continue
            node = item if isinstance(item, NodeItem) else _owning_node(item)
            if node is not None:
                return node.node_id
        return None

    def move(self, scene_pos: QPointF) -> None:
        """Follow the mouse; snap the curve to the port it would connect to."""
        target = self.node_at(scene_pos)
        if target != self.target_id:
            self._mark_target(self.target_id, hot=False)
            self._mark_target(target, hot=True)
            self.target_id = target
        item = self.scene.nodes.get(target) if target is not None else None
        if self.port.is_output:
            snap = item is not None and item.input_port is not None
            end = input_anchor(item) if item is not None and snap else scene_pos
            self.curve.setPath(wire_path(self.port.scenePos(), end))
        else:
            begin = item.output_port.scenePos() if item is not None else scene_pos
            anchor = self.scene.nodes.get(self.anchor_id)
            if anchor is not None:
                self.curve.setPath(wire_path(begin, input_anchor(anchor)))
        refused = target is not None and self.verdicts.get(target) is not None
        colour = QColor(theme.ERROR_COLOUR if refused else
                        theme.OK_COLOUR if target is not None else theme.EDGE_COLOUR)
        self.curve.setPen(QPen(colour, style.EDGE_WIDTH, Qt.PenStyle.DashLine,
                               Qt.PenCapStyle.RoundCap))

    def _mark_target(self, node_id: str | None, hot: bool) -> None:
        item = self.scene.nodes.get(node_id) if node_id is not None else None
        port = self._candidate_port(item) if item is not None else None
        if port is None or node_id is None:
            return
        if hot and self.verdicts.get(node_id) is None:
            port.set_state(PortState.HOT)
        else:
            port.set_state(PortState.REFUSE if self.verdicts.get(node_id) else PortState.ACCEPT)

    def result(self) -> tuple[str, str] | None:
        """(source, destination) for the current target, or None when over empty canvas."""
        return self._ends(self.target_id) if self.target_id is not None else None

    def finish(self) -> None:
        """Remove the rubber curve and put every port back to normal."""
        for item in self.scene.nodes.values():
            for port in (item.input_port, item.output_port):
                if port is not None:
                    port.set_state(PortState.NORMAL)
        self.scene.removeItem(self.curve)


def _owning_node(item: QGraphicsItem) -> NodeItem | None:
    parent = item.parentItem()
    while parent is not None and not isinstance(parent, NodeItem):
        parent = parent.parentItem()
    return parent
