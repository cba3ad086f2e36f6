"""Toy regression datasets: a sine curve and Playground's two surfaces on [−6, 6]².

Every generator takes (samples, noise, seed), is deterministic given the seed, and returns
x float64 (samples, 1) or (samples, 2) and y float64 (samples, 1).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

#: Playground's six bumps: (centre x₁, centre x₂, sign)
BUMPS = np.array([
    [-4.0, 2.5, 1.0], [0.0, 2.5, -1.0], [4.0, 2.5, 1.0],
    [-4.0, -2.5, -1.0], [0.0, -2.5, 1.0], [4.0, -2.5, -1.0],
])


def sine(samples: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """x ~ U(−6, 6), y = sin x + noise·N(0, 1): x (N, 1), y (N, 1)."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-6.0, 6.0, (samples, 1))
    return x, np.sin(x) + noise * rng.normal(0.0, 1.0, (samples, 1))


def plane_target(x: np.ndarray) -> np.ndarray:
    """(x₁ + x₂)/10 for x (N, 2): (N, 1)."""
    return x.sum(axis=1, keepdims=True) / 10.0


def bumps_target(x: np.ndarray) -> np.ndarray:
    """For x (N, 2), the bump contribution sign·clamp(1 − d/2, 0, 1) of largest magnitude
    (the first bump on a tie, 0 away from all bumps): (N, 1)."""
    d = np.hypot(x[:, None, 0] - BUMPS[:, 0], x[:, None, 1] - BUMPS[:, 1])
    contrib = BUMPS[:, 2] * np.clip(1.0 - d / 2.0, 0.0, 1.0)
    best = np.argmax(np.abs(contrib), axis=1)
    return contrib[np.arange(len(x)), best][:, None]


def _surface(target: Callable[[np.ndarray], np.ndarray]
             ) -> Callable[[int, float, int], tuple[np.ndarray, np.ndarray]]:
    def generate(samples: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
        rng = np.random.default_rng(seed)
        x = rng.uniform(-6.0, 6.0, (samples, 2))
        return x, target(x + rng.uniform(-6.0, 6.0, (samples, 2)) * noise)

    generate.__doc__ = (f"x ~ U(−6, 6)², y = {target.__name__}(x + U(−6, 6)·noise): "
                        f"x (N, 2), y (N, 1).")
    return generate


plane = _surface(plane_target)
multi_gaussian = _surface(bumps_target)

GENERATORS: dict[str, Callable[[int, float, int], tuple[np.ndarray, np.ndarray]]] = {
    "sine": sine, "plane": plane, "multi_gaussian": multi_gaussian,
}


def generate(name: str, samples: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The regression dataset `name`: x (samples, 1 or 2), y (samples, 1), both float64."""
    return GENERATORS[name](samples, noise, seed)
