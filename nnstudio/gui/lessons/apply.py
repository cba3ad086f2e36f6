"""A lesson step's Apply as one undoable edit: the design becomes the step's `applied` document
(network, data, training, name, description), and undo puts the one before back."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtGui import QUndoCommand

from nnstudio.design import edit
from nnstudio.design.spec import EDITABLE_SECTIONS
from nnstudio.gui.model import DesignModel


class ApplyStep(QUndoCommand):
    """Make the model hold `new` (a design document); undo restores what it held before."""

    def __init__(self, model: DesignModel, new: dict[str, Any], text: str):
        super().__init__(text)
        self.model = model
        self.old = model.design.to_dict()
        self.new = copy.deepcopy(new)
        edit.place_unplaced(self.new["network"])  # a swapped-in network laid out once

    def redo(self) -> None:
        put_document(self.model, self.new)

    def undo(self) -> None:
        put_document(self.model, self.old)


def put_document(model: DesignModel, doc: dict[str, Any]) -> None:
    """Change the model, through its primitive mutators, until it holds `doc`'s network and
    editable sections (only what differs is touched, so the views redraw only that)."""
    put_network(model, doc["network"])
    for key in EDITABLE_SECTIONS:
        if model.design.section(key) != doc.get(key):
            model.set_section(key, doc.get(key))


def put_network(model: DesignModel, network: dict[str, Any]) -> None:
    """The same nodes (ids, types, edges): their params and places set; else the whole graph
    replaced, analysed once."""
    nodes, edges = network["nodes"], [list(e) for e in network.get("edges", [])]
    if _same_graph(model, nodes, edges):
        for node in nodes:
            old = model.node(node["id"])
            if old.get("params", {}) != node.get("params", {}):
                model.set_params(node["id"], node.get("params", {}))
            if "pos" in node and old.get("pos") != node["pos"]:
                model.set_position(node["id"], node["pos"])
        return
    with model.batch():
        if model.nodes:
            model.remove_nodes({n["id"] for n in model.nodes})
        for node in nodes:
            model.insert_node(copy.deepcopy(node))
        for src, dst in edges:
            model.add_edge(src, dst)


def _same_graph(model: DesignModel, nodes: list[dict[str, Any]], edges: list[list[str]]) -> bool:
    def kinds(ns: list[dict[str, Any]]) -> list[tuple[str, str]]:
        return [(n["id"], n["type"]) for n in ns]

    return kinds(model.nodes) == kinds(nodes) and model.edges == edges
