"""The layer graph: structure checks, shape inference, DAG forward/backward, state."""

import numpy as np
import pytest

from nnstudio.core.errors import GraphError
from nnstudio.core.gradcheck import numerical_gradient
from nnstudio.core.graph import analyze
from nnstudio.core.network import Network


def node(nid, type_, **params):
    return {"id": nid, "type": type_, "params": params}


MLP = [node("x", "Input", shape=[2]), node("h", "Dense", units=3, activation="tanh"),
       node("out", "Dense", units=2)]
MLP_EDGES = [["x", "h"], ["h", "out"]]


def residual_graph():
    """x → a → (b → c) + a → Concatenate(sum, a) → out: fan-out, Add and Concatenate."""
    nodes = [
        node("x", "Input", shape=[3]),
        node("a", "Dense", units=4, activation="tanh"),
        node("b", "Dense", units=4, activation="sigmoid"),
        node("c", "Dense", units=4),
        node("sum", "Add"),
        node("cat", "Concatenate"),
        node("out", "Dense", units=2, activation="elu"),
    ]
    edges = [["x", "a"], ["a", "b"], ["b", "c"], ["c", "sum"], ["a", "sum"],
             ["sum", "cat"], ["a", "cat"], ["cat", "out"]]
    return nodes, edges


def loss_of(net, x, r):
    return float(np.sum(net.forward(x, training=False) * r))


def test_shapes_and_summary():
    nodes, edges = residual_graph()
    net = Network(nodes, edges)
    assert net.input_shape == (3,) and net.output_shape == (2,)
    rows = {r.id: r for r in net.summary()}
    assert rows["cat"].output_shape == (8,)
    assert rows["cat"].inputs == ("sum", "a")
    assert rows["out"].parameters == 8 * 2 + 2
    assert net.num_parameters == sum(p.value.size for p in net.parameters())
    assert [p.name for p in net.parameters()][:2] == ["a.W", "a.b"]


def test_dag_gradients_match_central_differences():
    nodes, edges = residual_graph()
    net = Network(nodes, edges, dtype=np.float64, seed=3)
    rng = np.random.default_rng(0)
    x = rng.normal(size=(5, 3))
    r = rng.normal(size=(5, 2))
    net.forward(x)
    gx = net.backward(r)
    assert np.allclose(gx, numerical_gradient(lambda v: loss_of(net, v, r), x.copy()),
                       rtol=1e-6, atol=1e-8)
    analytic = {p.name: p.grad.copy() for p in net.parameters()}
    for p in net.parameters():
        num = numerical_gradient(lambda v, p=p: _with_value(net, p, v, x, r), p.value.copy())
        assert np.allclose(analytic[p.name], num, rtol=1e-6, atol=1e-8), p.name


def _with_value(net, p, v, x, r):
    old = p.value.copy()
    p.value[...] = v
    try:
        return loss_of(net, x, r)
    finally:
        p.value[...] = old


def test_backward_accumulates_until_zero_grad():
    net = Network(MLP, MLP_EDGES, dtype=np.float64)
    x = np.ones((4, 2))
    net.forward(x)
    net.backward(np.ones((4, 2)))
    once = net.parameters()[0].grad.copy()
    net.forward(x)
    net.backward(np.ones((4, 2)))
    assert np.allclose(net.parameters()[0].grad, 2 * once)
    net.zero_grad()
    assert all(p.grad is None for p in net.parameters())


def test_float32_stays_float32():
    net = Network(MLP, MLP_EDGES)
    y = net.forward(np.ones((4, 2), dtype=np.float64))
    assert y.dtype == np.float32
    assert net.backward(np.ones_like(y)).dtype == np.float32
    assert all(p.grad.dtype == np.float32 for p in net.parameters())


def test_same_seed_same_weights_and_reset():
    a, b = Network(MLP, MLP_EDGES, seed=7), Network(MLP, MLP_EDGES, seed=7)
    for pa, pb in zip(a.parameters(), b.parameters(), strict=True):
        assert np.array_equal(pa.value, pb.value)
    first = a.state_dict()
    a.parameters()[0].value += 1
    a.reset_parameters(7)
    assert all(np.array_equal(first[k], v) for k, v in a.state_dict().items())


def test_state_dict_round_trip_and_misfit():
    net = Network(MLP, MLP_EDGES)
    state = net.state_dict()
    state["h.W"] = state["h.W"] + 1
    net.load_state_dict(state)
    assert np.array_equal(net.parameters()[0].value, state["h.W"])
    with pytest.raises(ValueError, match=r"h\.W has shape"):
        net.load_state_dict({**state, "h.W": np.zeros((3, 3))})
    with pytest.raises(ValueError, match=r"missing out\.b"):
        net.load_state_dict({k: v for k, v in state.items() if k != "out.b"})


def test_wrong_input_shape_is_a_clear_error():
    net = Network(MLP, MLP_EDGES)
    with pytest.raises(ValueError, match=r"inputs of shape \(batch, 2\)"):
        net.forward(np.ones((4, 3)))


@pytest.mark.parametrize(
    ("nodes", "edges", "culprit", "text"),
    [
        ([*MLP, node("h", "Dense", units=2)], MLP_EDGES, "h", "more than one node"),
        ([node("x", "Input", shape=[2]), node("a", "Dense", units=2),
          node("b", "Dense", units=2)],
         [["x", "a"], ["a", "b"], ["b", "a"]], "a", "cycle"),
        (MLP, [*MLP_EDGES, ["h", "ghost"]], None, "does not exist"),
        (MLP[1:], [["h", "out"]], "h", "has no input"),
        ([node("a", "Dense", units=2)], [], "a", "has no input"),
        ([*MLP, node("extra", "Dense", units=2)], [*MLP_EDGES, ["h", "extra"]],
         "extra", "several outputs"),
        ([node("x", "Input", shape=[1, 8, 8]), node("d", "Dense", units=2)], [["x", "d"]],
         "d", "Flatten"),
        ([node("x", "Input", shape=[2]), node("d", "Dense", units=-3)], [["x", "d"]],
         "d", "at least 1"),
        ([node("x", "Input", shape=[2]), node("d", "Dens", units=3)], [["x", "d"]],
         "d", "unknown node type"),
        ([node("x", "Input", shape=[2]), node("a", "Dense", units=2),
          node("b", "Dense", units=3), node("s", "Add")],
         [["x", "a"], ["x", "b"], ["a", "s"], ["b", "s"]], "s", "(2,)"),
        (MLP, [*MLP_EDGES, ["x", "h"]], "h", "twice"),
    ],
)
def test_impossible_graphs_name_the_node(nodes, edges, culprit, text):
    with pytest.raises(GraphError) as info:
        Network(nodes, edges)
    assert any(n == culprit and text in msg for n, msg in info.value.problems), \
        info.value.problems


def test_absurd_sizes_are_refused_before_allocation():
    nodes = [node("x", "Input", shape=[1_000_000]), node("d", "Dense", units=1_000_000)]
    a = analyze(nodes, [["x", "d"]])
    assert a.node_problems("d") and "parameters" in a.node_problems("d")[0]
    with pytest.raises(GraphError, match="parameters"):
        Network(nodes, [["x", "d"]])


def test_analysis_reports_every_problem_at_once():
    nodes = [node("x", "Input", shape=[2]), node("a", "Dense", units=0),
             node("b", "Dense", units=2, activation="swish")]
    a = analyze(nodes, [["x", "a"], ["a", "b"]])
    assert {n for n, _ in a.problems} == {"a", "b"}


def test_linear_layer_before_relu_gets_he_init():
    nodes = [node("x", "Input", shape=[400]), node("d", "Dense", units=400),
             node("r", "ReLU")]
    net = Network(nodes, [["x", "d"], ["d", "r"]], dtype=np.float64)
    std = net.parameters()[0].value.std()
    assert abs(std - np.sqrt(2 / 400)) < 0.005  # He normal, not Xavier's sqrt(1/400)


def test_training_backward_can_skip_the_input_gradient():
    nodes, edges = residual_graph()
    net = Network(nodes, edges, dtype=np.float64)
    x, g = np.ones((4, 3)), np.ones((4, 2))
    net.forward(x)
    full = net.backward(g)
    grads = {p.name: p.grad.copy() for p in net.parameters()}
    net.zero_grad()
    net.forward(x)
    assert net.backward(g, input_grad=False) is None
    assert all(np.array_equal(grads[p.name], p.grad) for p in net.parameters())
    net.forward(x)
    assert np.array_equal(net.backward(g), full)  # the flag is not sticky


@pytest.mark.parametrize(("nodes", "edges", "culprit"), [
    ([node("x", "Input", shape=[2]), node("a", "Dense", units=2), node("b", "Dense", units=2),
      node("t", "Tanh")], [["x", "a"], ["x", "b"], ["a", "t"], ["b", "t"]], "t"),
    ([node("x", "Input", shape=[2]), node("y", "Input", shape=[2])], [["x", "y"]], "y"),
])
def test_a_node_with_too_many_inputs_is_told_once_not_with_a_python_error(nodes, edges,
                                                                          culprit):
    problems = analyze(nodes, edges).node_problems(culprit)
    assert len([p for p in problems if "connect" in p]) == 1, problems
    assert not any("unpack" in p or "takes no inputs" in p for p in problems), problems
