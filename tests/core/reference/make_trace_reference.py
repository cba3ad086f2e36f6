"""Write torch autograd's numbers for every network in `trace_cases.py` into trace.npz.

`tests/core/test_trace_reference.py` compares nnstudio's trace with them without torch; run
this by hand where torch is installed whenever a case changes::

    PYTHONPATH=. /tmp/torchvenv/bin/python tests/core/reference/make_trace_reference.py

Keys "<case>/<what>": x, target, param/<name> (the starting values, from trace_cases), loss,
output/<node>, grad_output/<node> (∂L/∂ the node's value, retained by autograd),
grad/<parameter>. Every value compared comes from torch; each node is torch's computation of
that node type (make_reference.torch_function), in training mode with dropout off.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cases import LayerCase  # beside this script
from make_reference import TorchFn, torch_function
from trace_cases import CASES, FIXTURE, TraceCase

Arrays = dict[str, np.ndarray]


def numpy(t: torch.Tensor) -> np.ndarray:
    return t.detach().numpy().astype(np.float64).copy()


def recurrent(node: dict) -> TorchFn:
    """torch's RNN/LSTM (torch.nn.functional has none): the DESIGN's equations, one step at a
    time; gates i, f, g, o as torch orders them."""
    p = node["params"]
    lstm = node["type"] == "LSTM"
    act = torch.relu if p.get("activation") == "relu" else torch.tanh

    def fn(xs: list[torch.Tensor], q: dict[str, torch.Tensor], training: bool) -> torch.Tensor:
        x, units = xs[0], p["units"]
        h = torch.zeros((x.shape[0], units), dtype=x.dtype)
        c = torch.zeros_like(h)
        steps = []
        for t in range(x.shape[1]):
            z = x[:, t] @ q["W"] + h @ q["U"] + q["b"]
            if lstm:
                i, f, g, o = z.split(units, dim=1)
                c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
                h = torch.sigmoid(o) * torch.tanh(c)
            else:
                h = act(z)
            steps.append(h)
        return torch.stack(steps, dim=1) if p.get("return_sequences") else h
    return fn


def node_function(case: TraceCase, node: dict, shapes: list[tuple[int, ...]]) -> TorchFn:
    """torch's computation of one node; Dropout is the identity (a trace runs without it),
    Step passes no gradient (torch has no derivative for heaviside)."""
    if node["type"] == "Dropout":
        return lambda xs, q, training: xs[0]
    act = node["params"].get("activation")
    if node["type"] == "Step" or act == "step":
        linear = dict(node, params={**node["params"], "activation": "linear"})
        inner = (lambda xs, q, t: xs[0]) if node["type"] == "Step" else \
            node_function(case, linear, shapes)
        zero = torch.zeros((), dtype=torch.float64)

        def step(xs: list[torch.Tensor], q: dict[str, torch.Tensor], t: bool) -> torch.Tensor:
            z = inner(xs, q, t)
            return torch.heaviside(z.detach(), zero) + 0 * z
        return step
    if node["type"] in ("RNN", "LSTM"):
        return recurrent(node)
    if node["type"] == "Embedding":
        return lambda xs, q, t: F.embedding(xs[0].detach().long(), q["W"])
    fn, _ = torch_function(LayerCase(f"{case.name}/{node['id']}", node["type"], node["params"],
                                     tuple(shapes)))
    return fn


def torch_loss(case: TraceCase, out: torch.Tensor, target: np.ndarray,
               final: str | None) -> torch.Tensor:
    if case.loss == "cross_entropy":
        y = torch.tensor(target)
        return F.nll_loss(torch.log(out), y) if final == "softmax" else F.cross_entropy(out, y)
    if case.loss == "binary_cross_entropy":
        t = torch.tensor(target)
        return F.binary_cross_entropy(out, t) if final == "sigmoid" else \
            F.binary_cross_entropy_with_logits(out, t)
    if case.loss == "mse":
        return F.mse_loss(out, torch.tensor(target))
    y = torch.tensor(target)
    rows = torch.arange(len(y))
    margins = torch.clamp(out - out[rows, y][:, None] + 1.0, min=0.0)
    margins = margins * (1 - F.one_hot(y, out.shape[1]).to(out.dtype))
    return margins.sum() / len(y)


def trace_reference(case: TraceCase) -> Arrays:
    net = case.network()
    x, target = case.batch()
    found: Arrays = {"x": x, "target": np.asarray(target, dtype=np.float64)}
    params = {p.name: torch.tensor(p.value.copy(), requires_grad=True) for p in net.parameters()}
    found.update({f"param/{name}": numpy(t) for name, t in params.items()})
    a = net.analysis
    values: dict[str, torch.Tensor] = {}
    by_id = {n["id"]: n for n in case.nodes}
    for nid in net.order:
        if nid == net.input_id:
            values[nid] = torch.tensor(x, requires_grad=True)
            continue
        shapes = [a.shapes[s] for s in a.inputs[nid]]
        fn = node_function(case, by_id[nid], shapes)  # type: ignore[arg-type]
        mine = {name.rpartition(".")[2]: t for name, t in params.items()
                if name.rpartition(".")[0] == nid}
        values[nid] = fn([values[s] for s in a.inputs[nid]], mine, True)
        values[nid].retain_grad()
    loss = torch_loss(case, values[net.output_id], target, net.final_activation)
    for node in case.nodes:  # the L1/L2 penalties, on weights only
        p, w = node["params"], params.get(f"{node['id']}.W")
        if w is not None:
            loss = loss + 0.5 * p.get("l2", 0.0) * (w * w).sum() + p.get("l1", 0.0) * w.abs().sum()
    loss.backward()
    found["loss"] = np.array(float(loss.detach()))
    for nid, t in values.items():
        found[f"output/{nid}"] = numpy(t)
        found[f"grad_output/{nid}"] = numpy(t.grad) if t.grad is not None else \
            np.zeros(tuple(t.shape))
    for name, t in params.items():
        found[f"grad/{name}"] = numpy(t.grad) if t.grad is not None else np.zeros(tuple(t.shape))
    return {f"{case.name}/{k}": v for k, v in found.items()}


def main() -> None:
    arrays: Arrays = {}
    for case in CASES:
        arrays.update(trace_reference(case))
    np.savez_compressed(FIXTURE, **arrays)
    print(f"wrote {len(arrays)} arrays to {FIXTURE}")


if __name__ == "__main__":
    main()
