"""Class names, the held-out images the image panels caption and show, and the summary line
above them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from nnstudio.gui.panels import style
from nnstudio.gui.theme import TEXT_COLOUR

#: class names longer than this are cut short under a tile
MAX_NAME = 10


def class_name(dataset: Any, k: int) -> str:
    """The dataset's name of class `k` (cut to `MAX_NAME` characters), else the number."""
    names = getattr(dataset, "class_names", ()) or ()
    name = str(names[k]) if 0 <= k < len(names) else str(k)
    return name if len(name) <= MAX_NAME else name[:MAX_NAME - 1] + "…"


def is_images(dataset: Any) -> bool:
    """Whether `dataset` holds images to classify."""
    return dataset is not None and getattr(dataset, "kind", "") == "images" \
        and getattr(dataset, "task", "") == "classification"


def images(dataset: Any, split: str, rows: Sequence[int] | np.ndarray) -> np.ndarray:
    """The raw samples `rows` (positions in `split`) as (len(rows), C, H, W) in [0, 1]."""
    return np.asarray(dataset.raw_x(split, np.asarray(rows, dtype=np.intp)))


def summary_label() -> QLabel:
    """A line of text for a panel's row of controls, in the label font. Its length never
    widens the panel (a long line is cut at the dock's edge), so the window keeps its size."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes class names from the data
    label.setStyleSheet(f"color: {TEXT_COLOUR}; font-size: {style.LABEL_PT}pt;")
    label.setMinimumWidth(40)  # instead of the whole text
    return label
