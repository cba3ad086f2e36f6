"""Freezing a layer: the inspector's check box (an undoable command), the mark on the card,
and the worker told which nodes are frozen whenever that changes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen, QUndoStack
from PySide6.QtWidgets import QCheckBox, QGraphicsRectItem, QGraphicsSimpleTextItem, QWidget

from nnstudio.design.spec import frozen_ids
from nnstudio.gui import commands, theme
from nnstudio.gui.canvas import style
from nnstudio.gui.canvas.scene import CanvasScene
from nnstudio.gui.model import DesignModel
from nnstudio.gui.stepthrough.worker_hooks import SetFrozen
from nnstudio.gui.training.controller import TrainingController


def _tr(text: str) -> str:
    return QCoreApplication.translate("StepThrough", text)


class FreezeBox(QCheckBox):
    """The inspector's "Freeze parameters" for node `node_id` (hidden for a node without
    parameters); each toggle is one undoable command."""

    def __init__(self, model: DesignModel, undo_stack: QUndoStack, node_id: str,
                 parent: QWidget | None = None):
        super().__init__(_tr("Freeze parameters (they stop updating)"), parent)
        self.model, self.undo_stack, self.node_id = model, undo_stack, node_id
        self.setToolTip(_tr("A frozen layer keeps its weights while the rest trains; saved "
                            "in the design."))
        self.setVisible(bool(model.analysis.param_counts.get(node_id, 0)))
        self._follow()
        self.toggled.connect(self._push)
        model.nodeChanged.connect(self._on_changed)

    def _follow(self) -> None:
        self.blockSignals(True)
        self.setChecked(self.model.node(self.node_id).get("frozen") is True)
        self.blockSignals(False)

    def _on_changed(self, node_id: str) -> None:
        if node_id == self.node_id and self.model.has_node(node_id):
            self._follow()

    def _push(self, frozen: bool) -> None:
        text = (_tr("Freeze {node}") if frozen else _tr("Unfreeze {node}")).format(
            node=self.node_id)
        self.undo_stack.push(commands.SetFrozen(self.model, self.node_id, frozen, text))


class FrozenMark(QGraphicsRectItem):
    """"❄ frozen" on the top edge of a frozen node's card."""

    def __init__(self, card: QRectF):
        super().__init__()
        text = QGraphicsSimpleTextItem(_tr("❄ frozen"), self)
        font = QFont(style.card_metrics().small_font)
        text.setFont(font)
        text.setBrush(QBrush(QColor("white")))
        box = text.boundingRect()
        self.setRect(QRectF(0, 0, box.width() + 8, box.height() + 2))
        text.setPos(4, 1)
        self.setBrush(QBrush(QColor(theme.SELECTION_COLOUR)))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setPos(card.right() - self.rect().width() - 10, card.top() - self.rect().height() / 2)


class FrozenSync(QObject):
    """Marks the frozen nodes' cards and tells the worker whenever the set of frozen nodes
    changes (a new design carries its own in the design it loads)."""

    def __init__(self, model: DesignModel, scene: CanvasScene, controller: TrainingController,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.model, self.scene, self.controller = model, scene, controller
        self.sent = tuple(frozen_ids(model.nodes))
        self.marks: dict[str, FrozenMark] = {}
        model.nodeChanged.connect(self._on_changed)
        model.modelReset.connect(self._on_reset)
        model.analysisChanged.connect(self.refresh_marks)
        self.refresh_marks()

    def _on_reset(self) -> None:
        self.sent = tuple(frozen_ids(self.model.nodes))
        self.marks.clear()  # the scene made new cards
        self.refresh_marks()

    def _on_changed(self, _node_id: str) -> None:
        frozen = tuple(frozen_ids(self.model.nodes))
        if frozen != self.sent:
            self.sent = frozen
            self.controller.send(SetFrozen(frozen))
        self.refresh_marks()

    def refresh_marks(self) -> None:
        frozen = set(frozen_ids(self.model.nodes))
        for nid in list(self.marks):
            item = self.scene.node_item(nid)
            if nid not in frozen or item is None or self.marks[nid].parentItem() is not item:
                mark = self.marks.pop(nid)
                if mark.scene() is not None:
                    mark.scene().removeItem(mark)
        for nid in frozen - set(self.marks):
            item = self.scene.node_item(nid)
            if item is not None:
                mark = FrozenMark(item.rect)
                mark.setParentItem(item)
                mark.setZValue(5)
                self.marks[nid] = mark
