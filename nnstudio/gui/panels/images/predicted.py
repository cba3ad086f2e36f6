"""What the panels that draw Snapshot.predictions as image tiles share: the data, the latest
predictions (from the first trained step on), when to draw them, and a click on a tile that
asks for that sample's feature maps."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from nnstudio.core.monitor import Snapshot
from nnstudio.core.probe_names import Probe
from nnstudio.data import Dataset
from nnstudio.gui.panels.base import Panel
from nnstudio.gui.panels.images import labels
from nnstudio.gui.panels.images.tiles import TileView


class PredictionTilesPanel(Panel):
    """Base of the Predictions and Mistakes panels. Subclasses build `self.view` (a TileView)
    and call `reset()` at the end of their __init__, and implement `_redraw()` (draw
    `self._predictions`, never None there, and set `self.rows`) and `_show_state()` (the
    message or the tiles)."""

    #: the Snapshot probes this panel draws (the feeder skips snapshots without them)
    probes = frozenset({Probe.PREDICTIONS})
    view: TileView
    #: (position in the held-out split): the user clicked that sample's tile
    sampleChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._dataset: Any = None
        self._predictions: Any = None
        self._step = 0
        #: the held-out positions of the tiles on show, in tile order
        self.rows: list[int] = []

    def _make_clickable(self) -> None:
        """Clicks on the view's tiles choose their samples (call once `self.view` exists)."""
        self.view.make_clickable(self.tr("Click an image to see its feature maps"))
        self.view.tileClicked.connect(self._on_tile_clicked)

    def _on_tile_clicked(self, index: int) -> None:
        if index < len(self.rows):
            self.sampleChosen.emit(self.rows[index])

    def applies(self, dataset: Dataset) -> bool:
        return labels.is_images(dataset)

    def set_data(self, dataset: Dataset | None) -> None:
        self._dataset = dataset
        self.reset()

    def reset(self) -> None:
        self._predictions, self.rows = None, []
        self.view.clear_tiles()
        self._show_state()

    def draw(self, snapshot: Snapshot) -> None:
        if snapshot.predictions is None or not labels.is_images(self._dataset):
            return
        if snapshot.step == 0:  # an untrained network's guesses say nothing yet
            self.reset()
            return
        self._predictions, self._step = snapshot.predictions, snapshot.step
        self._redraw()

    def _redraw_if_drawn(self) -> None:
        """Draw the latest predictions again (the view's capacity changed, say), if any."""
        if self._predictions is not None:
            self._redraw()

    def _redraw(self) -> None:
        raise NotImplementedError

    def _show_state(self) -> None:
        raise NotImplementedError
