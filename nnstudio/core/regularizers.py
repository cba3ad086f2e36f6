"""L1 and L2 weight penalties, on weights only (never biases).

A layer takes part when it has ``config["l1"]`` / ``config["l2"]`` and a weight `Parameter` at
``layer.W``; anything else (activations, pooling, unbuilt layers) is skipped. The penalty is
Σ ½·l2·‖W‖² + l1·‖W‖₁ and its gradient l2·W + l1·sign(W) (sign(0) = 0, the subgradient torch
uses too).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

from nnstudio.core.parameter import Parameter


def _penalised(layers: Iterable[Any]) -> Iterator[tuple[Parameter, float, float]]:
    """(W, l1, l2) for every layer with a non-zero penalty and a weight."""
    for layer in layers:
        config = getattr(layer, "config", None)
        if not config:
            continue
        l1 = float(config.get("l1") or 0.0)
        l2 = float(config.get("l2") or 0.0)
        if l1 == 0.0 and l2 == 0.0:
            continue
        weight = getattr(layer, "W", None)
        if weight is not None:
            yield weight, l1, l2


def penalty(layers: Iterable[Any]) -> float:
    """Σ over layers of ½·l2·‖W‖² + l1·‖W‖₁, to add to the data loss."""
    total = 0.0
    for weight, l1, l2 in _penalised(layers):
        w = weight.value.reshape(-1)
        if l2:
            total += 0.5 * l2 * float(np.dot(w, w))
        if l1:
            total += l1 * float(np.abs(w).sum())
    return total


def add_penalty_gradients(layers: Iterable[Any]) -> None:
    """Add l2·W + l1·sign(W) into each penalised ``W.grad`` (creating it if it is None)."""
    for weight, l1, l2 in _penalised(layers):
        w = weight.value
        if l1:
            extra = np.sign(w)
            extra *= l1
            if l2:
                extra += np.multiply(w, l2)
        else:
            extra = np.multiply(w, l2)
        weight.accumulate(extra)
