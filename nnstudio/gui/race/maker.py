"""Making a race's variants from the current design: one or two settings, values for each.

A setting is one or more dotted paths set to the same value (the activation of every hidden
layer at once); the variants are every combination of the values, as `nnstudio train --vary`
makes them, MIN_VARIANTS to MAX_VARIANTS of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.catalog import NODE_TYPES
from nnstudio.design.document import Design
from nnstudio.design.race import MAX_VARIANTS, MIN_VARIANTS, Variant, parse_vary


def _tr(text: str) -> str:
    return QCoreApplication.translate("RaceMaker", text)


@dataclass(frozen=True)
class Setting:
    """What a row of the dialog varies: its name, the paths it sets, example values."""

    name: str
    paths: tuple[str, ...]
    example: str


def settings_of(design: Design) -> list[Setting]:
    """The settings a race of `design` can vary, the design's own layers by id."""
    found = [Setting(_tr("Optimiser"), ("training.optimizer.type",),
                     "sgd, momentum, rmsprop, adam"),
             Setting(_tr("Learning rate"), ("training.optimizer.lr",), "0.1, 0.01, 0.001")]
    layers = [n for n in design.nodes if "activation" in _param_names(n["type"])]
    hidden = [n["id"] for n in layers[:-1]]
    if len(hidden) > 1:
        found.append(Setting(_tr("Activation of every hidden layer"),
                             tuple(f"network.nodes.{i}.params.activation" for i in hidden),
                             "sigmoid, relu"))
    for node in layers:
        nid = node["id"]
        found.append(Setting(_tr("Activation of {id}").replace("{id}", nid),
                             (f"network.nodes.{nid}.params.activation",), "sigmoid, relu"))
    weighted = [n["id"] for n in design.nodes if "weight_init" in _param_names(n["type"])]
    if weighted:
        found.append(Setting(_tr("Initialiser of every layer"),
                             tuple(f"network.nodes.{i}.params.weight_init" for i in weighted),
                             "zeros, xavier_uniform"))
        found.append(Setting(_tr("L2 of every layer"),
                             tuple(f"network.nodes.{i}.params.l2" for i in weighted),
                             "0, 0.001, 0.01"))
    for node in design.nodes:
        if node["type"] == "Dropout":
            found.append(Setting(_tr("Dropout rate of {id}").replace("{id}", node["id"]),
                                 (f"network.nodes.{node['id']}.params.rate",), "0, 0.5"))
    found += [Setting(_tr("Batch size"), ("training.batch_size",), "1, 16, 128"),
              Setting(_tr("Seed"), ("training.seed",), "0, 1, 2"),
              Setting(_tr("Data noise"), ("data.noise",), "0, 0.25, 0.5")]
    return found


def _param_names(type_name: str) -> set[str]:
    spec = NODE_TYPES.get(type_name)
    return {p.name for p in spec.params} if spec is not None else set()


def make_variants(rows: Sequence[tuple[Setting, str]]) -> list[Variant]:
    """The variants of every combination of the rows' values (texts as --vary reads them);
    ValueError saying what is wrong."""
    varies: list[tuple[Setting, list[Any]]] = []
    for setting, text in rows:
        if not text.strip():
            continue
        _, values = parse_vary(f"{setting.paths[0]}={text}")
        varies.append((setting, values))
    variants = [Variant.of({})]
    for setting, values in varies:
        variants = [Variant.of({**v.overrides, **dict.fromkeys(setting.paths, value)},
                               _join(v, setting, value))
                    for v in variants for value in values]
    if not MIN_VARIANTS <= len(variants) <= MAX_VARIANTS or not varies:
        raise ValueError(_tr("A race has 2 to 4 variants; these values make {n}.")
                         .replace("{n}", str(len(variants) if varies else 1)))
    return variants


def _join(variant: Variant, setting: Setting, value: Any) -> str:
    shown = value if isinstance(value, str) else repr(value).replace("'", "")
    part = f"{setting.name} {shown}"
    return part if not variant.overrides else f"{variant.label}, {part}"


class RaceMaker(QDialog):
    """Pick one or two settings and their values; `variants` once accepted."""

    def __init__(self, design: Design, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Race variants"))
        self.settings = settings_of(design)
        self.variants: list[Variant] = []
        form = QFormLayout()
        self.rows: list[tuple[QComboBox, QLineEdit]] = []
        for i in range(2):
            box, values = QComboBox(), QLineEdit()
            if i:
                box.addItem(self.tr("(nothing else)"))
            for setting in self.settings:
                box.addItem(setting.name)
            box.currentIndexChanged.connect(lambda _=0, b=box, v=values: self._example(b, v))
            values.textChanged.connect(self._preview)
            form.addRow(self.tr("Vary") if not i else self.tr("and"), box)
            form.addRow(self.tr("Values"), values)
            self.rows.append((box, values))
        self._example(*self.rows[0])
        self.preview = QLabel()
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Race"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("Values are separated by commas.")))
        column.addLayout(form)
        column.addWidget(self.preview)
        column.addWidget(self.buttons)
        self._preview()
        self.resize(520, 0)

    def chosen(self) -> list[tuple[Setting, str]]:
        rows = []
        for i, (box, values) in enumerate(self.rows):
            index = box.currentIndex() - i  # the second row starts with "(nothing else)"
            if index >= 0:
                rows.append((self.settings[index], values.text()))
        return rows

    def _example(self, box: QComboBox, values: QLineEdit) -> None:
        index = box.currentIndex() - (box is self.rows[1][0] if len(self.rows) > 1 else 0)
        values.setText(self.settings[index].example if index >= 0 else "")
        values.setEnabled(index >= 0)

    def _preview(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok) \
            if hasattr(self, "buttons") else None
        if ok is None:
            return
        try:
            self.variants = make_variants(self.chosen())
        except ValueError as exc:
            self.variants = []
            self.preview.setText(str(exc))
            ok.setEnabled(False)
            return
        self.preview.setText("\n".join(f"{i + 1}. {v.label}"
                                       for i, v in enumerate(self.variants)))
        ok.setEnabled(True)
