"""Mistakes: the held-out images the network gets wrong with the most confidence, each with
its true class, the predicted class and how sure the network was."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Panel
from nnstudio.gui.panels.images import labels, pixels
from nnstudio.gui.panels.images.tiles import Tile, TileView
from nnstudio.gui.theme import ERROR_COLOUR


class MistakesPanel(Panel):
    """Snapshot.predictions' most confidently wrong samples, most confident first, captioned
    "true → predicted" over the confidence."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("MistakesPanel", "Mistakes"))
    #: the Snapshot probes this panel draws (the feeder skips snapshots without them)
    probes = frozenset({"predictions"})

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = labels.summary_label()
        page, column = style.page_with_controls(self.summary)
        self.view = TileView(caption_lines=2, min_cell=80, max_cell=140)
        self.view.capacityChanged.connect(self._on_capacity)
        column.addWidget(self.view, 1)
        self.set_content(page)
        self._dataset: Any = None
        self._predictions: Any = None
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def applies(self, dataset: Any) -> bool:
        return labels.is_images(dataset)

    def set_data(self, dataset: Any) -> None:
        self._dataset = dataset
        self.reset()

    def reset(self) -> None:
        self._predictions = None
        self.view.clear_tiles()
        self._show_state()

    def draw(self, snapshot: Any) -> None:
        if snapshot.predictions is None or not labels.is_images(self._dataset):
            return
        if snapshot.step == 0:  # an untrained network's mistakes say nothing yet
            self.reset()
            return
        self._predictions = snapshot.predictions
        self._redraw()

    def _on_capacity(self) -> None:
        if self._predictions is not None:
            self._redraw()

    # -- drawing -------------------------------------------------------------------------------
    def _redraw(self) -> None:
        p = self._predictions
        count = min(len(p.wrong), self.view.capacity())
        rows = [int(i) for i in p.wrong[:count]]
        images = labels.images(self._dataset, p.split, rows) if rows else []
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
