"""The image-task panels in the main window, fed by the real training worker: predictions on
sample images, the confusion matrix, the most confident mistakes, first-layer filters and the
feature maps of a sample chosen with the picker; and their empty states."""

import dataclasses
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from nnstudio.design import Design
from nnstudio.gui.panels.images import (
    ConfusionPanel,
    DrawingPadPanel,
    FeatureMapsPanel,
    FiltersPanel,
    MistakesPanel,
    SamplesPanel,
)
from nnstudio.gui.panels.images.ink import fit_drawing, ink_extent
from nnstudio.gui.theme import ERROR_COLOUR

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
IMAGE_PANELS = (SamplesPanel, ConfusionPanel, MistakesPanel, FiltersPanel, FeatureMapsPanel,
                DrawingPadPanel)


def example(name):
    return Design.load(EXAMPLES / f"{name}.json")


def settle(qtbot, window, action):
    """Run `action` and wait until training has stopped and the panels show it."""
    with qtbot.waitSignal(window.training.controller.settled, timeout=30_000):
        action()
    return window.training.controller.latest


def panel(window, kind):
    return next(p for p in window.training.panels if isinstance(p, kind))


@pytest.fixture
def digits(qtbot, open_window):
    """The digits CNN in a window, trained 60 steps through the worker."""
    w = open_window(example("digits_cnn"))
    controller = w.training.controller
    snap = settle(qtbot, w, lambda: controller.play(60))
    assert snap.step == 60 and not snap.running
    return w


def test_every_image_panel_shows_the_trained_network(digits):
    dataset = digits.training.controller.session.worker.trainer.data
    validation = len(dataset.y_val)
    for kind in IMAGE_PANELS:
        assert panel(digits, kind).message is None, kind.__name__

    samples = panel(digits, SamplesPanel)
    p = samples._predictions
    tiles = samples.view.tiles
    assert 0 < len(tiles) <= len(p.true)
    for k, tile in enumerate(tiles):
        predicted, true = dataset.class_names[p.predicted[k]], dataset.class_names[p.true[k]]
        assert tile.caption.startswith(predicted)
        assert (tile.frame == ERROR_COLOUR) == (predicted != true)
        assert tile.rgba.shape[:2] == dataset.raw_shape[1:]
    assert f"of {validation} validation images right" in samples.summary.text()

    confusion = panel(digits, ConfusionPanel)
    assert confusion.confusion.shape == (10, 10)
    assert confusion.confusion.sum() == validation
    np.testing.assert_array_equal(confusion.confusion.sum(axis=1),
                                  np.bincount(dataset.y_val, minlength=10))
    texts = confusion.cell_texts
    assert texts[3][3] == str(confusion.confusion[3, 3])

    mistakes = panel(digits, MistakesPanel)
    wrong = mistakes._predictions.wrong
    assert 0 < len(mistakes.view.tiles) <= len(wrong)
    assert all(tile.frame == ERROR_COLOUR and "→" in tile.caption
               for tile in mistakes.view.tiles)

    filters = panel(digits, FiltersPanel)
    conv1 = next(n for n in digits.model.design.network["nodes"] if n["id"] == "conv1")
    assert len(filters.view.tiles) == conv1["params"]["filters"] == 16
    assert "conv1" in filters.summary.text()

    features = panel(digits, FeatureMapsPanel)
    assert [layer.node for layer in features.maps.layers] == ["conv1", "pool1", "conv2",
                                                              "pool2"]
    assert len(features.view.tiles) == 1 + 16 * 4  # the input, then 16 maps of each layer
    assert (features.picker.minimum(), features.picker.maximum()) == (1, validation)


def test_the_sample_picker_changes_the_feature_maps(qtbot, digits):
    features = panel(digits, FeatureMapsPanel)
    assert features.maps.index == 0
    before = [t.rgba for t in features.view.tiles]
    settle(qtbot, digits, lambda: features.picker.setValue(8))  # the 8th: index 7
    assert features.maps.index == 7 and features.picker.value() == 8
    after = [t.rgba for t in features.view.tiles]
    assert not np.array_equal(before[0], after[0])  # another input image
    settle(qtbot, digits, features.next.click)
    assert features.maps.index == 8


def tile_centre(view, i):
    """The viewport pixel at the middle of tile i."""
    image = view._images[i]
    centre = image.mapRectToParent(image.boundingRect()).center()
    return view.mapFromScene(view.box.mapViewToScene(centre))


@pytest.mark.parametrize("kind", [SamplesPanel, MistakesPanel])
def test_clicking_a_tile_follows_that_sample_through_the_layers(qtbot, digits, kind):
    tiles = panel(digits, kind)
    tiles.parentWidget().raise_()
    features = panel(digits, FeatureMapsPanel)
    features.parentWidget().hide()
    qtbot.waitUntil(lambda: tiles.view.isVisible() and tiles.view.width() > 100)
    k = min(3, len(tiles.rows) - 1)
    chosen = tiles.rows[k]
    assert chosen != features.maps.index
    settle(qtbot, digits, lambda: qtbot.mouseClick(
        tiles.view.viewport(), Qt.MouseButton.LeftButton, pos=tile_centre(tiles.view, k)))
    assert features.maps.index == chosen and features.picker.value() == chosen + 1
    assert features.parentWidget().isVisible()
    p = tiles._predictions
    assert features.maps.true == p.true[chosen]


def test_a_click_between_tiles_chooses_nothing(qtbot, digits):
    samples = panel(digits, SamplesPanel)
    qtbot.waitUntil(lambda: samples.view.isVisible())
    with qtbot.assertNotEmitted(samples.sampleChosen):
        qtbot.mouseClick(samples.view.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(1, samples.view.height() - 2))


def test_only_mistakes_shows_the_wrong_ones(digits):
    samples = panel(digits, SamplesPanel)
    samples.only_wrong.setChecked(True)
    assert all(tile.frame == ERROR_COLOUR for tile in samples.view.tiles)


def test_before_training_the_prediction_panels_say_how_to_start(qtbot, open_window):
    w = open_window(example("digits_cnn"))
    for kind in (SamplesPanel, ConfusionPanel, MistakesPanel):
        assert "Press Play" in panel(w, kind).message
    assert panel(w, FiltersPanel).message is None  # the initial filters are worth a look
    assert "random" in panel(w, DrawingPadPanel).note.text()


def test_data_without_images_explain_their_empty_panels(qtbot, open_window):
    w = open_window(example("spiral"))
    for kind in (SamplesPanel, MistakesPanel, FeatureMapsPanel, DrawingPadPanel):
        assert "image" in panel(w, kind).message, kind.__name__
    assert "decision boundary" in panel(w, ConfusionPanel).message
    assert "no convolution" in panel(w, FiltersPanel).message


def test_a_table_classifier_gets_a_confusion_matrix(qtbot, open_window):
    w = open_window(example("iris"))
    controller = w.training.controller
    settle(qtbot, w, lambda: controller.play(20))
    confusion = panel(w, ConfusionPanel)
    assert confusion.message is None
    assert confusion.confusion.shape == (3, 3)
    assert confusion.confusion.sum() == len(controller.session.worker.trainer.data.y_val)


def test_drawings_are_fitted_to_the_frame_as_the_dataset_is():
    drawing = np.zeros((100, 100))
    drawing[20:80, 40:60] = 1.0  # a tall bar, off centre
    small = fit_drawing(drawing, (8, 8), extent=1.0)
    assert small.shape == (8, 8)
    assert small[0].any() and small[-1].any()  # spans the full height
    assert not small[:, 0].any() and not small[:, -1].any()  # centred, narrower
    mnist_like = fit_drawing(drawing, (28, 28), extent=20 / 28)
    rows = np.flatnonzero(mnist_like.any(axis=1))
    assert (rows[0], rows[-1]) == (4, 23)
    assert not fit_drawing(np.zeros((50, 50)), (8, 8)).any()
    assert ink_extent(np.zeros((3, 8, 8))) == 1.0


def test_no_mistakes_to_show_is_said_and_the_box_stays_reachable(qtbot, digits):
    samples = panel(digits, SamplesPanel)
    p = samples._predictions
    perfect = dataclasses.replace(p, predicted=p.true)
    samples.draw(SimpleNamespace(predictions=perfect, step=60))
    samples.only_wrong.setChecked(True)
    assert samples.view.tiles == [] and samples.message is None
    assert samples.summary.text().startswith("No mistakes among the first")
    samples.only_wrong.setChecked(False)
    assert len(samples.view.tiles) > 0


def test_image_regression_gets_no_classification_views(qtbot, open_window, tmp_path):
    x = np.random.default_rng(0).random((60, 1, 8, 8)).astype(np.float32)
    np.savez(tmp_path / "brightness.npz", x=x, y=x.mean(axis=(1, 2, 3))[:, None])
    doc = Design.load(EXAMPLES / "digits_cnn.json").to_dict()
    doc["network"]["nodes"][-1]["params"]["units"] = 1
    doc["data"] = {"source": "npz", "path": str(tmp_path / "brightness.npz"),
                   "validation": 0.2}
    doc["training"]["loss"] = "mse"
    w = open_window(Design.from_dict(doc))
    controller = w.training.controller
    settle(qtbot, w, lambda: controller.play(5))
    assert controller.latest.predictions is None and controller.latest.filters is not None
    for kind in (SamplesPanel, MistakesPanel, FeatureMapsPanel, DrawingPadPanel):
        assert "classif" in panel(w, kind).message, kind.__name__
    assert "classification" in panel(w, ConfusionPanel).message
    assert panel(w, FiltersPanel).message is None  # a regression CNN's filters are filters
