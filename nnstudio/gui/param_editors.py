"""Editors for catalogue parameters, shared by the inspector and the training settings panel.

Each `ParamEditor` wraps one widget for one `ParamSpec`: it shows a value, parses what the user
types (refusing what does not parse, in words) and says when a new value is committed.
`make_editor` picks the editor for a parameter's kind.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.catalog import ACTIVATIONS, INITIALIZERS, ParamSpec, check_value
from nnstudio.core.initializers import INITIALIZER_PARAMS
from nnstudio.gui.catalog_text import catalog_tr, problem_tr

_INT_LIMIT = 2**31 - 1
_SPLIT = re.compile(r"\s*[x×X*,;]\s*|\s+")


def parse_float(text: str) -> float:
    """A finite number; scientific notation (1e-5) welcome."""
    try:
        value = float(text.strip())
    except ValueError:
        raise ValueError(QCoreApplication.translate(
            "Inspector", "enter a number such as 0.01 or 1e-5")) from None
    if not math.isfinite(value):
        raise ValueError(QCoreApplication.translate("Inspector", "enter a finite number"))
    return value


def parse_ints(text: str) -> list[int]:
    """Whole numbers separated by ×, x, commas or spaces: "3", "3×3", "1, 28, 28"."""
    try:
        return [int(p) for p in _SPLIT.split(text.strip())]
    except ValueError:
        raise ValueError(QCoreApplication.translate(
            "Inspector", "enter whole numbers separated by commas, such as 2 or 1, 28, 28")
        ) from None


def parse_size(text: str, allow_empty: bool) -> int | list[int] | None:
    """An int, or [height, width]; None for an empty field where that means "default"."""
    if not text.strip() and allow_empty:
        return None
    try:
        values = parse_ints(text)
    except ValueError:
        values = []
    if len(values) not in (1, 2):
        raise ValueError(QCoreApplication.translate(
            "Inspector", "enter one whole number, or height×width such as 3×3"))
    return values[0] if len(values) == 1 else values


def size_text(value: Any) -> str:
    if value is None:
        return ""
    return "×".join(str(v) for v in value) if isinstance(value, list | tuple) else str(value)


def float_text(value: Any) -> str:
    return f"{value:g}" if isinstance(value, int | float) else str(value)


# -- one editor per parameter ----------------------------------------------------------------------
class ParamEditor(QObject):
    """Shows one parameter and reads back what the user entered (ValueError when unreadable)."""

    #: the user finished an edit of this parameter (its name)
    committed = Signal(str)

    def __init__(self, spec: ParamSpec, widget: QWidget):
        super().__init__(widget)
        self.spec, self.widget = spec, widget
        widget.setToolTip(catalog_tr(spec.help))

    def commit(self, *_: object) -> None:
        self.committed.emit(self.spec.name)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def load(self, value: Any) -> None:
        """Show `value` without reporting it as an edit."""
        blocked = self.widget.blockSignals(True)
        try:
            self.set_value(value)
        finally:
            self.widget.blockSignals(blocked)


class IntEditor(ParamEditor):
    def __init__(self, spec: ParamSpec, lo: int = -_INT_LIMIT, hi: int = _INT_LIMIT):
        box = QSpinBox()
        box.setRange(int(spec.minimum) if spec.minimum is not None else lo,
                     int(spec.maximum) if spec.maximum is not None else hi)
        box.setKeyboardTracking(False)
        box.setGroupSeparatorShown(True)
        super().__init__(spec, box)
        self.box = box
        box.valueChanged.connect(self.commit)

    def value(self) -> int:
        return self.box.value()

    def set_value(self, value: Any) -> None:
        self.box.setValue(int(value))


class TextEditor(ParamEditor):
    """A line edit read by `parse` and shown by `show`; commits when editing finishes."""

    def __init__(self, spec: ParamSpec, parse: Callable[[str], Any], show: Callable[[Any], str],
                 placeholder: str = ""):
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        super().__init__(spec, edit)
        self.edit, self._parse, self._show = edit, parse, show
        edit.editingFinished.connect(self.commit)

    def value(self) -> Any:
        return self._parse(self.edit.text())

    def set_value(self, value: Any) -> None:
        self.edit.setText(self._show(value))


class BoolEditor(ParamEditor):
    def __init__(self, spec: ParamSpec):
        box = QCheckBox()
        super().__init__(spec, box)
        self.box = box
        box.toggled.connect(self.commit)

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class ChoiceEditor(ParamEditor):
    def __init__(self, spec: ParamSpec, choices: tuple[str, ...]):
        box = QComboBox()
        box.addItems(list(choices))
        super().__init__(spec, box)
        self.box = box
        box.activated.connect(self.commit)

    def value(self) -> str:
        return self.box.currentText()

    def set_value(self, value: Any) -> None:
        self.box.setCurrentText(str(value))


class PaddingEditor(ParamEditor):
    """A number, height×width, 'same' or 'valid' (typed, or picked from the list)."""

    def __init__(self, spec: ParamSpec):
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItems(["0", "1", "same", "valid"])
        super().__init__(spec, box)
        self.box = box
        box.activated.connect(self.commit)
        line = box.lineEdit()
        if line is not None:  # an editable box has one
            line.editingFinished.connect(self.commit)

    def value(self) -> Any:
        text = self.box.currentText().strip()
        return text.lower() if text.lower() in ("same", "valid") else parse_size(text, False)

    def set_value(self, value: Any) -> None:
        self.box.setEditText(size_text(value))


class InitEditor(ParamEditor):
    """An initialiser name, plus a field for each option it takes (normal: std, mean …)."""

    def __init__(self, spec: ParamSpec):
        panel = QWidget()
        super().__init__(spec, panel)
        self.box = QComboBox()
        self.box.addItems(list(INITIALIZERS))
        self.box.setToolTip(catalog_tr(spec.help))
        self.options: dict[str, TextEditor] = {}
        self._form = QFormLayout()
        self._form.setContentsMargins(12, 0, 0, 0)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addLayout(self._form)
        self.box.activated.connect(self._on_pick)

    def value(self) -> Any:
        name = self.box.currentText()
        chosen = {}
        for option in INITIALIZER_PARAMS[name]:
            number = self.options[option.name].value()
            problem = check_value(option, number)
            if problem:
                raise ValueError(f"{option.name} {problem_tr(problem)}")
            if number != option.default:
                chosen[option.name] = number
        return {"type": name, **chosen} if chosen else name

    def set_value(self, value: Any) -> None:
        given = dict(value) if isinstance(value, dict) else {"type": value}
        name = given.pop("type", "auto")
        self.box.setCurrentText(name)
        self._show_options(name, given)

    def _on_pick(self) -> None:
        self._show_options(self.box.currentText(), {})
        self.commit()

    def _show_options(self, name: str, given: dict[str, Any]) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self.options = {}
        for option in INITIALIZER_PARAMS.get(name, ()):
            editor = TextEditor(option, parse_float, float_text)
            editor.load(given.get(option.name, option.default))
            editor.committed.connect(self.commit)
            self.options[option.name] = editor
            self._form.addRow(option.name, editor.widget)


def make_editor(spec: ParamSpec) -> ParamEditor:
    """The editor widget for a parameter kind."""
    if spec.kind == "int":
        return IntEditor(spec)
    if spec.kind == "axis":
        return IntEditor(spec, -4, 4)
    if spec.kind == "float":
        return TextEditor(spec, parse_float, float_text)
    if spec.kind == "bool":
        return BoolEditor(spec)
    if spec.kind == "activation":
        return ChoiceEditor(spec, ACTIVATIONS)
    if spec.kind == "choice":
        return ChoiceEditor(spec, tuple(str(c) for c in spec.choices))
    if spec.kind == "init":
        return InitEditor(spec)
    if spec.kind == "size":
        allow_empty = spec.default is None
        hint = (QCoreApplication.translate("Inspector", "same as pool_size") if allow_empty
                else "3  or  3×3")
        return TextEditor(spec, lambda text: parse_size(text, allow_empty), size_text, hint)
    if spec.kind == "padding":
        return PaddingEditor(spec)
    if spec.kind == "shape":
        return TextEditor(spec, parse_ints, lambda v: ", ".join(str(d) for d in v),
                          "2  or  1, 28, 28")
    raise ValueError(f"no editor for parameter kind {spec.kind!r}")
