"""The node-graph editor: a QGraphicsView mirroring the open design's network."""

from nnstudio.gui.canvas.view import CanvasView

__all__ = ["CanvasView"]
