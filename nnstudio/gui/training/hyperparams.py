"""The training settings panel: loss, optimiser and its settings, learning rate, batch size,
epoch limit, early stopping and seed.

Every accepted change is one undoable SetSection("training", …) saved in the design; the panel
only mirrors the design, so undo shows up here at once. The learning rate has a log-scale
slider from 1e-5 to 10 beside an entry for exact values (any positive number).
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from superqt import QCollapsible, QToggleSwitch

from nnstudio.core.catalog import ParamSpec
from nnstudio.core.losses import LOSSES
from nnstudio.core.optimizers import OPTIMIZERS
from nnstudio.design.spec import (
    DEFAULT_LOSS,
    EARLY_STOPPING_PARAMS,
    LOSS_HELP,
    TRAINING_PARAMS,
)
from nnstudio.design.validate import validate_section
from nnstudio.gui import theme
from nnstudio.gui.catalog_text import catalog_tr
from nnstudio.gui.commands import SetSection
from nnstudio.gui.model import DesignModel
from nnstudio.gui.param_editors import (
    BoolEditor,
    ParamEditor,
    TextEditor,
    float_text,
    parse_float,
)

LR_MIN, LR_MAX = 1e-5, 10.0
#: slider positions per factor of ten
LR_STEPS_PER_DECADE = 100
_SPECS = {p.name: p for p in (*TRAINING_PARAMS, *EARLY_STOPPING_PARAMS)}


def parse_pair(text: str) -> list[float]:
    """Two numbers separated by a comma or spaces: "0.9, 0.999"."""
    parts = [p for p in text.replace(",", " ").split() if p]
    if len(parts) != 2:
        raise ValueError(QCoreApplication.translate(
            "HyperparameterPanel", "enter two numbers such as 0.9, 0.999"))
    return [parse_float(p) for p in parts]


def option_editor(spec: ParamSpec) -> ParamEditor:
    """The editor for one optimiser option (float, bool or a pair of floats)."""
    if spec.kind == "bool":
        return BoolEditor(spec)
    if spec.kind == "float_pair":
        return TextEditor(spec, parse_pair, lambda v: ", ".join(float_text(x) for x in v))
    return TextEditor(spec, parse_float, float_text)


class LogSlider(QSlider):
    """A horizontal slider over [LR_MIN, LR_MAX] on a log scale."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        decades = math.log10(LR_MAX / LR_MIN)
        self.setRange(0, round(decades * LR_STEPS_PER_DECADE))
        self.setPageStep(LR_STEPS_PER_DECADE)
        self.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.setTickInterval(LR_STEPS_PER_DECADE)

    def rate(self) -> float:
        """The learning rate at the slider's position, to three significant digits."""
        value = LR_MIN * 10 ** (self.value() / LR_STEPS_PER_DECADE)
        return float(f"{value:.3g}")

    def set_rate(self, lr: float) -> None:
        lr = min(max(lr, LR_MIN), LR_MAX)
        self.setValue(round(math.log10(lr / LR_MIN) * LR_STEPS_PER_DECADE))


def _muted(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.MUTED_TEXT};")
    return label


class HyperparameterPanel(QScrollArea):
    """Edits the design's training section."""

    def __init__(self, model: DesignModel, undo_stack: QUndoStack,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.model, self.undo_stack = model, undo_stack
        self.option_editors: dict[str, ParamEditor] = {}
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)

        self.loss = QComboBox()
        self.loss.addItems([DEFAULT_LOSS, *LOSSES])
        self.loss.setToolTip(catalog_tr(LOSS_HELP))
        for i, name in enumerate(LOSSES, start=1):
            self.loss.setItemData(i, catalog_tr(LOSSES[name]), Qt.ItemDataRole.ToolTipRole)
        self.loss.activated.connect(lambda _: self._set("loss", self.loss.currentText(),
                                                        self.tr("Set loss")))
        self.optimizer = QComboBox()
        self.optimizer.addItems(list(OPTIMIZERS))
        self.optimizer.activated.connect(lambda _: self._set_optimizer_type())
        self.optimizer_help = _muted("")

        self.lr_slider = LogSlider()
        self.lr_slider.setToolTip(self.tr("Learning rate, on a log scale from 0.00001 to 10"))
        self.lr_slider.valueChanged.connect(self._on_slider_moved)
        self.lr_slider.sliderReleased.connect(self._commit_slider)
        self.lr_entry = QLineEdit()
        self.lr_entry.setMaximumWidth(110)
        self.lr_entry.setToolTip(self.tr("The exact learning rate, e.g. 0.003 or 3e-3"))
        self.lr_entry.editingFinished.connect(self._commit_lr_entry)
        lr_row = QHBoxLayout()
        lr_row.addWidget(self.lr_slider, 1)
        lr_row.addWidget(self.lr_entry)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {theme.ERROR_COLOUR};")
        self.error.hide()

        self.options = QCollapsible(self.tr("Optimiser settings"))
        self.options_page = QWidget()
        self.options_form = QFormLayout(self.options_page)
        self.options.addWidget(self.options_page)

        self.batch_size = self._spin("batch_size", self.tr("Set batch size"))
        self.epochs = self._spin("epochs", self.tr("Set epoch limit"))
        self.seed = self._spin("seed", self.tr("Set seed"))
        self.early = QToggleSwitch()
        self.early.setToolTip(self.tr("Stop when the validation loss has not improved for "
                                      "`patience` epochs, and keep the best weights"))
        self.early.toggled.connect(lambda _: self._set_early_stopping())
        self.patience = QSpinBox()
        self.patience.setRange(1, 10_000)
        self.patience.setKeyboardTracking(False)
        self.patience.setToolTip(catalog_tr(_SPECS["patience"].help))
        self.patience.valueChanged.connect(lambda _: self._set_early_stopping())
        early_row = QHBoxLayout()
        early_row.addWidget(self.early)
        early_row.addWidget(QLabel(self.tr("patience")))
        early_row.addWidget(self.patience, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Loss"), self.loss)
        form.addRow(self.tr("Optimiser"), self.optimizer)
        form.addRow(self.optimizer_help)
        form.addRow(self.tr("Learning rate"), lr_row)
        form.addRow(self.error)
        form.addRow(self.options)
        form.addRow(self.tr("Batch size"), self.batch_size)
        form.addRow(self.tr("Epoch limit"), self.epochs)
        form.addRow(self.tr("Early stopping"), early_row)
        form.addRow(self.tr("Seed"), self.seed)
        layout.addWidget(_muted(self.tr(
            "Learning rate, batch size, epoch limit and early stopping change at once, even "
            "while training; loss, optimiser settings and seed when you press Reset.")))
        layout.addLayout(form)
        layout.addStretch(1)
        self.setWidget(page)
        self._option_type = ""
        self.refresh()
        model.sectionChanged.connect(self._on_section)
        model.modelReset.connect(self.refresh)

    def _spin(self, key: str, text: str) -> QSpinBox:
        spec = _SPECS[key]
        box = QSpinBox()
        lowest = spec.minimum if spec.minimum is not None else 0
        highest = spec.maximum if spec.maximum is not None else 2**31 - 1
        box.setRange(int(lowest), min(int(highest), 2**31 - 1))
        box.setKeyboardTracking(False)
        box.setGroupSeparatorShown(True)
        box.setToolTip(catalog_tr(spec.help))
        box.valueChanged.connect(lambda value: self._set(key, value, text))
        return box

    # -- design → panel --------------------------------------------------------------------------
    @property
    def training(self) -> dict[str, Any]:
        """The design's training settings, defaults filled in."""
        return self.model.design.training

    def _on_section(self, key: str) -> None:
        if key == "training":
            self.refresh()

    def refresh(self) -> None:
        """Show the design's training settings (and clear any refused input)."""
        t = self.training
        opt = t["optimizer"]
        stopping = t["early_stopping"]
        widgets = (self.loss, self.optimizer, self.lr_slider, self.lr_entry, self.batch_size,
                   self.epochs, self.seed, self.early, self.patience)
        blockers = [QSignalBlocker(w) for w in widgets]
        self.loss.setCurrentText(t["loss"])
        self.optimizer.setCurrentText(opt["type"])
        self.optimizer_help.setText(catalog_tr(OPTIMIZERS[opt["type"]][0]))
        self.lr_slider.set_rate(opt["lr"])
        self.lr_entry.setText(float_text(opt["lr"]))
        self.batch_size.setValue(t["batch_size"])
        self.epochs.setValue(t["epochs"])
        self.seed.setValue(t["seed"])
        self.early.setChecked(stopping is not False)
        self.patience.setValue(stopping["patience"] if stopping else _SPECS["patience"].default)
        self.patience.setEnabled(stopping is not False)
        for blocker in blockers:
            blocker.unblock()
        self._show_options(opt)
        self._show_error("")

    def _show_options(self, opt: dict[str, Any]) -> None:
        """One field per option of the optimiser type (the learning rate has its own row)."""
        if opt["type"] != self._option_type:
            self._option_type = opt["type"]
            while self.options_form.rowCount():
                self.options_form.removeRow(0)
            self.option_editors = {}
            for spec in OPTIMIZERS[opt["type"]][1]:
                if spec.name == "lr":
                    continue
                editor = option_editor(spec)
                editor.committed.connect(self._commit_option)
                self.option_editors[spec.name] = editor
                self.options_form.addRow(spec.name, editor.widget)
            if self.options.isExpanded():  # make room for the new rows
                self.options.expand(animate=False)
        for name, editor in self.option_editors.items():
            editor.load(opt[name])

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # -- panel → design --------------------------------------------------------------------------
    def _section(self) -> dict[str, Any]:
        return self.model.design.section("training") or {}

    def _optimizer(self) -> dict[str, Any]:
        """The raw optimizer object, with its type spelled out."""
        return {"type": self.training["optimizer"]["type"],
                **self._section().get("optimizer", {})}

    def _push(self, section: dict[str, Any], text: str) -> bool:
        """One undoable change of the training section, if valid and different."""
        if section == self._section():
            return False
        problems = validate_section("training", section)
        if problems:
            self._show_error("\n".join(str(p) for p in problems))
            return False
        self._show_error("")
        self.undo_stack.push(SetSection(self.model, "training", section, text))
        return True

    def _set(self, key: str, value: Any, text: str) -> bool:
        return self._push({**self._section(), key: value}, text)

    def set_learning_rate(self, lr: float) -> bool:
        """Set the learning rate (any positive number) as one undoable change."""
        if not (math.isfinite(lr) and lr > 0):
            self._show_error(self.tr("The learning rate must be a positive number"))
            return False
        return self._set("optimizer", {**self._optimizer(), "lr": lr},
                         self.tr("Set learning rate"))

    def _on_slider_moved(self) -> None:
        self.lr_entry.setText(float_text(self.lr_slider.rate()))
        if not self.lr_slider.isSliderDown():
            self._commit_slider()

    def _commit_slider(self) -> None:
        self.set_learning_rate(self.lr_slider.rate())

    def _commit_lr_entry(self) -> None:
        try:
            lr = parse_float(self.lr_entry.text())
        except ValueError as exc:
            self._show_error(str(exc))
            return
        self.set_learning_rate(lr)

    def _set_optimizer_type(self) -> None:
        """A new optimiser type keeps the learning rate; its other options start at defaults."""
        name = self.optimizer.currentText()
        lr = self.training["optimizer"]["lr"]
        self._set("optimizer", {"type": name, "lr": lr}, self.tr("Set optimiser"))

    def _commit_option(self, name: str) -> None:
        try:
            value = self.option_editors[name].value()
        except ValueError as exc:
            self._show_error(f"{name}: {exc}")
            return
        self._set("optimizer", {**self._optimizer(), name: value},
                  self.tr("Set optimiser {name}").format(name=name))

    def _set_early_stopping(self) -> None:
        section = self._section()
        if self.early.isChecked():
            old = section.get("early_stopping")
            spec = dict(old) if isinstance(old, dict) else {}
            spec["patience"] = self.patience.value()
            section["early_stopping"] = spec
        else:
            section.pop("early_stopping", None)
        self._push(section, self.tr("Set early stopping"))
        self.patience.setEnabled(self.early.isChecked())
