"""Image-task probes: predictions and confusion matrix, the most confidently wrong samples,
first-layer filters, one sample's feature maps, and the Monitor probes that carry them."""

from pathlib import Path

import numpy as np
import pytest

from nnstudio import Design, Trainer, build_network
from nnstudio.core import image_probes
from nnstudio.core import monitor as monitors
from nnstudio.core.monitor import Monitor

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def trained(name: str, steps: int = 60) -> Trainer:
    trainer = Trainer(Design.load(EXAMPLES / f"{name}.json"))
    for _ in range(steps):
        trainer.step()
    return trainer


@pytest.fixture(scope="module")
def digits() -> Trainer:
    return trained("digits_cnn")


def held_out(trainer: Trainer) -> tuple[np.ndarray, np.ndarray]:
    x, y = trainer.data.split("validation")
    return x.reshape(len(x), *trainer.network.input_shape), y


def test_predictions_count_every_validation_sample(digits):
    x, y = held_out(digits)
    p = image_probes.predictions(digits.network, x, y, 10, shown=50, wrong=8)
    assert p.confusion.shape == (10, 10) and p.confusion.dtype == np.int64
    assert p.confusion.sum() == len(y) == p.evaluated == p.split_size
    np.testing.assert_array_equal(p.confusion.sum(axis=1), np.bincount(y, minlength=10))
    assert p.correct == round(digits.evaluate("validation")["accuracy"] * len(y))
    assert p.probabilities.shape == (50, 10)
    np.testing.assert_allclose(p.probabilities.sum(axis=1), 1.0, rtol=1e-5)
    np.testing.assert_array_equal(p.predicted, p.probabilities.argmax(axis=1))
    np.testing.assert_array_equal(p.true, y[:50])


def test_most_confident_mistakes_come_first(digits):
    x, y = held_out(digits)
    p = image_probes.predictions(digits.network, x, y, 10, wrong=5)
    assert 0 < len(p.wrong) <= 5
    all_p = image_probes.class_probabilities(digits.network, x)
    wrong = np.flatnonzero(all_p.argmax(axis=1) != y)
    assert set(p.wrong) <= set(wrong)
    assert np.all(np.diff(p.wrong_confidence) <= 0)
    np.testing.assert_array_equal(p.wrong_true, y[p.wrong])
    assert np.all(p.wrong_predicted != p.wrong_true)
    np.testing.assert_allclose(p.wrong_confidence, all_p[p.wrong].max(axis=1), rtol=1e-6)
    # nothing more confident was left out
    assert all_p[wrong].max(axis=1).max() == pytest.approx(p.wrong_confidence[0])


def test_a_single_output_column_gives_two_classes():
    doc = Design.load(EXAMPLES / "xor.json").to_dict()
    doc["network"]["nodes"][-1]["params"] = {"units": 1, "activation": "sigmoid"}
    doc["training"]["loss"] = "binary_cross_entropy"
    net = build_network(Design.from_dict(doc))
    x = np.random.default_rng(0).normal(size=(7, 2)).astype(np.float32)
    p = image_probes.predictions(net, x, np.array([0, 1, 0, 1, 1, 0, 0]), 2)
    assert p.probabilities.shape == (7, 2) and p.confusion.sum() == 7
    np.testing.assert_allclose(p.probabilities.sum(axis=1), 1.0, rtol=1e-6)


def test_first_filters_are_a_frozen_copy(digits):
    filters = image_probes.first_filters(digits.network)
    weights = digits.network.layers["conv1"].parameters[0].value
    assert filters.node == "conv1" and filters.weights.shape == (16, 1, 3, 3)
    np.testing.assert_array_equal(filters.weights, weights)
    assert not np.shares_memory(filters.weights, weights)
    assert not filters.weights.flags.writeable
    assert image_probes.first_filters(trained("iris", 1).network) is None


def test_feature_maps_of_one_sample_through_every_conv_and_pool(digits):
    x, y = held_out(digits)
    maps = image_probes.feature_maps(digits.network, x[7], int(y[7]), "validation", 7)
    assert [(m.node, m.type, m.maps.shape) for m in maps.layers] == [
        ("conv1", "Conv2D", (16, 8, 8)), ("pool1", "MaxPool2D", (16, 4, 4)),
        ("conv2", "Conv2D", (32, 4, 4)), ("pool2", "MaxPool2D", (32, 2, 2))]
    assert maps.index == 7 and maps.true == y[7] and maps.image.shape == (1, 8, 8)
    assert maps.probabilities.sum() == pytest.approx(1.0, rel=1e-5)
    digits.network.forward(x[7:8])
    np.testing.assert_allclose(maps.layers[-1].maps, digits.network.node_outputs()["pool2"][0])
    assert not any(a.flags.writeable for a in (maps.image, maps.probabilities,
                                               *(m.maps for m in maps.layers)))


@pytest.mark.parametrize(("name", "expected"), [
    ("digits_cnn", {"predictions", "filters", "feature_maps"}),
    ("iris", {"predictions"}), ("spiral", set()), ("sine", set())])
def test_the_monitor_carries_the_image_probes_that_apply(name, expected):
    monitor = Monitor(trained(name, 2))
    image = {"predictions", "filters", "feature_maps"}
    assert set(monitor.probes) & image == expected
    snap = monitor.snapshot()
    for probe in image:
        assert (getattr(snap, probe) is not None) == (probe in expected)
        assert (probe in monitor.costs) == (probe in expected)


def test_the_feature_sample_is_refreshed_at_the_next_snapshot(digits):
    monitor = Monitor(digits)
    first = monitor.snapshot()
    assert first.feature_maps.index == 0
    assert monitor.set_feature_sample(5) == 5
    snap = monitor.snapshot(refresh=())
    assert snap.fresh == {"feature_maps"} and snap.feature_maps.index == 5
    x, _ = held_out(digits)
    np.testing.assert_array_equal(snap.feature_maps.image, x[5])
    assert monitor.snapshot(refresh=()).feature_maps is snap.feature_maps
    assert monitor.set_feature_sample(10_000) == len(x) - 1
    assert monitor.set_feature_sample(-3) == 0


def test_predictions_stop_at_a_bounded_number_of_samples(digits, monkeypatch):
    monkeypatch.setattr(monitors, "MAX_PREDICTED", 40)
    snap = Monitor(digits).snapshot()
    p = snap.predictions
    assert p.evaluated == 40 == p.confusion.sum()
    assert p.split == "validation" and p.split_size == len(digits.data.y_val)
