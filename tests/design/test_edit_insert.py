"""Putting a new layer between a node and its successors (the palette's double-click)."""

from nnstudio.design import edit


def node(nid, kind, **params):
    return {"id": nid, "type": kind, "params": params, "pos": [0, 0]}


def network():
    """x → h1 → h2 → out, with a skip h1 → add ← h2 feeding out."""
    return {"nodes": [node("x", "Input", shape=[4]), node("h1", "Dense", units=8),
                      node("h2", "Dense", units=8), node("add", "Add"),
                      node("out", "Dense", units=2)],
            "edges": [["x", "h1"], ["h1", "h2"], ["h2", "add"], ["h1", "add"], ["add", "out"]]}


def test_a_shape_keeping_layer_goes_between_a_node_and_all_its_successors():
    removed, added = edit.insertion_edges(network(), "h1", node("d", "Dropout"))
    assert removed == [["h1", "h2"], ["h1", "add"]]
    assert added == [["h1", "d"], ["d", "h2"], ["d", "add"]]


def test_a_shape_changing_layer_goes_between_only_if_the_network_still_infers():
    assert edit.insertion_edges(network(), "x", node("d", "Dense", units=3)) is not None
    assert edit.insertion_edges(network(), "h1", node("d", "Dense", units=3)) is None  # Add
    assert edit.insertion_edges(network(), "h1", node("c", "Conv2D", filters=2)) is None


def test_the_end_of_the_network_has_nothing_to_go_between():
    assert edit.insertion_edges(network(), "out", node("d", "Dropout")) is None


def test_downstream_is_everything_reachable():
    assert edit.downstream(network(), "h1") == {"h2", "add", "out"}
    assert edit.downstream(network(), "out") == set()
