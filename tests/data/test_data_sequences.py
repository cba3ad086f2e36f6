"""Generated sequence tasks and sequences read from .npz: shapes, formulas, seeds, limits."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.data import DataError, load_dataset, sequences


@pytest.mark.parametrize("name", [*sequences.NEXT_VALUE, *sequences.MEMORY])
def test_shapes_and_seeds(name):
    x, y = sequences.generate(name, 50, 7, 0.1, 3, seed=4)
    features = 3 if name == "first_last" else 1
    assert x.shape == (50, 7, features) and x.dtype == np.float64
    assert y.shape == ((50, 1) if name in sequences.NEXT_VALUE else (50,))
    again = sequences.generate(name, 50, 7, 0.1, 3, seed=4)
    np.testing.assert_array_equal(x, again[0])
    np.testing.assert_array_equal(y, again[1])
    assert not np.array_equal(x, sequences.generate(name, 50, 7, 0.1, 3, seed=5)[0])


@pytest.mark.parametrize("name", sequences.NEXT_VALUE)
def test_the_target_is_the_curve_one_step_on(name):
    x, y = sequences.next_value(name, 20, 10, 0.0, seed=0)
    # each window is the curve from some start: recover the start from the first two values
    t = np.linspace(0, 2 * np.pi, 200_001)
    for row, target in zip(x[:3], y[:3], strict=True):
        values = sequences.curve(name, t[:, None] + sequences.STEP * np.arange(11))
        best = np.argmin(np.abs(values[:, :10] - row[:, 0]).sum(axis=1))
        assert np.abs(values[best, :10] - row[:, 0]).max() < 1e-4
        assert target[0] == pytest.approx(values[best, 10], abs=1e-4)
    noisy_x, noisy_y = sequences.next_value(name, 4000, 10, 0.2, seed=0)
    clean = sequences.next_value(name, 4000, 10, 0.0, seed=0)
    assert abs((noisy_x - clean[0]).std() - 0.2) < 0.01
    assert noisy_y.shape == (4000, 1)


def test_first_last_label_says_whether_the_first_symbol_is_the_last():
    x, y = sequences.first_last(2000, 12, 5, seed=1)
    assert np.array_equal(x.sum(axis=2), np.ones((2000, 12)))  # one-hot
    ids = x.argmax(axis=2)
    np.testing.assert_array_equal(y, (ids[:, 0] == ids[:, -1]).astype(np.int64))
    assert 0.45 < y.mean() < 0.55
    # the middle carries no information: the label is as likely for every middle symbol
    assert abs(y[ids[:, 5] == 0].mean() - y[ids[:, 5] == 1].mean()) < 0.1


def test_parity_is_the_sum_of_the_bits_modulo_two():
    x, y = sequences.parity(500, 9, seed=2)
    assert set(np.unique(x)) == {0.0, 1.0}
    np.testing.assert_array_equal(y, x[:, :, 0].sum(axis=1).astype(int) % 2)


def test_sizes_are_checked_before_allocating():
    with pytest.raises(DataError, match=r"1600000000 values; at most 16777216") as err:
        load_dataset({"source": "sequence", "name": "first_last", "samples": 100_000,
                      "length": 1000, "symbols": 16})
    assert err.value.key == "samples"


def test_sequence_datasets_through_load_dataset():
    data = load_dataset({"source": "sequence", "name": "first_last", "length": 30,
                         "samples": 200})
    assert data.kind == "sequence" and data.task == "classification"
    assert data.x_train.shape == (160, 30, 4) and data.x_train.dtype == np.float32
    assert data.input_shape == (30, 4) and data.num_classes == 2
    assert data.class_names == ("no", "yes")
    sine = load_dataset({"source": "sequence", "name": "sine", "samples": 100})
    assert sine.task == "regression" and sine.y_train.shape == (80, 1)
    assert sine.num_outputs == 1 and not sine.standardized
    for key, value, message in [("length", 1, "length"), ("symbols", 40, "symbols"),
                                ("name", "zigzag", "name")]:
        with pytest.raises(DataError, match=message):
            load_dataset({"source": "sequence", key: value})


def test_standardised_sequences_are_measured_per_feature_over_every_step():
    data = load_dataset({"source": "sequence", "name": "sum_of_sines", "samples": 300,
                         "noise": 0.1, "standardize": True}, dtype=np.float64)
    assert data.stats.mean.shape == (1,)
    flat = data.x_train.reshape(-1, 1)
    assert abs(flat.mean()) < 1e-12 and flat.std() == pytest.approx(1.0)
    raw = data.raw_x("train")
    np.testing.assert_allclose(data.transform(raw), data.x_train)


def test_npz_sequences(tmp_path):
    rng = np.random.default_rng(0)
    path = tmp_path / "seq.npz"
    np.savez(path, x=rng.normal(size=(40, 6, 3)), y=rng.integers(0, 2, 40),
             flat=rng.normal(size=(40, 6)), bad=np.zeros((40, 2, 2, 2)))
    data = load_dataset({"source": "npz", "path": str(path), "sequence": True})
    assert data.kind == "sequence" and data.input_shape == (6, 3)
    assert data.feature_names == ("x[0]", "x[1]", "x[2]")
    one = load_dataset({"source": "npz", "path": str(path), "x_key": "flat", "sequence": True})
    assert one.input_shape == (6, 1)
    images = load_dataset({"source": "npz", "path": str(path)})
    assert images.kind == "images" and images.input_shape == (1, 6, 3)
    with pytest.raises(DataError, match=r"sequences need shape \(samples, time steps"):
        load_dataset({"source": "npz", "path": str(path), "x_key": "bad", "sequence": True})
