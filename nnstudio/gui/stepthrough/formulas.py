"""Formulas with the numbers in, for one unit or one weight of a traced step.

Every function takes a `Trace` (nnstudio.core.trace) and reads the first traced sample; units
and weights are numbered from 1 in the text, as a lecturer writes them (h1₂ is unit 2 of node
h1). The words around the mathematics are translated (context "StepThrough").
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from nnstudio.core.trace import Trace

#: a weighted sum with more terms than this is written with its first terms and "…"
MAX_TERMS = 6
_SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
#: the element-wise activations a Dense node may end in, as written in a formula
_ELEMENTWISE = {"ReLU": "relu", "LeakyReLU": "leaky_relu", "Sigmoid": "σ", "Tanh": "tanh",
                "ELU": "elu", "Step": "step", "Linear": "", "Softmax": "softmax"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("StepThrough", text)


def sub(index: int) -> str:
    """1-based index as subscript digits: 2 → "₂"."""
    return str(index).translate(_SUBSCRIPTS)


def num(x: float) -> str:
    """A number as a formula shows it: 4 significant digits, a true minus sign."""
    return f"{x:.4g}".replace("-", "−")


def _signed(x: float) -> str:
    """A term after the first: " + 0.3" / " − 0.3"."""
    return f" − {num(-x)}" if x < 0 else f" + {num(x)}"


def _factor(x: float) -> str:
    return f"({num(x)})" if x < 0 else num(x)


def unit_name(node: str, flat_index: int) -> str:
    return f"{node}{sub(flat_index + 1)}"


def _dense_terms(weights: np.ndarray, src: str) -> str:
    """"0.31·x₁ − 1.2·x₂" for one unit's incoming weights (in,) from node `src`."""
    parts: list[str] = []
    for i, w in enumerate(weights[:MAX_TERMS]):
        term = f"{num(abs(float(w)))}·{unit_name(src, i)}"
        parts.append(term if not parts and w >= 0 else
                     (f"−{term}" if not parts else (f" − {term}" if w < 0 else f" + {term}")))
    more = len(weights) - MAX_TERMS
    if more > 0:
        parts.append(" + … " + _tr("({count} more terms)").format(count=more))
    return "".join(parts)


def forward_formula(trace: Trace, node_id: str, flat_index: int) -> str:
    """How unit `flat_index` of node `node_id` got its value, e.g.
    "h1₂ = tanh(0.31·x₁ − 1.2·x₂ + 0.05) = tanh(−0.84) = −0.69"."""
    node = trace.nodes[node_id]
    out = node.output[0].reshape(-1)
    name, value = unit_name(node_id, flat_index), float(out[flat_index])
    if node.type == "Dense" and len(node.inputs) == 1 and node.output.ndim == 2:
        src = node.inputs[0]
        x = trace.nodes[src].output[0].reshape(-1)
        w = trace.params[f"{node_id}.W"].value[:, flat_index]
        bias = trace.params.get(f"{node_id}.b")
        b = float(bias.value[flat_index]) if bias is not None else 0.0
        z = float(x @ w + b)
        inner = _dense_terms(w, src) + (_signed(b) if bias is not None else "")
        act = _dense_activation(trace, node_id)
        if not act:
            return f"{name} = {inner} = {num(value)}"
        return f"{name} = {act}({inner}) = {act}({num(z)}) = {num(value)}"
    if node.type in _ELEMENTWISE and node.type != "Softmax" and len(node.inputs) == 1:
        src = node.inputs[0]
        x = float(trace.nodes[src].output[0].reshape(-1)[flat_index])
        act = _ELEMENTWISE[node.type] or "id"
        return f"{name} = {act}({unit_name(src, flat_index)}) = {act}({num(x)}) = {num(value)}"
    if node.type == "Add":
        terms = [(s, float(trace.nodes[s].output[0].reshape(-1)[flat_index]))
                 for s in node.inputs]
        names = " + ".join(unit_name(s, flat_index) for s, _ in terms)
        values = " + ".join(_factor(v) for _, v in terms)
        return f"{name} = {names} = {values} = {num(value)}"
    return f"{name} = {num(value)}"


def _dense_activation(trace: Trace, node_id: str) -> str:
    """The activation written before a Dense node's sum ("" for linear), from its output."""
    act = trace.nodes[node_id].params.get("activation", "linear")
    return _DENSE_ACTIVATION_NAMES.get(act if isinstance(act, str) else "linear", "")


_DENSE_ACTIVATION_NAMES = {"linear": "", "relu": "relu", "leaky_relu": "leaky_relu",
                           "sigmoid": "σ", "tanh": "tanh", "softmax": "softmax", "elu": "elu",
                           "step": "step"}


def backward_formula(trace: Trace, node_id: str, flat_index: int) -> str:
    """∂L/∂(unit) with where it comes from: the sum of the parts from each node it feeds (a
    branch), or the one part, e.g. "∂L/∂a₁ = 0.12 (← sum) + 0.05 (← cat) = 0.17"."""
    node = trace.nodes[node_id]
    value = float(node.grad_output[0].reshape(-1)[flat_index])
    head = f"∂L/∂{unit_name(node_id, flat_index)}"
    parts = [(dst, float(g[0].reshape(-1)[flat_index]))
             for (src, dst), g in trace.edge_grads.items() if src == node_id]
    if node_id == trace.order[-1] or not parts:
        return f"{head} = {num(value)}"
    if len(parts) == 1:
        chain = _through_dense(trace, node_id, parts[0][0], flat_index)
        return f"{head} = {chain}{num(value)}  " + _tr("(from {node})").format(node=parts[0][0])
    pieces = " + ".join(f"{_factor(v)} " + _tr("(from {node})").format(node=dst)
                        for dst, v in parts)
    return f"{head} = {pieces} = {num(value)}"


def _through_dense(trace: Trace, src: str, dst: str, i: int) -> str:
    """"Σⱼ out.W₂ⱼ·δⱼ = 0.5·0.1 + 0.2·(−0.3) = " when `dst` is a Dense node fed by `src` alone
    and one sample is traced (δ = ∂L/∂z of dst, its bias's gradient); else ""."""
    node, weights, bias = trace.nodes[dst], trace.params.get(f"{dst}.W"), \
        trace.params.get(f"{dst}.b")
    if node.type != "Dense" or node.inputs != (src,) or weights is None or bias is None \
            or weights.value.ndim != 2 or len(trace.indices) > 1 \
            or trace.nodes[src].output.ndim != 2:
        return ""
    w, delta = weights.value[i], bias.grad
    terms = " + ".join(f"{_factor(float(a))}·{_factor(float(d))}"
                       for a, d in zip(w[:MAX_TERMS], delta[:MAX_TERMS], strict=True))
    if len(w) > MAX_TERMS:
        terms += " + …"
    return f"Σⱼ {dst}.W{sub(i + 1)}ⱼ·δⱼ = {terms} = "


def weight_formula(trace: Trace, param: str, index: tuple[int, ...]) -> str:
    """A weight's value, its gradient (for a Dense weight W[i, j] = Σ over samples of
    input i · δⱼ, one sample written out), the numerical gradient and their relative error."""
    p = trace.params[param]
    where = f"{param.rpartition('.')[2]}{''.join(sub(i + 1) for i in index)}"
    g = float(p.grad[index])
    lines = [f"{where} = {num(float(p.value[index]))}"]
    node_id = p.node
    node = trace.nodes.get(node_id)
    if (node is not None and node.type == "Dense" and param.endswith(".W") and len(index) == 2
            and len(trace.indices) <= 1 and f"{node_id}.b" in trace.params):
        i, j = index
        x = float(trace.nodes[node.inputs[0]].output[0].reshape(-1)[i])
        delta = float(trace.params[f"{node_id}.b"].grad[j])  # ∂L/∂z for one sample
        penalty = g - x * delta
        extra = f" + {num(penalty)}" if abs(penalty) > 1e-12 * max(1.0, abs(g)) else ""
        lines.append(f"∂L/∂{where} = {unit_name(node.inputs[0], i)}·δ{sub(j + 1)}{extra} = "
                     f"{_factor(x)}·{_factor(delta)}{extra} = {num(g)}")
    else:
        lines.append(f"∂L/∂{where} = {num(g)}")
    if p.numeric_grad is not None:
        n = float(p.numeric_grad[index])
        err = p.relative_error
        rel = float(err[index]) if err is not None else 0.0
        lines.append(_tr("numerical (ε = {eps}): {value}, relative error {error}").format(
            eps=f"{trace.epsilon:g}", value=num(n), error=f"{rel:.1e}"))
    return "\n".join(lines)


def update_formula(trace: Trace, param: str, index: tuple[int, ...]) -> str:
    """The optimiser's update of one element, old → new with the numbers in."""
    update = trace.updates.get(param)
    if update is None:
        return ""
    if update.frozen:
        return _tr("frozen: {name} stays {value}").format(
            name=param, value=num(float(update.old[index])))
    return update.filled(index)
