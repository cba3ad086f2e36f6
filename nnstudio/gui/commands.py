"""Undoable edits. Every change a user makes to a design is one of these on the QUndoStack.

Each command stores plain data (ids, dicts, positions), never scene items, so undo and redo
restore the model exactly; the views follow the model's signals.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from nnstudio.core.catalog import node_label
from nnstudio.gui.model import DesignModel

MOVE_ID = 1001


class AddNodes(QUndoCommand):
    """Add nodes (and edges among them or to existing nodes): palette drops, paste."""

    def __init__(self, model: DesignModel, nodes: list[dict],
                 edges: Sequence[Sequence[str]] = (), text: str | None = None):
        names = ", ".join(node_label(n["type"], n.get("params", {})) for n in nodes[:2])
        super().__init__(text or f"Add {names}{' …' if len(nodes) > 2 else ''}")
        self.model = model
        self.nodes = copy.deepcopy(nodes)
        self.edges = [list(e) for e in edges]

    def redo(self) -> None:
        with self.model.batch():
            for node in self.nodes:
                self.model.insert_node(copy.deepcopy(node))
            for src, dst in self.edges:
                self.model.add_edge(src, dst)

    def undo(self) -> None:
        self.model.remove_nodes({n["id"] for n in self.nodes})


class RemoveItems(QUndoCommand):
    """Delete nodes (with their edges) and separately selected edges."""

    def __init__(self, model: DesignModel, node_ids: set[str],
                 edges: Sequence[Sequence[str]] = ()):
        count = len(node_ids) + len(edges)
        super().__init__(f"Delete {count} item{'s' if count != 1 else ''}")
        self.model = model
        self.node_ids = set(node_ids)
        self.edges = [list(e) for e in edges if e[0] not in node_ids and e[1] not in node_ids]
        self._removed = None
        self._edge_indices: list[int] = []

    def redo(self) -> None:
        with self.model.batch():
            self._edge_indices = [self.model.remove_edge(*e) for e in self.edges]
            self._removed = self.model.remove_nodes(self.node_ids) if self.node_ids else None

    def undo(self) -> None:
        with self.model.batch():
            if self._removed is not None:
                self.model.restore_nodes(self._removed)
            for (src, dst), index in reversed(list(zip(self.edges, self._edge_indices,
                                                       strict=True))):
                self.model.add_edge(src, dst, index)


class Connect(QUndoCommand):
    """Connect src → dst, replacing dst's old input when dst takes only one."""

    def __init__(self, model: DesignModel, src: str, dst: str, replaces: list[str] | None):
        super().__init__(f"Connect {src} → {dst}")
        self.model, self.src, self.dst = model, src, dst
        self.replaces = list(replaces) if replaces else None
        self._old_index = -1

    def redo(self) -> None:
        if self.replaces:
            self._old_index = self.model.remove_edge(*self.replaces)
        self.model.add_edge(self.src, self.dst)

    def undo(self) -> None:
        self.model.remove_edge(self.src, self.dst)
        if self.replaces:
            src, dst = self.replaces
            self.model.add_edge(src, dst, index=self._old_index)


class MoveNodes(QUndoCommand):
    """Move nodes; consecutive drags of the same nodes merge into one step."""

    def __init__(self, model: DesignModel, moves: dict[str, tuple[list[float], list[float]]],
                 text: str = "Move"):
        super().__init__(text)
        self.model = model
        self.moves = {nid: (list(a), list(b)) for nid, (a, b) in moves.items()}

    def id(self) -> int:
        return MOVE_ID if self.text() == "Move" else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, MoveNodes) or set(other.moves) != set(self.moves):
            return False
        self.moves = {nid: (self.moves[nid][0], other.moves[nid][1]) for nid in self.moves}
        return True

    def redo(self) -> None:
        for nid, (_, new) in self.moves.items():
            self.model.set_position(nid, new)

    def undo(self) -> None:
        for nid, (old, _) in self.moves.items():
            self.model.set_position(nid, old)


class SetParams(QUndoCommand):
    """Change a node's params (the whole params dict, before and after)."""

    def __init__(self, model: DesignModel, node_id: str, new: dict[str, Any],
                 text: str | None = None):
        super().__init__(text or f"Edit {node_id}")
        self.model, self.node_id = model, node_id
        self.old = copy.deepcopy(model.node(node_id).get("params", {}))
        self.new = copy.deepcopy(new)

    def redo(self) -> None:
        self.model.set_params(self.node_id, self.new)

    def undo(self) -> None:
        self.model.set_params(self.node_id, self.old)


class SetSection(QUndoCommand):
    """Replace a top-level section of the design (data, training, name, description)."""

    def __init__(self, model: DesignModel, key: str, new: Any, text: str | None = None):
        super().__init__(text or f"Change {key}")
        self.model, self.key = model, key
        self.old = copy.deepcopy(model.design.section(key))
        self.new = copy.deepcopy(new)

    def redo(self) -> None:
        self.model.set_section(self.key, self.new)

    def undo(self) -> None:
        self.model.set_section(self.key, self.old)


class SetFrozen(QUndoCommand):
    """Freeze a node's parameters (they stop updating while training), or thaw them; saved in
    the design as the node's "frozen": true."""

    def __init__(self, model: DesignModel, node_id: str, frozen: bool,
                 text: str | None = None):
        super().__init__(text or f"{'Freeze' if frozen else 'Unfreeze'} {node_id}")
        self.model, self.node_id, self.frozen = model, node_id, frozen

    def _apply(self, frozen: bool) -> None:
        node = self.model.node(self.node_id)
        if frozen:
            node["frozen"] = True
        else:
            node.pop("frozen", None)
        self.model.nodeChanged.emit(self.node_id)

    def redo(self) -> None:
        self._apply(self.frozen)

    def undo(self) -> None:
        self._apply(not self.frozen)


class SetWeight(QUndoCommand):
    """One element of a trained parameter set by hand: `send(param, index, value)` hands the
    value to the training worker (the only owner of the weights), on redo the new one, on
    undo the old."""

    def __init__(self, send: Callable[[str, tuple[int, ...], float], object], param: str,
                 index: tuple[int, ...], old: float, new: float, text: str | None = None):
        where = f"{param}[{', '.join(map(str, index))}]" if index else param
        super().__init__(text or f"Set {where}")
        self.send, self.param, self.index = send, param, tuple(index)
        self.old, self.new = float(old), float(new)

    def redo(self) -> None:
        self.send(self.param, self.index, self.new)

    def undo(self) -> None:
        self.send(self.param, self.index, self.old)
