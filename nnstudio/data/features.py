"""Input features as TensorFlow Playground offers them: x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂.

A toy dataset's raw samples are points (M, 2) (or values (M, 1) for the sine curve); the
`features` key of the data spec chooses which functions of them the network receives, so a
linear model can solve the circle with x₁² and x₂².
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Feature:
    """One feature: its spec name, display label, the raw inputs it needs and its function of
    the raw points (M, D) → (M,)."""

    name: str
    label: str
    inputs: int
    fn: Callable[[np.ndarray], np.ndarray]


FEATURES: dict[str, Feature] = {f.name: f for f in (
    Feature("x1", "x₁", 1, lambda p: p[:, 0]),
    Feature("x2", "x₂", 2, lambda p: p[:, 1]),
    Feature("x1^2", "x₁²", 1, lambda p: p[:, 0] ** 2),
    Feature("x2^2", "x₂²", 2, lambda p: p[:, 1] ** 2),
    Feature("x1x2", "x₁x₂", 2, lambda p: p[:, 0] * p[:, 1]),
    Feature("sin_x1", "sin x₁", 1, lambda p: np.sin(p[:, 0])),
    Feature("sin_x2", "sin x₂", 2, lambda p: np.sin(p[:, 1])),
)}
#: what a 2-D source gives the network unless told otherwise
DEFAULT_FEATURES = ("x1", "x2")


def needing_more(names: Sequence[str], inputs: int) -> list[str]:
    """The features in `names` that need more than `inputs` raw inputs."""
    return [n for n in names if FEATURES[n].inputs > inputs]


@dataclass(frozen=True)
class FeatureMap:
    """The chosen features, in the order given: raw points (M, D) → network inputs (M, F)."""

    names: tuple[str, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        """Display labels, e.g. ("x₁²", "x₂²")."""
        return tuple(FEATURES[n].label for n in self.names)

    def __call__(self, raw: np.ndarray) -> np.ndarray:
        """raw (M, D) float → features (M, F) float64; identity columns are copies."""
        raw = np.asarray(raw, dtype=np.float64)
        out = np.empty((len(raw), len(self.names)))
        for j, name in enumerate(self.names):
            out[:, j] = FEATURES[name].fn(raw)
        return out
