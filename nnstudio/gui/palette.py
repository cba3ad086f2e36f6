"""The layer palette: every node type by group, searchable, dragged onto the canvas."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QFont, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.catalog import GROUP_COLOURS, GROUPS, NODE_TYPES, REQUIRED, NodeType
from nnstudio.design.edit import default_params
from nnstudio.gui import mime, theme
from nnstudio.gui.catalog_text import catalog_tr, layer_title

TYPE_ROLE = Qt.ItemDataRole.UserRole
SWATCH = 22


def _html(text: str) -> str:
    """`text` safe inside Qt rich text (which does not know &#x27;)."""
    return escape(text, quote=False)


def node_mime_data(type_name: str) -> QMimeData:
    """What dragging a palette entry carries: the node type name under `mime.NODE_TYPE`."""
    data = QMimeData()
    data.setData(mime.NODE_TYPE, type_name.encode("utf-8"))
    return data


def swatch_icon(colour: str, size: int = SWATCH) -> QIcon:
    """A rounded square of the group's colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(colour).darker(130))
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 5, 5)
    painter.end()
    return QIcon(pixmap)


def _shown(value: object) -> str:
    if value is REQUIRED:
        return QCoreApplication.translate("LayerPalette", "required")
    if value is None:
        return QCoreApplication.translate("LayerPalette", "same as pool_size")
    if isinstance(value, bool):
        return str(value).lower()
    return repr(value) if isinstance(value, str) else str(value)


def tooltip_html(spec: NodeType) -> str:
    """Rich-text tooltip: summary, teaching help, every parameter with its default, and what a
    newly placed node starts with."""
    rows = "".join(f"<tr><td><b>{_html(p.name)}</b>&nbsp;&nbsp;</td>"
                   f"<td>{_html(_shown(p.default))}</td></tr>" for p in spec.params)
    none = QCoreApplication.translate("LayerPalette", "No parameters.")
    params = f"<table>{rows}</table>" if rows else f"<p><i>{none}</i></p>"
    starters = default_params(spec.name)
    starts = ", ".join(f"{k} = {_shown(v)}" for k, v in starters.items())
    starting = QCoreApplication.translate("LayerPalette", "A new node starts with {values}.")
    start_line = f"<p>{_html(starting.format(values=starts))}</p>" if starters else ""
    colour = GROUP_COLOURS[spec.group]
    return (f"<qt><p><b style='color:{colour}'>{_html(layer_title(spec.name))}</b> — "
            f"{_html(catalog_tr(spec.summary))}</p><p>{_html(catalog_tr(spec.help))}</p>"
            f"{params}{start_line}</qt>")


class _TypeTree(QTreeWidget):
    """The tree of node types; drags carry the type, Enter asks for the node."""

    activatedType = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(8)
        self.setIconSize(QSize(SWATCH, SWATCH))
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemDoubleClicked.connect(self._on_double_click)

    def startDrag(self, supported_actions: Qt.DropAction) -> None:
        type_name = self.current_type()
        if type_name is None:
            return
        drag = QDrag(self)
        drag.setMimeData(node_mime_data(type_name))
        drag.setPixmap(self._drag_pixmap(type_name))
        drag.exec(Qt.DropAction.CopyAction)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_type():
            self.activatedType.emit(self.current_type())
            return
        super().keyPressEvent(event)

    def current_type(self) -> str | None:
        item = self.currentItem()
        return item.data(0, TYPE_ROLE) if item is not None else None

    def _on_double_click(self, item: QTreeWidgetItem) -> None:
        type_name = item.data(0, TYPE_ROLE)
        if type_name:
            self.activatedType.emit(type_name)

    def _drag_pixmap(self, type_name: str) -> QPixmap:
        font = QFont(self.font())
        font.setBold(True)
        width = max(140, self.fontMetrics().horizontalAdvance(type_name) + 40)
        height = self.fontMetrics().height() + 20
        pixmap = QPixmap(width, height)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(GROUP_COLOURS[NODE_TYPES[type_name].group])
        painter.setPen(colour.darker(130))
        painter.setBrush(colour)
        painter.drawRoundedRect(1, 1, width - 2, height - 2, 8, 8)
        painter.setPen(QColor("white"))
        painter.setFont(font)
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, type_name)
        painter.end()
        return pixmap


class LayerPalette(QWidget):
    """Every node type, grouped and colour-coded; emits `nodeRequested` on double-click/Enter."""

    nodeRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search layers…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self._request_first_match)
        self.tree = _TypeTree()
        self.tree.activatedType.connect(self.nodeRequested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        self._populate()

    def _group_titles(self) -> dict[str, str]:
        return {"Core": self.tr("Core"), "Activations": self.tr("Activations"),
                "Convolution": self.tr("Convolution"),
                "Regularisation": self.tr("Regularisation"), "Merge": self.tr("Merge"),
                "Sequence": self.tr("Sequence")}

    def _populate(self) -> None:
        titles = self._group_titles()
        bold = QFont(self.font())
        bold.setBold(True)
        for group in GROUPS:
            header = QTreeWidgetItem([titles.get(group, group)])
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            header.setFont(0, bold)
            header.setForeground(0, QColor(theme.MUTED_TEXT))
            self.tree.addTopLevelItem(header)
            icon = swatch_icon(GROUP_COLOURS[group])
            for spec in NODE_TYPES.values():
                if spec.group != group:
                    continue
                item = QTreeWidgetItem(header, [layer_title(spec.name)])
                item.setIcon(0, icon)
                item.setData(0, TYPE_ROLE, spec.name)
                item.setToolTip(0, tooltip_html(spec))
                item.setStatusTip(0, catalog_tr(spec.summary))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                              | Qt.ItemFlag.ItemIsDragEnabled)
            header.setExpanded(True)

    def _groups(self) -> list[QTreeWidgetItem]:
        """The group headers, in display order."""
        headers = (self.tree.topLevelItem(g) for g in range(self.tree.topLevelItemCount()))
        return [header for header in headers if header is not None]

    def entries(self) -> list[QTreeWidgetItem]:
        """Every node-type item, in display order."""
        return [item for header in self._groups() for item in _children(header)]

    def visible_types(self) -> list[str]:
        return [item.data(0, TYPE_ROLE) for header in self._groups() if not header.isHidden()
                for item in _children(header) if not item.isHidden()]

    def filter(self, text: str) -> None:
        """Show only the types whose name or summary, in English or as shown, contains `text`
        (any case)."""
        needle = text.strip().casefold()
        for header in self._groups():
            shown = 0
            for item in _children(header):
                spec = NODE_TYPES[item.data(0, TYPE_ROLE)]
                texts = (spec.name, item.text(0), spec.summary, catalog_tr(spec.summary))
                match = not needle or any(needle in t.casefold() for t in texts)
                item.setHidden(not match)
                shown += match
            header.setHidden(shown == 0)
        visible = self.visible_types()
        if needle and visible:
            self.tree.setCurrentItem(self._item(visible[0]))

    def _item(self, type_name: str) -> QTreeWidgetItem:
        return next(i for i in self.entries() if i.data(0, TYPE_ROLE) == type_name)

    def _request_first_match(self) -> None:
        visible = self.visible_types()
        if self.search.text().strip() and visible:
            self.nodeRequested.emit(visible[0])


def _children(header: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The items under a group `header`, in display order."""
    items = (header.child(i) for i in range(header.childCount()))
    return [item for item in items if item is not None]
