"""Predictions: a grid of held-out images, each captioned with the class the network predicts;
mistakes framed in red with the true class beside the prediction."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QCheckBox, QWidget

from nnstudio.data import Dataset
from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Column, Placement
from nnstudio.gui.panels.images import labels, pixels
from nnstudio.gui.panels.images.predicted import PredictionTilesPanel
from nnstudio.gui.panels.images.tiles import Tile, TileView
from nnstudio.gui.theme import ERROR_COLOUR

#: class names up to this many characters together fit one caption line: "7 (is 3)"
SHORT = 6


class SamplesPanel(PredictionTilesPanel):
    """The first held-out samples (Snapshot.predictions: as many as the panel shows legibly),
    or only the mistakes among them; a line above says how many are right."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("SamplesPanel", "Predictions"))
    placement = Placement("samples", 70, Column.DATA, frozenset({"images"}))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = labels.summary_label()
        self.only_wrong = QCheckBox(self.tr("Only mistakes"))
        self.only_wrong.toggled.connect(self._redraw_if_drawn)
        page, column = style.page_with_controls(self.summary, self.only_wrong)
        self.view = TileView(caption_lines=1, min_cell=72, max_cell=120)
        self.view.capacityChanged.connect(self._redraw_if_drawn)
        column.addWidget(self.view, 1)
        self.set_content(page)
        self._make_clickable()
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def set_data(self, dataset: Dataset | None) -> None:
        names = getattr(dataset, "class_names", ()) or ()
        short = all(len(name) * 2 <= SHORT for name in names)
        self.view.set_caption_lines(1 if short else 2)
        super().set_data(dataset)

    # -- drawing -------------------------------------------------------------------------------
    def _rows(self) -> list[int]:
        """The positions in the split of the samples to show: the first ones (or the first
        mistakes) that fit the view."""
        p = self._predictions
        shown = (p.predicted != p.true).nonzero()[0] if self.only_wrong.isChecked() \
            else range(len(p.true))
        return [int(i) for i in shown[:self.view.capacity()]]

    def _redraw(self) -> None:
        p = self._predictions
        self.rows = rows = self._rows()
        images: Iterable[np.ndarray] = labels.images(self._dataset, p.split, rows) \
            if rows else []
        tiles = [self._tile(image, int(p.true[i]), int(p.predicted[i]))
                 for image, i in zip(images, rows, strict=True)]
        self.view.set_tiles(tiles)
        if not rows:  # only mistakes, and none among the samples kept
            self.summary.setText(self.tr("No mistakes among the first {count} {split} "
                                         "images").format(count=len(p.true),
                                                          split=self._split_name(p.split)))
        else:
            self.summary.setText(self.tr(
                "{correct} of {total} {split} images right ({accuracy:.1%}) at step {step}"
            ).format(correct=p.correct, total=p.evaluated, split=self._split_name(p.split),
                     accuracy=p.correct / max(p.evaluated, 1), step=self._step))
        self._show_state()

    def _tile(self, image: Any, true: int, predicted: int) -> Tile:
        name = labels.class_name(self._dataset, predicted)
        if predicted == true:
            return Tile(pixels.picture(image), name)
        true_name = labels.class_name(self._dataset, true)
        caption = self.tr("{predicted} (is {true})") if len(name + true_name) <= SHORT \
            else self.tr("{predicted}\nis {true}")
        caption = caption.format(predicted=name, true=true_name)
        return Tile(pixels.picture(image), caption, ERROR_COLOUR, ERROR_COLOUR)

    def _split_name(self, split: str) -> str:
        return {"validation": self.tr("validation"), "test": self.tr("test"),
                "train": self.tr("training")}.get(split, split)

    def _show_state(self) -> None:
        if not labels.is_images(self._dataset):
            self.show_message(self.tr("Predicted and true labels of sample images are shown "
                                      "for image classification"))
        elif self._predictions is None:
            self.show_message(self.tr("Press Play to train: the validation images appear "
                                      "here with the class the network predicts"))
        else:
            self.show_content()
