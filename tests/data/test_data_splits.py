"""Splitting, standardising and the Dataset returned by load_dataset."""

import numpy as np
import pytest

from nnstudio.data import DataError, Dataset, load_dataset
from nnstudio.data.dataset import make_dataset
from nnstudio.data.samples import Samples
from nnstudio.data.splits import split_indices


def test_split_is_a_shuffled_partition_determined_by_the_seed():
    train, val, test = split_indices(100, 0.2, 0.1, seed=4)
    assert (len(train), len(val), len(test)) == (70, 20, 10)
    everything = np.concatenate([train, val, test])
    np.testing.assert_array_equal(np.sort(everything), np.arange(100))
    assert not np.array_equal(train, np.sort(train))
    again = split_indices(100, 0.2, 0.1, seed=4)
    for a, b in zip((train, val, test), again, strict=True):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(train, split_indices(100, 0.2, 0.1, seed=5)[0])


def test_stratified_split_keeps_class_proportions():
    labels = np.repeat([0, 1, 2], [600, 300, 100])
    np.random.default_rng(0).shuffle(labels)
    train, val, test = split_indices(1000, 0.2, 0.1, seed=0, labels=labels)
    assert (len(train), len(val), len(test)) == (700, 200, 100)
    for part, fraction in ((train, 0.7), (val, 0.2), (test, 0.1)):
        counts = np.bincount(labels[part], minlength=3)
        np.testing.assert_allclose(counts, np.array([600, 300, 100]) * fraction, atol=1)


def test_small_classes_keep_a_training_sample():
    labels = np.array([0] * 20 + [1] + [2] * 2)
    train, val, test = split_indices(len(labels), 0.5, 0.4, seed=0, labels=labels)
    assert set(labels[train]) == {0, 1, 2}
    assert len(train) + len(val) + len(test) == len(labels)


def test_tiny_splits_may_be_empty():
    train, val, test = split_indices(3, 0.1, 0.0, seed=0)
    assert (len(train), len(val), len(test)) == (3, 0, 0)


@pytest.mark.parametrize(("val", "test"), [(1.0, 0.0), (-0.1, 0.0), (0.5, 0.5), (0.2, 1.2)])
def test_bad_fractions(val, test):
    with pytest.raises(DataError):
        split_indices(10, val, test, seed=0)


def test_dataset_fields_sizes_and_dtypes():
    data = load_dataset({"source": "toy2d", "name": "gauss", "validation": 0.2, "test": 0.1})
    assert isinstance(data, Dataset)
    assert (len(data.x_train), len(data.x_val), len(data.x_test)) == (350, 100, 50)
    assert data.x_train.dtype == np.float32 and data.y_train.dtype == np.int64
    assert data.task == "classification" and data.num_classes == 2 == data.num_outputs
    assert data.input_shape == (2,) and data.kind == "points2d"
    assert data.feature_names == ("x1", "x2") and data.class_names == ("class 0", "class 1")
    for part in (data.y_train, data.y_val, data.y_test):
        assert np.count_nonzero(part == 1) * 2 == len(part)
    x, y = data.split("validation")
    assert x is data.x_val and y is data.y_val
    with pytest.raises(ValueError, match="read-only"):
        data.x_train[0, 0] = 1.0
    wide = load_dataset({"source": "toy2d", "name": "gauss"}, dtype=np.float64)
    assert wide.x_train.dtype == np.float64


def test_same_seed_same_dataset():
    spec = {"source": "toy2d", "name": "spiral", "noise": 0.2, "seed": 7}
    a, b = load_dataset(spec), load_dataset(spec)
    np.testing.assert_array_equal(a.x_train, b.x_train)
    np.testing.assert_array_equal(a.y_val, b.y_val)
    c = load_dataset({**spec, "seed": 8})
    assert not np.array_equal(a.x_train, c.x_train)


def test_toys_keep_raw_coordinates_unless_asked():
    raw = load_dataset({"source": "toy2d", "name": "circle", "seed": 1})
    assert not raw.standardized and np.abs(raw.x_train).max() > 4.5
    scaled = load_dataset({"source": "toy2d", "name": "circle", "seed": 1, "standardize": True})
    assert scaled.standardized
    np.testing.assert_allclose(scaled.x_train.mean(axis=0), 0, atol=1e-5)
    np.testing.assert_allclose(scaled.x_train.std(axis=0), 1, atol=1e-5)
    np.testing.assert_allclose(scaled.inverse_transform(scaled.x_val), raw.x_val, atol=1e-5)
    grid = np.array([[0.0, 0.0], [5.0, -5.0]])
    np.testing.assert_allclose(scaled.transform(grid),
                               (grid - scaled.stats.mean) / scaled.stats.std, rtol=1e-6)
    np.testing.assert_array_equal(raw.transform(grid), grid.astype(np.float32))


def test_standardising_uses_training_statistics_only():
    spec = {"source": "builtin", "name": "wine", "validation": 0.3, "test": 0.2, "seed": 2}
    raw = load_dataset({**spec, "standardize": False}, dtype=np.float64)
    std = load_dataset(spec, dtype=np.float64)
    mean, sd = raw.x_train.mean(axis=0), raw.x_train.std(axis=0)
    np.testing.assert_allclose(std.stats.mean, mean)
    np.testing.assert_allclose(std.stats.std, sd)
    np.testing.assert_allclose(std.x_train.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(std.x_val, (raw.x_val - mean) / sd)
    np.testing.assert_allclose(std.x_test, (raw.x_test - mean) / sd)
    assert np.abs(std.x_val.mean(axis=0)).max() > 0.01  # val was not fitted on its own
    np.testing.assert_array_equal(std.y_val, raw.y_val)


def test_constant_feature_gets_std_one():
    x = np.column_stack([np.arange(20.0), np.full(20, 0.1)])
    samples = Samples(x, np.arange(20) % 2, "classification", "table", ("a", "b"))
    data = make_dataset(samples, validation=0.25, test=0.0, standardize=True, seed=0)
    assert data.stats.std[1] == 1.0
    np.testing.assert_allclose(data.x_train[:, 1], 0.0, atol=1e-7)
    assert np.isfinite(data.x_val).all()


def test_images_are_standardised_per_channel():
    rng = np.random.default_rng(0)
    x = rng.normal(0, 1, (60, 3, 4, 4)) * [[[2.0]], [[5.0]], [[0.5]]] + [[[1.0]], [[-3.0]], [[9.0]]]
    samples = Samples(x, np.arange(60) % 3, "classification", "images", ("a", "b", "c"))
    data = make_dataset(samples, validation=0.2, test=0.0, standardize=True, seed=0,
                        dtype=np.float64)
    assert data.stats.mean.shape == (3, 1, 1) and data.input_shape == (3, 4, 4)
    np.testing.assert_allclose(data.x_train.mean(axis=(0, 2, 3)), 0, atol=1e-12)
    np.testing.assert_allclose(data.x_train.std(axis=(0, 2, 3)), 1, atol=1e-12)


def test_regression_targets_are_never_standardised():
    data = load_dataset({"source": "regression", "name": "plane", "standardize": True},
                        dtype=np.float64)
    assert data.task == "regression" and data.num_classes == 0 and data.num_outputs == 1
    assert data.y_train.dtype == np.float64 and data.y_train.shape == (960, 1)
    raw = data.inverse_transform(data.x_train)
    np.testing.assert_allclose(data.y_train[:, 0], raw.sum(axis=1) / 10)
    sine = load_dataset({"source": "regression", "name": "sine"})
    assert sine.kind == "curve1d" and sine.input_shape == (1,)
    assert sine.y_train.dtype == np.float32 and len(sine.x_train) == 400
