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


class Dies(BaseException):
    """What no `except Exception` catches (as a thread being torn down)."""


def test_an_unexpected_failure_offers_its_traceback(qtbot, data_loader, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(loader, "load_dataset", broken)
    details = []
    data_loader.reported.connect(details.append)
    [(dataset, problem)] = load(qtbot, data_loader, CIRCLE)
    assert dataset is None and problem == "The data could not be read: disk on fire"
    assert "Traceback" in details[-1] and "RuntimeError: disk on fire" in details[-1]
    monkeypatch.undo()
    load(qtbot, data_loader, XOR)  # a load that works offers nothing to copy
    assert details[-1] == ""


def test_a_load_that_runs_out_of_memory_says_so(qtbot, data_loader, monkeypatch):
    def greedy(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(loader, "load_dataset", greedy)
    [(dataset, problem)] = load(qtbot, data_loader, CIRCLE)
    assert dataset is None and problem == "There is not enough memory to load this data."


def test_a_load_whose_thread_dies_still_reports(qtbot, data_loader, monkeypatch):
    def dies(*args, **kwargs):
        raise Dies

    monkeypatch.setattr(loader, "load_dataset", dies)
    results = []
    with qtbot.captureExceptions() as raised:  # the thread's end is still seen by Qt
        data_loader.load("preview", CIRCLE, None, lambda d, p: results.append((d, p)))
        qtbot.waitUntil(lambda: not data_loader.busy)
    assert [kind for kind, _, _ in raised] == [Dies]
    assert results == [(None, "The data could not be read: the loading stopped without saying "
                              "why.")]


def test_a_section_that_cannot_be_written_down_is_explained_at_once(qtbot, data_loader):
    results = []
    data_loader.load("preview", {**CIRCLE, "seed": 10**5000}, None,
                     lambda d, p: results.append((d, p)))
    assert not data_loader.busy and data_loader.cached({**CIRCLE, "seed": 10**5000}, None) is None
    [(dataset, problem)] = results
    assert dataset is None and problem.startswith("The data section cannot be read: ")


def test_the_data_dock_tells_an_unexpected_failure_and_stays_usable(qtbot, monkeypatch):
    from PySide6.QtGui import QGuiApplication, QUndoStack

    from nnstudio.design import Design
    from nnstudio.gui.data.choices import Choice
    from nnstudio.gui.data.panel import DataPanel
    from nnstudio.gui.model import DesignModel

    real = loader.load_dataset

    def broken(section, **kwargs):
        if section.get("name") == "xor":
            raise ZeroDivisionError("the loader's own bug")
        return real(section, **kwargs)

    monkeypatch.setattr(loader, "load_dataset", broken)
    model = DesignModel(Design.default())
    panel = DataPanel(model, QUndoStack(), lambda text: False)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    panel.choose(Choice("toy2d", "xor"))
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert panel.problem.isVisible() and "the loader's own bug" in panel.problem.text()
    assert not panel.loading.isVisible()
    assert panel.copy_details.isVisible()
    panel.copy_details.click()
    assert "ZeroDivisionError: the loader's own bug" in QGuiApplication.clipboard().text()
    panel.choose(Choice("toy2d", "circle"))  # the dock still works
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert model.design.section("data")["name"] == "circle"
    assert not panel.copy_details.isVisible()
    panel.loader.shutdown()
