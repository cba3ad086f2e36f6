"""Connections: a smooth cubic curve from an output port to an input port, with an arrow head."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from nnstudio.gui import theme
from nnstudio.gui.canvas import style
from nnstudio.gui.canvas.node_item import NodeItem

#: where along the curve a merge input's index label sits
_INDEX_AT = 0.72


def wire_path(start: QPointF, end: QPointF) -> QPainterPath:
    """A horizontal-tangent cubic from `start` (an output) to `end` (an input)."""
    reach = max(abs(end.x() - start.x()) * 0.5, 60.0)
    path = QPainterPath(start)
    path.cubicTo(start + QPointF(reach, 0), end - QPointF(reach, 0), end)
    return path


def arrow_head(tip: QPointF) -> QPolygonF:
    """A filled triangle pointing right, its tip at `tip` (curves end horizontally)."""
    base = tip.x() - style.ARROW_LENGTH
    return QPolygonF([tip, QPointF(base, tip.y() - style.ARROW_HALF_WIDTH),
                      QPointF(base, tip.y() + style.ARROW_HALF_WIDTH)])


def input_anchor(node: NodeItem) -> QPointF:
    """Where an arrow tip touches `node`'s input port, in scene coordinates."""
    gap = theme.PORT_RADIUS + 1.5
    if node.input_port is not None:
        return node.input_port.scenePos() - QPointF(gap, 0)
    return node.mapToScene(QPointF(node.rect.left(), 0))


class EdgeItem(QGraphicsItem):
    """One edge of the design; geometry cached and recomputed when either end moves."""

    def __init__(self, source: NodeItem, target: NodeItem):
        super().__init__()
        self.source, self.target = source, target
        self.index: int | None = None
        self._hovered = False
        self._curve = QPainterPath()
        self._arrow = QPolygonF()
        self._shape = QPainterPath()
        self._bounds = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(0)
        self.setToolTip(style.plain_tip(QCoreApplication.translate(
            "Canvas", "{src} → {dst}: click to select, Delete to remove").format(
            src=source.node_id, dst=target.node_id)))
        source.edges.append(self)
        target.edges.append(self)
        self.update_path()

    @property
    def key(self) -> tuple[str, str]:
        return self.source.node_id, self.target.node_id

    def detach(self) -> None:
        """Forget both ends (before the item leaves the scene)."""
        for node in (self.source, self.target):
            if self in node.edges:
                node.edges.remove(self)

    def set_index(self, index: int | None) -> None:
        """Show `index` (1, 2, …) as the order of this input into a merge node; None hides it."""
        if index != self.index:
            self.prepareGeometryChange()
            self.index = index
            self._update_bounds()
            self.update()

    def update_path(self) -> None:
        self.prepareGeometryChange()
        start = self.source.output_port.scenePos()
        tip = input_anchor(self.target)
        self._arrow = arrow_head(tip)
        self._curve = wire_path(start, tip - QPointF(style.ARROW_LENGTH * 0.6, 0))
        stroker = QPainterPathStroker()
        stroker.setWidth(14)
        self._shape = stroker.createStroke(self._curve)
        self._shape.addPolygon(self._arrow)
        self._update_bounds()

    def _index_rect(self) -> QRectF:
        centre = self._curve.pointAtPercent(_INDEX_AT)
        r = style.INDEX_RADIUS
        return QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r)

    def _update_bounds(self) -> None:
        bounds = self._shape.boundingRect()
        if self.index is not None:
            bounds = bounds.united(self._index_rect())
        self._bounds = bounds.adjusted(-3, -3, 3, 3)

    def boundingRect(self) -> QRectF:
        return QRectF(self._bounds)

    def shape(self) -> QPainterPath:
        return self._shape

    def hoverEnterEvent(self, event) -> None:
        self._hovered = True
        self.update()

    def hoverLeaveEvent(self, event) -> None:
        self._hovered = False
        self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(theme.SELECTION_COLOUR if self.isSelected() else theme.EDGE_COLOUR)
        width = style.EDGE_WIDTH + (2 if self.isSelected() else 1 if self._hovered else 0)
        painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._curve)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawPolygon(self._arrow)
        if self.index is not None:
            rect = self._index_rect()
            painter.setPen(QPen(colour, 2))
            painter.setBrush(QColor("#FFFFFF"))
            painter.drawEllipse(rect)
            painter.setPen(QColor(theme.TEXT_COLOUR))
            painter.setFont(style.card_metrics().small_font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(self.index))
