"""The drawing pad: mouse strokes draw on it, the drawing becomes a sample of the dataset's
kind, the worker's current network classifies it (coalesced requests), and Clear empties it."""

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from nnstudio.data.builtin import load_builtin
from nnstudio.data.resize import resize_area
from nnstudio.design import Design
from nnstudio.gui.panels.images import DrawingPadPanel

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(open_window):
    return open_window(Design.load(EXAMPLES / "digits_cnn.json"))


def show_pad(qtbot, window):
    """The window's drawing pad, brought to the front of its dock."""
    panel = next(p for p in window.training.panels if isinstance(p, DrawingPadPanel))
    panel.parentWidget().raise_()
    qtbot.waitUntil(panel.pad.isVisible)
    return panel


@pytest.fixture
def pad(qtbot, window):
    return show_pad(qtbot, window)


def stroke(qtbot, widget, points):
    """Press at the first point, move through the others, release at the last."""
    qtbot.mousePress(widget, LEFT, NO_MOD, points[0])
    for point in points[1:]:
        qtbot.mouseMove(widget, point)
    qtbot.mouseRelease(widget, LEFT, NO_MOD, points[-1])


def draw_seven(qtbot, pad):
    """A 7: a bar across the top and a diagonal down to the bottom."""
    side = min(pad.pad.width(), pad.pad.height())
    x0, y0 = (pad.pad.width() - side) // 2, (pad.pad.height() - side) // 2

    def at(u, v):
        return QPoint(x0 + round(u * side), y0 + round(v * side))

    stroke(qtbot, pad.pad, [at(0.25 + 0.1 * k, 0.2) for k in range(6)]
           + [at(0.75 - 0.05 * k, 0.2 + 0.12 * k) for k in range(1, 6)])


def test_strokes_draw_and_a_prediction_arrives(qtbot, window, pad):
    assert pad.array is None and not pad.pad.ink().any()
    with qtbot.waitSignal(window.training.controller.predicted, timeout=10_000):
        draw_seven(qtbot, pad)
    ink = pad.pad.ink()
    assert ink.max() > 0.9 and 0.02 < (ink > 0.5).mean() < 0.5
    assert pad.array.shape == (1, 8, 8) and pad.array.max() > 0.5
    qtbot.waitUntil(lambda: pad.probabilities is not None and pad._pending is None)
    assert pad.probabilities.shape == (10,)
    assert pad.probabilities.sum() == pytest.approx(1.0, rel=1e-5)
    assert pad.verdict.text().startswith("It looks like")
    assert len(pad.bars.opts["height"]) == 10


def test_the_pad_follows_training_and_learns_the_seven(qtbot, window, pad):
    draw_seven(qtbot, pad)
    qtbot.waitUntil(lambda: pad.probabilities is not None and pad._pending is None)
    untrained = pad.probabilities
    controller = window.training.controller
    with qtbot.waitSignal(controller.settled, timeout=60_000):
        controller.play(600)
    qtbot.waitUntil(lambda: pad._pending is None and pad.probabilities is not untrained)
    assert "600 steps" in pad.note.text()
    assert int(np.argmax(pad.probabilities)) == 7


def test_requests_are_coalesced_while_one_is_pending(qtbot, window, pad, monkeypatch):
    sent = []
    controller = window.training.controller
    real = controller.predict

    def spy(request, x):
        sent.append(request)
        return real(request, x)

    monkeypatch.setattr(controller, "predict", spy)
    draw_seven(qtbot, pad)  # eleven stroke segments
    assert len(sent) == 1 and pad._stale
    qtbot.waitUntil(lambda: pad._pending is None, timeout=10_000)
    assert len(sent) == 2  # one more, for the drawing as it was when the first answer came
    assert pad.probabilities is not None


def test_clear_empties_the_pad(qtbot, window, pad):
    draw_seven(qtbot, pad)
    qtbot.waitUntil(lambda: pad.probabilities is not None)
    pad.clear_button.click()
    assert not pad.pad.ink().any()
    assert pad.array is None and pad.probabilities is None
    assert pad.bars.opts["height"] is not None and len(pad.bars.opts["height"]) == 0
    assert pad.verdict.text() == "Draw on the pad with the mouse"


def test_a_network_that_cannot_read_the_drawing_says_so(qtbot, window, pad):
    controller = window.training.controller
    with qtbot.waitSignal(controller.predicted, timeout=10_000) as blocker:
        controller.predict(99, np.zeros((1, 1, 5, 5), np.float32))
    assert blocker.args == [99, None]
    pad._pending = 99
    pad._on_predicted(99, None)
    assert pad.probabilities is None


def mnist_like(tmp_path, inverted=False):
    """The digits as 28×28 images, drawn in a 20×20 box as MNIST's are (dark ink on white
    when `inverted`), in an .npz, and the digits CNN made for them."""
    samples = load_builtin("digits")
    x = np.zeros((len(samples.x), 1, 28, 28), np.float32)
    for i, image in enumerate(samples.x):
        x[i, :, 4:24, 4:24] = resize_area(image, (20, 20))
    path = tmp_path / "mnist_like.npz"
    np.savez(path, x=1 - x if inverted else x, y=samples.y)
    doc = Design.load(EXAMPLES / "digits_cnn.json").to_dict()
    doc["network"]["nodes"][0]["params"]["shape"] = [1, 28, 28]
    doc["data"] = {"source": "npz", "path": str(path), "validation": 0.15, "standardize": True}
    return Design.from_dict(doc)


@pytest.mark.parametrize("inverted", [False, True])
def test_a_28_by_28_dataset_gets_drawings_like_its_own(qtbot, open_window, tmp_path, inverted):
    w = open_window(mnist_like(tmp_path, inverted))
    panel = show_pad(qtbot, w)
    draw_seven(qtbot, panel)
    assert panel.array.shape == (1, 28, 28)
    ink = 1 - panel.array[0] if inverted else panel.array[0]
    rows = np.flatnonzero(ink.max(axis=1) > 0.2)
    assert (rows[0], rows[-1]) == (4, 23)  # the 20-pixel box of the dataset's own digits
    assert ink[0].max() == 0 and ink[:, 0].max() == 0  # the background as the dataset's
    qtbot.waitUntil(lambda: panel.probabilities is not None and panel._pending is None,
                    timeout=10_000)
    assert panel.probabilities.shape == (10,)
    assert panel.probabilities.sum() == pytest.approx(1.0, rel=1e-5)


def test_a_drawing_for_digits_is_not_sent_once_sine_is_open(qtbot, window, pad, caplog):
    """Drawing on the digits pad then opening Sine: no request of (1, 8, 8) pixels goes to a
    network of one input, and no panel fails while Sine trains."""
    draw_seven(qtbot, pad)
    qtbot.waitUntil(lambda: pad.probabilities is not None and pad._pending is None)
    controller = window.training.controller
    requests = []
    original = controller.predict
    controller.predict = lambda request, x: requests.append(x.shape) or original(request, x)
    assert window.files.open_path(EXAMPLES / "sine.json")
    qtbot.waitUntil(lambda: controller.latest is not None and not controller.feeder.busy,
                    timeout=20_000)
    assert pad.array is None and not pad.applies(pad._dataset)
    with qtbot.waitSignal(controller.settled, timeout=60_000):
        controller.play(30)
    qtbot.waitUntil(lambda: not controller.feeder.busy)
    assert requests == []
    assert [p.failure for p in window.training.panels if p.failure] == []
    assert "could not draw" not in caplog.text
