"""CanvasEditor: turns what the user asks of the canvas into undo commands on the model.

The editor never draws and never reads the mouse: the view's interactions and the window's
actions call it with ids and positions, it pushes AddNodes, Connect, MoveNodes or RemoveItems
and the scene redraws from the model's signals, so undo and redo look like any other change.
"""

from __future__ import annotations

import math
import weakref
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtGui import QUndoStack

from nnstudio.core.catalog import NODE_TYPES
from nnstudio.design import edit
from nnstudio.gui import theme
from nnstudio.gui.canvas import placement, style
from nnstudio.gui.commands import AddNodes, Connect, MoveNodes, RemoveItems
from nnstudio.gui.model import DesignModel
from nnstudio.gui.network_text import network_problem_tr

if TYPE_CHECKING:
    from nnstudio.gui.canvas.view import CanvasView

#: a node's move: (old position, new position), each [x, y] in scene units
Move = tuple[list[float], list[float]]


def _grid_multiple(length: float) -> float:
    """`length` rounded up to an even number of grid steps (so half of it stays on the grid)."""
    step = 2 * theme.GRID_STEP
    return math.ceil(length / step) * step


class CanvasEditor:
    """Every edit the canvas offers, each one undo step on `undo_stack`.

    `view` supplies what an edit needs to know about the screen: the selection, the visible
    centre and the cards' sizes; the editor selects what it adds there. The view owns the
    editor, so the editor keeps only a weak reference to it (a cycle would leave a closed view
    for the garbage collector to destroy, possibly in the middle of another widget's paint).
    """

    def __init__(self, model: DesignModel, undo_stack: QUndoStack, view: CanvasView):
        self.model = model
        self.undo_stack = undo_stack
        self.view: CanvasView = weakref.proxy(view)

    # -- adding ------------------------------------------------------------------------------
    def _card_room(self) -> tuple[float, float]:
        m = style.card_metrics()
        return style.MAX_CARD_WIDTH + theme.GRID_STEP, m.height + theme.GRID_STEP

    def _view_centre(self) -> tuple[float, float]:
        centre = self.view.visible_centre()
        return placement.free_spot(placement.snap(centre.x(), centre.y()), self.model.nodes,
                                   self._card_room())

    def add_node(self, type_name: str, scene_pos: QPointF | tuple[float, float] | None = None
                 ) -> str:
        """Add a node of `type_name` at `scene_pos` (default: the view's centre) in one undo
        step, select it and return its id."""
        if scene_pos is None:
            pos = self._view_centre()
        else:
            x, y = ((scene_pos.x(), scene_pos.y()) if isinstance(scene_pos, QPointF)
                    else scene_pos)
            pos = placement.snap(x, y)
        node = edit.make_node(self.model.network, type_name, pos)
        self.undo_stack.push(AddNodes(self.model, [node]))
        self.view.select_nodes([node["id"]])
        return node["id"]

    def append_after_selection(self, type_name: str) -> str:
        """Add a node right of the selected nodes (or of the network's end) and feed it from
        them, in one undo step. A merge node is fed by every selected node. A node after one
        selected node that feeds others goes in between (h1 → h2 becomes h1 → new → h2) when
        the network still infers with it there; else it starts a new branch."""
        spec = NODE_TYPES[type_name]
        anchors = self.view.selected_node_ids() or self._network_end()
        if not anchors or not spec.takes_input:
            return self.add_node(type_name)
        sources = anchors if spec.max_inputs is None else anchors[-1:]
        spots = [self.model.node(s)["pos"] for s in sources]
        x = max(p[0] for p in spots) + self.layout_steps()[0]
        y = sum(p[1] for p in spots) / len(spots)
        node = edit.make_node(self.model.network, type_name, placement.snap(x, y))
        insertion = edit.insertion_edges(self.model.network, sources[0], node) \
            if len(sources) == 1 else None
        if insertion is not None:
            self._insert_between(node, sources[0], *insertion)
        else:
            node["pos"] = list(placement.free_spot(placement.snap(x, y), self.model.nodes,
                                                   self._card_room()))
            probe = {"nodes": [*self.model.nodes, node], "edges": self.model.edges}
            edges = [[s, node["id"]] for s in sources
                     if edit.connection_problem(probe, s, node["id"]) is None]
            self.undo_stack.push(AddNodes(self.model, [node], edges))
        self.view.select_nodes([node["id"]])
        self.view.show_node(node["id"])
        return node["id"]

    def _insert_between(self, node: dict[str, Any], anchor: str, removed: list[list[str]],
                        added: list[list[str]]) -> None:
        """One undo step: the nodes after `anchor` move one column right to make room, its
        outgoing edges `removed` give way to `added` through the new `node`."""
        step = self.layout_steps()[0]
        left = self.model.node(anchor)["pos"][0]
        moves = {nid: (list(pos), [pos[0] + step, pos[1]])
                 for nid in sorted(edit.downstream(self.model.network, anchor))
                 if (pos := self.model.node(nid)["pos"])[0] > left}
        self.undo_stack.beginMacro(QCoreApplication.translate("Canvas", "Insert {name}").format(
            name=node["type"]))
        if moves:
            self.undo_stack.push(MoveNodes(self.model, moves,
                                           QCoreApplication.translate("Canvas", "Make room")))
        self.undo_stack.push(RemoveItems(self.model, set(), removed))
        self.undo_stack.push(AddNodes(self.model, [node], added))
        self.undo_stack.endMacro()

    def _network_end(self) -> list[str]:
        """The node a new layer naturally follows: the output, else the last node added."""
        if self.model.analysis.output_id is not None:
            return [self.model.analysis.output_id]
        return [self.model.nodes[-1]["id"]] if self.model.nodes else []

    # -- removing, copying, pasting ----------------------------------------------------------
    def delete_selection(self) -> None:
        """Delete the selected nodes (with their edges) and selected edges in one undo step."""
        nodes, edges = set(self.view.selected_node_ids()), self.view.selected_edges()
        if nodes or edges:
            self.undo_stack.push(RemoveItems(self.model, nodes, edges))

    def copy_selection(self) -> dict[str, Any] | None:
        """The selected nodes and the edges among them, as a clipboard fragment."""
        ids = self.view.selected_node_ids()
        return edit.copy_subgraph(self.model.network, set(ids)) if ids else None

    def paste(self, fragment: dict[str, Any] | None) -> list[str]:
        """Add a copy of `fragment` with fresh ids, shifted off the originals, in one undo
        step; select and return the new ids."""
        if not fragment or not fragment.get("nodes"):
            return []
        offset = placement.paste_offset(fragment["nodes"], self.model.nodes)
        fresh = edit.paste_fragment(self.model.network, fragment, offset)
        self.undo_stack.push(AddNodes(self.model, fresh["nodes"], fresh["edges"],
                                      text=QCoreApplication.translate("Canvas", "Paste")))
        ids = [n["id"] for n in fresh["nodes"]]
        self.view.select_nodes(ids)
        return ids

    # -- moving and connecting ---------------------------------------------------------------
    def layout_steps(self) -> tuple[float, float]:
        """Column and row spacing for layouts: room for the widest card plus its edges."""
        m = style.card_metrics()
        widest = max(self.view.card_widths(), default=m.width)
        return _grid_multiple(widest + 60), _grid_multiple(m.height + 40)

    def auto_layout(self) -> None:
        """Arrange the network in layers from left to right (one undo step), then fit it."""
        if not self.model.nodes:
            return
        dx, dy = self.layout_steps()
        target = edit.layered_positions(self.model.network, dx, dy)
        current = {n["id"]: n["pos"] for n in self.model.nodes}
        moves = {nid: (list(current[nid]), pos) for nid, pos in target.items()
                 if list(current[nid]) != pos}
        if moves:
            self.undo_stack.push(MoveNodes(self.model, moves,
                                           QCoreApplication.translate("Canvas", "Auto layout")))
        self.view.fit()

    def move_nodes(self, moves: dict[str, Move]) -> None:
        """Record cards the user dragged ({node id: (old, new)}) as one undo step."""
        if moves:
            self.undo_stack.push(MoveNodes(self.model, moves))

    def connect(self, src: str, dst: str) -> str | None:
        """Connect `src` → `dst` in one undo step (replacing the edge a single-input `dst` had);
        return why the connection is refused instead, as a translated sentence."""
        problem = edit.connection_problem(self.model.network, src, dst)
        if problem is not None:
            return QCoreApplication.translate("Canvas", "Cannot connect: {reason}").format(
                reason=network_problem_tr(problem))
        self.undo_stack.push(Connect(self.model, src, dst,
                                     edit.replaced_edge(self.model.network, dst)))
        return None
