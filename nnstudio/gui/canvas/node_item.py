"""A node card: header band in the group colour, title, id, output shape, parameter count, ports
and a red "!" badge when the analysis finds problems with the node."""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from nnstudio.core.catalog import NODE_TYPES, node_label
from nnstudio.gui import theme
from nnstudio.gui.canvas import style
from nnstudio.gui.canvas.port_item import PortItem
from nnstudio.gui.canvas.thumbnails import NeuronThumbnails
from nnstudio.gui.catalog_text import catalog_tr

if TYPE_CHECKING:
    from nnstudio.gui.canvas.edge_item import EdgeItem


@dataclass(frozen=True)
class NodeStatus:
    """What the analysis says about one node."""

    shape: tuple[int, ...] | None = None
    param_count: int | None = None
    problems: tuple[str, ...] = ()


def format_shape(shape: tuple[int, ...] | None) -> str:
    """(8,) or (16, 14, 14); "?" when the shape cannot be inferred."""
    if shape is None:
        return "?"
    return "(" + ", ".join(str(d) for d in shape) + ("," if len(shape) == 1 else "") + ")"


def params_text(count: int | None) -> str:
    if count is None:
        return ""
    if count == 1:
        return QCoreApplication.translate("Canvas", "1 param")
    return QCoreApplication.translate("Canvas", "{count} params").format(count=f"{count:,}")


class BadgeItem(QGraphicsItem):
    """The red "!" on a card's top-right corner; its tooltip lists the node's problems."""

    def __init__(self, parent: QGraphicsItem):
        super().__init__(parent)
        self.setZValue(3)
        self.setAcceptHoverEvents(True)

    def boundingRect(self) -> QRectF:
        r = style.BADGE_RADIUS + 1
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#FFFFFF"), 2))
        painter.setBrush(QColor(theme.ERROR_COLOUR))
        r = style.BADGE_RADIUS
        painter.drawEllipse(QPointF(0, 0), r, r)
        painter.setPen(QColor("#FFFFFF"))
        painter.setFont(style.card_metrics().title_font)
        painter.drawText(QRectF(-r, -r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, "!")


class NodeItem(QGraphicsItem):
    """One node of the design. Its position is the card's centre, as stored in the model."""

    def __init__(self, node: dict[str, Any]):
        super().__init__()
        self.node_id: str = node["id"]
        self.type_name: str = node["type"]
        self.params: dict[str, Any] = dict(node.get("params") or {})
        self.status = NodeStatus()
        self.edges: list[EdgeItem] = []
        #: position when a user drag began (moves snap relative to it), else None
        self.drag_origin: QPointF | None = None
        self._rect = QRectF()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptHoverEvents(True)
        self.setZValue(1)
        spec = NODE_TYPES.get(self.type_name)
        self.input_port = (PortItem(self.node_id, False, self)
                           if spec is None or spec.takes_input else None)
        self.output_port = PortItem(self.node_id, True, self)
        self.badge = BadgeItem(self)
        self.badge.setVisible(False)
        self.thumbnails = NeuronThumbnails(self)
        self.thumbnails.setVisible(False)
        self._fit_width()
        self.setPos(QPointF(*node.get("pos", (0, 0))))
        self._refresh_tooltips()

    # -- content -----------------------------------------------------------------------------
    @property
    def title(self) -> str:
        return node_label(self.type_name, self.params)

    def set_thumbnails(self, grids) -> None:
        """Each unit's response over the input plane, (units, res, res), or None to hide."""
        self.thumbnails.set_grids(grids)

    def set_params(self, params: dict[str, Any]) -> None:
        self.params = dict(params or {})
        self._fit_width()
        self._refresh_tooltips()
        self.update()

    def _fit_width(self) -> None:
        """Widen the card (up to MAX_CARD_WIDTH) so a long title such as "Conv2D 16 3×3 · relu"
        is not cut; ports, badge and edges follow."""
        m = style.card_metrics()
        needed = (QFontMetricsF(m.title_font).horizontalAdvance(self.title)
                  + 2 * style.PAD + theme.PORT_RADIUS + style.BADGE_RADIUS)
        step = theme.GRID_STEP
        width = min(max(m.width, math.ceil(needed / step) * step), style.MAX_CARD_WIDTH)
        if width == self._rect.width():
            return
        self.prepareGeometryChange()
        self._rect = QRectF(-width / 2, -m.height / 2, width, m.height)
        if self.input_port is not None:
            self.input_port.setPos(self._rect.left(), 0)
        self.output_port.setPos(self._rect.right(), 0)
        self.badge.setPos(self._rect.right() - 4, self._rect.top() + 4)
        self.thumbnails.setPos(self._rect.left() + 2, self._rect.bottom() + 6)
        for edge in self.edges:
            edge.update_path()

    def set_status(self, status: NodeStatus) -> None:
        if status == self.status:
            return
        self.status = status
        self.badge.setVisible(bool(status.problems))
        self._refresh_tooltips()
        self.update()

    def _refresh_tooltips(self) -> None:
        problems = self.status.problems
        self.badge.setToolTip(style.plain_tip("\n".join(f"• {p}" for p in problems)))
        spec = NODE_TYPES.get(self.type_name)
        lines = [f"<b>{html.escape(self.title)}</b> &nbsp;<i>{html.escape(self.node_id)}</i>"]
        if spec is not None:
            lines.append(html.escape(catalog_tr(spec.summary)))
            lines.append(f"<span style='color:{theme.MUTED_TEXT}'>"
                         f"{html.escape(catalog_tr(spec.help))}</span>")
        lines.append(html.escape(QCoreApplication.translate("Canvas", "Output shape: {shape}")
                                 .format(shape=format_shape(self.status.shape))))
        if self.status.param_count is not None:
            lines.append(html.escape(QCoreApplication.translate(
                "Canvas", "Trainable parameters: {count}").format(
                count=f"{self.status.param_count:,}")))
        if problems:
            items = "".join(f"<li>{html.escape(p)}</li>" for p in problems)
            lines.append(f"<span style='color:{theme.ERROR_COLOUR}'><b>"
                         + html.escape(QCoreApplication.translate("Canvas", "Problems:"))
                         + f"</b></span><ul style='margin:0'>{items}</ul>")
        self.setToolTip("<p>" + "<br>".join(lines) + "</p>")

    # -- geometry ----------------------------------------------------------------------------
    @property
    def rect(self) -> QRectF:
        return QRectF(self._rect)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-6, -6, 6, 6)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self._rect, theme.CARD_RADIUS, theme.CARD_RADIUS)
        return path

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if (change is QGraphicsItem.GraphicsItemChange.ItemPositionChange
                and self.drag_origin is not None):
            step = theme.GRID_STEP
            delta = value - self.drag_origin
            return self.drag_origin + QPointF(round(delta.x() / step) * step,
                                              round(delta.y() / step) * step)
        if change is QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for edge in self.edges:
                edge.update_path()
        return super().itemChange(change, value)

    # -- painting ----------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        m = style.card_metrics()
        rect, radius = self._rect, float(theme.CARD_RADIUS)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if self.isSelected():
            painter.setPen(QPen(QColor(theme.SELECTION_COLOUR), 3.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), radius + 4, radius + 4)
        card = QPainterPath()
        card.addRoundedRect(rect, radius, radius)
        painter.fillPath(card, QBrush(style.CARD_BODY))
        header_rect = QRectF(rect.left(), rect.top(), rect.width(), m.header_height)
        header = QPainterPath()
        header.addRect(header_rect)
        band = style.group_colour(self.type_name)
        painter.fillPath(card.intersected(header), QBrush(band))
        if self.status.problems:
            painter.setPen(QPen(QColor(theme.ERROR_COLOUR), 3))
        else:
            painter.setPen(QPen(style.CARD_BORDER, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, radius, radius)
        self._paint_text(painter, band)

    def _paint_text(self, painter: QPainter, band: QColor) -> None:
        m = style.card_metrics()
        left = self._rect.left() + style.PAD + theme.PORT_RADIUS / 2
        width = self._rect.width() - 2 * style.PAD - theme.PORT_RADIUS
        title_width = width - (style.BADGE_RADIUS if self.status.problems else 0)
        painter.setFont(m.title_font)
        painter.setPen(style.text_on(band))
        title = QFontMetricsF(m.title_font).elidedText(
            self.title, Qt.TextElideMode.ElideRight, title_width)
        painter.drawText(QRectF(left, self._rect.top(), title_width, m.header_height),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
        top = self._rect.top() + m.header_height + style.PAD * 0.7
        lines = (
            (m.text_font, QColor(theme.MUTED_TEXT), self.node_id),
            (m.shape_font, QColor(theme.ERROR_COLOUR if self.status.shape is None
                                  else theme.TEXT_COLOUR), "→ " + format_shape(self.status.shape)),
            (m.text_font, QColor(theme.MUTED_TEXT), params_text(self.status.param_count)),
        )
        for i, (font, colour, text) in enumerate(lines):
            painter.setFont(font)
            painter.setPen(colour)
            shown = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRectF(left, top + i * m.line_height, width, m.line_height),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)
