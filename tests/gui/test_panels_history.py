"""The panels' bounded histories: binned series, streaming EMA, densities on a growing grid."""

import numpy as np
import pytest

from nnstudio.gui.panels.density import DensityHistory, rebin_matrix
from nnstudio.gui.panels.series import BinnedSeries, ExponentialAverage


def test_a_binned_series_keeps_every_point_until_it_is_full():
    s = BinnedSeries(8)
    s.extend(np.arange(5), np.arange(5) * 10)
    x, y = s.points()
    assert x.tolist() == [0, 1, 2, 3, 4]
    assert y[:, 0].tolist() == [0, 10, 20, 30, 40]
    assert s.bin == 1


def test_a_full_binned_series_merges_pairs_and_keeps_the_mean():
    s = BinnedSeries(8)
    values = np.random.default_rng(0).normal(size=1000)
    for chunk in np.array_split(np.arange(1000), 37):
        s.extend(chunk, values[chunk])
        assert len(s) <= 8 + 1
    x, y = s.points()
    assert s.bin == 128
    assert x[0] == pytest.approx(np.arange(128).mean())
    assert y[0, 0] == pytest.approx(values[:128].mean())
    # the open bin holds the last 1000 - 7·128 = 104 points
    assert x[-1] == pytest.approx(np.arange(896, 1000).mean())
    assert y[-1, 0] == pytest.approx(values[896:].mean())


def test_a_binned_series_stays_bounded_on_a_long_feed():
    s = BinnedSeries(2048, 3)
    for start in range(0, 100_000, 1000):
        x = np.arange(start, start + 1000, dtype=float)
        s.extend(x, np.stack([x, -x, 2 * x], axis=1))
    assert 1024 <= len(s) <= 2049
    x, y = s.points()
    assert np.all(np.diff(x) > 0)
    np.testing.assert_allclose(y, np.stack([x, -x, 2 * x], axis=1))
    s.clear()
    assert len(s) == 0 and s.bin == 1


def test_the_exponential_average_matches_the_textbook_loop_in_any_chunks():
    values = np.random.default_rng(1).normal(size=700)
    decay, value, expected = 0.9, 0.0, []
    for n, v in enumerate(values, start=1):
        value = decay * value + (1 - decay) * v
        expected.append(value / (1 - decay ** n))
    ema = ExponentialAverage(decay, block=64)
    got = np.concatenate([ema.update(part) for part in np.array_split(values, [3, 300, 301])])
    np.testing.assert_allclose(got, expected, rtol=1e-10)


def test_rebinning_moves_mass_by_overlap():
    m = rebin_matrix(np.array([0.0, 1.0, 2.0]), np.array([0.5, 1.5]))
    np.testing.assert_allclose(m, [[0.5], [0.5]])


def test_densities_land_on_one_grid_that_grows_and_keeps_each_column_whole():
    h = DensityHistory(bins=20, capacity=10)
    h.add(0.0, np.array([0, 0, 0, 10]), np.array([-1.0, -0.5, 0.0, 0.5, 1.0]), -1.0, 1.0)
    first = h.edges.copy()
    h.add(1.0, np.array([5, 5]), np.array([-4.0, 0.0, 4.0]), -4.0, 4.0)
    assert h.edges[0] < -4 < 4 < h.edges[-1] and h.edges[0] < first[0]
    _, y = h.columns.points()
    np.testing.assert_allclose(y.sum(axis=1), 1.0)
    # the first column's mass, in [0.5, 1] before the grid grew, is still there
    centres = (h.edges[:-1] + h.edges[1:]) / 2
    assert y[0][(centres > 0.25) & (centres < 1.25)].sum() == pytest.approx(1.0)


def test_a_constant_tensor_is_one_spike_and_the_history_is_bounded():
    h = DensityHistory(bins=16, capacity=6)
    zeros = np.zeros(30, np.int64)
    zeros[15] = 8
    for t in range(20):
        h.add(float(t), zeros, np.linspace(-0.5, 0.5, 31), 0.0, 0.0)
    assert len(h.columns) <= 7
    image, start, end = h.image(12, 0.25)
    assert image.shape == (12, 16)
    x, _ = h.columns.points()
    assert start <= x[0] < x[-1] < end
    # a column covers the time since the one before; the axis never starts before time 0
    assert start == pytest.approx(max(0.0, x[0] - (x[1] - x[0])))
    assert end == pytest.approx(x[-1] + 0.25 / 2)
    assert np.all(image.max(axis=1) == 1.0)
    assert np.count_nonzero(image[0]) == 1


def test_a_lone_column_is_as_wide_as_asked_and_columns_follow_time():
    h = DensityHistory(bins=4, capacity=10)
    h.add(2.0, np.array([1, 0]), np.array([0.0, 0.5, 1.0]), 0.0, 1.0)
    image, start, end = h.image(3, 0.5)
    assert (start, end) == (1.75, 2.25)
    h.add(3.0, np.array([0, 1]), np.array([0.0, 0.5, 1.0]), 0.0, 1.0)
    image, start, end = h.image(4, 0.5)
    assert (start, end) == (1.0, 3.25)  # each column covers the time since the one before
    # the first half of the image is the first histogram, the second half the second
    assert np.array_equal(image[0], image[1]) and np.array_equal(image[2], image[3])
    assert not np.array_equal(image[1], image[2])
