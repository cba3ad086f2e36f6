"""CanvasScene: the graphics items mirroring a DesignModel, kept in sync by its signals."""

from __future__ import annotations

import math
from collections import defaultdict
from functools import cache

from PySide6.QtCore import QPointF, QRect, QRectF, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsScene

from nnstudio.core.catalog import NODE_TYPES
from nnstudio.gui import theme
from nnstudio.gui.canvas.edge_item import EdgeItem
from nnstudio.gui.canvas.node_item import NodeItem, NodeStatus
from nnstudio.gui.model import DesignModel
from nnstudio.gui.network_text import network_problem_tr

#: the scene extends this far beyond the nodes, so the view can always pan
_SCENE_MARGIN = 20_000.0
#: grid dots closer than this on screen are thinned out
_MIN_DOT_SPACING_PX = 14.0
#: grid dots are drawn in square blocks of this many per side
_BLOCK = 32


class CanvasScene(QGraphicsScene):
    """One NodeItem per node and one EdgeItem per edge of `model`, updated incrementally."""

    #: problems the analysis could not pin on a node (e.g. "the network has no Input node")
    generalProblemsChanged = Signal(list)
    #: the scene went from empty to non-empty or back
    emptinessChanged = Signal()

    def __init__(self, model: DesignModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.nodes: dict[str, NodeItem] = {}
        self.edges: dict[tuple[str, str], EdgeItem] = {}
        self.general_problems: list[str] = []
        self.setSceneRect(QRectF(-_SCENE_MARGIN, -_SCENE_MARGIN,
                                 2 * _SCENE_MARGIN, 2 * _SCENE_MARGIN))
        model.nodeAdded.connect(self._add_node)
        model.nodeRemoved.connect(self._remove_node)
        model.nodeChanged.connect(self._change_node)
        model.nodeMoved.connect(self._move_node)
        model.edgeAdded.connect(self._add_edge)
        model.edgeRemoved.connect(self._remove_edge)
        model.analysisChanged.connect(self._apply_analysis)
        model.modelReset.connect(self.rebuild)
        self.rebuild()

    # -- lookups -----------------------------------------------------------------------------
    def node_item(self, node_id: str) -> NodeItem | None:
        return self.nodes.get(node_id)

    def edge_item(self, src: str, dst: str) -> EdgeItem | None:
        return self.edges.get((src, dst))

    def nodes_rect(self) -> QRectF:
        """The bounding box of every card (empty when there are none)."""
        rect = QRectF()
        for item in self.nodes.values():
            rect = rect.united(item.sceneBoundingRect())
        return rect

    # -- mirroring ---------------------------------------------------------------------------
    def rebuild(self) -> None:
        """Drop every item and build them again from the model (a whole new design)."""
        was_empty = not self.nodes
        self.clearSelection()
        for edge in self.edges.values():
            self.removeItem(edge)
        for card in self.nodes.values():
            self.removeItem(card)
        self.nodes.clear()
        self.edges.clear()
        for node in self.model.nodes:
            self._add_node(node["id"], notify=False)
        for src, dst in self.model.edges:
            self._add_edge(src, dst, relabel=False)
        for dst in {dst for _, dst in self.model.edges}:
            self._relabel_inputs(dst)
        self._apply_analysis()
        if was_empty != (not self.nodes):
            self.emptinessChanged.emit()

    def _add_node(self, node_id: str, notify: bool = True) -> None:
        if node_id in self.nodes:
            return
        item = NodeItem(self.model.node(node_id))
        self.nodes[node_id] = item
        self.addItem(item)
        self._include(item)
        if notify and len(self.nodes) == 1:
            self.emptinessChanged.emit()

    def _remove_node(self, node_id: str) -> None:
        item = self.nodes.pop(node_id, None)
        if item is None:
            return
        for edge in list(item.edges):
            self._drop_edge_item(edge)
        self.removeItem(item)
        if not self.nodes:
            self.emptinessChanged.emit()

    def _change_node(self, node_id: str) -> None:
        item = self.nodes.get(node_id)
        if item is not None:
            item.set_params(self.model.node(node_id).get("params") or {})

    def _move_node(self, node_id: str) -> None:
        item = self.nodes.get(node_id)
        if item is None:
            return
        pos = QPointF(*self.model.node(node_id)["pos"])
        if item.pos() != pos:
            item.setPos(pos)
            self._include(item)

    def _add_edge(self, src: str, dst: str, relabel: bool = True) -> None:
        source, target = self.nodes.get(src), self.nodes.get(dst)
        if source is None or target is None or (src, dst) in self.edges:
            return
        edge = EdgeItem(source, target)
        self.edges[(src, dst)] = edge
        self.addItem(edge)
        if relabel:
            self._relabel_inputs(dst)

    def _remove_edge(self, src: str, dst: str) -> None:
        edge = self.edges.get((src, dst))
        if edge is None or [src, dst] in self.model.edges:
            return
        self._drop_edge_item(edge)
        self._relabel_inputs(dst)

    def _drop_edge_item(self, edge: EdgeItem) -> None:
        edge.detach()
        self.edges.pop(edge.key, None)
        self.removeItem(edge)

    def _relabel_inputs(self, dst: str) -> None:
        """Number the edges into a merge node in the order the model feeds them."""
        target = self.nodes.get(dst)
        if target is None:
            return
        spec = NODE_TYPES.get(target.type_name)
        merge = spec is not None and spec.max_inputs is None
        sources = [s for s, d in self.model.edges if d == dst]
        for i, src in enumerate(sources, start=1):
            edge = self.edges.get((src, dst))
            if edge is not None:
                edge.set_index(i if merge and len(sources) > 1 else None)

    def _apply_analysis(self) -> None:
        analysis = self.model.analysis
        problems: dict[str | None, list[str]] = defaultdict(list)
        for node_id, message in analysis.problems:
            problems[node_id].append(network_problem_tr(message))
        for node_id, item in self.nodes.items():
            item.set_status(NodeStatus(analysis.shapes.get(node_id),
                                       analysis.param_counts.get(node_id),
                                       tuple(problems.get(node_id, ()))))
        general = list(problems.get(None, ()))
        if general != self.general_problems:
            self.general_problems = general
            self.generalProblemsChanged.emit(general)

    def _include(self, item: NodeItem) -> None:
        """Grow the scene rect so the view can always pan around `item`."""
        needed = item.sceneBoundingRect().adjusted(-_SCENE_MARGIN, -_SCENE_MARGIN,
                                                   _SCENE_MARGIN, _SCENE_MARGIN)
        if not self.sceneRect().contains(needed):
            self.setSceneRect(self.sceneRect().united(needed))

    # -- background --------------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        rect = QRectF(rect)
        painter.fillRect(rect, QColor(theme.CANVAS_BACKGROUND))
        scale = painter.worldTransform().m11() or 1.0
        step = float(theme.GRID_STEP)
        while step * scale < _MIN_DOT_SPACING_PX:
            step *= 2
        pen = QPen(QColor(theme.CANVAS_GRID), 2.5)
        pen.setCosmetic(True)
        painter.setPen(pen)
        block, span = _dot_block(step), step * _BLOCK
        for bx in range(math.floor(rect.left() / span), math.floor(rect.right() / span) + 1):
            for by in range(math.floor(rect.top() / span), math.floor(rect.bottom() / span) + 1):
                painter.drawPoints(block.translated(bx * span, by * span))


@cache
def _dot_block(step: float) -> QPolygonF:
    """A square of _BLOCK × _BLOCK grid dots from the origin, reused for every repaint."""
    return QPolygonF([QPointF(c * step, r * step) for r in range(_BLOCK) for c in range(_BLOCK)])
