"""The toy 2-D generators against their definitions (TensorFlow Playground's, and ours)."""

import numpy as np
import pytest

from nnstudio.data import toy2d

NAMES = list(toy2d.GENERATORS)


@pytest.mark.parametrize("name", NAMES)
def test_shapes_dtypes_and_determinism(name):
    x, y = toy2d.generate(name, 501, 0.2, seed=3)
    assert x.shape == (501, 2) and x.dtype == np.float64
    assert y.shape == (501,) and y.dtype == np.int64
    assert set(np.unique(y)) == {0, 1}
    x2, y2 = toy2d.generate(name, 501, 0.2, seed=3)
    np.testing.assert_array_equal(x, x2)
    np.testing.assert_array_equal(y, y2)
    x3, _ = toy2d.generate(name, 501, 0.2, seed=4)
    assert not np.array_equal(x, x3)


@pytest.mark.parametrize("name", NAMES)
def test_clean_points_stay_on_the_plane(name):
    x, _ = toy2d.generate(name, 2000, 0.0, seed=0)
    assert np.abs(x).max() <= 6


def test_circle_radii_and_labels():
    for noise in (0.0, 0.5):
        x, y = toy2d.circle(1000, noise, seed=1)
        r = np.hypot(x[:, 0], x[:, 1])
        assert np.all((r < 2.5) | ((r >= 3.5) & (r <= 5))), "noise must not move the points"
        assert np.count_nonzero(r < 2.5) == 500
    np.testing.assert_array_equal(y, toy2d.circle(1000, 0.5, seed=1)[1])
    x, y = toy2d.circle(1000, 0.0, seed=1)
    np.testing.assert_array_equal(y, (np.hypot(x[:, 0], x[:, 1]) < 2.5).astype(int))


def test_circle_noise_flips_labels_only_near_the_edge():
    x, y = toy2d.circle(2000, 0.1, seed=2)
    r = np.hypot(x[:, 0], x[:, 1])
    wrong = y != (r < 2.5)
    assert wrong.any()
    # the label is read at a point moved by at most 0.5·√2 from the sample
    assert np.all(np.abs(r[wrong] - 2.5) <= 0.5 * np.sqrt(2) + 1e-12)


def test_xor_labels_and_padding():
    x, y = toy2d.xor(1000, 0.0, seed=0)
    assert np.all(np.abs(x) >= 0.3) and np.all(np.abs(x) <= 5.3)
    np.testing.assert_array_equal(y, (x[:, 0] * x[:, 1] >= 0).astype(int))


def test_gauss_means_and_variance():
    for noise, variance in ((0.0, 0.5), (0.5, 4.0), (0.25, 2.25)):
        x, y = toy2d.gauss(40_000, noise, seed=0)
        assert np.count_nonzero(y == 1) == 20_000
        np.testing.assert_allclose(x[y == 1].mean(axis=0), [2, 2], atol=0.05)
        np.testing.assert_allclose(x[y == 0].mean(axis=0), [-2, -2], atol=0.05)
        np.testing.assert_allclose(x[y == 0].var(axis=0), [variance] * 2, rtol=0.05)


def _spiral_arm(m, delta):
    """Playground: r = 5i/m, t = 1.75·(i/m)·2π + δ, (r sin t, r cos t)."""
    points = []
    for i in range(m):
        r = i / m * 5
        t = 1.75 * i / m * 2 * np.pi + delta
        points.append((r * np.sin(t), r * np.cos(t)))
    return np.array(points)


def test_spiral_matches_playground():
    x, y = toy2d.spiral(500, 0.0, seed=0)
    # Playground's positive arm (δ = 0) is class 1, its negative arm (δ = π) class 0
    np.testing.assert_allclose(x[y == 1], _spiral_arm(250, 0.0), atol=1e-12)
    np.testing.assert_allclose(x[y == 0], _spiral_arm(250, np.pi), atol=1e-12)


def test_spiral_noise_is_bounded_jitter():
    clean, y = toy2d.spiral(500, 0.0, seed=0)
    noisy, y2 = toy2d.spiral(500, 0.4, seed=0)
    np.testing.assert_array_equal(y, y2)
    assert 0.3 < np.abs(noisy - clean).max() <= 0.4


@pytest.mark.parametrize("k", [2, 3, 5, 8])
def test_k_arm_spirals(k):
    x, y = toy2d.spiral(503, 0.0, seed=0, classes=k)
    counts = np.bincount(y)
    assert len(counts) == k and counts.sum() == 503 and counts.max() - counts.min() <= 1
    offsets = set()
    for c in range(k):
        delta = toy2d.spiral_arm_offset(c, k)
        np.testing.assert_allclose(x[y == c], _spiral_arm(counts[c], delta), atol=1e-12)
        offsets.add(round(delta % (2 * np.pi), 9))
    assert offsets == {round(2 * np.pi * j / k, 9) for j in range(k)}


def test_moons_geometry():
    x, y = toy2d.moons(1000, 0.0, seed=0)
    upper, lower = x[y == 0], x[y == 1]
    np.testing.assert_allclose(np.hypot(*(upper - [-1.5, -0.75]).T), 3.0)
    np.testing.assert_allclose(np.hypot(*(lower - [1.5, 0.75]).T), 3.0)
    assert np.all(upper[:, 1] >= -0.75 - 1e-12) and np.all(lower[:, 1] <= 0.75 + 1e-12)
    np.testing.assert_allclose(x.mean(axis=0), [0, 0], atol=0.3)


def test_linear_gap_and_labels():
    x, y = toy2d.linear(1000, 0.0, seed=0)
    distance = x.sum(axis=1) / np.sqrt(2)
    assert np.all(np.abs(distance) >= 0.5 - 1e-12)
    np.testing.assert_array_equal(y, (distance > 0).astype(int))
    _, noisy = toy2d.linear(1000, 0.3, seed=0)
    assert 0 < np.count_nonzero(noisy != y) < 300


def test_random_labels_are_balanced_and_ignore_noise():
    x, y = toy2d.random(500, 0.0, seed=0)
    assert np.count_nonzero(y) == 250
    x2, y2 = toy2d.random(500, 0.5, seed=0)
    np.testing.assert_array_equal(x, x2)
    np.testing.assert_array_equal(y, y2)
