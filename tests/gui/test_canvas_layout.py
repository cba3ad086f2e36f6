"""Auto Layout and skip connections: no edge is drawn behind a card it does not touch. Checked
on the scene's geometry (each edge's stroke against every other card's rectangle)."""

from __future__ import annotations

import itertools

import pytest

from nnstudio.gui.canvas import CanvasView
from tests.gui.test_canvas import canvas  # noqa: F401  (the fixture laid_out builds on)


def skip_network(skipped: int) -> dict:
    """x → h1 → (`skipped` Dense layers) → add ← h1 → out, every card piled at the origin."""
    ids = ["x", "h1", *(f"s{k}" for k in range(skipped)), "add", "out"]
    kinds = {"x": ("Input", {"shape": [4]}), "add": ("Add", {}), "out": ("Dense", {"units": 2})}
    nodes = [{"id": nid, "type": kinds.get(nid, ("Dense", {"units": 4}))[0],
              "params": kinds.get(nid, ("Dense", {"units": 4}))[1], "pos": [0, 0]}
             for nid in ids]
    edges = [list(pair) for pair in itertools.pairwise(ids)]
    edges.append(["h1", "add"])
    return {"nodes": nodes, "edges": edges}


@pytest.fixture
def laid_out(canvas):  # noqa: F811
    """make(network) → the canvas of `network`, shown at projector size, after Auto Layout."""
    def make(network: dict) -> CanvasView:
        view, _model, _stack = canvas(network)
        view.auto_layout()
        return view
    return make


def edges_behind_cards(view: CanvasView) -> list[tuple[tuple[str, str], str]]:
    """(edge, card) pairs where the edge's stroke crosses a card that is neither of its ends."""
    scene = view.scene()
    crossings = []
    for key, edge in scene.edges.items():
        for nid, card in scene.nodes.items():
            if nid not in key and edge.shape().intersects(card.mapRectToScene(card.rect)):
                crossings.append((key, nid))
    return crossings


@pytest.mark.parametrize("skipped", [1, 2, 3])
def test_a_skip_edge_passes_beside_the_cards_it_skips(laid_out, skipped):
    view = laid_out(skip_network(skipped))
    assert view.scene().edge_item("h1", "add") is not None
    assert edges_behind_cards(view) == []
    nodes = {n["id"]: n["pos"] for n in view.model.nodes}
    assert nodes["h1"][0] < nodes["s0"][0] < nodes["add"][0]  # still left to right


def test_branches_and_merges_keep_clear_of_the_cards(laid_out):
    """Two parallel branches and a skip over them (an inception-like block)."""
    network = skip_network(1)
    network["nodes"].append({"id": "b", "type": "Dense", "params": {"units": 4},
                             "pos": [0, 0]})
    network["edges"] += [["h1", "b"], ["b", "add"]]
    assert edges_behind_cards(laid_out(network)) == []
