"""Loading data off the GUI thread: newest request wins, cache, failures told in words; and the
feature heat maps."""

import gc

import pytest
import shiboken6
from PySide6.QtCore import QRunnable
from PySide6.QtGui import QColor

from nnstudio.gui.data import features, loader
from nnstudio.gui.data.loader import DataLoader
from nnstudio.gui.theme import CLASS_COLOURS

CIRCLE = {"source": "toy2d", "name": "circle"}
XOR = {"source": "toy2d", "name": "xor"}


@pytest.fixture
def data_loader(qtbot):
    made = DataLoader()
    yield made
    made.shutdown()


def load(qtbot, data_loader, section, channel="preview"):
    results = []
    data_loader.load(channel, section, None, lambda d, p: results.append((d, p)))
    qtbot.waitUntil(lambda: not data_loader.busy)
    return results


def test_a_load_reports_the_dataset_and_is_cached(qtbot, data_loader):
    [(dataset, problem)] = load(qtbot, data_loader, CIRCLE)
    assert problem == "" and dataset.kind == "points2d"
    assert data_loader.cached(CIRCLE, None) is dataset
    again = []
    data_loader.load("preview", CIRCLE, None, lambda d, p: again.append(d))
    assert again == [dataset] and not data_loader.busy  # at once, from the cache


def test_loads_leave_no_stale_runnable_behind(qtbot, data_loader):
    """The pool deletes each finished task: no Python wrapper may outlive it, or the next Qt
    object made at its address comes back to Python as that task (a crash, seen in CI)."""
    for seed in range(5):
        load(qtbot, data_loader, {**CIRCLE, "seed": seed})
    data_loader.shutdown()
    gc.collect()
    assert not [w for w in shiboken6.getAllValidWrappers() if isinstance(w, QRunnable)]


def test_a_newer_request_on_a_channel_wins(qtbot, data_loader):
    results = []
    data_loader.load("preview", CIRCLE, None, lambda d, p: results.append(("circle", d)))
    data_loader.load("preview", XOR, None, lambda d, p: results.append(("xor", d)))
    qtbot.waitUntil(lambda: not data_loader.busy)
    assert [name for name, _ in results] == ["xor"]


def test_channels_do_not_cancel_each_other(qtbot, data_loader):
    results = []
    data_loader.load("preview", CIRCLE, None, lambda d, p: results.append("preview"))
    data_loader.load("edit", XOR, None, lambda d, p: results.append("edit"))
    qtbot.waitUntil(lambda: not data_loader.busy)
    assert sorted(results) == ["edit", "preview"]


def test_a_cancelled_request_reports_nothing(qtbot, data_loader):
    results = []
    data_loader.load("edit", CIRCLE, None, lambda d, p: results.append(d))
    data_loader.cancel("edit")
    assert not data_loader.busy
    data_loader.shutdown()
    qtbot.wait(50)
    assert results == []


def test_bad_data_is_explained(qtbot, data_loader, tmp_path):
    [(dataset, problem)] = load(qtbot, data_loader,
                                {"source": "csv", "path": str(tmp_path / "none.csv")})
    assert dataset is None and "none.csv" in problem


def test_an_unexpected_failure_is_told_not_raised(qtbot, data_loader, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(loader, "load_dataset", broken)
    [(dataset, problem)] = load(qtbot, data_loader, CIRCLE)
    assert dataset is None and problem == "The data could not be read: disk on fire"


def test_the_cache_keeps_only_the_newest_beyond_its_byte_budget(qtbot, data_loader,
                                                               monkeypatch):
    monkeypatch.setattr(loader, "CACHE_BYTES", 1)
    load(qtbot, data_loader, CIRCLE)
    load(qtbot, data_loader, XOR)
    assert data_loader.cached(XOR, None) is not None
    assert data_loader.cached(CIRCLE, None) is None


def test_a_feature_heat_map_runs_from_orange_to_blue():
    image = features.feature_image("x1", grid=9)
    assert image.width() == image.height() == 9
    left, middle, right = (image.pixelColor(x, 4) for x in (0, 4, 8))
    assert left == QColor(CLASS_COLOURS[0]) and right == QColor(CLASS_COLOURS[1])
    assert middle == QColor("#FFFFFF")
    vertical = features.feature_image("x2", grid=9)
    top, bottom = vertical.pixelColor(4, 0), vertical.pixelColor(4, 8)
    assert top == QColor(CLASS_COLOURS[1]) and bottom == QColor(CLASS_COLOURS[0])  # y up
