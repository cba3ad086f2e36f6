"""Toy 2-D classification datasets on the plane [−6, 6]², as TensorFlow Playground draws them.

Every generator takes (samples, noise, seed), is deterministic given the seed, and returns
x float64 (samples, 2) and y int64 (samples,) with labels 0 … K−1, in generation order (the
split shuffles). Playground's labels −1/+1 are classes 0/1. `noise` n is in [0, 0.5].

circle, xor, gauss and spiral follow Playground's definitions (see DESIGN.md). Our additions:

- moons: two interlocking half-circles of radius 3, centred on the origin. Class 0 is the upper
  arc (3 cos t − 1.5, 3 sin t − 0.75), class 1 the lower arc (1.5 − 3 cos t, 0.75 − 3 sin t),
  t ~ U(0, π); noise adds N(0, (2n)²) to each coordinate (n = 0.5 overlaps the tips).
- linear: x₁, x₂ ~ U(−5, 5), each point pushed 0.5 further from the line x₁ + x₂ = 0 (a gap of
  width 1, so a perceptron converges); class 1 when (x₁ + ε₁) + (x₂ + ε₂) ≥ 0 with
  ε ~ U(−5, 5)·n: like xor, noise flips labels near the line and does not move points.
- random: x₁, x₂ ~ U(−5, 5) and balanced labels in random order, unrelated to position; noise has
  no effect.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Generator = Callable[..., tuple[np.ndarray, np.ndarray]]


def _halves(samples: int) -> tuple[int, int]:
    return samples - samples // 2, samples // 2


def _polar(r: np.ndarray, angle: np.ndarray) -> np.ndarray:
    """Playground's (r sin θ, r cos θ): (N, 2)."""
    return np.column_stack([r * np.sin(angle), r * np.cos(angle)])


def circle(samples: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Class 1 inside radius 2.5, class 0 in the ring 3.5 … 5; noise flips labels near 2.5."""
    rng = np.random.default_rng(seed)
    n_in, n_out = _halves(samples)
    r = np.concatenate([rng.uniform(0.0, 2.5, n_in), rng.uniform(3.5, 5.0, n_out)])
    x = _polar(r, rng.uniform(0.0, 2 * np.pi, samples))
    shifted = x + rng.uniform(-5.0, 5.0, (samples, 2)) * noise
    y = (np.hypot(shifted[:, 0], shifted[:, 1]) < 2.5).astype(np.int64)
    return x, y


def xor(samples: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Class 1 in the quadrants where x₁·x₂ ≥ 0; points kept 0.3 away from the axes."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-5.0, 5.0, (samples, 2))
    x += np.where(x > 0, 0.3, -0.3)
    shifted = x + rng.uniform(-5.0, 5.0, (samples, 2)) * noise
    y = (shifted[:, 0] * shifted[:, 1] >= 0).astype(np.int64)
    return x, y


def gauss(samples: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Class 1 around (2, 2), class 0 around (−2, −2); variance 0.5 + 7n (0.5 … 4)."""
    rng = np.random.default_rng(seed)
    n1, n0 = _halves(samples)
    std = np.sqrt(0.5 + 7.0 * noise)
    centres = np.repeat([[2.0, 2.0], [-2.0, -2.0]], [n1, n0], axis=0)
    x = centres + rng.normal(0.0, std, (samples, 2))
    y = np.repeat(np.array([1, 0], dtype=np.int64), [n1, n0])
    return x, y


def spiral_arm_offset(label: int, classes: int) -> float:
    """The angle δ of class `label`'s arm. Arm k has δ = 2πk/K and class (k − 1) mod K, so two
    arms are Playground's: class 1 at δ = 0, class 0 at δ = π."""
    return 2 * np.pi * ((label + 1) % classes) / classes


def spiral(samples: int, noise: float, seed: int, classes: int = 2
           ) -> tuple[np.ndarray, np.ndarray]:
    """`classes` interleaved arms: r = 5i/m, t = 1.75·(i/m)·2π + δ, jittered by U(−1, 1)·n."""
    rng = np.random.default_rng(seed)
    sizes = [samples // classes + (k < samples % classes) for k in range(classes)]
    parts = []
    for label, m in enumerate(sizes):
        frac = np.arange(m) / m
        parts.append(_polar(5.0 * frac, 1.75 * frac * 2 * np.pi
                            + spiral_arm_offset(label, classes)))
    x = np.concatenate(parts) + rng.uniform(-1.0, 1.0, (samples, 2)) * noise
    y = np.repeat(np.arange(classes, dtype=np.int64), sizes)
    return x, y


def moons(samples: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Two interlocking half-moons of radius 3 (see the module docstring)."""
    rng = np.random.default_rng(seed)
    n0, n1 = _halves(samples)
    t = rng.uniform(0.0, np.pi, samples)
    arc = 3.0 * np.column_stack([np.cos(t), np.sin(t)])
    upper = arc[:n0] - [1.5, 0.75]
    lower = [1.5, 0.75] - arc[n0:]
    x = np.concatenate([upper, lower]) + rng.normal(0.0, 2.0 * noise, (samples, 2))
    y = np.repeat(np.array([0, 1], dtype=np.int64), [n0, n1])
    return x, y


def linear(samples: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Class 1 above the line x₁ + x₂ = 0, with a gap of width 1 around it."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-5.0, 5.0, (samples, 2))
    side = np.where(x.sum(axis=1) >= 0, 1.0, -1.0)
    x += (0.5 / np.sqrt(2.0)) * side[:, None]
    shifted = x + rng.uniform(-5.0, 5.0, (samples, 2)) * noise
    y = (shifted.sum(axis=1) >= 0).astype(np.int64)
    return x, y


def random(samples: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Uniform points with balanced labels in random order; `noise` is ignored."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(-5.0, 5.0, (samples, 2))
    y = rng.permutation(np.arange(samples, dtype=np.int64) % 2)
    return x, y


GENERATORS: dict[str, Generator] = {
    "circle": circle, "xor": xor, "gauss": gauss, "spiral": spiral,
    "moons": moons, "linear": linear, "random": random,
}


def generate(name: str, samples: int, noise: float, seed: int, classes: int = 2
             ) -> tuple[np.ndarray, np.ndarray]:
    """The toy dataset `name`: x (samples, 2) float64, y (samples,) int64."""
    if name == "spiral":
        return spiral(samples, noise, seed, classes)
    return GENERATORS[name](samples, noise, seed)
