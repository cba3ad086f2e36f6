"""Step-through mode: a toolbar toggle; Next / Back (→ / ←, PageDown / PageUp) walk one
training step on the canvas — every node forward, the loss, every node backward, the update.

The trace is computed by the training worker (`worker_hooks.TraceStep`, on a float64 copy of
its network) and only drawn here. Entering the mode pauses training; a step taken meanwhile
(Step in the training toolbar), an edited weight, another sample or ε trace again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QStyle

from nnstudio.core.monitor import Snapshot
from nnstudio.core.trace import DEFAULT_EPSILON, Trace
from nnstudio.gui import commands, theme
from nnstudio.gui.canvas.scene import CanvasScene
from nnstudio.gui.stepthrough import formulas
from nnstudio.gui.stepthrough.caption import MARGIN as CAPTION_MARGIN
from nnstudio.gui.stepthrough.caption import Caption
from nnstudio.gui.stepthrough.freeze import FrozenSync
from nnstudio.gui.stepthrough.overlay import (
    MAX_GRID,
    MAX_NUMBERS,
    Frame,
    Note,
    Overlay,
    ValueRow,
    WeightGrid,
    block_bounds,
    strip_cells,
)
from nnstudio.gui.stepthrough.panel import StepPanel
from nnstudio.gui.stepthrough.stages import BACKWARD, FORWARD, LOSS, UPDATE, Stage, reached, stages
from nnstudio.gui.stepthrough.worker_hooks import SetWeight, TraceStep

if TYPE_CHECKING:
    from nnstudio.gui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("StepThrough", text)


class StepThrough(QObject):
    """Step-through mode of `window`: its action, keys, dock and canvas overlay."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.controller = window.training.controller
        self.trace: Trace | None = None
        self.stages: list[Stage] = []
        self.position = 0
        self.sample = 0
        self.epsilon = DEFAULT_EPSILON
        self._request = 0
        self._step: int | None = None
        self.action = QAction(_tr("Step Through"), window)
        self.action.setIconText(_tr("Trace"))  # short: the toolbars share the window's width
        self.action.setCheckable(True)
        self.action.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward))
        self.action.setStatusTip(_tr("Walk one training step node by node: forward, loss, "
                                     "backward, update"))
        self.action.toggled.connect(self.set_active)
        self.next_action = self._key_action(_tr("Next Stage"), ("Right", "PgDown"), self.next)
        self.back_action = self._key_action(_tr("Previous Stage"), ("Left", "PgUp"), self.back)
        window.toolbar.addSeparator()
        window.toolbar.addAction(self.action)
        self.panel = StepPanel()
        self.dock = QDockWidget(_tr("Step Through"), window)
        self.dock.setObjectName("stepThroughDock")
        self.dock.setWidget(self.panel)
        self.dock.hide()
        #: showing the dock turns the mode on (a lesson step's panels may); closing it leaves
        #: (hiding it, as presenting does, does not)
        self.dock.visibilityChanged.connect(self._on_dock_shown)
        self.dock.installEventFilter(self)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.overlay = Overlay(self.scene)
        self.caption = Caption(window.canvas)
        self.panel.nextRequested.connect(self.next)
        self.panel.backRequested.connect(self.back)
        self.panel.sampleChanged.connect(self._set_sample)
        self.panel.epsilonChanged.connect(self._set_epsilon)
        self.panel.weightEdited.connect(self._edit_weight)
        self.controller.traced.connect(self._on_traced)
        self.controller.snapshotShown.connect(self._on_snapshot)
        self.controller.loaded.connect(lambda _report: self._on_loaded())
        window.model.nodeMoved.connect(lambda _id: self.redraw())
        self.frozen = FrozenSync(window.model, self.scene, self.controller, self)

    def _on_dock_shown(self, shown: bool) -> None:
        if shown:
            self.set_active(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.dock and event.type() == QEvent.Type.Close:
            self.set_active(False)
        return False

    def _key_action(self, text: str, keys: tuple[str, ...], slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setEnabled(False)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    @property
    def scene(self) -> CanvasScene:
        scene = self.window.canvas.scene()
        assert isinstance(scene, CanvasScene)
        return scene

    @property
    def active(self) -> bool:
        return self.action.isChecked()

    # -- the mode ---------------------------------------------------------------------------
    def set_active(self, on: bool) -> None:
        """Enter (pausing training) or leave step-through mode."""
        if self.action.isChecked() != on:
            self.action.setChecked(on)
            return
        self.next_action.setEnabled(on)
        self.back_action.setEnabled(on)
        if self.dock.isHidden() == on:
            self.dock.setVisible(on)
        if on:
            self.controller.pause()
            self.position = 0
            self._on_loaded()
        else:
            self.trace = None
            self.overlay.clear()
        self.caption.setVisible(on)

    def request_trace(self) -> None:
        """Ask the worker for the trace of the chosen sample (the latest request wins)."""
        self._request += 1
        self.controller.send(TraceStep(self._request, (self.sample,), self.epsilon))

    def _on_loaded(self) -> None:
        dataset = self.window.training.dataset
        count = len(dataset.x_train) if dataset is not None else 0
        self.panel.set_samples(count)
        self.sample = min(self.sample, max(0, count - 1))
        if self.active and count:
            self.request_trace()

    def _on_traced(self, request: int, trace: object) -> None:
        if request != self._request or not self.active or not isinstance(trace, Trace):
            return
        self.trace = trace
        self.stages = stages(trace.order)
        self.position = min(self.position, len(self.stages) - 1)
        self.panel.show_trace(trace)
        self.redraw()

    def _on_snapshot(self, snapshot: Snapshot) -> None:
        if self.active and snapshot.step != self._step:
            self.request_trace()
        self._step = snapshot.step

    def _set_sample(self, index: int) -> None:
        self.sample = index
        if self.active:
            self.request_trace()

    def _set_epsilon(self, epsilon: float) -> None:
        self.epsilon = epsilon
        if self.active:
            self.request_trace()

    # -- walking ----------------------------------------------------------------------------
    def next(self) -> None:
        self.go(self.position + 1)

    def back(self) -> None:
        self.go(self.position - 1)

    def go(self, position: int) -> None:
        if not self.stages:
            return
        self.position = max(0, min(position, len(self.stages) - 1))
        self.redraw()

    @property
    def stage(self) -> Stage | None:
        return self.stages[self.position] if self.stages else None

    # -- editing ----------------------------------------------------------------------------
    def _edit_weight(self, param: str, flat_index: int, value: float) -> None:
        trace = self.trace
        if trace is None or param not in trace.params:
            return
        shape = trace.params[param].value.shape
        index = tuple(int(i) for i in np.unravel_index(flat_index, shape)) if shape else ()
        self.set_weight(param, index, value)

    def set_weight(self, param: str, index: tuple[int, ...], value: float) -> None:
        """Set one element of a parameter by hand, as an undoable command."""
        if self.trace is None:
            return
        old = float(self.trace.params[param].value[index])
        where = f"{param}[{', '.join(map(str, index))}]" if index else param
        self.window.undo_stack.push(commands.SetWeight(
            self._send_weight, param, index, old, value,
            _tr("Set {weight} to {value}").format(weight=where, value=formulas.num(value))))

    def _send_weight(self, param: str, index: tuple[int, ...], value: float) -> None:
        self.controller.send(SetWeight(param, index, value))
        if self.active:
            self.request_trace()

    # -- drawing ----------------------------------------------------------------------------
    def redraw(self) -> None:
        self.overlay.clear()
        trace, stage = self.trace, self.stage
        if trace is None or stage is None or not self.active:
            return
        self.panel.show_stage(self._stage_text(trace, stage), self.position == 0,
                              self.position == len(self.stages) - 1)
        forward, backward = reached(self.stages, self.position)
        for nid in trace.order:
            if nid in backward or stage.phase == UPDATE:
                self._row(trace, nid, gradient=True)
            elif nid in forward or stage.phase == LOSS:
                self._row(trace, nid, gradient=False)
        for nid in trace.order:
            self._grid(trace, nid, stage, forward, backward)
        if stage.node is not None:
            item = self.scene.node_item(stage.node)
            if item is not None:
                colour = theme.SELECTION_COLOUR if stage.phase == FORWARD else \
                    theme.CLASS_COLOURS[0]
                self.overlay.add(Frame(item.rect, colour), item.pos())
        self._caption(self._stage_text(trace, stage))
        if stage.phase in (LOSS, BACKWARD, UPDATE):
            out = self.scene.node_item(trace.order[-1])
            if out is not None:
                self.overlay.add(Note(f"L = {formulas.num(trace.loss)}"),
                                 out.pos() + QPointF(out.rect.right() + 24, -12))
        self._keep_in_view()

    def _keep_in_view(self) -> None:
        """Zoom the canvas out, if need be, so that the cards and every value, weight grid and
        the loss are in view above the caption (at presentation size the rows above the cards
        and the loss beside the output ran past the canvas's edges, under the caption)."""
        view = self.window.canvas
        rect = self.overlay.scene_rect().united(self.scene.nodes_rect())
        if rect.isNull():
            return
        self.caption.adjustSize()
        reserve = self.caption.height() + 2 * CAPTION_MARGIN
        port = view.viewport().rect().adjusted(0, 0, 0, -reserve)
        if not view.mapToScene(port).boundingRect().contains(rect):
            view.fit_rect(rect, reserve_bottom=reserve)

    def _caption(self, text: str) -> None:
        """The stage, and below it the hovered formula, in large type at the canvas's lower
        left (the dock may be hidden, as while presenting)."""
        self.caption.set_stage(text)

    def show_formula(self, text: str) -> None:
        """A hovered value's formula, in the dock and on the canvas."""
        self.panel.show_formula(text)
        self.caption.set_formula(text)

    def _stage_text(self, trace: Trace, stage: Stage) -> str:
        count = len(self.stages)
        where = _tr("stage {number} of {count}").format(number=self.position + 1, count=count)
        if stage.phase == FORWARD:
            node = trace.nodes[str(stage.node)]
            return _tr("Forward: {node} ({type})").format(node=node.id, type=node.type) \
                + f" — {where}"
        if stage.phase == BACKWARD:
            return _tr("Backward: ∂L/∂{node}").format(node=stage.node) \
                + f" — {where} · L = {formulas.num(trace.loss)}"
        if stage.phase == LOSS:
            return _tr("Loss: L = {loss} ({name})").format(
                loss=formulas.num(trace.loss), name=trace.loss_name) + f" — {where}"
        first = next(iter(trace.updates.values()), None)
        if first is None:
            return _tr("Update") + f" — {where}"
        return _tr("Update: {optimizer}, step {step}").format(
            optimizer=first.optimizer, step=first.t) + f" — {where}"

    def _row(self, trace: Trace, nid: str, gradient: bool) -> None:
        item = self.scene.node_item(nid)
        if item is None:
            return
        node = trace.nodes[nid]
        values = (node.grad_output if gradient else node.output)[0].reshape(-1)
        small = values.size <= MAX_NUMBERS
        width = item.rect.width()
        count = strip_cells(values.size, width)

        bias = trace.params.get(f"{nid}.b")
        updating = self.stage is not None and self.stage.phase == UPDATE and bias is not None \
            and bias.value.shape == values.shape

        def formula(k: int) -> str:
            if small:
                text = (formulas.backward_formula(trace, nid, k) if gradient
                        else formulas.forward_formula(trace, nid, k))
                if updating:  # the unit's bias, old → new
                    text += "\n" + formulas.update_formula(trace, f"{nid}.b", (k,))
                return text
            lo, hi = block_bounds(values.size, count, k)
            head = (formulas.backward_formula(trace, nid, lo) if gradient
                    else formulas.forward_formula(trace, nid, lo))
            if hi - lo == 1:
                return head
            return head + "\n" + _tr("values {first}–{last}: mean {mean}").format(
                first=lo + 1, last=hi, mean=formulas.num(float(values[lo:hi].mean())))

        caption = f"∂L/∂{nid}" if gradient else nid
        row = ValueRow(values, formula, caption, self.show_formula, width)
        self.overlay.rows[nid] = row
        height = row.rect().height()
        self.overlay.add(row, item.pos() + QPointF(item.rect.left(),
                                                   item.rect.top() - height - 8))

    def _grid(self, trace: Trace, nid: str, stage: Stage, forward: set[str],
              backward: set[str]) -> None:
        node = trace.nodes[nid]
        weights = trace.params.get(f"{nid}.W")
        if node.type != "Dense" or weights is None or weights.value.ndim != 2 \
                or max(weights.value.shape) > MAX_GRID or nid not in forward:
            return
        src, dst = self.scene.node_item(node.inputs[0]), self.scene.node_item(nid)
        if src is None or dst is None:
            return
        param = weights.name
        if stage.phase == UPDATE:
            values = trace.updates[param].new if param in trace.updates else weights.value

            def formula(i: int, j: int) -> str:
                return formulas.update_formula(trace, param, (i, j))
        elif nid in backward:
            values = weights.grad

            def formula(i: int, j: int) -> str:
                return formulas.weight_formula(trace, param, (i, j))
        else:
            values = weights.value

            def formula(i: int, j: int) -> str:
                return formulas.weight_formula(trace, param, (i, j)).split("\n")[0]
        caption = f"∂L/∂{param}" if nid in backward and stage.phase != UPDATE else param
        grid = WeightGrid(values, formula, caption, self.show_formula)
        self.overlay.grids[(node.inputs[0], nid)] = grid
        a = src.pos() + QPointF(src.rect.right(), 0)
        b = dst.pos() + QPointF(dst.rect.left(), 0)
        box = grid.rect()
        self.overlay.add(grid, (a + b) / 2 - QPointF(box.width() / 2, -10))
