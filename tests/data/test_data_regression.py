"""The toy regression generators against their formulas."""

import numpy as np
import pytest

from nnstudio.data import regression


def _bumps(p):
    """Playground's multi-Gaussian label, written out point by point."""
    bumps = [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)]
    label = 0.0
    for cx, cy, sign in bumps:
        d = np.hypot(p[0] - cx, p[1] - cy)
        new = sign * min(max(1 - d / 2, 0.0), 1.0)
        if abs(new) > abs(label):
            label = new
    return label


@pytest.mark.parametrize("name", list(regression.GENERATORS))
def test_shapes_and_determinism(name):
    x, y = regression.generate(name, 300, 0.1, seed=5)
    assert x.shape == (300, 1 if name == "sine" else 2) and x.dtype == np.float64
    assert y.shape == (300, 1) and y.dtype == np.float64
    assert np.abs(x).max() <= 6
    x2, y2 = regression.generate(name, 300, 0.1, seed=5)
    np.testing.assert_array_equal(x, x2)
    np.testing.assert_array_equal(y, y2)
    assert not np.array_equal(y, regression.generate(name, 300, 0.1, seed=6)[1])


def test_sine():
    x, y = regression.sine(500, 0.0, seed=0)
    np.testing.assert_allclose(y, np.sin(x))
    x, y = regression.sine(20_000, 0.3, seed=0)
    assert abs((y - np.sin(x)).std() - 0.3) < 0.01


def test_plane():
    x, y = regression.plane(1200, 0.0, seed=0)
    np.testing.assert_allclose(y[:, 0], (x[:, 0] + x[:, 1]) / 10)
    x, y = regression.plane(1200, 0.5, seed=0)
    error = np.abs(y[:, 0] - (x[:, 0] + x[:, 1]) / 10)
    assert error.max() <= 2 * 6 * 0.5 / 10 and error.max() > 0.3


def test_multi_gaussian():
    x, y = regression.multi_gaussian(1200, 0.0, seed=0)
    np.testing.assert_allclose(y[:, 0], [_bumps(p) for p in x])
    assert y.min() < -0.9 and y.max() > 0.9
    centres = np.array([[-4, 2.5], [0, 2.5], [4, 2.5], [-4, -2.5], [0, -2.5], [4, -2.5]])
    np.testing.assert_allclose(regression.bumps_target(centres)[:, 0], [1, -1, 1, -1, 1, -1])
    np.testing.assert_allclose(regression.bumps_target(np.array([[0.0, 6.0]])), [[0.0]])
