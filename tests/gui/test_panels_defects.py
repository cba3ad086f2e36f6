"""Defects found by hand in the dashboard panels (issue 9): a panel that fails shows why in its
place, file strings are plain text, hinge loss keeps its gradient lines, and many layers'
labels do not run into each other."""

import logging
from functools import cache

import pytest
from PySide6.QtCore import Qt

from nnstudio import Design, Trainer
from nnstudio.core.monitor import Monitor
from nnstudio.gui.panels import GradientFlowPanel, LossPanel

EXAMPLES = "resources/examples/{}.json"


class FailingPanel(GradientFlowPanel):
    """The gradient-flow panel, failing while `fail` is set."""

    fail = False

    def draw(self, snapshot):
        if self.fail:
            raise ValueError("could not broadcast (8,8) into (1,)")
        super().draw(snapshot)


def train(design, steps, every):
    """Snapshots of `design` taken before training and after every `every` steps."""
    trainer = Trainer(design)
    monitor = Monitor(trainer)
    snapshots = [monitor.snapshot()]
    for _ in range(steps // every):
        for _ in range(every):
            monitor.record(trainer.step(), 0.0)
        snapshots.append(monitor.snapshot())
    return snapshots


@cache
def spiral():
    return train(Design.load(EXAMPLES.format("spiral")), 6, 2)


@pytest.fixture
def make(qtbot):
    def build(kind):
        panel = kind()
        qtbot.addWidget(panel)
        panel.resize(900, 600)
        return panel
    return build


def test_a_panel_that_fails_says_so_in_place_and_logs_the_traceback(make, caplog):
    panel = make(FailingPanel)
    panel.fail = True
    with caplog.at_level(logging.ERROR):
        panel.show_snapshot(spiral()[1])  # raises nothing
        panel.show_snapshot(spiral()[2])
    assert panel.failure == "ValueError: could not broadcast (8,8) into (1,)"
    assert "could not broadcast" in panel.message
    assert panel._message.textFormat() == Qt.TextFormat.PlainText
    records = [r for r in caplog.records if r.exc_info]
    assert len(records) == 1 and "FailingPanel" in records[0].getMessage()  # once, not per frame
    panel.fail = False
    panel.show_snapshot(spiral()[3])
    assert panel.failure is None and panel.message is None and len(panel.lines) == 3


def test_the_other_panels_carry_on_when_one_fails(make):
    failing, other = make(FailingPanel), make(LossPanel)
    failing.fail = True
    for panel in (failing, other):
        panel.show_snapshot(spiral()[1])
    assert failing.failure and other.failure is None and other.message is None
