"""Keeps the training worker's design in step with the edited one.

- A new design (New, Open) starts a new worker session, with the weights saved beside the file.
- Training settings apply live where they can (TrainingController.apply_training).
- L1/L2 strengths of a layer apply live too, and so do changes to the data alone (points
  drawn while training, more noise, another dataset of the same shape): the weights stay.
- Any other change to the network needs a new network: when trained weights exist the user is
  asked first, and Cancel puts the design back as it was (through the undo stack, so the edit
  is simply undone).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QUndoStack

from nnstudio.design.weights import weights_path_for
from nnstudio.gui.model import DesignModel
from nnstudio.gui.training.controller import TrainingController

#: node params that change live, without a new network
LIVE_PARAMS = ("l1", "l2")


def network_key(model: DesignModel) -> dict[str, Any]:
    """What the trained network depends on, apart from the training section: each node's id,
    type and params (not its position), the edges and the data section."""
    return {
        "nodes": [{"id": n["id"], "type": n["type"], "params": n.get("params", {})}
                  for n in model.nodes],
        "edges": [list(e) for e in model.edges],
        "data": model.design.section("data"),
    }


def _without_live(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in params.items() if k not in LIVE_PARAMS}


def regularization_changes(old: dict[str, Any], new: dict[str, Any]
                           ) -> list[tuple[str, float, float]] | None:
    """[(node id, l1, l2)] when `new` differs from `old` (network keys) only in L1/L2
    strengths; None when anything else differs."""
    if old["edges"] != new["edges"] or old["data"] != new["data"] \
            or len(old["nodes"]) != len(new["nodes"]):
        return None
    changes = []
    for a, b in zip(old["nodes"], new["nodes"], strict=True):
        if (a["id"], a["type"]) != (b["id"], b["type"]) \
                or _without_live(a["params"]) != _without_live(b["params"]):
            return None
        live_a = [a["params"].get(k, 0.0) for k in LIVE_PARAMS]
        live_b = [b["params"].get(k, 0.0) for k in LIVE_PARAMS]
        if live_a != live_b:
            changes.append((b["id"], float(live_b[0]), float(live_b[1])))
    return changes


def only_data_changed(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether `new` differs from `old` (network keys) in the data section alone."""
    return old["data"] != new["data"] and \
        (old["nodes"], old["edges"]) == (new["nodes"], new["edges"])


class DesignSync(QObject):
    """Watches `model` and tells `controller` what changed.

    ask_discard: asks whether the trained weights may be discarded for an edit (True: yes).
    """

    def __init__(self, model: DesignModel, undo_stack: QUndoStack,
                 controller: TrainingController, ask_discard: Callable[[], bool],
                 parent: QObject | None = None):
        super().__init__(parent)
        self.model, self.undo_stack, self.controller = model, undo_stack, controller
        self.ask_discard = ask_discard
        self._key = ""
        self._index = 0
        self._training: dict[str, Any] = {}
        self._checking = False
        # Edits are checked after the undo stack has finished pushing them.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.check)
        model.modelReset.connect(self.start)
        model.analysisChanged.connect(self._schedule)
        model.nodeChanged.connect(self._schedule)
        model.sectionChanged.connect(self._on_section)

    def start(self) -> None:
        """A new design: a new session, with the weights beside its file if there are any."""
        self._timer.stop()
        self._remember()
        path = self.model.path
        weights = weights_path_for(path) if path is not None else None
        self.controller.start(self.model.design,
                              weights if weights is not None and weights.is_file() else None)

    def _schedule(self, *_: object) -> None:
        self._timer.start()

    def _remember(self) -> None:
        self._key = json.dumps(network_key(self.model), sort_keys=True)
        self._index = self.undo_stack.index()
        self._training = self.model.design.training

    def _on_section(self, key: str) -> None:
        if key == "training":
            old, self._training = self._training, self.model.design.training
            self.controller.apply_training(old, self._training,
                                           self.model.design.section("training") or {})
        elif key == "data":
            self._schedule()

    def check(self) -> None:
        """Compare the design with the worker's and bring the worker up to date."""
        if self._checking:
            return
        new = network_key(self.model)
        if json.dumps(new, sort_keys=True) == self._key:
            self._index = self.undo_stack.index()
            return
        self._checking = True
        try:
            self._update(json.loads(self._key), new)
        finally:
            self._checking = False

    def _update(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        changes = regularization_changes(old, new)
        if changes is not None:
            for change in changes:
                self.controller.set_regularization(*change)
        elif only_data_changed(old, new):
            self.controller.set_data(self.model.design.section("data"))
        elif self._edit_undone():
            return
        else:
            self.controller.reload(self.model.design)
        self._remember()

    def _edit_undone(self) -> bool:
        """When trained weights would be lost, ask; on Cancel undo the edit. True when the
        design is back as the worker has it."""
        if not self.controller.has_trained_weights or self.undo_stack.index() == self._index \
                or self.ask_discard():
            return False
        self.undo_stack.setIndex(self._index)
        return json.dumps(network_key(self.model), sort_keys=True) == self._key
