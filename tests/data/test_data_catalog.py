"""The data-source catalogue and spec checking."""

import json
import subprocess
import sys

import numpy as np
import pytest

from nnstudio.core.catalog import ParamSpec
from nnstudio.data import SOURCES, DataError, describe_sources, load_dataset
from nnstudio.data.catalog import resolve_spec
from nnstudio.data.sources import LOADERS


def test_sources():
    assert list(SOURCES) == ["toy2d", "points", "regression", "builtin", "csv", "npz",
                             "images", "idx", "sequence", "text", "words"]
    assert set(LOADERS) == set(SOURCES)  # every source in the catalogue can be loaded
    for source in SOURCES.values():
        assert all(isinstance(p, ParamSpec) and p.help for p in source.params)
        assert all(d.summary for d in source.datasets)
    assert [d.name for d in SOURCES["toy2d"].datasets] == [
        "circle", "xor", "gauss", "spiral", "moons", "linear", "random"]
    assert [d.name for d in SOURCES["builtin"].datasets] == [
        "iris", "wine", "breast_cancer", "digits"]


def test_defaults():
    spec = resolve_spec({"source": "toy2d", "name": "spiral"})
    assert spec == {"source": "toy2d", "name": "spiral", "samples": 500, "noise": 0.0,
                    "classes": 2, "features": ["x1", "x2"], "validation": 0.2, "test": 0.0,
                    "standardize": False, "seed": 0}
    assert resolve_spec({"source": "regression", "name": "sine"})["samples"] == 500
    assert resolve_spec({"source": "regression", "name": "plane"})["samples"] == 1200
    assert resolve_spec({"source": "regression"})["name"] == "sine"
    csv = resolve_spec({"source": "csv", "path": "a.csv"})
    assert csv["target"] is None and csv["delimiter"] == "auto" and csv["header"] == "auto"
    assert csv["task"] == "auto" and csv["standardize"] is True and csv["drop_missing"] is False
    assert csv["columns"] is None
    npz = resolve_spec({"source": "npz", "path": "a.npz"})
    assert (npz["x_key"], npz["y_key"], npz["task"]) == ("x", "y", "auto")
    assert resolve_spec({"source": "regression"})["features"] == ["x1"]
    assert resolve_spec({"source": "points"}) == {
        "source": "points", "points": [], "classes": 2, "features": ["x1", "x2"],
        "validation": 0.2, "test": 0.0, "standardize": False, "seed": 0}
    images = resolve_spec({"source": "images", "path": "pets"})
    assert (images["size"], images["color"], images["standardize"]) == ([28, 28], "grayscale",
                                                                       True)
    assert resolve_spec({"source": "images", "path": "p", "size": [32, 24]})["size"] == [32, 24]
    idx = resolve_spec({"source": "idx", "images": "i.gz", "labels": "l.gz"})
    assert idx["standardize"] is True
    assert resolve_spec({})["source"] == "toy2d"
    assert isinstance(resolve_spec({"samples": 300.0})["samples"], int)


@pytest.mark.parametrize(("spec", "key", "words"), [
    ({"source": "mnist"}, "source", "unknown data source"),
    ({"source": "images"}, "path", "needs 'path'"),
    ({"source": "images", "path": "p", "size": 0}, "size", "at least 1"),
    ({"source": "images", "path": "p", "size": [28, 28, 3]}, "size", "pair"),
    ({"source": "images", "path": "p", "color": "cmyk"}, "color", "grayscale"),
    ({"source": "idx", "images": "i.gz"}, "labels", "needs 'labels'"),
    ({"source": "csv", "path": "a.csv", "columns": [True]}, "columns", "column names"),
    ({"source": "points", "points": [[0, 0, 0]], "classes": 9}, "classes", "at most 8"),
    ({"source": "toy2d", "name": "blobs"}, "name", "circle"),
    ({"source": "toy2d", "noise": 0.7}, "noise", "at most 0.5"),
    ({"source": "toy2d", "samples": 0}, "samples", "at least"),
    ({"source": "toy2d", "samples": "many"}, "samples", "integer"),
    ({"source": "toy2d", "name": "spiral", "classes": 9}, "classes", "at most 8"),
    ({"source": "toy2d", "name": "xor", "classes": 3}, "classes", "spiral"),
    ({"source": "toy2d", "validation": 0.5, "test": 0.5}, "validation", "training"),
    ({"source": "toy2d", "validation": 1.0}, "validation", "less than 1"),
    ({"source": "toy2d", "test": -0.1}, "test", "at least 0"),
    ({"source": "toy2d", "standardize": "yes"}, "standardize", "true or false"),
    ({"source": "toy2d", "seed": -1}, "seed", "at least 0"),
    ({"source": "toy2d", "colour": "red"}, "colour", "no key"),
    ({"source": "builtin", "name": "mnist"}, "name", "iris"),
    ({"source": "csv"}, "path", "needs 'path'"),
    ({"source": "csv", "path": ""}, "path", "non-empty"),
    ({"source": "csv", "path": "a.csv", "header": 1}, "header", "true"),
    ({"source": "csv", "path": "a.csv", "delimiter": "|"}, "delimiter", "must be one of"),
    ({"source": "csv", "path": "a.csv", "target": 1.5}, "target", "column"),
    ({"source": "npz", "path": "a.npz", "task": "clustering"}, "task", "classification"),
])
def test_bad_specs_name_the_key(spec, key, words):
    with pytest.raises(DataError, match=words) as info:
        load_dataset(spec)
    assert info.value.key == key


def test_bad_spec_types_and_dtype():
    with pytest.raises(DataError, match="object"):
        load_dataset(["toy2d"])
    with pytest.raises(DataError, match="float32 or float64"):
        load_dataset({}, dtype=np.int32)


def test_describe_sources_is_json():
    described = describe_sources()
    text = json.dumps(described)
    assert "spiral" in text and "drop_missing" in text
    toy = next(s for s in described if s["source"] == "toy2d")
    features = next(p for p in toy["params"] if p["name"] == "features")
    assert features["choices"] == ["x1", "x2", "x1^2", "x2^2", "x1x2", "sin_x1", "sin_x2"]
    assert features["labels"] == ["x₁", "x₂", "x₁²", "x₂²", "x₁x₂", "sin x₁", "sin x₂"]
    assert list(features["default"]) == ["x1", "x2"]


def test_data_package_never_imports_qt():
    code = ("import sys, nnstudio.data; "
            "assert not [m for m in sys.modules if m.startswith(('PySide6', 'PyQt'))]")
    subprocess.run([sys.executable, "-c", code], check=True)
