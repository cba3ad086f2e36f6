"""Clicks on a plot of the input plane, in data coordinates: what "draw your data" listens to,
on the Data panel's preview and on the decision-boundary panel."""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import Qt

#: how near (in screen pixels) a right-click must be to a point to remove it
REMOVE_PIXELS = 14
BUTTONS = (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton)


Emit = Callable[[float, float, Qt.MouseButton, float], None]


def listen_to_clicks(plot: pg.PlotItem, emit: Emit) -> None:
    """Call `emit(x, y, button, radius)` for every left or right click inside `plot`'s view
    box: (x, y) in its data coordinates, `radius` the reach of a right-click there (see
    `remove_radius`). The plot's context menu is turned off: right-click is taken."""
    plot.setMenuEnabled(False)
    view = plot.getViewBox()

    def on_click(event: MouseClickEvent) -> None:
        if event.button() not in BUTTONS or not view.sceneBoundingRect().contains(
                event.scenePos()):
            return
        point = view.mapSceneToView(event.scenePos())
        emit(float(point.x()), float(point.y()), event.button(), remove_radius(plot))

    plot.scene().sigMouseClicked.connect(on_click)


def remove_radius(plot: pg.PlotItem) -> float:
    """REMOVE_PIXELS in the plot's data units (the larger of its x and y scales)."""
    width, height = plot.getViewBox().viewPixelSize()
    return REMOVE_PIXELS * max(abs(width), abs(height))
