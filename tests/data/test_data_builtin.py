"""The bundled datasets."""

import json
from pathlib import Path

import numpy as np
import pytest

from nnstudio.data import load_dataset
from nnstudio.data.builtin import load_builtin
from nnstudio.data.paths import resources_dir

REPO = Path(__file__).resolve().parents[2]


def test_resources_dir_is_the_checkout():
    assert resources_dir() == REPO / "resources"


@pytest.mark.parametrize(("name", "shape", "counts", "first_class"), [
    ("iris", (150, 4), [50, 50, 50], "setosa"),
    ("wine", (178, 13), [59, 71, 48], "class_0"),
    ("breast_cancer", (569, 30), [357, 212], "benign"),
])
def test_tables(name, shape, counts, first_class):
    samples = load_builtin(name)
    assert samples.x.shape == shape and samples.x.dtype == np.float64
    assert samples.kind == "table" and samples.task == "classification"
    assert np.bincount(samples.y).tolist() == counts
    assert samples.class_names[0] == first_class and len(samples.feature_names) == shape[1]
    assert list(samples.class_names) == sorted(samples.class_names)


def test_iris_values():
    samples = load_builtin("iris")
    assert samples.feature_names[0] == "sepal_length_cm"
    np.testing.assert_allclose(samples.x[0], [5.1, 3.5, 1.4, 0.2])
    assert samples.class_names == ("setosa", "versicolor", "virginica")


def test_digits():
    samples = load_builtin("digits")
    assert samples.x.shape == (1797, 1, 8, 8) and samples.kind == "images"
    assert samples.x.min() == 0.0 and samples.x.max() == 1.0
    np.testing.assert_allclose(samples.x * 16, np.round(samples.x * 16))
    assert samples.class_names == tuple("0123456789")
    assert np.bincount(samples.y).min() >= 170


def test_load_dataset_builtin():
    data = load_dataset({"source": "builtin", "name": "digits", "validation": 0.15, "test": 0.2,
                         "standardize": False, "seed": 1})
    assert data.input_shape == (1, 8, 8) and data.num_classes == 10
    assert len(data.x_train) + len(data.x_val) + len(data.x_test) == 1797
    assert data.x_train.max() <= 1.0
    iris = load_dataset({"source": "builtin", "name": "iris", "validation": 0.2, "test": 0.2})
    assert (len(iris.x_train), len(iris.x_val), len(iris.x_test)) == (90, 30, 30)
    assert np.bincount(iris.y_val).tolist() == [10, 10, 10]
    assert iris.standardized and iris.name == "Iris flowers"


def test_example_designs_data_sections_load():
    for path in sorted((REPO / "resources" / "examples").glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8")).get("data")
        if spec is not None:
            data = load_dataset(spec, base_dir=path.parent)
            assert len(data.x_train) > 0, path.name
