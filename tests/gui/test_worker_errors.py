"""No silent death: whatever raises in the training worker pauses training, keeps the weights
and reaches the window (a banner that says what happened, with Copy details), and Play goes on
afterwards; a divergence offers a learning rate that trains; the clock and the loss chart keep
up with training."""

import math
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from nnstudio.core import monitor as monitor_module
from nnstudio.core.probe_names import Probe
from nnstudio.core.training import Trainer
from nnstudio.design import Design
from nnstudio.gui.training import commands as cmd
from nnstudio.gui.training.controls import TrainingControls
from nnstudio.gui.training.pacing import ProbePacer
from nnstudio.gui.training.session import WorkerSession

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
SLOW = 0.05  # seconds between steps


def design(name="spiral", optimizer=None, epochs=100_000) -> Design:
    doc = Design.load(EXAMPLES / f"{name}.json").to_dict()
    doc["training"]["epochs"] = epochs
    if optimizer is not None:
        doc["training"]["optimizer"] = optimizer
    return Design.from_dict(doc)


def fail_once_at(monkeypatch, cls, name, when, message="injected"):
    """Make cls.name raise RuntimeError(message) the first time when(self) holds."""
    original, raised = getattr(cls, name), []

    def failing(self, *args, **kwargs):
        if not raised and when(self):
            raised.append(True)
            raise RuntimeError(message)
        return original(self, *args, **kwargs)
    monkeypatch.setattr(cls, name, failing)
    return raised


def test_an_exception_in_a_step_pauses_keeps_the_weights_and_says_so(qtbot, open_window,
                                                                      monkeypatch):
    window = open_window(design())
    controller, banner = window.training.controller, window.training.banner
    fail_once_at(monkeypatch, Trainer, "step", lambda t: t.step_count == 49,
                 "injected at step 50")
    with qtbot.waitSignal(controller.failed, timeout=20_000) as blocker:
        controller.play()
    failure = blocker.args[0]
    assert failure.doing == "step" and failure.summary == "RuntimeError: injected at step 50"
    status = window.training.controls.status
    qtbot.waitUntil(lambda: status.text().startswith("Paused  ·  epoch 2  ·  step 49"),
                    timeout=10_000)
    assert not controller.running and not controller.latest.running
    assert window.training.controls.actions["play"].text() == "Play"
    assert banner.isVisible() and not banner.action.isVisible()
    text = banner.message.text()
    assert "a training step" in text and "injected at step 50" in text and "Play" in text
    banner.copy.click()
    copied = QApplication.clipboard().text()
    assert copied.startswith("Traceback") and "RuntimeError: injected at step 50" in copied
    # Play goes on from where it stopped
    controller.play()
    qtbot.waitUntil(lambda: controller.latest.step > 60, timeout=20_000)
    assert not banner.isVisible()
    controller.pause()
    qtbot.waitUntil(lambda: not controller.running)
    assert all(np.isfinite(s.mean) for s in controller.latest.params)


def test_play_after_a_lasting_failure_says_again_why(qtbot, open_window, monkeypatch):
    window = open_window(design())
    controller = window.training.controller

    def broken(self):
        raise ValueError("this network cannot step")
    monkeypatch.setattr(Trainer, "step", broken)
    for _ in range(2):
        with qtbot.waitSignal(controller.failed, timeout=10_000) as blocker:
            controller.play()
        assert blocker.args[0].summary == "ValueError: this network cannot step"
        qtbot.waitUntil(lambda: not controller.running, timeout=10_000)
        assert window.training.banner.isVisible()


def test_a_snapshot_that_raises_is_reported_and_training_resumes(qtbot, open_window,
                                                                 monkeypatch):
    window = open_window(design())
    controller = window.training.controller
    fail_once_at(monkeypatch, monitor_module.Monitor, "snapshot",
                 lambda m: m.trainer.step_count >= 30, "a probe broke")
    with qtbot.waitSignal(controller.failed, timeout=20_000) as blocker:
        controller.play()
    assert blocker.args[0].doing == "snapshot"
    assert "the dashboards' pictures" in window.training.banner.message.text()
    qtbot.waitUntil(lambda: not controller.running, timeout=10_000)
    controller.play()
    qtbot.waitUntil(lambda: controller.latest.step > 60, timeout=20_000)
    controller.pause()


def test_spiral_with_sgd_lr_100_diverges_with_advice_that_works(qtbot, open_window):
    """It used to kill the worker ("Too many bins" in a histogram) without a word."""
    window = open_window(design(optimizer={"type": "sgd", "lr": 100.0}))
    controller, banner = window.training.controller, window.training.banner
    failures = []
    controller.failed.connect(failures.append)
    with qtbot.waitSignal(controller.diverged, timeout=20_000) as blocker:
        controller.play()
    divergence = blocker.args[0]
    assert divergence.blown_up and divergence.suggested_learning_rate is not None
    qtbot.waitUntil(lambda: not controller.running and not controller.feeder.busy,
                    timeout=10_000)
    assert banner.isVisible() and "far above its best" in banner.message.text()
    lr = divergence.suggested_learning_rate
    assert banner.action.text() == f"Use learning rate {lr:g}"
    banner.action.click()
    assert window.model.design.training["optimizer"]["lr"] == pytest.approx(lr)
    qtbot.waitUntil(lambda: controller.latest.learning_rate == pytest.approx(lr),
                    timeout=10_000)
    start = controller.latest.step
    controller.play()
    qtbot.waitUntil(lambda: controller.latest.step > start + 200, timeout=30_000)
    controller.pause()
    qtbot.waitUntil(lambda: not controller.running)
    assert not failures and not banner.isVisible()
    assert all(math.isfinite(s.mean) for s in controller.latest.params)


# -- the worker on its own -----------------------------------------------------------------------
@pytest.fixture
def session(qtbot):
    s = WorkerSession()
    yield s
    s.close()


def load(qtbot, session, doc):
    with qtbot.waitSignal(session.loaded, timeout=10_000) as blocker:
        session.send(cmd.Load(doc.to_dict(), "", ""))
    assert blocker.args[0].ok
    return blocker.args[0]


def test_a_prediction_that_raises_answers_none_and_is_reported(qtbot, session, monkeypatch):
    load(qtbot, session, design("iris"))
    import nnstudio.gui.training.worker as worker_module

    def broken(network, x):
        raise FloatingPointError("overflow in the drawing")
    monkeypatch.setattr(worker_module, "class_probabilities", broken)
    with qtbot.waitSignals([session.worker.predicted, session.failed], timeout=10_000,
                           check_params_cbs=[lambda r, p: r == 7 and p is None,
                                             lambda f: f.doing == "predict"]):
        session.worker.run(cmd.Predict(7, np.zeros(4)))


def test_the_clock_counts_the_time_between_slow_steps(qtbot, session):
    """At a slow speed the steps take microseconds and the pauses between them all the rest:
    the clock used to add up only the steps, and showed 0:00 after 25 s at Smooth speed."""
    load(qtbot, session, design("xor"))
    session.send(cmd.SetSpeed(SLOW))
    shots = []
    session.snapshotReady.connect(
        lambda s, _c: (shots.append(s), session.send(cmd.Acknowledge({}))))
    session.send(cmd.Play(0))
    qtbot.waitUntil(lambda: bool(shots) and shots[-1].step >= 9, timeout=20_000)
    session.send(cmd.Pause())
    last = max(shots, key=lambda s: s.step)
    # each step waits SLOW seconds for the next (Qt's timers may fire a little early)
    assert last.training_time >= 0.5 * SLOW * (last.step - 1)
    assert last.elapsed < last.training_time


def test_the_status_bar_clock_shows_the_training_time(qtbot, open_window):
    window = open_window()
    controls: TrainingControls = window.training.controls
    snapshot = SimpleNamespace(step_losses=np.zeros(0), step=2500, running=True,
                               stopped_early=False, finished=False, epoch=99, elapsed=0.25,
                               training_time=25.4, steps_per_second=100.0)
    controls.show_snapshot(snapshot)
    assert "0:25" in controls.status.text()


def test_the_loss_chart_is_not_starved_by_expensive_panels():
    """At full speed the weights panel cost 200–300 ms to draw, and the loss curve, scaled down
    with it, came about every two seconds: the chart drew epoch 4 while training was at 77."""
    pacer = ProbePacer(max_rate=30, share=0.1)
    probes = ("boundary", "neurons", "losses", "params", "flow", "activations")
    costs = {"boundary": 0.004, "neurons": 0.002, "losses": 0.021, "params": 0.286,
             "flow": 0.023, "activations": 0.013}
    pacer.taken(0.0, probes, dict.fromkeys(probes, 0.0), 0.0)
    pacer.drawn(0.0, costs)
    rates = pacer.rates(probes)
    assert rates["losses"] >= Probe.LOSSES.floor >= 1.0
    spend = sum(rates[p] * pacer.costs[p] for p in probes) + rates["boundary"] * pacer.base
    assert spend == pytest.approx(0.1)
    assert rates["boundary"] > 5  # the live pictures still come first
    # a loss panel that costs too much gets no more than half the share
    pacer.drawn(0.0, {"losses": 0.2})
    assert pacer.rates(probes)["losses"] * pacer.costs["losses"] == pytest.approx(0.05)


def test_a_load_that_raises_says_why_it_cannot_train(qtbot, session, monkeypatch):
    import nnstudio.gui.training.worker as worker_module

    def broken(design, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")
    monkeypatch.setattr(worker_module, "build_network", broken)
    failures, reports = [], []
    session.failed.connect(failures.append)
    session.loaded.connect(reports.append)
    session.send(cmd.Load(design("xor").to_dict(), "", ""))
    qtbot.waitUntil(lambda: bool(failures) and bool(reports), timeout=10_000)
    failure, report = failures[0], reports[0]
    assert failure.doing == "load" and "Traceback" in failure.details
    assert not report.ok and report.problem == "RecursionError: maximum recursion depth exceeded"
    with qtbot.waitSignal(session.runningChanged, timeout=10_000) as running:
        session.send(cmd.Play(0))  # nothing to train: Play says so instead of raising
    assert running.args == [False]
