"""The dashboard panels, fed real snapshots of the examples (and synthetic long runs).

Assertions are on the data the panels plot, never on pixels; every panel is also rendered to a
PNG (see the session's report for what they look like).
"""

import dataclasses
from functools import cache
from itertools import pairwise
from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from nnstudio import Design, Trainer
from nnstudio.core.monitor import Monitor
from nnstudio.design.lesson import PANELS as LESSON_PANELS
from nnstudio.gui.panels import (
    ActivationsPanel,
    BoundaryPanel,
    CurvePanel,
    GradientFlowPanel,
    LossPanel,
    WeightsPanel,
    create_panels,
)
from nnstudio.gui.panels.base import Column, Panel, front_panel_type, panel_types
from nnstudio.gui.panels.colouring import MAX_TINT
from nnstudio.gui.panels.images import (
    SamplesPanel,
)
from nnstudio.gui.panels.images.predicted import PredictionTilesPanel
from nnstudio.gui.panels.loss import STEP_POINTS
from nnstudio.gui.theme import CLASS_COLOURS

EXAMPLES = "resources/examples/{}.json"
PRESS_PLAY = "Press Play to train"
TWO_INPUTS = "The decision boundary is drawn for data with two inputs"


def train(design, steps, every):
    """(the trainer, snapshots taken before training and after every `every` steps)."""
    trainer = Trainer(design)
    monitor = Monitor(trainer)
    snapshots = [monitor.snapshot()]
    for _ in range(steps // every):
        for _ in range(every):
            monitor.record(trainer.step(), 0.0)
        snapshots.append(monitor.snapshot())
    return trainer, snapshots


@cache
def example(name, steps=200, every=20):
    return train(Design.load(EXAMPLES.format(name)), steps, every)


def deep_design(activation, layers=8):
    """The spiral example with `layers` hidden Dense layers of 32 units."""
    doc = Design.load(EXAMPLES.format("spiral")).to_dict()
    nodes = [{"id": "x", "type": "Input", "params": {"shape": [2]}}]
    for i in range(1, layers + 1):
        nodes.append({"id": f"h{i}", "type": "Dense",
                      "params": {"units": 32, "activation": activation}})
    nodes.append({"id": "out", "type": "Dense", "params": {"units": 2}})
    doc["network"] = {"nodes": nodes,
                      "edges": [[a["id"], b["id"]] for a, b in pairwise(nodes)]}
    return Design.from_dict(doc)


def fed(panel, name, **kw):
    trainer, snapshots = example(name, **kw)
    panel.set_data(trainer.data)
    for snapshot in snapshots:
        panel.show_snapshot(snapshot)
    return trainer, snapshots


@pytest.fixture
def make(qtbot):
    def build(kind, **kw):
        panel = kind(**kw)
        qtbot.addWidget(panel)
        panel.resize(900, 600)
        return panel
    return build


# -- the interface ---------------------------------------------------------------------------------
def test_create_panels_gives_one_of_each_with_a_title(qtbot):
    panels = create_panels()
    for p in panels:
        qtbot.addWidget(p)
    assert [type(p) for p in panels] == panel_types()
    assert panels[0].title == LossPanel.title == "Loss & accuracy"
    titles = [p.title for p in panels]
    assert all(isinstance(t, str) and t for t in titles) and len(set(titles)) == len(titles)


def _panel_classes() -> set[type]:
    """Every Panel subclass defined in nnstudio.gui.panels (the package imports them all)."""
    found, todo = set(), [Panel]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("nnstudio.gui.panels."):
                found.add(sub)
    return found


def test_every_panel_says_where_it_belongs():
    """A panel class is on the dashboard by declaring its placement; only shared bases (the
    prediction tiles) do not. Orders are distinct, and each kind of data has one front panel."""
    kinds = panel_types()
    assert set(kinds) == _panel_classes() - {PredictionTilesPanel}
    orders = [k.placement.order for k in kinds]
    assert orders == sorted(orders) and len(set(orders)) == len(orders)
    fronts = [kind for k in kinds for kind in k.placement.front_for]
    assert len(fronts) == len(set(fronts)) and "" in fronts
    assert front_panel_type("points2d") is BoundaryPanel
    assert front_panel_type("images") is SamplesPanel
    assert front_panel_type("no such kind") is front_panel_type("") is ActivationsPanel
    assert LossPanel.placement.column is Column.TRAINING
    ids = [k.placement.lesson_id for k in kinds]
    assert len(set(ids)) == len(ids) and set(ids) <= set(LESSON_PANELS)


def test_the_dashboard_columns_follow_the_declarations(qtbot):
    from PySide6.QtWidgets import QDockWidget, QMainWindow

    from nnstudio.gui.training.ui import TrainingUi

    window = QMainWindow()
    qtbot.addWidget(window)
    docks = []
    for panel in create_panels(window):
        dock = QDockWidget(window)
        dock.setWidget(panel)
        docks.append(dock)
    columns = TrainingUi.dashboard_columns(docks)
    assert [[type(d.widget()).placement.column for d in c] for c in columns] == [
        [column] * len(c) for column, c in zip(Column, columns, strict=True)]
    assert type(columns[0][0].widget()) is LossPanel


def test_fresh_panels_show_their_empty_state(make):
    for kind in (LossPanel, WeightsPanel, ActivationsPanel, GradientFlowPanel):
        assert make(kind).message == PRESS_PLAY
    assert make(BoundaryPanel).message == TWO_INPUTS
    boundary = make(BoundaryPanel)
    boundary.set_data(example("iris")[0].data)
    assert boundary.message == TWO_INPUTS
    curve = make(CurvePanel)
    curve.set_data(example("spiral")[0].data)
    assert "one input" in curve.message
    curve.set_data(example("sine")[0].data)
    assert curve.message is None


# -- loss & accuracy -------------------------------------------------------------------------------
def test_the_loss_curves_have_one_point_per_epoch(make):
    panel = make(LossPanel)
    trainer, _ = fed(panel, "spiral")
    history = trainer.history
    assert panel.message is None
    x, y = panel.train_loss.getData()
    assert x.tolist() == [e["epoch"] for e in history]
    np.testing.assert_allclose(y, [e["train_loss"] for e in history])
    np.testing.assert_allclose(panel.validation_loss.getData()[1],
                               [e["validation_loss"] for e in history])
    np.testing.assert_allclose(panel.train_accuracy.getData()[1],
                               [100 * e["train_accuracy"] for e in history])
    np.testing.assert_allclose(panel.validation_accuracy.getData()[1],
                               [100 * e["validation_accuracy"] for e in history])
    sx = panel.step_loss.xData
    assert len(sx) == 200
    assert sx[-1] == pytest.approx(200 / trainer.batches_per_epoch)
    assert not panel.accuracy_view.isHidden()
    assert panel.key.texts == ["training", "validation", "each step (smoothed)"]
    panel.clear()
    assert panel.key.texts == []  # the key names only curves that have data


def test_the_loss_plot_numbers_its_epoch_axis_only_when_alone(make):
    panel = make(LossPanel)
    axis = panel.loss_view.getPlotItem().getAxis("bottom")
    fed(panel, "spiral")
    assert not axis.style["showValues"]  # the accuracy plot below does
    fed(panel, "sine")
    assert axis.style["showValues"]


def test_regression_hides_the_accuracy_plot(make):
    panel = make(LossPanel)
    fed(panel, "sine")
    assert panel.accuracy_view.isHidden()
    assert len(panel.train_loss.getData()[0]) == len(example("sine")[0].history)


def test_a_100000_step_run_keeps_a_bounded_step_curve(make):
    panel = make(LossPanel)
    rng = np.random.default_rng(0)
    for start in range(0, 100_000, 1000):
        steps = np.arange(start + 1, start + 1001)
        panel.show_snapshot(SimpleNamespace(
            run=0, step=int(steps[-1]), batches_per_epoch=100, task="classification",
            step_indices=steps, step_losses=np.exp(-steps / 20_000) + rng.normal(0, 0.1, 1000),
            new_epochs=tuple({"epoch": e, "train_loss": 1.0 / e}
                             for e in range(start // 100 + 1, start // 100 + 11))))
        assert len(panel.steps) <= STEP_POINTS + 1
    x, y = panel.step_loss.getData()
    assert STEP_POINTS // 2 <= len(x) <= STEP_POINTS + 1
    assert x[-1] == pytest.approx(1000, abs=1)
    assert y[-1] == pytest.approx(np.exp(-5), abs=0.05)
    assert len(panel.train_loss.getData()[0]) == 1000


def test_the_log_scale_box_switches_the_loss_axis(make):
    panel = make(LossPanel)
    fed(panel, "spiral")
    panel.log_scale.setChecked(True)
    assert panel.train_loss.opts["logMode"] == [False, True]
    assert panel.loss_view.getPlotItem().getAxis("left").logMode
    panel.log_scale.setChecked(False)
    assert panel.step_loss.opts["logMode"] == [False, False]


# -- weights ---------------------------------------------------------------------------------------
def test_the_heat_map_grows_a_column_per_snapshot_and_stays_bounded(make):
    panel = make(WeightsPanel, columns=20)
    trainer, snapshots = train(Design.load(EXAMPLES.format("xor")), 60, 1)
    names = [p.name for p in trainer.network.parameters()]
    for i, snapshot in enumerate(snapshots):
        panel.show_snapshot(snapshot)
        history = panel.histories["h1.W"]
        assert len(history.columns) == min(i + 1, 20) if i < 20 else len(history.columns) <= 21
    assert [panel.parameter.itemText(i) for i in range(panel.parameter.count())] == names
    image = panel.heatmap.image
    assert image.shape[1] == 64 and 0 < image.shape[0] <= 42
    for p in snapshots[-1].params:
        edges = panel.histories[p.name].edges
        assert edges[0] <= p.min and p.max <= edges[-1]


def test_a_snapshot_with_stale_weights_adds_no_column(make):
    panel = make(WeightsPanel)
    _, snapshots = example("spiral")
    panel.show_snapshot(snapshots[0])
    panel.show_snapshot(dataclasses.replace(snapshots[1], fresh=frozenset({"flow"})))
    assert len(panel.histories["h1.W"].columns) == 1


def test_choosing_a_parameter_shows_its_histogram(make):
    panel = make(WeightsPanel)
    _, snapshots = fed(panel, "spiral")
    stats = {p.name: p for p in snapshots[-1].params}
    panel.parameter.setCurrentText("out.W")
    x, y = panel.histogram.getData()
    np.testing.assert_allclose(x, stats["out.W"].histogram.edges)
    counts = stats["out.W"].histogram.counts
    np.testing.assert_allclose(y, 100 * counts / counts.sum())
    assert "out.W" in panel.histogram_view.getPlotItem().titleLabel.text


# -- gradient flow ---------------------------------------------------------------------------------
def test_gradient_flow_draws_a_line_and_a_bar_per_layer(make):
    panel = make(GradientFlowPanel)
    _, snapshots = fed(panel, "spiral")
    assert panel.layers == ("h1", "h2", "out")
    for i, line in enumerate(panel.lines):
        x, y = line.xData, line.yData  # the data, not their logarithms on show
        # a point per snapshot (the first has no gradients yet) and one per epoch ended
        assert len(x) == len(snapshots) - 1 + sum(len(s.flow_epochs) for s in snapshots)
        assert np.all(np.diff(x) >= 0)
        assert y[-1] == pytest.approx(snapshots[-1].flow[i].grad_norm)
    assert panel.lines_view.getPlotItem().getAxis("left").logMode
    np.testing.assert_allclose(panel.latest, [f.grad_norm for f in snapshots[-1].flow])


@pytest.mark.parametrize(("activation", "vanishes"), [("sigmoid", True), ("relu", False)])
def test_a_deep_sigmoid_net_vanishes_towards_the_input_and_relu_does_not(make, activation,
                                                                         vanishes):
    panel = make(GradientFlowPanel)
    _, snapshots = train(deep_design(activation), 5, 5)
    for snapshot in snapshots:
        panel.show_snapshot(snapshot)
    first, last = panel.latest[0], panel.latest[-1]
    assert (first / last < 1e-2) == vanishes
    heights = panel.bars.opts["height"]
    assert (heights[0] < heights[-1] - 2) == vanishes


# -- decision boundary and fitted curve ------------------------------------------------------------
def test_the_boundary_image_is_the_grid_in_the_predicted_class_colours(make):
    panel = make(BoundaryPanel)
    _, snapshots = fed(panel, "spiral")
    grid = snapshots[-1].boundary
    assert panel.message is None
    assert panel.rgba.shape == (100, 100, 4)
    assert np.array_equal(panel.class_image.image, panel.rgba)
    rgb = panel.rgba[..., :3].astype(float)
    chance = 1 / grid.probabilities.shape[2]
    for k in range(grid.probabilities.shape[2]):
        colour = np.array(QColor(CLASS_COLOURS[k]).getRgb()[:3], float)
        cells = grid.predicted == k
        assert cells.any()
        # each cell is white blended towards its class's colour, more so when more confident
        tint = (255 - rgb[cells]) / (255 - colour)
        channel = np.argmax(255 - colour)
        expected = 255 + tint[:, channel:channel + 1] * (colour - 255)
        assert np.abs(rgb[cells] - expected).max() <= 2
        strength = (grid.confidence[cells] - chance) / (1 - chance) * MAX_TINT
        np.testing.assert_allclose(tint[:, channel], strength, atol=0.03)
    rect = panel.class_image.mapRectToParent(panel.class_image.boundingRect())
    assert rect.left() < grid.xs[0] < grid.xs[-1] < rect.right()
    assert rect.top() < grid.ys[0] < grid.ys[-1] < rect.bottom()


def test_the_boundary_shows_the_points_and_the_validation_box_hides_them(make):
    panel = make(BoundaryPanel)
    trainer, _ = fed(panel, "xor")
    data = trainer.data
    assert len(panel.train_points.data) == len(data.x_train)
    assert len(panel.validation_points.data) == len(data.x_val)
    np.testing.assert_allclose(panel.train_points.data["x"], data.inverse_transform(
        data.x_train)[:, 0] if data.standardized else data.x_train[:, 0], rtol=1e-5)
    panel.show()
    assert panel.validation_points.isVisible()
    panel.show_validation.setChecked(False)
    assert not panel.validation_points.isVisible()
    assert panel.train_points.isVisible()
    panel.show_validation.setChecked(True)
    assert panel.validation_points.isVisible()


def test_the_fitted_curve_follows_the_model(make):
    panel = make(CurvePanel)
    trainer, snapshots = fed(panel, "sine")
    x, y = panel.fit.getData()
    np.testing.assert_allclose(x, snapshots[-1].curve.xs)
    np.testing.assert_allclose(y, snapshots[-1].curve.ys)
    assert len(panel.train_points.data) == len(trainer.data.x_train)


# -- clear -----------------------------------------------------------------------------------------
def test_clear_empties_every_panel(make):
    loss, weights, activations, flow, boundary, curve = (
        make(kind) for kind in (LossPanel, WeightsPanel, ActivationsPanel, GradientFlowPanel,
                                BoundaryPanel, CurvePanel))
    for panel in (loss, weights, activations, flow, boundary):
        fed(panel, "spiral")
    fed(curve, "sine")
    for panel in (loss, weights, activations, flow, boundary, curve):
        panel.clear()
    assert len(loss.steps) == len(loss.epochs) == 0
    assert all(len(item.getData()[0] if item.getData()[0] is not None else []) == 0
               for item in (loss.train_loss, loss.validation_loss, loss.step_loss))
    assert all(len(h.columns) == 0 for h in weights.histories.values())
    assert weights.heatmap.image is None
    assert activations.plots == [] and flow.lines == [] and len(flow.latest) == 0
    assert boundary.rgba is None and boundary.class_image.image is None
    assert curve.fit.getData()[0] is None or len(curve.fit.getData()[0]) == 0
    for panel in (loss, weights, activations, flow):
        assert panel.message == PRESS_PLAY
    # the data stay on show: a reset keeps the design's data
    assert boundary.message is None and len(boundary.train_points.data) > 0
    assert curve.message is None


def test_a_new_run_clears_the_panels_by_itself(make):
    panel = make(LossPanel)
    _, snapshots = fed(panel, "spiral")
    later = snapshots[2]
    assert later.new_epochs
    panel.show_snapshot(dataclasses.replace(later, run=later.run + 1))
    assert len(panel.train_loss.xData) == len(later.new_epochs)
    assert len(panel.step_loss.xData) == len(later.step_indices)


# -- rendering -------------------------------------------------------------------------------------
def test_every_panel_renders_every_example_in_turn(qtbot, tmp_path):
    """One dashboard, as in the window: each example is a new design (clear, then set_data)."""
    panels = create_panels()
    for panel in panels:
        qtbot.addWidget(panel)
        panel.resize(900, 600)
        panel.show()
    for name, steps in (("spiral", 200), ("xor", 200), ("iris", 200), ("digits_cnn", 20),
                        ("sine", 200)):
        trainer, snapshots = example(name, steps=steps, every=min(steps, 20))
        for panel in panels:
            panel.clear()
            panel.set_data(trainer.data)
            for snapshot in snapshots:
                panel.show_snapshot(snapshot)
            qtbot.wait(1)  # let the plots lay themselves out, as the event loop would
            path = tmp_path / f"{name}_{type(panel).__name__}.png"
            assert panel.grab().save(str(path))
            image = QImage(str(path))
            assert (image.width(), image.height()) == (900, 600)
            colours = {image.pixel(x, y) for x in range(0, 900, 10) for y in range(0, 600, 10)}
            assert len(colours) > 1  # something is drawn: plots, or a message
