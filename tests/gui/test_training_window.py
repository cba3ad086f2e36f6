"""Live training in the main window: the worker thread driven through the controller, the panels
fed, divergence, the thread's end, live settings, the weights prompt, and weights on disk."""

import math
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QTabBar

from nnstudio.design import Design, build_network
from nnstudio.gui.commands import SetParams, SetSection
from nnstudio.gui.training import session as sessions
from nnstudio.gui.training.ui import in_use

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
FAST = 0.05  # seconds between steps: slow enough to pause mid-run, fast enough for a test


@pytest.fixture
def window(open_window):
    return open_window()


def settle(qtbot, window, action):
    """Run `action` and wait until training has stopped and the panels show it."""
    with qtbot.waitSignal(window.training.controller.settled, timeout=20_000):
        action()
    return window.training.controller.latest


def saved_weights(qtbot, window, path):
    controller = window.training.controller
    with qtbot.waitSignal(controller.weightsSaved, timeout=10_000) as blocker:
        controller.save_weights(path)
    assert blocker.args == [str(path), ""]
    with np.load(path) as archive:
        return {k: archive[k] for k in archive.files}


def test_play_feeds_every_panel_and_the_status_bar(qtbot, monkeypatch, open_window):
    doc = Design.default().to_dict()
    doc["training"]["epochs"] = 100_000  # full speed, long enough for every panel's turn
    window = open_window(Design.from_dict(doc))
    panels = window.training.panels
    assert len(panels) >= 5
    received = {i: [] for i in range(len(panels))}
    for i, panel in enumerate(panels):
        monkeypatch.setattr(panel, "show_snapshot",
                            lambda s, i=i, draw=panel.show_snapshot: (received[i].append(s),
                                                                       draw(s)))
    controller = window.training.controller
    applies = set(controller.latest.fresh)  # at rest, every probe that applies to the data
    live = [i for i, panel in enumerate(panels) if panel.probes & applies]
    assert len(live) >= 5  # all but the fitted curve, for 2-D data
    controller.play()
    qtbot.waitUntil(lambda: all(any(s.step > 0 and s.running for s in received[i])
                                for i in live), timeout=20_000)
    assert controller.running
    assert window.training.controls.actions["play"].text() == "Pause"
    controller.pause()
    qtbot.waitUntil(lambda: not controller.running)
    assert "step" in window.training.controls.status.text()
    steps = [s.step for s in received[0]]
    assert steps == sorted(steps)  # in order, never a stale one after a newer one


def test_pause_stops_the_steps(qtbot, window):
    controller = window.training.controller
    controller.set_speed(FAST)
    controller.play()
    qtbot.waitUntil(lambda: controller.latest.step >= 2, timeout=10_000)
    paused = settle(qtbot, window, controller.pause)
    assert not paused.running and not paused.finished
    qtbot.wait(300)
    assert controller.latest.step == paused.step
    assert window.training.controls.actions["play"].text() == "Play"


def test_step_advances_exactly_one_batch(qtbot, window):
    controller = window.training.controller
    first = settle(qtbot, window, controller.step_batch)
    assert first.step == 1 and first.step_losses.shape == (1,)
    second = settle(qtbot, window, controller.step_batch)
    assert second.step == 2 and second.step_indices.tolist() == [2]


def test_step_epoch_advances_exactly_one_epoch(qtbot, window):
    controller = window.training.controller
    snap = settle(qtbot, window, controller.step_epoch)
    assert snap.epoch == 1 and snap.step == snap.batches_per_epoch
    assert not snap.running


def test_reset_restores_the_initial_weights(qtbot, window, tmp_path):
    controller = window.training.controller
    trained = settle(qtbot, window, controller.step_epoch)
    fresh = build_network(window.model.design).state_dict()
    before = saved_weights(qtbot, window, tmp_path / "trained.npz")
    assert not np.array_equal(before["h1.W"], fresh["h1.W"])
    settle(qtbot, window, controller.reset)
    assert controller.latest.step == 0 and controller.latest.run != trained.run
    after = saved_weights(qtbot, window, tmp_path / "reset.npz")
    assert set(after) == set(fresh)
    for name, value in fresh.items():
        np.testing.assert_array_equal(after[name], value)


def exploding_sine() -> Design:
    doc = Design.load(EXAMPLES / "sine.json").to_dict()
    doc["training"]["optimizer"] = {"type": "sgd", "lr": 1e6}
    return Design.from_dict(doc)


def test_a_nan_run_pauses_keeps_finite_weights_and_shows_the_banner(qtbot, open_window,
                                                                    tmp_path):
    window = open_window(exploding_sine())
    controller = window.training.controller
    with qtbot.waitSignal(controller.diverged, timeout=10_000) as blocker:
        controller.play()
    divergence = blocker.args[0]
    assert not math.isfinite(divergence.loss) and divergence.epoch == 1
    qtbot.waitUntil(lambda: not controller.running)
    banner = window.training.banner
    assert banner.isVisible()
    text = banner.message.text()
    assert "epoch 1" in text and "1e6" in text and "Play" in text
    assert "The starting weights were restored" in text
    weights = saved_weights(qtbot, window, tmp_path / "w.npz")
    assert all(np.isfinite(v).all() for v in weights.values())
    lr = divergence.suggested_learning_rate
    assert lr is not None and lr < 1e6 and banner.action.text() == f"Use learning rate {lr:g}"
    banner.action.click()
    assert window.model.design.training["optimizer"]["lr"] == pytest.approx(lr)
    assert not banner.isVisible()
    qtbot.waitUntil(lambda: controller.latest.learning_rate == pytest.approx(lr))


def test_closing_mid_training_ends_the_thread(qtbot, window):
    controller = window.training.controller
    controller.set_speed(FAST)
    controller.play()
    qtbot.waitUntil(lambda: controller.latest.step > 0, timeout=10_000)
    thread = controller.session.worker_thread
    assert thread.isRunning()
    assert window.close()
    assert thread.isFinished()
    assert controller.session is None
    assert not [s for s in sessions._open if s.worker_thread is thread]


@pytest.mark.parametrize("how", ["new", "open"])
def test_a_new_design_ends_the_old_thread(qtbot, window, how):
    controller = window.training.controller
    controller.play()
    qtbot.waitUntil(lambda: controller.latest.step > 0, timeout=10_000)
    old = controller.session
    with qtbot.waitSignal(controller.loaded, timeout=10_000) as blocker:
        if how == "new":
            assert window.files.new()
        else:
            assert window.files.open_path(EXAMPLES / "xor.json")
        assert old.worker_thread.isFinished()
        assert controller.session is not old and controller.session.worker_thread.isRunning()
    if how == "open":
        assert blocker.args[0].ok
        qtbot.waitUntil(lambda: controller.latest is not None)
        assert controller.latest.step == 0
    else:
        assert not blocker.args[0].ok and not controller.trainable
        assert "Cannot train" in window.training.controls.status.text()
        assert not window.training.controls.actions["play"].isEnabled()


def test_learning_rate_and_batch_size_change_mid_training(qtbot, window):
    controller = window.training.controller
    controller.set_speed(FAST)
    controller.play()
    qtbot.waitUntil(lambda: controller.latest.step > 0, timeout=10_000)
    window.training.settings.set_learning_rate(0.05)
    qtbot.waitUntil(lambda: controller.latest.learning_rate == pytest.approx(0.05)
                    and controller.latest.running, timeout=10_000)
    window.training.settings.batch_size.setValue(64)
    qtbot.waitUntil(lambda: controller.latest.batches_per_epoch == 7, timeout=10_000)
    assert controller.running
    settle(qtbot, window, controller.pause)


def test_a_structure_edit_of_a_trained_network_asks_first(qtbot, window, monkeypatch):
    controller = window.training.controller
    trained = settle(qtbot, window, controller.step_batch)
    answers, asked = [False], []
    monkeypatch.setattr(window, "ask_discard_weights",
                        lambda: asked.append(True) or answers[0])
    stack, model = window.undo_stack, window.model
    index = stack.index()
    params = {**model.node("h1")["params"], "units": 5}
    stack.push(SetParams(model, "h1", params))
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert model.node("h1")["params"]["units"] == 8 and stack.index() == index
    qtbot.wait(100)
    assert controller.latest.step == trained.step and controller.latest.run == trained.run

    answers[0] = True
    stack.push(SetParams(model, "h1", params))
    qtbot.waitUntil(lambda: controller.latest is not None and controller.latest.run != trained.run,
                    timeout=10_000)
    assert len(asked) == 2
    assert model.node("h1")["params"]["units"] == 5
    assert controller.latest.step == 0
    assert controller.latest.params[0].shape == (2, 5)


def test_regularization_and_training_settings_apply_without_asking(qtbot, window,
                                                                   monkeypatch):
    controller = window.training.controller
    settle(qtbot, window, controller.step_batch)
    asked = []
    monkeypatch.setattr(window, "ask_discard_weights", lambda: asked.append(True))
    model = window.model
    window.undo_stack.push(SetParams(model, "h1", {**model.node("h1")["params"], "l2": 0.01}))
    window.training.settings.epochs.setValue(5)
    snap = settle(qtbot, window, controller.step_batch)
    assert snap.step == 2 and not asked
    worker = controller.session.worker  # idle now: safe to look at
    assert worker.trainer.network.layers["h1"].config["l2"] == 0.01
    assert worker.trainer.epochs == 5


def test_a_data_edit_trains_on_with_the_same_weights_without_asking(qtbot, window,
                                                                      monkeypatch):
    controller = window.training.controller
    settle(qtbot, window, controller.step_batch)
    asked = []
    monkeypatch.setattr(window, "ask_discard_weights", lambda: asked.append(True))
    weights = controller.session.worker.trainer.network.state_dict()  # idle: safe to look at
    data = {**window.model.design.section("data"), "noise": 0.3, "samples": 300}
    with qtbot.waitSignal(controller.loaded, timeout=10_000) as blocker:
        window.undo_stack.push(SetSection(window.model, "data", data))
    report = blocker.args[0]
    assert report.ok and len(report.dataset.x_train) == 240 and not asked
    snap = settle(qtbot, window, controller.step_batch)
    assert snap.step == 2 and snap.run == controller.latest.run  # the same run, one step on
    worker = controller.session.worker
    assert worker.trainer.data is report.dataset
    assert not np.array_equal(worker.trainer.network.state_dict()["h1.W"], weights["h1.W"])

    three = {**data, "classes": 3}  # the network has two outputs: it says why it cannot train
    with qtbot.waitSignal(controller.loaded, timeout=10_000) as blocker:
        window.undo_stack.push(SetSection(window.model, "data", three))
    assert not blocker.args[0].ok and "out" in blocker.args[0].problem
    with qtbot.waitSignal(controller.loaded, timeout=10_000) as blocker:
        window.undo_stack.undo()  # back to data it can train on: a fresh start
    assert blocker.args[0].ok and not asked


def test_a_new_network_while_a_snapshot_is_in_flight_never_leaves_training_stuck(qtbot,
                                                                                 window):
    controller = window.training.controller
    model, stack = window.model, window.undo_stack
    for units in (5, 6, 7):  # each edit lands just as the previous network's first snapshot
        with qtbot.waitSignal(controller.loaded, timeout=10_000):
            stack.push(SetParams(model, "h1", {**model.node("h1")["params"], "units": units}))
    qtbot.waitUntil(lambda: controller.latest is not None
                    and controller.latest.params[0].shape == (2, 7), timeout=10_000)
    snap = settle(qtbot, window, controller.step_batch)
    assert snap.step == 1


def test_save_offers_the_weights_and_opening_loads_them(qtbot, window, monkeypatch, tmp_path):
    controller = window.training.controller
    trained = settle(qtbot, window, controller.step_epoch)
    path = tmp_path / "spiral.json"
    offered = []
    monkeypatch.setattr(window, "ask_save_path", lambda: path)
    monkeypatch.setattr(window, "ask_save_weights", lambda p: offered.append(p) or True)
    with qtbot.waitSignal(controller.weightsSaved, timeout=10_000):
        assert window.files.save()
    weights = tmp_path / "spiral.npz"
    assert offered == [weights] and weights.is_file()

    assert window.files.new()
    with qtbot.waitSignal(controller.loaded, timeout=10_000) as blocker:
        assert window.files.open_path(path)
    assert blocker.args[0].weights == str(weights)
    qtbot.waitUntil(lambda: controller.latest is not None)
    reopened = controller.latest
    assert reopened.step == 0 and controller.has_trained_weights
    assert [p.mean for p in reopened.params] == pytest.approx([p.mean for p in trained.params])


def test_save_without_training_does_not_offer_weights(qtbot, window, monkeypatch, tmp_path):
    offered = []
    monkeypatch.setattr(window, "ask_save_path", lambda: tmp_path / "d.json")
    monkeypatch.setattr(window, "ask_save_weights", lambda p: offered.append(p) or True)
    assert window.files.save()
    assert not offered and not (tmp_path / "d.npz").exists()


def space(widget, kind):
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_Space,
                                             Qt.KeyboardModifier.NoModifier, " "))
    QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_Space,
                                             Qt.KeyboardModifier.NoModifier, " "))


def test_space_tapped_on_the_canvas_toggles_play_but_space_drag_pans(qtbot, window):
    controller = window.training.controller
    controller.set_speed(FAST)
    canvas = window.canvas
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Space)
    assert controller.running
    settle(qtbot, window, lambda: qtbot.keyClick(canvas, Qt.Key.Key_Space))
    assert not controller.running
    space(canvas, QEvent.Type.KeyPress)
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(80, 60))
    space(canvas, QEvent.Type.KeyRelease)
    assert not controller.running


def test_a_finished_run_explains_play_and_still_steps_an_epoch(qtbot, window):
    controller = window.training.controller
    window.training.settings.epochs.setValue(1)
    snap = settle(qtbot, window, controller.step_epoch)
    assert snap.finished and snap.epoch == 1
    assert "Finished" in window.training.controls.status.text()
    settle(qtbot, window, window.training.controls.actions["play"].trigger)
    assert "finished" in window.statusBar().currentMessage()
    assert controller.latest.step == snap.step and not controller.running
    assert settle(qtbot, window, controller.step_epoch).epoch == 2


def test_the_panels_that_suit_the_data_are_shown(qtbot, window):
    docks = {type(panel).__name__: panel.parentWidget() for panel in window.training.panels}
    assert docks["CurvePanel"].isHidden() and docks["BoundaryPanel"].isVisible()
    with qtbot.waitSignal(window.training.controller.settled, timeout=20_000):
        assert window.files.open_path(EXAMPLES / "sine.json")
    assert docks["BoundaryPanel"].isHidden()
    assert docks["CurvePanel"].isVisible()  # shown, and in front of its column
    assert "Decision boundary" in [a.text() for a in window.view_menu.actions()]
    window.act["reset_layout"].trigger()
    assert docks["BoundaryPanel"].isHidden() and docks["CurvePanel"].isVisible()


def test_tab_bars_qt_leaves_behind_are_hidden(qtbot, window):
    """Qt (6.11) can leave an old tab bar of a dock group on show, e.g. over the palette, after
    docks were hidden; such a bar lists a hidden dock, or sits away from its current dock."""
    by_title = {d.windowTitle(): d for d in window.findChildren(QDockWidget)}
    direct = Qt.FindChildOption.FindDirectChildrenOnly

    def shown_bars():
        return [bar for bar in window.findChildren(QTabBar, options=direct)
                if bar.isVisible() and window.rect().intersects(bar.geometry())]
    qtbot.waitUntil(lambda: len(shown_bars()) >= 3)  # the right column's, the dashboard's
    assert all(in_use(bar, by_title) for bar in shown_bars())
    stale = []
    for titles, where in ((("Loss && accuracy", "Confusion matrix"), (0, 400)),  # hidden one
                          (("Weights", "Gradient flow"), (300, 400))):  # away from its dock
        bar = QTabBar(window)
        for title in titles:
            bar.addTab(title)
        bar.move(*where)
        bar.show()
        stale.append(bar)
    assert not any(in_use(bar, by_title) for bar in stale)
    window.training.fit_panels_to_data()
    qtbot.waitUntil(lambda: all(bar.isHidden() for bar in stale))
    assert all(in_use(bar, by_title) for bar in shown_bars())


def test_a_design_that_cannot_train_says_why_in_every_panel_until_it_can(qtbot, window):
    controller, model, stack = window.training.controller, window.model, window.undo_stack
    params = {**model.node("out")["params"], "units": 3}  # spiral has two classes
    with qtbot.waitSignal(controller.loaded, timeout=10_000) as blocker:
        stack.push(SetParams(model, "out", params))
    assert not blocker.args[0].ok
    assert blocker.args[0].dataset is not None  # the data still shows, only training waits
    for panel in window.training.panels:
        assert panel.message.startswith("Nothing to train yet: "), type(panel).__name__
        assert "3 units but the data has 2 classes" in panel.message
    with qtbot.waitSignal(controller.loaded, timeout=10_000) as blocker:
        stack.undo()
    assert blocker.args[0].ok
    qtbot.waitUntil(lambda: controller.latest is not None and not controller.feeder.busy)
    assert not any((p.message or "").startswith("Nothing to train") for p in window.training.panels)


def test_histories_have_a_point_per_epoch_however_fast_the_run(qtbot, open_window):
    from nnstudio.gui.panels import GradientFlowPanel, WeightsPanel

    doc = Design.load(EXAMPLES / "xor.json").to_dict()
    doc["training"]["epochs"] = 40  # a second or less at full speed: a few snapshots at most
    window = open_window(Design.from_dict(doc))
    flow = next(p for p in window.training.panels if isinstance(p, GradientFlowPanel))
    last = settle(qtbot, window, window.training.controller.play)
    assert last.finished and last.epoch == 40
    xs, ys = flow.series.points()
    assert {1.0, 20.0, 40.0} <= set(xs.tolist())
    assert ys.shape[1] == len(flow.layers) == 2
    weights = next(p for p in window.training.panels if isinstance(p, WeightsPanel))
    assert len(weights.histories["h1.W"].columns) >= 40
