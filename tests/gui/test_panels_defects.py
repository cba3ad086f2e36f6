"""Defects found by hand in the dashboard panels (issue 9): a panel that fails shows why in its
place, file strings are plain text, hinge loss keeps its gradient lines, and many layers'
labels do not run into each other."""

import dataclasses
import logging
from functools import cache

import numpy as np
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


# -- gradient flow on a log axis -----------------------------------------------------------------
def with_norms(snapshot, norms):
    """`snapshot` with its layers' gradient norms replaced by `norms`."""
    flow = tuple(dataclasses.replace(f, grad_norm=n) for f, n in zip(snapshot.flow, norms,
                                                                      strict=True))
    return dataclasses.replace(snapshot, flow=flow, flow_epochs=())


def test_zero_gradients_stay_on_the_log_axis_marked(make):
    """Hinge loss gives exactly zero gradients once every margin is met: the lines go on, at the
    floor, crossed, and the title says so."""
    panel = make(GradientFlowPanel)
    first, second, third = spiral()[1:4]
    panel.show_snapshot(with_norms(first, [1e-3, 1e-2, 1e-1]))
    assert panel.clipped == 0
    panel.show_snapshot(with_norms(second, [0.0, 0.0, 0.0]))
    panel.show_snapshot(with_norms(third, [0.0, 2e-2, np.inf]))
    for line in panel.lines:
        assert np.isfinite(line.yData).all() and (line.yData > 0).all()
        assert len(line.yData) == 3
    floor = panel.lines[0].yData[1]
    assert floor == pytest.approx(1e-4)  # a decade below the smallest norm on show
    assert panel.lines[2].yData[2] > 1e-1  # inf: above the rest
    assert panel.clipped == 5  # three zeros, then a zero and an inf
    assert len(panel.line_marks.data) == 5
    assert "not finite" in panel.lines_view.getPlotItem().titleLabel.text
    heights = panel.bars.opts["height"]
    assert np.isfinite(heights).all() and (heights > 0).all()
    assert len(panel.bar_marks.data) == 2


def test_all_zero_gradients_are_drawn_too(make):
    panel = make(GradientFlowPanel)
    panel.show_snapshot(with_norms(spiral()[1], [0.0, 0.0, 0.0]))
    assert all(np.isfinite(line.yData).all() and len(line.yData) == 1 for line in panel.lines)
    assert panel.clipped == 3 and panel.message is None
