"""DesignModel: the open design, observed by the GUI.

The model holds the `Design` (the truth, Qt-free) and announces every change with a signal; the
canvas, the inspector and the panels only mirror it. Its mutators are primitive and do no undo
bookkeeping: every user edit goes through a QUndoCommand in `commands.py`, which calls them.
After any change to nodes, edges or params the graph is re-analysed (shapes, parameter counts,
problems per node) and `analysisChanged` fires.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from nnstudio.core.graph import GraphAnalysis, analyze
from nnstudio.design import edit
from nnstudio.design.document import Design


class DesignModel(QObject):
    nodeAdded = Signal(str)
    nodeRemoved = Signal(str)
    nodeChanged = Signal(str)          # its params changed
    nodeMoved = Signal(str)
    edgeAdded = Signal(str, str)
    edgeRemoved = Signal(str, str)
    analysisChanged = Signal()         # shapes / problems / parameter counts recomputed
    sectionChanged = Signal(str)       # "data", "training", "name" or "description"
    modelReset = Signal()              # a whole new design (New, Open)
    pathChanged = Signal()

    def __init__(self, design: Design | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._design = design or Design.default()
        edit.place_unplaced(self.network)
        self.analysis: GraphAnalysis = GraphAnalysis()
        self._batch_depth = 0
        self._stale = False
        self._reanalyze()

    # -- reading -----------------------------------------------------------------------------
    @property
    def design(self) -> Design:
        return self._design

    @property
    def network(self) -> dict[str, Any]:
        return self._design.network

    @property
    def nodes(self) -> list[dict[str, Any]]:
        return self.network["nodes"]

    @property
    def edges(self) -> list[list[str]]:
        return self.network["edges"]

    def node(self, node_id: str) -> dict[str, Any]:
        return edit.find_node(self.network, node_id)

    def has_node(self, node_id: str) -> bool:
        return any(n["id"] == node_id for n in self.nodes)

    @property
    def path(self) -> Path | None:
        return self._design.path

    # -- whole design ------------------------------------------------------------------------
    def reset(self, design: Design) -> None:
        self._design = design
        edit.place_unplaced(self.network)
        self._reanalyze(emit=False)
        self.modelReset.emit()
        self.analysisChanged.emit()
        self.pathChanged.emit()

    def set_path(self, path: Path) -> None:
        self._design.path = Path(path)
        self.pathChanged.emit()

    # -- primitive mutations (called by undo commands) ---------------------------------------
    def insert_node(self, node: dict[str, Any], index: int | None = None) -> None:
        nodes = self.nodes
        nodes.insert(len(nodes) if index is None else index, node)
        self.nodeAdded.emit(node["id"])
        self._reanalyze()

    def remove_nodes(self, ids: set[str]):
        """Remove nodes and their edges; returns what `restore_nodes` needs."""
        removed = edit.remove_nodes(self.network, ids)
        for _, (src, dst) in removed[1]:
            self.edgeRemoved.emit(src, dst)
        for _, node in removed[0]:
            self.nodeRemoved.emit(node["id"])
        self._reanalyze()
        return removed

    def restore_nodes(self, removed) -> None:
        nodes, edges = removed
        edit.restore(self.network, nodes, edges)
        for _, node in nodes:
            self.nodeAdded.emit(node["id"])
        for _, (src, dst) in edges:
            self.edgeAdded.emit(src, dst)
        self._reanalyze()

    def add_edge(self, src: str, dst: str, index: int | None = None) -> None:
        edges = self.edges
        edges.insert(len(edges) if index is None else index, [src, dst])
        self.edgeAdded.emit(src, dst)
        self._reanalyze()

    def remove_edge(self, src: str, dst: str) -> int:
        """Remove one edge; returns its index (for undo)."""
        index = self.edges.index([src, dst])
        del self.edges[index]
        self.edgeRemoved.emit(src, dst)
        self._reanalyze()
        return index

    def set_position(self, node_id: str, pos: Sequence[float]) -> None:
        """Place a node at `pos` (x, y), rounded to a tenth."""
        self.node(node_id)["pos"] = [round(float(pos[0]), 1), round(float(pos[1]), 1)]
        self.nodeMoved.emit(node_id)

    def set_params(self, node_id: str, params: dict[str, Any]) -> None:
        self.node(node_id)["params"] = copy.deepcopy(params)
        self.nodeChanged.emit(node_id)
        self._reanalyze()

    def set_section(self, key: str, value: Any) -> None:
        """Replace a top-level section ("data", "training", "name", "description")."""
        self._design.set_section(key, copy.deepcopy(value))
        self.sectionChanged.emit(key)

    # -- analysis ----------------------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group many mutations (paste, multi-delete): the graph is analysed once, at the end."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._stale:
                self._reanalyze()

    def _reanalyze(self, emit: bool = True) -> None:
        if self._batch_depth:
            self._stale = True
            return
        self._stale = False
        self.analysis = analyze(self.nodes, self.edges)
        if emit:
            self.analysisChanged.emit()
