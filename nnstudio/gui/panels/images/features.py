"""Feature maps: one held-out image, chosen with a spin box or previous/next, and what every
convolution and pooling layer makes of it, layer under layer."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QSpinBox, QToolButton, QWidget

from nnstudio.core.monitor import Snapshot
from nnstudio.core.probe_names import Probe
from nnstudio.data import Dataset
from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Column, Panel, Placement
from nnstudio.gui.panels.images import labels, pixels
from nnstudio.gui.panels.images.tiles import Tile, TileView
from nnstudio.gui.theme import ERROR_COLOUR, TEXT_COLOUR

#: maps shown per layer (the first ones); more would shrink them all past legibility
MAPS_PER_LAYER = 16


class FeatureMapsPanel(Panel):
    """Snapshot.feature_maps: the sample's image, then each Conv2D/pooling node's first
    `MAPS_PER_LAYER` maps, each layer on one scale (white 0 → navy its largest value; orange
    and blue around 0 when some are negative). The picker sends the controller
    `set_feature_sample`."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("FeatureMapsPanel", "Feature maps"))
    #: the Snapshot probes this panel draws (the feeder skips snapshots without them)
    probes = frozenset({Probe.FEATURE_MAPS})
    placement = Placement("features", 110, Column.NETWORK)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.picker = QSpinBox()  # counts from 1; the probe's index from 0
        self.picker.setRange(1, 1)
        self.picker.setKeyboardTracking(False)
        self.picker.setPrefix(self.tr("Sample "))
        self.picker.setToolTip(self.tr("Which held-out image to follow through the layers"))
        self.previous = self._step_button(Qt.ArrowType.LeftArrow, self.tr("Previous sample"), -1)
        self.next = self._step_button(Qt.ArrowType.RightArrow, self.tr("Next sample"), 1)
        self.verdict = labels.summary_label()
        page, column = style.page_with_controls(self.previous, self.picker, self.next,
                                                self.verdict)
        self.view = TileView(min_cell=24, max_cell=96)
        column.addWidget(self.view, 1)
        self.set_content(page)
        self.picker.valueChanged.connect(self._pick)
        self.maps: Any = None
        self._dataset: Any = None
        self._controller: Any = None
        self._requested: int | None = None
        self.reset()

    def applies(self, dataset: Dataset) -> bool:
        return labels.is_images(dataset)

    def attach(self, controller: Any) -> None:
        """Send sample choices to `controller` (a TrainingController)."""
        self._controller = controller

    # -- Panel ---------------------------------------------------------------------------------
    def set_data(self, dataset: Dataset | None) -> None:
        self._dataset = dataset
        self.reset()

    def reset(self) -> None:
        self.maps, self._requested = None, None
        self.view.clear_tiles()
        if not labels.is_images(self._dataset):
            self.show_message(self.tr("Feature maps are shown for image classification"))
        else:
            self.show_message(self.tr("Press Play to train: an image and what each "
                                      "convolution and pooling layer makes of it appear here"))

    def draw(self, snapshot: Snapshot) -> None:
        maps = snapshot.feature_maps
        if maps is None:
            if labels.is_images(self._dataset):
                self.maps = None
                self.show_message(self.tr("Feature maps are shown for networks with "
                                          "convolution or pooling layers"))
            return
        self.maps = maps
        size = len(self._dataset.split(maps.split)[1]) if self._dataset is not None else 1
        self.picker.blockSignals(True)
        self.picker.setRange(1, max(size, 1))
        if self._requested is None or self._requested == maps.index:
            self._requested = None  # else a newer choice is on its way: leave the picker
            self.picker.setValue(maps.index + 1)
        self.picker.blockSignals(False)
        self.picker.setSuffix(self.tr(" of {count}").format(count=size))
        predicted = int(maps.probabilities.argmax())
        self.verdict.setText(self.tr("true {true} · predicted {predicted} ({p:.0%})").format(
            true=labels.class_name(self._dataset, maps.true),
            predicted=labels.class_name(self._dataset, predicted),
            p=float(maps.probabilities[predicted])))
        colour = TEXT_COLOUR if predicted == maps.true else ERROR_COLOUR
        self.verdict.setStyleSheet(f"color: {colour}; font-size: {style.LABEL_PT}pt;")
        tiles = [Tile(pixels.picture(maps.image))]
        groups = [(self.tr("input"), 1)]
        for layer in maps.layers:
            shown = layer.maps[:MAPS_PER_LAYER]
            tiles.extend(Tile(rgba) for rgba in pixels.activation_maps(shown))
            channels, h, w = layer.maps.shape
            if channels > len(shown):
                heading = self.tr("{node} · {shown} of {count} maps, {h}×{w}")
            else:
                heading = self.tr("{node} · {count} maps, {h}×{w}")
            groups.append((heading.format(node=layer.node, shown=len(shown), count=channels,
                                          h=h, w=w), len(shown)))
        self.view.set_tiles(tiles, groups)
        self.show_content()

    # -- the picker ----------------------------------------------------------------------------
    def choose(self, index: int) -> None:
        """Follow held-out sample `index` (from 0), as if picked in the spin box."""
        if index + 1 > self.picker.maximum():  # before the first maps set the range
            self.picker.setMaximum(index + 1)
        self.picker.setValue(index + 1)

    def _step_button(self, arrow: Qt.ArrowType, tip: str, delta: int) -> QToolButton:
        button = QToolButton()
        button.setArrowType(arrow)
        button.setToolTip(tip)
        button.setAutoRepeat(True)
        button.clicked.connect(lambda: self.picker.setValue(self.picker.value() + delta))
        return button

    def _pick(self, value: int) -> None:
        if self._controller is not None:
            self._requested = value - 1
            self._controller.set_feature_sample(value - 1)
