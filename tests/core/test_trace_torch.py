"""The trace against torch autograd computed live (skipped where torch is not installed; the
same comparison runs from stored values in test_trace_reference.py)."""

from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("torch")

from reference.make_trace_reference import trace_reference
from reference.trace_cases import CASES, TraceCase

from nnstudio.core.trace import trace_step


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_trace_equals_live_torch_autograd(case: TraceCase) -> None:
    expected = trace_reference(case)
    x, target = case.batch()
    trace = trace_step(case.network(), x, target, case.loss, numeric=False)
    assert trace.loss == pytest.approx(float(expected[f"{case.name}/loss"]), rel=1e-12)
    for nid, node in trace.nodes.items():
        np.testing.assert_allclose(node.grad_output, expected[f"{case.name}/grad_output/{nid}"],
                                   rtol=1e-9, atol=1e-12, err_msg=nid)
    for name, p in trace.params.items():
        np.testing.assert_allclose(p.grad, expected[f"{case.name}/grad/{name}"], rtol=1e-9,
                                   atol=1e-12, err_msg=name)
