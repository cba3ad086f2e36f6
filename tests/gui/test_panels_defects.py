"""Defects found by hand in the dashboard panels (issue 9): a panel that fails shows why in its
place, file strings are plain text, hinge loss keeps its gradient lines, and many layers'
labels do not run into each other."""

import dataclasses
import itertools
import logging
from functools import cache

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from nnstudio import Design
from nnstudio.gui.panels import GradientFlowPanel, LossPanel
from tests.gui.test_panels import train as trained

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
    return trained(design, steps, every)[1]


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


# -- many layers' labels ---------------------------------------------------------------------------
def label_rects(view):
    """(what, scene rect) of every title, tick label and axis label drawn in a pyqtgraph
    widget `view` (a PlotWidget or a GraphicsLayoutWidget)."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    rects = []
    for item in view.scene().items():
        if isinstance(item, pg.AxisItem) and item.isVisible():
            specs = item.generateDrawSpecs(painter)
            for rect, _, text in (specs[2] if specs else []):
                rects.append((f"tick {text}", item.mapRectToScene(rect)))
            if item.label.isVisible() and item.labelText:
                rects.append((f"axis {item.labelText}", item.label.mapRectToScene(
                    item.label.boundingRect().adjusted(4, 4, -4, -4))))
        elif isinstance(item, pg.LabelItem) and item.isVisible() and item.text:
            text = item.item  # the QGraphicsTextItem, less its document margin
            margin = text.document().documentMargin()
            rects.append((f"title {item.text[:20]}", text.mapRectToScene(
                text.boundingRect().adjusted(margin, margin, -margin, -margin))))
    painter.end()
    return rects


def overlaps(rects):
    return [(a, b) for (a, ra), (b, rb) in itertools.combinations(rects, 2)
            if ra.intersects(rb)]


@pytest.fixture
def seven_layers(qtbot, open_window):
    """The window at 1024×768 on the vanishing-gradients lesson (seven sigmoid layers), after
    300 steps."""
    from nnstudio.gui.panels import ActivationsPanel

    window = open_window(Design.load(EXAMPLES.format("vanishing_gradients")))
    window.resize(1024, 768)
    controller = window.training.controller
    with qtbot.waitSignal(controller.settled, timeout=60_000):
        controller.play(300)
    qtbot.waitUntil(lambda: not controller.feeder.busy)
    panels = {type(p): p for p in window.training.panels}
    return panels[ActivationsPanel], panels[GradientFlowPanel]


def shown(qtbot, panel):
    """`panel` brought to the front of its dock and laid out."""
    panel.parentWidget().raise_()
    panel.show()
    qtbot.waitUntil(panel.isVisible)
    for _ in range(3):  # an axis sizes itself to its labels when painted: paint, lay out, again
        panel.grab()
        qtbot.wait(20)
    return panel


def test_seven_layers_activations_labels_do_not_overlap(qtbot, seven_layers):
    panel = shown(qtbot, seven_layers[0])
    assert len(panel.plots) == 8 and panel.message is None
    rects = label_rects(panel.view)
    assert sum(what.startswith("title") for what, _ in rects) == 8
    assert overlaps(rects) == []
    assert min(p.getViewBox().width() for p in panel.plots) >= 90  # not squeezed to slivers


def test_seven_layers_gradient_flow_labels_do_not_overlap(qtbot, seven_layers):
    panel = shown(qtbot, seven_layers[1])
    assert len(panel.layers) == 8 and panel.message is None
    for view in (panel.lines_view, panel.bars_view):
        rects = label_rects(view)
        assert overlaps(rects) == [], view
    bar_ticks = [w for w, _ in label_rects(panel.bars_view) if w.startswith("tick h")]
    assert 2 <= len(bar_ticks) < 8  # thinned, not all crammed in


# -- strings from the file are plain text ----------------------------------------------------------
HOSTILE = "<img src=x width=30000 height=30000><b>bold</b>"


def hostile_spiral():
    """Snapshots of the spiral example whose first hidden layer is called `HOSTILE`."""
    doc = Design.load(EXAMPLES.format("spiral")).to_dict()
    for node in doc["network"]["nodes"]:
        if node["id"] == "h1":
            node["id"] = HOSTILE
    doc["network"]["edges"] = [[HOSTILE if n == "h1" else n for n in e]
                               for e in doc["network"]["edges"]]
    return train(Design.from_dict(doc), 4, 2)


def rich_texts(view):
    """The HTML of every title, legend entry and axis label in pyqtgraph widget `view`."""
    texts = []
    for item in view.scene().items():
        if isinstance(item, pg.LabelItem):
            texts.append(item.text)
        elif isinstance(item, pg.AxisItem):
            texts.append(item.labelText)
    return texts


def test_a_node_id_with_markup_is_shown_as_text_in_the_panels(make):
    from nnstudio.gui.panels import ActivationsPanel, WeightsPanel

    snapshots = hostile_spiral()
    for kind in (ActivationsPanel, WeightsPanel, GradientFlowPanel):
        panel = make(kind)
        for snapshot in snapshots:
            panel.show_snapshot(snapshot)
        views = [getattr(panel, name) for name in ("view", "histogram_view", "heatmap_view",
                                                   "lines_view", "bars_view")
                 if hasattr(panel, name)]
        texts = [t for view in views for t in rich_texts(view)]
        assert any("&lt;img" in t for t in texts) or kind is GradientFlowPanel, kind
        assert not any("<img" in t for t in texts), kind


def test_axis_labels_and_messages_from_files_are_plain(make):
    from nnstudio.gui.panels import style

    panel = make(GradientFlowPanel)
    plot = panel.lines_view.getPlotItem()
    style.axis_label(plot, "bottom", HOSTILE)  # e.g. a CSV column's name
    assert "<img" not in plot.getAxis("bottom").labelText
    panel.show_message(f"Cannot read {HOSTILE}")
    assert panel._message.textFormat() == Qt.TextFormat.PlainText
