"""Numerical gradient checking: compare a layer's backward pass with central differences.

Everything runs in float64. The loss is a random projection L = Σ y·R of the layer's output, so
dL/dy = R and every output element matters. Gradients are compared element by element, each
relative to its own size, so a wrong small entry is not hidden behind a large one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from nnstudio.core.layers.base import Layer, MergeLayer

#: central differences with eps = 1e-6 in float64 agree with a correct gradient to about
#: 1e-9 relative (truncation) plus 1e-10 absolute (rounding of L, which is of order 1)
RTOL = 1e-6
ATOL = 1e-8


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray,
                       eps: float = 1e-6) -> np.ndarray:
    """dF/dx by central differences, (F(x + eps) − F(x − eps)) / 2·eps per element.

    `x` (float64, any memory layout) is perturbed in place, one element at a time, and
    restored; `f` must read it afresh on every call.
    """
    if x.dtype != np.float64:
        raise ValueError(f"numerical_gradient needs a float64 array, got {x.dtype}")
    grad = np.empty(x.shape)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        plus = f(x)
        x[i] = old - eps
        minus = f(x)
        x[i] = old
        grad[i] = (plus - minus) / (2 * eps)
    return grad


@dataclass(frozen=True)
class WorstElement:
    """The worst element of a gradient comparison.

    ratio = |a − n| / (atol + rtol·max(|a|, |n|)) at `index`: at most 1 means every element
    agrees within tolerance.
    """

    index: tuple[int, ...]
    analytic: float
    numeric: float
    ratio: float

    @property
    def ok(self) -> bool:
        return self.ratio <= 1.0

    def __str__(self) -> str:
        where = ", ".join(map(str, self.index))
        return (f"[{where}]: analytic {self.analytic:.10g}, numeric {self.numeric:.10g} "
                f"({self.ratio:.3g}× the tolerance)")


def worst_element(analytic: np.ndarray, numeric: np.ndarray, rtol: float = RTOL,
                  atol: float = ATOL) -> WorstElement:
    """Where |a − n| ≤ atol + rtol·max(|a|, |n|) fails worst (or holds most narrowly).

    analytic, numeric: arrays of one shape. A NaN in either counts as infinitely wrong.
    """
    a = np.asarray(analytic, dtype=np.float64)
    n = np.asarray(numeric, dtype=np.float64)
    if a.shape != n.shape:
        raise ValueError(f"gradient of shape {a.shape} compared with one of shape {n.shape}")
    if a.size == 0:
        return WorstElement((), 0.0, 0.0, 0.0)
    with np.errstate(invalid="ignore"):
        ratio = np.abs(a - n) / (atol + rtol * np.maximum(np.abs(a), np.abs(n)))
    ratio = np.where(np.isnan(ratio), np.inf, ratio)
    index = np.unravel_index(int(np.argmax(ratio)), a.shape)
    return WorstElement(tuple(int(i) for i in index), float(a[index]), float(n[index]),
                    float(ratio[index]))


def check_layer_gradients(
    layer: Layer,
    inputs: np.ndarray | Sequence[np.ndarray],
    training: bool = True,
    seed: int = 0,
    eps: float = 1e-6,
    rtol: float = RTOL,
    atol: float = ATOL,
) -> dict[str, WorstElement]:
    """The worst element of each of a built float64 layer's gradients, by name.

    Keys: "x" for a single-input layer ("x0", "x1", … for a merge layer) and each parameter's
    short name ("W", "b", "gamma", …). `inputs`: (N, *shape) arrays. `training` is passed to
    every forward; a layer drawing random numbers (Dropout) must draw the same ones on every
    call for the check to mean anything.
    """
    merge = isinstance(layer, MergeLayer)
    xs = [np.array(x, dtype=np.float64, order="K") for x in (inputs if merge else [inputs])]

    def forward() -> np.ndarray:
        return layer.forward(xs if merge else xs[0], training)

    projection = np.random.default_rng(seed).standard_normal(forward().shape)

    def loss(_: np.ndarray) -> float:
        return float(np.sum(forward() * projection))

    for p in layer.parameters:
        p.grad = None
    forward()
    grads = layer.backward(projection.copy())
    if grads is None:
        raise ValueError(f"{layer!r} computed no input gradient: set needs_input_grad")
    analytic = list(grads) if merge else [grads]

    found = {}
    for i, (x, g) in enumerate(zip(xs, analytic, strict=True)):
        numeric = numerical_gradient(loss, x, eps)
        found[f"x{i}" if merge else "x"] = worst_element(g, numeric, rtol, atol)
    prefix = len(layer.id) + 1
    for p in layer.parameters:
        g = np.zeros_like(p.value) if p.grad is None else p.grad
        found[p.name[prefix:]] = worst_element(g, numerical_gradient(loss, p.value, eps),
                                               rtol, atol)
    return found
