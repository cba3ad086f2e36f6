"""Numerical gradient checking: compare a layer's backward pass with central differences.

Everything runs in float64. The loss is a random projection L = Σ y·R of the layer's output, so
dL/dy = R and every output element matters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from nnstudio.core.layers.base import Layer, MergeLayer


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


def relative_error(analytic: np.ndarray, numeric: np.ndarray) -> float:
    """max |a − n| relative to the largest magnitude in either array (0 when both are zero)."""
    scale = max(np.abs(analytic).max(initial=0.0), np.abs(numeric).max(initial=0.0))
    if scale == 0.0:
        return 0.0
    return float(np.abs(analytic - numeric).max() / scale)


def check_layer_gradients(
    layer: Layer,
    inputs: np.ndarray | Sequence[np.ndarray],
    training: bool = True,
    seed: int = 0,
    eps: float = 1e-6,
) -> dict[str, float]:
    """The relative error of a built float64 layer's gradients, by name.

    Keys: "x" for a single-input layer ("x0", "x1", … for a merge layer) and each parameter's
    short name ("W", "b", "gamma", …). `training` is passed to every forward; a layer drawing
    random numbers (Dropout) must draw the same ones on every call for the check to mean
    anything.
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
    grads = grads if merge else [grads]

    errors = {}
    for i, (x, g) in enumerate(zip(xs, grads, strict=True)):
        errors[f"x{i}" if merge else "x"] = relative_error(g, numerical_gradient(loss, x, eps))
    prefix = len(layer.id) + 1
    for p in layer.parameters:
        analytic = np.zeros_like(p.value) if p.grad is None else p.grad
        errors[p.name[prefix:]] = relative_error(analytic, numerical_gradient(loss, p.value, eps))
    return errors
