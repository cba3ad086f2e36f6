"""Filters: the first convolution layer's kernels as small images, one scale for all, so a
lecturer can show them turn from noise into stroke and edge detectors."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from nnstudio.core.monitor import Snapshot
from nnstudio.core.probe_names import Probe
from nnstudio.data import Dataset
from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Column, Panel, Placement
from nnstudio.gui.panels.images import labels, pixels
from nnstudio.gui.panels.images.tiles import Tile, TileView


class FiltersPanel(Panel):
    """Snapshot.filters: one tile per output channel of the first Conv2D node (the mean over
    its input channels, orange negative, white 0, blue positive; colour for RGB inputs)."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("FiltersPanel", "Filters"))
    #: the Snapshot probes this panel draws (the feeder skips snapshots without them)
    probes = frozenset({Probe.FILTERS})
    placement = Placement("filters", 100, Column.NETWORK)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = labels.summary_label()
        page, column = style.page_with_controls(self.summary)
        self.view = TileView(min_cell=40, max_cell=96)
        column.addWidget(self.view, 1)
        self.set_content(page)
        self.filters: Any = None
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def applies(self, dataset: Dataset) -> bool:
        return labels.is_images(dataset)

    def reset(self) -> None:
        self.filters = None
        self.view.clear_tiles()
        self.show_message(self.tr("Press Play to train: the first convolution layer's filters "
                                  "appear here"))

    def draw(self, snapshot: Snapshot) -> None:
        filters = snapshot.filters
        if filters is None:
            self.filters = None
            self.show_message(self.tr("This network has no convolution layer: add a Conv2D "
                                      "layer to see what its filters look for"))
            return
        self.filters = filters
        out, inputs, kh, kw = filters.weights.shape
        self.view.set_tiles([Tile(rgba) for rgba in pixels.filter_images(filters.weights)])
        if inputs == 3:
            text = self.tr("{node}: {count} filters of {kh}×{kw}, in colour")
        else:
            text = self.tr("{node}: {count} filters of {kh}×{kw} · orange < 0 < blue")
        self.summary.setText(text.format(node=filters.node, count=out, kh=kh, kw=kw))
        self.show_content()
