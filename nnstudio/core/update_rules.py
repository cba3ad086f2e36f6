"""The optimisers' update rules written out term by term, to show one step of one parameter.

`nnstudio.core.optimizers` applies the same rules fast and in place; this module recomputes
them plainly in float64 from a copy of the optimiser's state (torch's form, as
`Optimizer.state_arrays()` gives it), so a trace can show old → new with every number of the
formula, and the real optimiser is never touched. A test holds the two to the same results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from nnstudio.core.optimizers import resolve_options

Terms = dict[str, np.ndarray]


@dataclass(frozen=True)
class UpdateTrace:
    """One parameter's update: `old` → `new` (arrays of its shape), at optimiser step `t`.

    `terms`: the formula's quantities by symbol (arrays of the parameter's shape; scalars as
    0-d arrays); `formula`: the rule in those symbols; `filled(index)` puts one element's
    numbers in. A frozen parameter is not updated (new == old, no terms).
    """

    name: str
    optimizer: str
    t: int
    old: np.ndarray
    new: np.ndarray
    terms: Terms
    formula: str
    frozen: bool = False

    def term(self, symbol: str, index: tuple[int, ...]) -> float:
        """The value of `symbol` at element `index` (a scalar term has one value)."""
        arr = self.terms[symbol]
        return float(arr if arr.ndim == 0 else arr[index])

    def filled(self, index: tuple[int, ...]) -> str:
        """The formula for element `index` with the numbers in, e.g.
        "w ← 0.31 − 0.1·0.52 = 0.258"."""
        if self.frozen:
            return f"w = {_g(float(self.old[index]))}"
        text = self.formula
        for symbol in sorted(self.terms, key=len, reverse=True):
            value = self.term(symbol, index)
            text = text.replace("{" + symbol + "}",
                                f"({_g(value)})" if value < 0 else _g(value))
        return f"{text} = {_g(float(self.new[index]))}"


def _g(x: float) -> str:
    return f"{x:.4g}".replace("-", "−")


def update_trace(spec: dict[str, Any], state: dict[str, np.ndarray], name: str,
                 value: np.ndarray, grad: np.ndarray, *, frozen: bool = False) -> UpdateTrace:
    """What the optimiser `spec` (e.g. {"type": "adam", "lr": 0.01}) with `state` (its
    `state_arrays()`, {} before its first step) would do to parameter `name` of `value` with
    gradient `grad`; ValueError for a bad spec."""
    kind, options = resolve_options(spec)
    old = np.array(value, dtype=np.float64)
    if frozen:
        return UpdateTrace(name, kind, 0, old, old.copy(), {}, "w", frozen=True)
    step = state.get(f"{name}.step")
    t = 1 + (int(step) if step is not None else 0)
    previous = {key.rpartition(".")[2]: np.array(arr, dtype=np.float64)
                for key, arr in state.items() if key.rpartition(".")[0] == name}
    g = np.array(grad, dtype=np.float64)
    rule = _RULES["sgd" if kind == "momentum" else kind]
    new, terms, formula = rule(options, t, old, g, previous)
    terms = {"w": old, "g": g, **terms}
    return UpdateTrace(name, kind, t, old, new, terms, formula)


def _scalar(x: float) -> np.ndarray:
    return np.array(float(x))


def _decayed(options: dict[str, Any], w: np.ndarray, g: np.ndarray, terms: Terms) -> str:
    """g′ = g + wd·w (L2 weight decay through the gradient), noted in `terms`; the symbol to
    use for the gradient from here on."""
    wd = float(options.get("weight_decay", 0.0))
    if not wd:
        return "g"
    terms["wd"] = _scalar(wd)
    terms["g′"] = g + wd * w
    return "g′"


def _sgd(o: dict[str, Any], t: int, w: np.ndarray, g: np.ndarray, prev: Terms
         ) -> tuple[np.ndarray, Terms, str]:
    terms: Terms = {"lr": _scalar(o["lr"])}
    gs = _decayed(o, w, g, terms)
    d = terms.get("g′", g)
    mu, tau = float(o["momentum"]), float(o["dampening"])
    if mu == 0:
        return w - o["lr"] * d, terms, f"w ← {{w}} − {{lr}}·{{{gs}}}"
    first = t == 1 or "momentum_buffer" not in prev
    buf = d.copy() if first else mu * prev["momentum_buffer"] + (1.0 - tau) * d
    terms.update(μ=_scalar(mu), b=buf)
    if not first:
        terms["b₋"] = prev["momentum_buffer"]
    if o["nesterov"]:
        return (w - o["lr"] * (d + mu * buf), terms,
                f"w ← {{w}} − {{lr}}·({{{gs}}} + {{μ}}·{{b}})")
    return w - o["lr"] * buf, terms, "w ← {w} − {lr}·{b}"


def _adagrad(o: dict[str, Any], t: int, w: np.ndarray, g: np.ndarray, prev: Terms
             ) -> tuple[np.ndarray, Terms, str]:
    lr_t = o["lr"] / (1.0 + (t - 1) * o["lr_decay"])
    terms: Terms = {"lr": _scalar(lr_t), "ε": _scalar(o["eps"])}
    gs = _decayed(o, w, g, terms)
    d = terms.get("g′", g)
    total = prev.get("sum", np.full_like(w, o["initial_accumulator_value"])) + d * d
    terms["G"] = total
    return (w - lr_t * d / (np.sqrt(total) + o["eps"]), terms,
            f"w ← {{w}} − {{lr}}·{{{gs}}} / (√{{G}} + {{ε}})")


def _rmsprop(o: dict[str, Any], t: int, w: np.ndarray, g: np.ndarray, prev: Terms
             ) -> tuple[np.ndarray, Terms, str]:
    alpha, eps, lr = float(o["alpha"]), float(o["eps"]), float(o["lr"])
    terms: Terms = {"lr": _scalar(lr), "ε": _scalar(eps)}
    gs = _decayed(o, w, g, terms)
    d = terms.get("g′", g)
    v = alpha * prev.get("square_avg", np.zeros_like(w)) + (1.0 - alpha) * d * d
    terms["v"] = v
    root = "√{v}"
    if o["centered"]:
        mean = alpha * prev.get("grad_avg", np.zeros_like(w)) + (1.0 - alpha) * d
        terms["ḡ"] = mean
        denom = np.sqrt(v - mean * mean) + eps
        root = "√({v} − {ḡ}²)"
    else:
        denom = np.sqrt(v) + eps
    if o["momentum"] > 0:
        mu = float(o["momentum"])
        buf = mu * prev.get("momentum_buffer", np.zeros_like(w)) + d / denom
        terms.update(μ=_scalar(mu), b=buf)
        return w - lr * buf, terms, "w ← {w} − {lr}·{b}"
    return w - lr * d / denom, terms, f"w ← {{w}} − {{lr}}·{{{gs}}} / ({root} + {{ε}})"


def _adam(o: dict[str, Any], t: int, w: np.ndarray, g: np.ndarray, prev: Terms,
          decoupled: bool = False) -> tuple[np.ndarray, Terms, str]:
    (b1, b2), eps, lr = (float(b) for b in o["betas"]), float(o["eps"]), float(o["lr"])
    wd = float(o["weight_decay"])
    terms: Terms = {"lr": _scalar(lr), "ε": _scalar(eps)}
    start = w
    if decoupled and wd:
        start = w * (1.0 - lr * wd)
        terms.update({"wd": _scalar(wd), "w′": start})
        d = g
    else:
        _decayed(o, w, g, terms)
        d = terms.get("g′", g)
    m = b1 * prev.get("exp_avg", np.zeros_like(w)) + (1.0 - b1) * d
    v = b2 * prev.get("exp_avg_sq", np.zeros_like(w)) + (1.0 - b2) * d * d
    if o["amsgrad"]:
        v = np.maximum(prev.get("max_exp_avg_sq", np.zeros_like(w)), v)
    m_hat, v_hat = m / (1.0 - b1 ** t), v / (1.0 - b2 ** t)
    terms.update({"m̂": m_hat, "v̂": v_hat})
    new = start - lr * m_hat / (np.sqrt(v_hat) + eps)
    first = "{w′}" if "w′" in terms else "{w}"
    return new, terms, f"w ← {first} − {{lr}}·{{m̂}} / (√{{v̂}} + {{ε}})"


def _adamw(o: dict[str, Any], t: int, w: np.ndarray, g: np.ndarray, prev: Terms
           ) -> tuple[np.ndarray, Terms, str]:
    return _adam(o, t, w, g, prev, decoupled=True)


_Rule = Callable[[dict[str, Any], int, np.ndarray, np.ndarray, Terms],
                 tuple[np.ndarray, Terms, str]]
_RULES: dict[str, _Rule] = {"sgd": _sgd, "adagrad": _adagrad, "rmsprop": _rmsprop,
                            "adam": _adam, "adamw": _adamw}
