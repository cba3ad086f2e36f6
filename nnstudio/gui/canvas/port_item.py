"""A node's input or output port: the handle a connection is dragged from and dropped on."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from nnstudio.gui import theme
from nnstudio.gui.canvas import style

#: extra reach around the drawn circle, so a port is easy to hit on a projector
_HIT_MARGIN = 6.0


class PortState(Enum):
    NORMAL = "normal"
    ACCEPT = "accept"   # a connection being dragged could end here
    REFUSE = "refuse"   # … and would be refused
    HOT = "hot"         # the connection being dragged currently points here


class PortItem(QGraphicsItem):
    """A circle on the left (input) or right (output) edge of a card; child of its NodeItem."""

    def __init__(self, node_id: str, is_output: bool, parent: QGraphicsItem):
        super().__init__(parent)
        self.node_id = node_id
        self.is_output = is_output
        self._state = PortState.NORMAL
        self._hovered = False
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setZValue(2)
        if is_output:
            tip = QCoreApplication.translate(
                "Canvas", "Output of {id}: drag to an input to connect").format(id=node_id)
        else:
            tip = QCoreApplication.translate(
                "Canvas", "Input of {id}: drag to an output to connect").format(id=node_id)
        self.setToolTip(style.plain_tip(tip))

    @property
    def state(self) -> PortState:
        return self._state

    def set_state(self, state: PortState) -> None:
        if state is not self._state:
            self._state = state
            self.update()

    def boundingRect(self) -> QRectF:
        r = theme.PORT_RADIUS + _HIT_MARGIN
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(self.boundingRect())
        return path

    def hoverEnterEvent(self, event) -> None:
        self._hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self._hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        radius = float(theme.PORT_RADIUS)
        fill, outline = style.PORT_FILL, QColor(theme.EDGE_COLOUR)
        if self._state is PortState.ACCEPT:
            fill, outline, radius = style.ACCEPT_FILL, QColor(theme.OK_COLOUR), radius + 2
        elif self._state is PortState.REFUSE:
            fill, outline = style.REFUSE_FILL, QColor(theme.ERROR_COLOUR)
        elif self._state is PortState.HOT:
            fill, outline, radius = QColor(theme.OK_COLOUR), QColor(theme.OK_COLOUR), radius + 4
        if self._hovered and self._state is PortState.NORMAL:
            fill, outline, radius = QColor(theme.SELECTION_COLOUR), QColor(
                theme.SELECTION_COLOUR), radius + 2
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(outline, 2.5))
        painter.setBrush(QBrush(fill))
        painter.drawEllipse(QPointF(0, 0), radius, radius)
