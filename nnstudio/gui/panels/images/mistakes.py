"""Mistakes: the held-out images the network gets wrong with the most confidence, each with
its true class, the predicted class and how sure the network was."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Column, Placement
from nnstudio.gui.panels.images import labels, pixels
from nnstudio.gui.panels.images.predicted import PredictionTilesPanel
from nnstudio.gui.panels.images.tiles import Tile, TileView
from nnstudio.gui.theme import ERROR_COLOUR


class MistakesPanel(PredictionTilesPanel):
    """Snapshot.predictions' most confidently wrong samples, most confident first, captioned
    "true → predicted" over the confidence."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("MistakesPanel", "Mistakes"))
    placement = Placement("mistakes", 90, Column.DATA)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = labels.summary_label()
        page, column = style.page_with_controls(self.summary)
        self.view = TileView(caption_lines=2, min_cell=80, max_cell=140)
        self.view.capacityChanged.connect(self._redraw_if_drawn)
        column.addWidget(self.view, 1)
        self.set_content(page)
        self._make_clickable()
        self.reset()

    # -- drawing -------------------------------------------------------------------------------
    def _redraw(self) -> None:
        p = self._predictions
        count = min(len(p.wrong), self.view.capacity())
        self.rows = rows = [int(i) for i in p.wrong[:count]]
        images: Iterable[np.ndarray] = labels.images(self._dataset, p.split, rows) \
            if rows else []
        tiles = []
        for k, image in enumerate(images):
            caption = self.tr("{true} → {predicted}\n{confidence:.0%} sure").format(
                true=labels.class_name(self._dataset, int(p.wrong_true[k])),
                predicted=labels.class_name(self._dataset, int(p.wrong_predicted[k])),
                confidence=float(p.wrong_confidence[k]))
            tiles.append(Tile(pixels.picture(image), caption, ERROR_COLOUR, ERROR_COLOUR))
        self.view.set_tiles(tiles)
        wrong = p.evaluated - p.correct
        self.summary.setText(self.tr("{wrong} of {total} wrong · true → predicted").format(
            wrong=wrong, total=p.evaluated))
        self._show_state()

    def _show_state(self) -> None:
        if not labels.is_images(self._dataset):
            self.show_message(self.tr("The most confident mistakes are shown for image "
                                      "classification"))
        elif self._predictions is None:
            self.show_message(self.tr("Press Play to train: the images the network gets "
                                      "wrong with the most confidence appear here"))
        elif not len(self._predictions.wrong):
            self.show_message(self.tr("No mistakes: every one of the {count} images checked is "
                                      "classified correctly").format(
                count=self._predictions.evaluated))
        else:
            self.show_content()
