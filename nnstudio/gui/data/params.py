"""The settings of a data source, as widgets generated from its catalogue entry (DataParams):
sliders for bounded numbers, spin boxes for counts and seeds, check boxes, choices, and the
file settings (made by Import…) shown read-only. The catalogue's help is each tooltip."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)
from superqt import QLabeledDoubleSlider, QLabeledSlider

from nnstudio.data import SOURCES
from nnstudio.data.values import DataParam
from nnstudio.gui.catalog_text import catalog_tr

#: keys with their own widgets elsewhere in the panel
OWN_WIDGETS = ("name", "features", "points")
#: an int range this small is a slider; larger ones are spin boxes
SLIDER_STEPS = 64
#: QSpinBox holds a C int
MAX_SPIN = 2**31 - 1
#: the largest fraction offered when the maximum itself is excluded
FRACTION_CAP = 0.9
#: row labels (cast: QT_TRANSLATE_NOOP is typed as returning object, not its text)
LABELS = cast(dict[str, str], {
    "samples": QT_TRANSLATE_NOOP("DataParams", "Samples"),
    "noise": QT_TRANSLATE_NOOP("DataParams", "Noise"),
    "classes": QT_TRANSLATE_NOOP("DataParams", "Classes"),
    "validation": QT_TRANSLATE_NOOP("DataParams", "Validation"),
    "test": QT_TRANSLATE_NOOP("DataParams", "Test"),
    "standardize": QT_TRANSLATE_NOOP("DataParams", "Standardise"),
    "seed": QT_TRANSLATE_NOOP("DataParams", "Seed"),
    "path": QT_TRANSLATE_NOOP("DataParams", "File"),
    "target": QT_TRANSLATE_NOOP("DataParams", "Target"),
    "columns": QT_TRANSLATE_NOOP("DataParams", "Columns"),
    "delimiter": QT_TRANSLATE_NOOP("DataParams", "Delimiter"),
    "header": QT_TRANSLATE_NOOP("DataParams", "Header"),
    "task": QT_TRANSLATE_NOOP("DataParams", "Task"),
    "drop_missing": QT_TRANSLATE_NOOP("DataParams", "Drop missing"),
    "x_key": QT_TRANSLATE_NOOP("DataParams", "Inputs key"),
    "y_key": QT_TRANSLATE_NOOP("DataParams", "Targets key"),
    "size": QT_TRANSLATE_NOOP("DataParams", "Image size"),
    "color": QT_TRANSLATE_NOOP("DataParams", "Colour"),
    "images": QT_TRANSLATE_NOOP("DataParams", "Images"),
    "labels": QT_TRANSLATE_NOOP("DataParams", "Labels"),
    "length": QT_TRANSLATE_NOOP("DataParams", "Length"),
    "symbols": QT_TRANSLATE_NOOP("DataParams", "Symbols"),
    "stride": QT_TRANSLATE_NOOP("DataParams", "Stride"),
    "sequence": QT_TRANSLATE_NOOP("DataParams", "Sequences"),
    "mode": QT_TRANSLATE_NOOP("DataParams", "Mode"),
    "window": QT_TRANSLATE_NOOP("DataParams", "Window"),
    "negatives": QT_TRANSLATE_NOOP("DataParams", "Negatives"),
})


def label_for(key: str) -> str:
    """The translated row label of a data key."""
    return QCoreApplication.translate("DataParams", LABELS.get(key, key.replace("_", " ")))


def shown_params(source: str, section: Mapping[str, Any]) -> list[DataParam]:
    """The keys of `source` the form shows for `section` (a resolved data section): all but
    those with their own widgets, and the arm count only for the spiral."""
    params = [p for p in SOURCES[source].params if p.name not in OWN_WIDGETS]
    if source == "toy2d" and section.get("name") != "spiral":
        params = [p for p in params if p.name != "classes"]
    return params


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return {"\t": "tab"}.get(value, str(value)) if isinstance(value, str) else str(value)


class ParamForm(QWidget):
    """One row per shown key of the current source. `changed(key, value)` fires once per
    committed change: a slider when it is released (or moved by the keyboard), a spin box
    when its editing is finished."""

    changed = Signal(str, object)
    #: the rows were made anew (another source)
    rebuilt = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.widgets: dict[str, QWidget] = {}
        self._layout_key: tuple[str, ...] = ()
        self._updating = False

    def set_section(self, source: str, section: Mapping[str, Any]) -> None:
        """Show the values of `section` (resolved), rebuilding the rows for a new source."""
        params = shown_params(source, section)
        key = (source, *(p.name for p in params))
        if key != self._layout_key:
            self._rebuild(params)
            self._layout_key = key
        self._updating = True
        try:
            for p in params:
                self._show_value(p, self.widgets[p.name], section.get(p.name))
        finally:
            self._updating = False

    # -- building ------------------------------------------------------------------------------
    def _rebuild(self, params: list[DataParam]) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self.widgets = {}
        for p in params:
            widget = self._make(p)
            widget.setToolTip(catalog_tr(p.help))
            label = QLabel(label_for(p.name))
            label.setToolTip(catalog_tr(p.help))
            self._form.addRow(label, widget)
            self.widgets[p.name] = widget
        self.rebuilt.emit()

    def _make(self, p: DataParam) -> QWidget:
        if p.kind == "bool":
            box = QCheckBox()
            box.toggled.connect(lambda on, k=p.name: self._emit(k, bool(on)))
            return box
        if p.kind == "choice":
            combo = QComboBox()
            for i, choice in enumerate(p.choices):
                combo.addItem(p.labels[i] if i < len(p.labels) else _text(choice), choice)
            combo.activated.connect(lambda i, k=p.name, c=combo: self._emit(k, c.itemData(i)))
            return combo
        if p.kind == "float" and p.minimum is not None and p.maximum is not None:
            top = min(p.maximum, FRACTION_CAP) if p.exclusive_maximum else p.maximum
            return self._float_slider(p.name, p.minimum, top)
        if p.kind == "int" and p.minimum is not None and p.maximum is not None \
                and p.maximum - p.minimum <= SLIDER_STEPS:
            return self._int_slider(p.name, int(p.minimum), int(p.maximum))
        if p.kind in ("int", "optional_int"):
            return self._spin(p)
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)  # a path or a column name from the design
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label

    def _float_slider(self, key: str, low: float, high: float) -> QLabeledDoubleSlider:
        slider = QLabeledDoubleSlider(Qt.Orientation.Horizontal)
        slider.setRange(low, high)
        slider.setSingleStep(0.01)  # type: ignore[arg-type]  # superqt types the step as int
        slider.setDecimals(2)
        self._commit_on_release(slider, key, lambda v: round(float(v), 4))
        return slider

    def _int_slider(self, key: str, low: int, high: int) -> QLabeledSlider:
        slider = QLabeledSlider(Qt.Orientation.Horizontal)
        slider.setRange(low, high)
        self._commit_on_release(slider, key, int)
        return slider

    def _commit_on_release(self, slider: QLabeledSlider | QLabeledDoubleSlider, key: str,
                           convert: Callable[[Any], Any]) -> None:
        """A drag is one change, made on release; keyboard and typed values apply at once."""
        slider.valueChanged.connect(
            lambda v: None if slider.isSliderDown() else self._emit(key, convert(v)))
        slider.sliderReleased.connect(lambda: self._emit(key, convert(slider.value())))

    def _spin(self, p: DataParam) -> QSpinBox:
        spin = QSpinBox()
        low = int(p.minimum) if p.minimum is not None else 0
        optional = p.kind == "optional_int"
        spin.setRange(low - 1 if optional else low,
                      min(int(p.maximum), MAX_SPIN) if p.maximum is not None else MAX_SPIN)
        if optional:
            spin.setSpecialValueText(self.tr("auto"))
        spin.setKeyboardTracking(False)
        spin.setAccelerated(True)
        spin.valueChanged.connect(
            lambda v, k=p.name, s=spin: self._emit(k, None if optional and v == s.minimum()
                                                    else int(v)))
        return spin

    # -- values --------------------------------------------------------------------------------
    def _show_value(self, p: DataParam, widget: QWidget, value: Any) -> None:
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QLabeledDoubleSlider | QLabeledSlider):
            widget.setValue(value)
        elif isinstance(widget, QSpinBox):
            widget.setValue(widget.minimum() if value is None else int(value))
        elif isinstance(widget, QLabel):
            widget.setText(_text(value))

    def _emit(self, key: str, value: Any) -> None:
        if not self._updating:
            self.changed.emit(key, value)
