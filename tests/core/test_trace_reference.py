"""The trace against torch autograd's numbers, without torch: tests/core/reference/trace.npz.

`reference/make_trace_reference.py` wrote torch's loss, every node's value and ∂L/∂value and
every parameter's gradient for the networks of `reference/trace_cases.py` (every node type,
Add and Concatenate branches, fused and unfused softmax/sigmoid, L1/L2); here nnstudio's trace
runs the same cases in float64, and its numerical gradients agree with them to 1e-6.
"""

from __future__ import annotations

import functools

import numpy as np
import pytest
from reference.trace_cases import CASES, FIXTURE, TraceCase

from nnstudio.core.catalog import NODE_TYPES
from nnstudio.core.gradcheck import worst_element
from nnstudio.core.trace import Trace, trace_step

REGENERATE = "rerun tests/core/reference/make_trace_reference.py where torch is installed"


@functools.cache
def reference() -> dict[str, np.ndarray]:
    with np.load(FIXTURE, allow_pickle=False) as data:
        return {key: data[key] for key in data.files}


def ref(case: TraceCase, key: str) -> np.ndarray:
    arrays = reference()
    if f"{case.name}/{key}" not in arrays:
        pytest.fail(f"trace.npz has no {case.name}/{key}: {REGENERATE}")
    return arrays[f"{case.name}/{key}"]


@functools.cache
def traced(name: str) -> Trace:
    case = next(c for c in CASES if c.name == name)
    x, target = case.batch()
    return trace_step(case.network(), x, target, case.loss)


def test_the_cases_cover_every_node_type() -> None:
    used = {node["type"] for case in CASES for node in case.nodes}
    assert set(NODE_TYPES) <= used, f"no trace case has {sorted(set(NODE_TYPES) - used)}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_inputs_are_the_fixtures(case: TraceCase) -> None:
    x, target = case.batch()
    np.testing.assert_array_equal(x, ref(case, "x"), err_msg=REGENERATE)
    np.testing.assert_array_equal(np.asarray(target, np.float64), ref(case, "target"))
    for p in case.network().parameters():
        np.testing.assert_array_equal(p.value, ref(case, f"param/{p.name}"), err_msg=REGENERATE)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_trace_equals_torch_autograd(case: TraceCase) -> None:
    trace = traced(case.name)
    assert trace.loss == pytest.approx(float(ref(case, "loss")), rel=1e-12)
    for nid, node in trace.nodes.items():
        np.testing.assert_allclose(node.output, ref(case, f"output/{nid}"), rtol=1e-10,
                                   atol=1e-12, err_msg=f"{nid} output")
        np.testing.assert_allclose(node.grad_output, ref(case, f"grad_output/{nid}"),
                                   rtol=1e-9, atol=1e-12, err_msg=f"{nid} ∂L/∂output")
    for name, p in trace.params.items():
        np.testing.assert_allclose(p.grad, ref(case, f"grad/{name}"), rtol=1e-9, atol=1e-12,
                                   err_msg=f"{name} gradient")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_numerical_gradients_agree_to_1e_6(case: TraceCase) -> None:
    for name, p in traced(case.name).params.items():
        assert p.numeric_grad is not None
        worst = worst_element(ref(case, f"grad/{name}"), p.numeric_grad, rtol=1e-6, atol=1e-8)
        assert worst.ok, f"{name}: {worst}"


def test_edge_parts_sum_to_the_nodes_gradient() -> None:
    trace = traced("branches-add-concat-mse")
    parts = {edge: g for edge, g in trace.edge_grads.items() if edge[0] == "a"}
    assert set(parts) == {("a", "sum"), ("a", "cat")}
    np.testing.assert_allclose(sum(parts.values()), trace.nodes["a"].grad_output)
    np.testing.assert_allclose(parts[("a", "sum")], trace.nodes["sum"].grad_output)
