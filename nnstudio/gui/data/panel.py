"""The Data dock: the dataset chooser, the source's settings, the input features, drawing
points, importing files, and the live preview of the data the design holds."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.data import DataError, Dataset
from nnstudio.data.points import add_point, clear_points, points_spec, remove_nearest
from nnstudio.data.values import MAX_CLASSES
from nnstudio.design.check_sections import data_spec
from nnstudio.gui.catalog_text import class_name_tr
from nnstudio.gui.data.choices import GROUPS, Choice, choice_of, section_for
from nnstudio.gui.data.editing import DataEditor
from nnstudio.gui.data.features import FeaturePicker
from nnstudio.gui.data.loader import CopyDetailsButton, DataLoader, load_key
from nnstudio.gui.data.params import ParamForm, label_for
from nnstudio.gui.data.preview import DataPreview, swatch
from nnstudio.gui.data.wheel import WheelGuard, guard_wheel
from nnstudio.gui.data_text import data_problem_tr
from nnstudio.gui.model import DesignModel
from nnstudio.gui.panels import colouring
from nnstudio.gui.theme import ERROR_COLOUR, MUTED_TEXT

#: the role of a chooser entry's Choice
CHOICE_ROLE = Qt.ItemDataRole.UserRole + 1
#: where the import dialogs live (built separately; Import… is off until they are there)
IMPORTS_MODULE = "nnstudio.gui.imports"

Importer = Callable[[str, QWidget, Path | None], dict[str, Any] | None]


def importers() -> tuple[tuple[tuple[str, str], ...], Importer | None]:
    """(IMPORTERS, ask_import) of the import dialogs, or ((), None) when they are missing."""
    try:
        module = importlib.import_module(IMPORTS_MODULE)
    except ImportError:
        return (), None
    return tuple(module.IMPORTERS), module.ask_import


class DataPanel(QWidget):
    """The Data dock's widget for `model`, editing it through `undo_stack`.

    ask_fit(text) -> bool offers to fit the output layer and loss to new data (the window's
    replaceable prompt). `message(text)` carries status-bar news.
    """

    message = Signal(str)

    def __init__(self, model: DesignModel, undo_stack: QUndoStack,
                 ask_fit: Callable[[str], bool], parent: QWidget | None = None):
        super().__init__(parent)
        self.model, self.undo_stack = model, undo_stack
        self.loader = DataLoader(self)
        self.editor = DataEditor(model, undo_stack, self.loader, ask_fit, self)
        #: what the preview shows (see loader.load_key), "" before the first preview
        self._preview_key = ""
        self.wheel_guard = WheelGuard(self)
        self._build()
        guard_wheel(self, self.wheel_guard)
        self.form.rebuilt.connect(lambda: guard_wheel(self.form, self.wheel_guard))
        self.editor.failed.connect(self._on_failed)
        self.editor.applied.connect(self._show_problem)
        model.sectionChanged.connect(self._on_section)
        model.modelReset.connect(self._on_reset)
        model.pathChanged.connect(self.refresh)  # relative paths now resolve elsewhere
        self.refresh()

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(10, 8, 10, 8)
        column.setSpacing(8)

        self.chooser = QComboBox()
        self.choices = self._choice_model()
        self.chooser.setModel(self.choices)
        self.chooser.setMaxVisibleItems(30)
        self.chooser.activated.connect(self._on_chosen)
        self.import_button = QToolButton()
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.import_menu = QMenu(self.import_button)
        self.import_menu.aboutToShow.connect(self._fill_import_menu)
        self.import_button.setMenu(self.import_menu)
        row = QHBoxLayout()
        row.addWidget(self.chooser, 1)
        row.addWidget(self.import_button)
        column.addLayout(row)

        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)  # quotes paths and names
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")
        self.problem.hide()
        column.addWidget(self.problem)
        self.copy_details = CopyDetailsButton()
        self.loader.reported.connect(self.copy_details.set_details)
        column.addWidget(self.copy_details, 0, Qt.AlignmentFlag.AlignLeft)

        self.preview = DataPreview()
        self.preview.planeClicked.connect(self.edit_points)
        self.loading = QLabel(self.tr("Loading…"))
        self.loading.setStyleSheet(f"color: {MUTED_TEXT};")
        self.loading.hide()
        column.addWidget(self.loading)
        column.addWidget(self.preview, 1)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(f"color: {MUTED_TEXT};")
        column.addWidget(self.summary)

        self.class_picker = QComboBox()
        for k in range(MAX_CLASSES):
            self.class_picker.addItem(swatch(colouring.class_colour(k)), "", k)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove every point"))
        self.clear_button.clicked.connect(self.clear_points)
        hint = QLabel(self.tr("Click the plot to add a point of this class, right-click to "
                              "remove one."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED_TEXT};")
        draw = QWidget()
        draw_column = QVBoxLayout(draw)
        draw_column.setContentsMargins(0, 0, 0, 0)
        draw_row = QHBoxLayout()
        draw_row.addWidget(QLabel(self.tr("Class")))
        draw_row.addWidget(self.class_picker, 1)
        draw_row.addWidget(self.clear_button)
        draw_column.addLayout(draw_row)
        draw_column.addWidget(hint)
        self.draw_box = self._group(self.tr("Draw your data"), draw)
        column.addWidget(self.draw_box)

        self.form = ParamForm()
        self.form.changed.connect(self._on_param)
        self.settings_box = self._group(self.tr("Settings"), self.form)
        column.addWidget(self.settings_box)

        self.features = FeaturePicker()
        self.features.featuresChanged.connect(self._on_features)
        self.features.refused.connect(self._on_failed)
        self.features_box = self._group(self.tr("Input features"), self.features)
        column.addWidget(self.features_box)
        column.addStretch(0)  # below a table or an image grid, which stop at their contents

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    @staticmethod
    def _group(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(widget)
        return box

    def _choice_model(self) -> QStandardItemModel:
        """The chooser's entries under bold group headings; the file sources are listed but
        chosen through Import…."""
        items = QStandardItemModel(self)
        for group in GROUPS:
            heading = QStandardItem(group.translated_title())
            heading.setEnabled(False)
            font = QFont()
            font.setBold(True)
            heading.setFont(font)
            items.appendRow(heading)
            for choice in group.choices:
                item = QStandardItem("    " + choice.title)
                item.setData(choice, CHOICE_ROLE)
                item.setToolTip(choice.summary)
                if group.files:
                    item.setEnabled(False)
                    item.setToolTip(self.tr("Open a file with Import…"))
                items.appendRow(item)
        return items

    # -- the design's data, shown ----------------------------------------------------------------
    def refresh(self) -> None:
        """Show the design's data section: chooser, settings, features, drawing, preview.
        A section without a source shows the design's default data, as training uses."""
        raw = data_spec(self.model.design.section("data") or {})
        try:
            resolved = self.model.design.data
        except DataError as exc:
            self._show_problem(str(exc))
            self.preview.show_nothing(str(exc))
            self._preview_key = ""
            return
        choice = choice_of(resolved)
        self._select(choice)
        self.summary.setText(choice.summary)
        self.form.set_section(resolved["source"], resolved)
        has_features = "features" in resolved
        self.features_box.setVisible(has_features)
        if has_features:
            one_input = (resolved["source"], resolved.get("name")) == ("regression", "sine")
            self.features.set_features(resolved["features"], 1 if one_input else 2)
        self._refresh_preview(raw, resolved)

    def _select(self, choice: Choice) -> None:
        items = self.choices
        for row in range(items.rowCount()):
            if items.item(row).data(CHOICE_ROLE) == choice:
                self.chooser.setCurrentIndex(row)
                return

    def _refresh_preview(self, raw: dict[str, Any], resolved: dict[str, Any]) -> None:
        key = load_key(raw, self.model.design.base_dir)
        if key == self._preview_key:
            return
        self._preview_key = key
        if resolved["source"] == "points" and not resolved["points"]:
            self.loader.cancel("preview")
            self.loading.hide()
            self.preview.show_empty_plane()
            self._update_drawing(None, drawing=True)
            return
        self.loading.show()
        self.loader.load("preview", raw, self.model.design.base_dir, self._on_preview)

    def _on_preview(self, dataset: Dataset | None, problem: str) -> None:
        self.loading.hide()
        if dataset is None:
            self.preview.show_nothing(problem)
            self._show_problem(problem)
            self._update_drawing(None, drawing=False)
            return
        self.editor.task = dataset.task
        self.preview.show_dataset(dataset)
        drawing = dataset.kind == "points2d" and dataset.task == "classification"
        self._update_drawing(dataset, drawing)

    def _update_drawing(self, dataset: Dataset | None, drawing: bool) -> None:
        """Show the drawing tools for classified points, naming the classes as the data does."""
        self.draw_box.setVisible(drawing)
        names = dataset.class_names if dataset is not None else ()
        for k in range(MAX_CLASSES):
            name = class_name_tr(names[k]) if k < len(names) else self.tr("class {k}").format(k=k)
            self.class_picker.setItemText(k, name)

    @property
    def busy(self) -> bool:
        """Whether a change or the preview is still loading."""
        return self.loader.busy

    def _on_section(self, key: str) -> None:
        if key != "data":
            return
        if not self.editor.applying:
            self.editor.cancel()
        self.refresh()

    def _on_reset(self) -> None:
        self.editor.cancel()
        self.editor.task = None
        self._show_problem()
        self.refresh()

    def _show_problem(self, text: str = "") -> None:
        self.problem.setText(data_problem_tr(text))
        self.problem.setVisible(bool(text))

    def _on_failed(self, text: str) -> None:
        """A change was refused: say why and show the design's data again."""
        self._show_problem(text)
        self.message.emit(data_problem_tr(text))
        self.refresh()

    # -- edits -----------------------------------------------------------------------------------
    def choose(self, choice: Choice) -> None:
        """Make `choice` the design's data (drawn points start from the current 2-D points)."""
        current = self.editor.current()
        text = self.tr("Data: {title}").format(title=choice.title)
        if choice.source == "points":
            try:
                section = points_spec(current, self.model.design.base_dir)
            except DataError:
                section = section_for(choice, current)
            self.editor.change(section, text)
        else:
            self.editor.change(section_for(choice, current), text)

    def _on_chosen(self, index: int) -> None:
        choice = self.chooser.itemData(index, CHOICE_ROLE)
        if isinstance(choice, Choice):
            self.choose(choice)

    def _on_param(self, key: str, value: Any) -> None:
        section = self.editor.current()
        if value is None:
            section.pop(key, None)
        else:
            section[key] = value
        self.editor.change(section, self.tr("Set {setting} to {value}").format(
            setting=label_for(key).lower(), value=value if value is not None else "auto"))

    def _on_features(self, names: list[str]) -> None:
        section = {**self.editor.current(), "features": names}
        labels = ", ".join(self.features.boxes[n].text() for n in names)
        self.editor.change(section, self.tr("Features: {features}").format(features=labels))

    def edit_points(self, x: float, y: float, button: Qt.MouseButton, radius: float) -> None:
        """A click on a plot of the plane: left adds a point of the chosen class at (x, y),
        right removes the nearest point within `radius`. Generated 2-D data becomes drawn
        points first (its points kept), in the same undo step."""
        current = self.editor.current()
        converting = current.get("source") != "points"
        try:
            spec = points_spec(current, self.model.design.base_dir)
            if button == Qt.MouseButton.LeftButton:
                label = int(self.class_picker.currentData())
                new = add_point(spec, x, y, label)
                text = self.tr("Add a point of {name}").format(
                    name=self.class_picker.currentText())
            else:
                new = remove_nearest(spec, x, y, radius)
                if len(new["points"]) == len(spec["points"]):
                    return
                text = self.tr("Remove a point")
        except DataError as exc:
            self._on_failed(str(exc))
            return
        self.editor.change(new, text)
        if converting:
            self.message.emit(self.tr("The points are now drawn points you can edit; Undo "
                                      "brings the generated data back"))

    def clear_points(self) -> None:
        """Remove every drawn point (one undo step)."""
        try:
            new = clear_points(self.editor.current())
        except DataError as exc:
            self._on_failed(str(exc))
            return
        self.editor.change(new, self.tr("Clear the points"))

    # -- import ----------------------------------------------------------------------------------
    def _fill_import_menu(self) -> None:
        menu = self.import_menu
        menu.clear()
        kinds, _ = importers()
        for kind, text in kinds:
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, k=kind, t=text: self.import_data(k, t))
        if not kinds:
            menu.addAction(self.tr("No importers available")).setEnabled(False)

    def import_data(self, kind: str, text: str) -> None:
        """Run the `kind` import dialog and make its data section the design's data."""
        _, ask = importers()
        if ask is None:
            return
        section = ask(kind, self.window(), self.model.design.base_dir)
        if section is not None:
            self.editor.change(dict(section), self.tr("Import: {what}").format(
                what=text.rstrip("…").replace("&", "")))

    def shutdown(self) -> None:
        """Stop loading (the window is closing)."""
        self.editor.cancel()
        self.loader.shutdown()
