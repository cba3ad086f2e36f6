"""Keeping a run as a reference in the loss panel: its curves stay, pale, through Reset and the
next run; kept runs are listed, renamed, hidden and removed; the accuracy axis's name fits."""

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnstudio.design import Design
from nnstudio.gui.panels.loss import LossPanel
from nnstudio.gui.race.kept import MAX_KEPT, KeptRunsDialog
from nnstudio.gui.training import commands as cmd
from nnstudio.gui.training.session import WorkerSession

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


@pytest.fixture
def session(qtbot):
    s = WorkerSession()
    yield s
    s.close()


@pytest.fixture
def panel(qtbot, session):
    """A Loss panel drawing every snapshot of `session`, cleared on a new run as the
    dashboard's feeder clears it."""
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.resize(800, 500)
    panel.shots = []

    def draw(snapshot, _commands):
        if panel.shots and snapshot.run != panel.shots[-1].run:
            panel.clear()
        panel.shots.append(snapshot)
        panel.show_snapshot(snapshot)
        session.send(cmd.Acknowledge({}))
    session.snapshotReady.connect(draw)
    return panel


def train(qtbot, session, panel, **training) -> None:
    doc = Design.load(EXAMPLES / "xor.json").to_dict()
    doc["training"].update({"epochs": 4, **training})
    with qtbot.waitSignal(session.loaded, timeout=10_000):
        session.send(cmd.Load(doc, "", ""))
    session.send(cmd.Play(0))
    qtbot.waitUntil(lambda: bool(panel.shots) and panel.shots[-1].finished
                    and not panel.shots[-1].running, timeout=30_000)


def ghost_data(panel: LossPanel) -> list[np.ndarray]:
    return [item.yData for _, item in panel._ghosts]


def test_a_kept_run_stays_through_reset_and_the_next_run(qtbot, session, panel):
    assert not panel.keep_button.isEnabled()
    train(qtbot, session, panel)
    assert panel.keep_button.isEnabled()
    kept_loss = panel.train_loss.yData.copy()
    qtbot.mouseClick(panel.keep_button, Qt.MouseButton.LeftButton)
    assert [r.name for r in panel.kept.runs] == ["Run 1"]

    run = panel.shots[-1].run
    session.send(cmd.Reset())
    qtbot.waitUntil(lambda: panel.shots[-1].run != run, timeout=10_000)
    assert panel.train_loss.yData is None or not np.isfinite(panel.train_loss.yData).any()
    np.testing.assert_array_equal(ghost_data(panel)[0], kept_loss)  # the ghost survived
    assert panel.message is None  # the reference is shown, not "Press Play"

    train(qtbot, session, panel, optimizer={"type": "sgd", "lr": 0.1})
    assert not np.array_equal(panel.train_loss.yData, kept_loss)
    np.testing.assert_array_equal(ghost_data(panel)[0], kept_loss)
    assert panel.key.texts[-1] == "Run 1" and "training" in panel.key.texts
    accuracy_ghost = ghost_data(panel)[2]
    assert np.nanmax(accuracy_ghost) > 1  # drawn in % as the live accuracy


def test_kept_runs_are_renamed_hidden_and_removed_in_their_dialog(qtbot, session, panel):
    train(qtbot, session, panel)
    panel.keep_run()
    panel.keep_run()
    dialog = panel.manage_kept()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, KeptRunsDialog) and dialog.list.count() == 2

    dialog.list.item(0).setText("Adam, lr 0.03")
    assert panel.kept.runs[0].name == "Adam, lr 0.03"
    assert panel.key.texts[-2:] == ["Adam, lr 0.03", "Run 2"]
    dialog.list.item(0).setText("  ")  # a blank name is not taken
    assert panel.kept.runs[0].name == "Adam, lr 0.03"
    assert dialog.list.item(0).text() == "Adam, lr 0.03"

    dialog.list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert not panel.kept.runs[1].visible
    assert len(panel._ghosts) == 4 and "Run 2" not in panel.key.texts

    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [r.name for r in panel.kept.runs] == ["Run 2"] and panel._ghosts == []
    qtbot.mouseClick(dialog.remove_all, Qt.MouseButton.LeftButton)
    assert panel.kept.runs == [] and dialog.empty.isVisibleTo(dialog)


def test_keeping_more_than_the_limit_drops_the_oldest(qtbot, session, panel):
    train(qtbot, session, panel)
    for _ in range(MAX_KEPT + 1):
        panel.keep_run()
    names = [r.name for r in panel.kept.runs]
    assert len(names) == MAX_KEPT and names[0] == "Run 2"


def test_the_accuracy_axis_name_fits_a_short_plot(qtbot):
    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_content()
    panel.resize(320, 900)
    qtbot.waitUntil(lambda: panel._accuracy_label == "accuracy (%)", timeout=5_000)
    panel.resize(320, 330)  # the dock's size at 1024x768
    qtbot.waitUntil(lambda: panel._accuracy_label == "%", timeout=5_000)
    axis = panel.accuracy_view.getPlotItem().getAxis("left")
    assert axis.labelText == "%"


@pytest.mark.parametrize("height", [330, 380, 430, 480, 900])
def test_the_full_accuracy_name_is_shown_only_where_the_axis_is_long_enough(qtbot, height):
    from PySide6.QtGui import QFontMetrics

    from nnstudio.gui.panels import style

    panel = LossPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_content()
    panel.resize(550, height)
    qtbot.wait(50)
    axis = panel.accuracy_view.getPlotItem().getAxis("left")
    width = QFontMetrics(style.font(style.LABEL_PT)).horizontalAdvance("accuracy (%)")
    assert (axis.labelText == "accuracy (%)") == (width <= axis.geometry().height())
