"""Marks on the loss curve, from the real worker's snapshots: the best epoch and the stop of
early stopping, where training diverged and the weights it went back to; Reset clears them."""

from pathlib import Path

import pytest

from nnstudio.core.monitor import DivergenceMark
from nnstudio.design import Design
from nnstudio.gui.panels import loss_marks
from nnstudio.gui.panels.loss import LossPanel
from nnstudio.gui.training import commands as cmd
from nnstudio.gui.training.session import WorkerSession

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def design(name, **training) -> Design:
    doc = Design.load(EXAMPLES / f"{name}.json").to_dict()
    doc["training"].update(training)
    return Design.from_dict(doc)


@pytest.fixture
def session(qtbot):
    s = WorkerSession()
    yield s
    s.close()


@pytest.fixture
def panel(qtbot, session):
    """A Loss panel drawing every snapshot of `session` (each acknowledged once drawn)."""
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.resize(800, 500)
    panel.shots = []

    def draw(snapshot, _commands):
        panel.shots.append(snapshot)
        panel.show_snapshot(snapshot)
        session.send(cmd.Acknowledge({}))
    session.snapshotReady.connect(draw)
    return panel


def load(qtbot, session, d: Design) -> None:
    with qtbot.waitSignal(session.loaded, timeout=10_000) as blocker:
        session.send(cmd.Load(d.to_dict(), "", ""))
    assert blocker.args[0].ok


def train_to_the_end(qtbot, session, panel) -> None:
    session.send(cmd.Play(0))
    qtbot.waitUntil(lambda: bool(panel.shots) and panel.shots[-1].finished
                    and not panel.shots[-1].running, timeout=30_000)


def reset(qtbot, session, panel) -> None:
    run = panel.shots[-1].run
    session.send(cmd.Reset())
    qtbot.waitUntil(lambda: panel.shots[-1].run != run, timeout=10_000)


def best_by_the_rule(losses: dict[int, float], min_delta: float) -> int:
    """The last epoch whose loss beat the best before it by more than min_delta."""
    best_epoch, best = 0, float("inf")
    for epoch, loss in sorted(losses.items()):
        if loss < best - min_delta:
            best_epoch, best = epoch, loss
    return best_epoch


def test_early_stopping_marks_the_best_epoch_and_the_stop(qtbot, session, panel):
    load(qtbot, session, design("xor", epochs=300,
                                early_stopping={"patience": 3, "min_delta": 0.02}))
    train_to_the_end(qtbot, session, panel)
    last = panel.shots[-1]
    losses = {e["epoch"]: e["validation_loss"] for s in panel.shots for e in s.new_epochs}
    assert last.stopped_early and len(losses) == last.epoch < 300
    best = last.best_epoch
    assert best == best_by_the_rule(losses, min_delta=0.02) and last.epoch == best + 3
    marks = panel.marks
    assert marks.best.isVisible() and marks.best.value() == best
    assert marks.best.label.toPlainText() == f"best: epoch {best}"
    assert marks.stopped.isVisible() and marks.stopped.value() == last.epoch
    assert marks.stopped.label.toPlainText() == \
        "stopped: no improvement for 3 epochs; best weights restored"
    panel.log_scale.setChecked(True)  # the marks do not stop the log scale
    assert panel.loss_view.getPlotItem().getAxis("left").logMode

    reset(qtbot, session, panel)
    assert not marks.best.isVisible() and not marks.stopped.isVisible()


def test_without_early_stopping_there_are_no_stopping_marks(qtbot, session, panel):
    load(qtbot, session, design("xor", epochs=3))
    train_to_the_end(qtbot, session, panel)
    assert panel.shots[-1].best_epoch is None
    assert not panel.marks.best.isVisible() and not panel.marks.stopped.isVisible()


def test_a_divergence_is_marked_where_it_happened(qtbot, session, panel):
    load(qtbot, session, design("spiral", epochs=100_000,
                                optimizer={"type": "sgd", "lr": 100.0}))
    with qtbot.waitSignal(session.diverged, timeout=20_000) as blocker:
        session.send(cmd.Play(0))
    divergence = blocker.args[0]
    qtbot.waitUntil(lambda: bool(panel.marks.divergences), timeout=10_000)
    [(mark, x, line, markers)] = panel.marks.divergences
    assert mark == DivergenceMark(divergence.step, divergence.loss, divergence.restored_step,
                                  divergence.restored_loss)
    per_epoch = panel.shots[-1].batches_per_epoch
    assert line.isVisible() and x == line.value() == divergence.step / per_epoch
    assert line.label.toPlainText() == loss_marks.diverged_text(mark, per_epoch)
    assert line.label.toPlainText().startswith(
        f"diverged: loss {loss_marks.short_number(divergence.loss)} → restored ")
    restored = [m for m in markers if m.xData[0] == divergence.restored_step / per_epoch]
    assert restored or divergence.restored_step == 0

    reset(qtbot, session, panel)
    assert not panel.marks.divergences
    assert line not in panel.loss_view.getPlotItem().items


@pytest.mark.parametrize(("value", "text"), [(32_000.0, "3.2e4"), (0.25, "0.25"),
                                             (1.5e-5, "1.5e-5"), (float("nan"), "nan"),
                                             (float("inf"), "inf")])
def test_losses_are_written_short(value, text):
    assert loss_marks.short_number(value) == text


def test_the_restored_epoch_is_named(qapp):
    mark = DivergenceMark(step=130, loss=3.2e4, restored_step=100, restored_loss=0.7)
    assert loss_marks.diverged_text(mark, 20) == "diverged: loss 3.2e4 → restored epoch 5"
    start = DivergenceMark(step=3, loss=float("nan"), restored_step=0, restored_loss=float("nan"))
    assert loss_marks.diverged_text(start, 20) == \
        "diverged: loss nan → restored the starting weights"
    assert loss_marks.stopped_text(1, restored=False) == "stopped: no improvement for 1 epoch"
