"""Neuron thumbnails under the canvas cards: drawn from a snapshot's neuron grids, cleared."""

import numpy as np
from PySide6.QtGui import QUndoStack

from nnstudio import Design, Trainer
from nnstudio.core.monitor import Monitor
from nnstudio.gui.canvas import CanvasView
from nnstudio.gui.canvas.thumbnails import MAX_SHOWN, heat_rgb
from nnstudio.gui.model import DesignModel


def test_colours_follow_playground_orange_white_blue():
    rgb = heat_rgb(np.array([[[-2.0, 0.0, 2.0]]]))[0, 0]
    assert tuple(rgb[1]) == (255, 255, 255)
    assert rgb[0, 0] > rgb[0, 2]  # negative: orange (red > blue)
    assert rgb[2, 2] > rgb[2, 0]  # positive: blue


def test_snapshot_neurons_appear_on_the_cards_and_clear(qtbot):
    design = Design.default()
    model = DesignModel(design)
    view = CanvasView(model, QUndoStack())
    qtbot.addWidget(view)
    trainer = Trainer(design)
    for _ in range(5):
        trainer.step()
    neurons = Monitor(trainer).snapshot().neurons
    view.show_neurons(neurons)
    for node_id, grids in neurons.items():
        item = view.node_item(node_id)
        assert item.thumbnails.unit_count == min(len(grids), MAX_SHOWN)
        assert item.thumbnails.isVisible()
    view.show_neurons(None)
    assert not any(view.node_item(n["id"]).thumbnails.isVisible() for n in model.nodes)
