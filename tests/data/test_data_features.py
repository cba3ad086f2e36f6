"""Playground input features: what the network sees, the raw points the panels draw."""

import numpy as np
import pytest

from nnstudio import Design
from nnstudio import Trainer as DesignTrainer
from nnstudio.core.monitor import TOY_RANGE, Monitor
from nnstudio.core.network import Network
from nnstudio.core.training import Trainer
from nnstudio.data import FEATURES, DataError, load_dataset
from nnstudio.data.features import FeatureMap


def test_every_feature_of_a_point():
    raw = np.array([[2.0, -3.0], [0.5, 0.25]])
    values = FeatureMap(tuple(FEATURES))(raw)
    x1, x2 = raw.T
    expected = np.column_stack([x1, x2, x1 ** 2, x2 ** 2, x1 * x2, np.sin(x1), np.sin(x2)])
    np.testing.assert_allclose(values, expected)
    assert FeatureMap(("x1^2", "x1x2", "sin_x2")).labels == ("x₁²", "x₁x₂", "sin x₂")


def test_features_set_the_inputs_and_keep_the_raw_points():
    spec = {"source": "toy2d", "name": "circle", "seed": 3, "validation": 0.2, "test": 0.1}
    plain = load_dataset(spec, dtype=np.float64)
    data = load_dataset({**spec, "features": ["x1^2", "x2^2", "sin_x1"]}, dtype=np.float64)
    assert data.input_shape == (3,) and data.x_train.shape == (350, 3)
    assert data.feature_names == ("x1^2", "x2^2", "sin_x1")
    assert data.feature_labels == ("x₁²", "x₂²", "sin x₁")
    assert plain.feature_names == ("x1", "x2") and plain.feature_labels == ("x₁", "x₂")
    assert data.raw_shape == (2,) and data.kind == "points2d"
    for split in ("train", "validation", "test"):
        points = data.points(split)
        np.testing.assert_array_equal(points, plain.split(split)[0])
        x = data.split(split)[0]
        np.testing.assert_allclose(x, np.column_stack(
            [points[:, 0] ** 2, points[:, 1] ** 2, np.sin(points[:, 0])]))
    np.testing.assert_array_equal(data.y_val, plain.y_val)
    np.testing.assert_array_equal(data.raw_x("train", slice(0, 5)), data.points("train")[:5])


def test_transform_maps_raw_points_through_features_and_standardisation():
    data = load_dataset({"source": "toy2d", "name": "xor", "features": ["x1", "x1x2"],
                         "standardize": True})
    assert data.standardized and data.stats.mean.shape == (2,)
    np.testing.assert_allclose(data.transform(data.points("validation")), data.x_val,
                               rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(data.x_train.mean(axis=0), 0, atol=1e-5)
    grid = np.array([[1.0, 2.0], [-3.0, 0.5]])
    expected = (np.column_stack([grid[:, 0], grid.prod(axis=1)]) - data.stats.mean) / \
        data.stats.std
    np.testing.assert_allclose(data.transform(grid), expected, rtol=1e-6)
    assert data.transform(grid).dtype == np.float32
    # inverse_transform undoes the standardisation: the feature values
    np.testing.assert_allclose(data.inverse_transform(data.x_val)[:, 1],
                               data.points("validation").prod(axis=1), rtol=1e-4, atol=1e-4)


def test_points_are_only_for_the_plane():
    with pytest.raises(DataError, match="no points in the plane"):
        load_dataset({"source": "builtin", "name": "iris"}).points("train")
    with pytest.raises(DataError, match="unknown split"):
        load_dataset({}).raw_x("training")


def test_regression_features_and_the_sine_curve():
    sine = load_dataset({"source": "regression", "name": "sine"}, dtype=np.float64)
    assert sine.feature_names == ("x1",) and sine.input_shape == (1,)
    poly = load_dataset({"source": "regression", "name": "sine",
                         "features": ["x1", "x1^2", "sin_x1"]}, dtype=np.float64)
    assert poly.kind == "curve1d" and poly.input_shape == (3,)
    np.testing.assert_allclose(poly.x_train[:, 2], np.sin(poly.raw_x("train")[:, 0]))
    with pytest.raises(DataError, match="single input") as info:
        load_dataset({"source": "regression", "name": "sine", "features": ["x1", "x2"]})
    assert info.value.key == "features"
    plane = load_dataset({"source": "regression", "name": "plane", "features": ["x1x2"]})
    assert plane.input_shape == (1,) and plane.kind == "points2d"


@pytest.mark.parametrize(("features", "words"), [
    ([], "non-empty list"), ("x1", "non-empty list"), (["x1", "x3"], "unknown feature 'x3'"),
    (["x2", "x2"], "twice"), ([1], "unknown feature 1")])
def test_bad_features(features, words):
    with pytest.raises(DataError, match=words) as info:
        load_dataset({"source": "toy2d", "features": features})
    assert info.value.key == "features"


def _linear_circle_accuracy(features):
    data = load_dataset({"source": "toy2d", "name": "circle", "seed": 1, "features": features,
                         "standardize": True})
    nodes = [{"id": "x", "type": "Input", "params": {"shape": [len(features)]}},
             {"id": "out", "type": "Dense", "params": {"units": 2}}]
    network = Network(nodes, [["x", "out"]], seed=0)
    trainer = Trainer(network, data, {"loss": "cross_entropy",
                                      "optimizer": {"type": "adam", "lr": 0.05},
                                      "batch_size": 10, "epochs": 30})
    trainer.run()
    return trainer.evaluate("validation")["accuracy"]


def test_a_linear_model_solves_the_circle_with_squares():
    assert _linear_circle_accuracy(["x1^2", "x2^2"]) == 1.0
    assert _linear_circle_accuracy(["x1", "x2"]) < 0.8


def test_the_boundary_is_drawn_on_the_raw_plane():
    design = Design.default().to_dict()
    design["network"]["nodes"][0]["params"]["shape"] = [3]
    design["data"] = {"source": "toy2d", "name": "circle",
                      "features": ["x1^2", "x2^2", "x1x2"], "standardize": True}
    monitor = Monitor(DesignTrainer(Design.from_dict(design)))
    assert (monitor.x_range, monitor.y_range) == (TOY_RANGE, TOY_RANGE)
    snap = monitor.snapshot()
    assert snap.boundary.probabilities.shape == (100, 100, 2)
    inputs = snap.neurons["x"]
    assert inputs.shape == (3, 24, 24)
    xs = np.linspace(-6, 6, 24)
    data = monitor.trainer.data
    expected = (xs[None, :] ** 2 - data.stats.mean[0]) / data.stats.std[0]
    np.testing.assert_allclose(inputs[0], np.broadcast_to(expected, (24, 24)), rtol=1e-4,
                               atol=1e-4)
