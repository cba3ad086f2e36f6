"""Loading .npz files: round trips and refusals."""

import pickle

import numpy as np
import pytest

from nnstudio.data import DataError, load_dataset
from nnstudio.data.npz import list_arrays, load_npz, peek_array
from nnstudio.data.splits import split_indices


def _load(tmp_path, name="data.npz", **spec):
    return load_dataset({"source": "npz", "path": name, "validation": 0.25, "seed": 3,
                         "standardize": False, **spec}, dtype=np.float64, base_dir=tmp_path)


def test_round_trip_classification(tmp_path):
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(40, 3)), np.repeat([3, 7], 20)
    np.savez(tmp_path / "data.npz", x=x, y=y)
    data = _load(tmp_path)
    assert data.task == "classification" and data.class_names == ("3", "7")
    train, val, _ = split_indices(40, 0.25, 0.0, 3, labels=(y == 7).astype(int))
    np.testing.assert_array_equal(data.x_train, x[train])
    np.testing.assert_array_equal(data.y_val, (y[val] == 7).astype(int))
    assert data.feature_names == ("x[0]", "x[1]", "x[2]") and data.kind == "table"


def test_round_trip_regression_and_keys(tmp_path):
    x = np.linspace(0, 1, 30)
    np.savez(tmp_path / "r.npz", inputs=x, targets=x ** 2)
    data = _load(tmp_path, "r.npz", x_key="inputs", y_key="targets")
    assert data.task == "regression" and data.input_shape == (1,)
    assert data.y_train.shape == (22, 1)
    np.testing.assert_allclose(data.y_train[:, 0], data.x_train[:, 0] ** 2)


def test_text_labels_and_images(tmp_path):
    x = np.random.default_rng(0).random((12, 5, 5))
    np.savez(tmp_path / "img.npz", x=x, y=np.array(["cat", "dog", "ant"] * 4))
    data = _load(tmp_path, "img.npz")
    assert data.kind == "images" and data.input_shape == (1, 5, 5)
    assert data.class_names == ("ant", "cat", "dog")


def test_task_can_be_forced(tmp_path):
    np.savez(tmp_path / "d.npz", x=np.arange(10.0), y=np.arange(10) % 2)
    assert _load(tmp_path, "d.npz").task == "classification"
    assert _load(tmp_path, "d.npz", task="regression").task == "regression"


def test_refuses_object_arrays(tmp_path):
    np.savez(tmp_path / "data.npz", x=np.array([{"a": 1}, None], dtype=object), y=[0, 1])
    with pytest.raises(DataError, match="Python objects") as info:
        _load(tmp_path)
    assert info.value.key == "x_key"


def test_missing_key_lists_the_arrays(tmp_path):
    np.savez(tmp_path / "data.npz", features=np.zeros((4, 2)), labels=[0, 1, 0, 1])
    with pytest.raises(DataError, match="no array 'x'; it holds: features, labels") as info:
        _load(tmp_path)
    assert info.value.key == "x_key"


@pytest.mark.parametrize(("arrays", "words"), [
    ({"x": np.zeros((4, 2)), "y": [0, 1, 0]}, "4 samples"),
    ({"x": np.array([[0.0, np.nan], [1, 1]]), "y": [0, 1]}, "NaN"),
    ({"x": np.array([["a"], ["b"]]), "y": [0, 1]}, "must be numbers"),
    ({"x": np.zeros((2, 1, 1, 1, 1)), "y": [0, 1]}, "shape"),
    ({"x": np.zeros((4, 2)), "y": [1, 1, 1, 1]}, "only one class"),
    ({"x": np.zeros((4, 2)), "y": np.zeros((4, 2, 2))}, "targets must be"),
    ({"x": np.zeros((2, 2)), "y": ["a", "b"]}, None),
])
def test_bad_arrays(tmp_path, arrays, words):
    np.savez(tmp_path / "data.npz", **arrays)
    if words is None:
        with pytest.raises(DataError, match="regression"):
            _load(tmp_path, task="regression")
    else:
        with pytest.raises(DataError, match=words):
            _load(tmp_path)


def test_refuses_other_files(tmp_path):
    np.save(tmp_path / "one.npy", np.zeros(3))
    with pytest.raises(DataError, match="single array"):
        _load(tmp_path, "one.npy")
    (tmp_path / "p.npz").write_bytes(pickle.dumps({"x": 1}))
    with pytest.raises(DataError, match="pickled"):
        _load(tmp_path, "p.npz")
    (tmp_path / "junk.npz").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DataError, match="not a readable"):
        _load(tmp_path, "junk.npz")
    with pytest.raises(DataError, match="file not found") as info:
        _load(tmp_path, "absent.npz")
    assert info.value.key == "path"


def test_list_arrays_reads_headers_only(tmp_path):
    np.savez_compressed(tmp_path / "a.npz", x=np.zeros((5, 2, 3), np.float32), y=np.arange(5))
    assert list_arrays(tmp_path / "a.npz") == [("x", (5, 2, 3), np.dtype(np.float32)),
                                               ("y", (5,), np.dtype(np.int64))]
    np.save(tmp_path / "single.npy", np.zeros(3))
    with pytest.raises(DataError, match=r"single\.npy holds a single array"):
        list_arrays(tmp_path / "single.npy")
    (tmp_path / "junk.npz").write_bytes(b"junk")
    with pytest.raises(DataError, match=r"not a readable NumPy \.npz file"):
        list_arrays(tmp_path / "junk.npz")


def test_loading_reports_progress(tmp_path):
    np.savez(tmp_path / "a.npz", x=np.zeros((6, 2)), y=np.arange(6) % 2)
    seen = []
    load_npz(tmp_path / "a.npz", progress=seen.append)
    assert seen == sorted(seen) and len(seen) >= 3 and seen[-1] < 1


def test_peek_array_inflates_only_the_first_items(tmp_path):
    x = np.arange(5000 * 64, dtype=np.float32).reshape(5000, 8, 8)
    np.savez_compressed(tmp_path / "a.npz", x=x, y=np.arange(5000))
    assert np.array_equal(peek_array(tmp_path / "a.npz", "x", 3), x[:3])
    assert np.array_equal(peek_array(tmp_path / "a.npz", "y", 10_000), np.arange(5000))
    np.savez(tmp_path / "f.npz", x=np.asfortranarray(np.ones((3, 2))))
    assert peek_array(tmp_path / "f.npz", "x", 2) is None
    with pytest.raises(DataError, match="has no array 'z'"):
        peek_array(tmp_path / "a.npz", "z", 2)
