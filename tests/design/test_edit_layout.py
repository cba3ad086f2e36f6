"""Placing the nodes of a design written without positions."""

from nnstudio.design import edit


def node(nid, kind, **extra):
    return {"id": nid, "type": kind, "params": {}, **extra}


def test_nodes_without_positions_are_laid_out_left_to_right():
    network = {"nodes": [node("x", "Input"), node("a", "Dense"), node("b", "Dense"),
                         node("out", "Add")],
               "edges": [["x", "a"], ["x", "b"], ["a", "out"], ["b", "out"]]}
    assert edit.place_unplaced(network) == ["x", "a", "b", "out"]
    pos = {n["id"]: n["pos"] for n in network["nodes"]}
    assert pos["x"][0] < pos["a"][0] == pos["b"][0] < pos["out"][0]
    assert pos["a"][1] != pos["b"][1]
    assert len({tuple(p) for p in pos.values()}) == 4


def test_placed_nodes_keep_their_positions():
    network = {"nodes": [node("x", "Input", pos=[5, 7]), node("a", "Dense")],
               "edges": [["x", "a"]]}
    assert edit.place_unplaced(network) == ["a"]
    assert network["nodes"][0]["pos"] == [5, 7]
    assert "pos" in network["nodes"][1]
    assert edit.place_unplaced(network) == []
