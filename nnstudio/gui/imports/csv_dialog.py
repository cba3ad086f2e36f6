"""Importing a CSV table: delimiter and header, a preview, target and feature columns, task,
missing values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.data import CsvPreview, preview_csv
from nnstudio.data.csvtext import is_missing, parse_number
from nnstudio.gui import theme
from nnstudio.gui.imports.base import ImportDialog

#: data rows shown in the preview table
PREVIEW_ROWS = 12
#: missing-value lines quoted in the message before "…"
QUOTED_LINES = 5
TEXT_TINT = "#FFF4E0"
TARGET_TINT = "#E3F0FB"
#: a missing value, or text among numbers
PROBLEM_TINT = "#F9D6D6"


class CsvImportDialog(ImportDialog):
    """Pick a CSV file; check its delimiter and header; see its first rows (numeric and text
    columns told apart); choose the target, the task and the feature columns; decide what to
    do with missing values."""

    source = "csv"

    def __init__(self, base_dir: Path | None = None, parent: QWidget | None = None):
        super().__init__(self.tr("Import a CSV table"), self.tr("Choose a CSV file"),
                         self.tr("CSV files (*.csv *.tsv *.txt);;All files (*)"), False,
                         base_dir, parent)
        self.preview: CsvPreview | None = None
        self.delimiter = QComboBox()
        for value, text in (("auto", self.tr("Detect")), (",", self.tr("Comma ,")),
                            (";", self.tr("Semicolon ;")), ("\t", self.tr("Tab"))):
            self.delimiter.addItem(text, value)
        self.header = QComboBox()
        for header, text in (("auto", self.tr("Detect")),
                             (True, self.tr("First row names the columns")),
                             (False, self.tr("No header row"))):
            self.header.addItem(text, header)
        self.detected = QLabel()
        self.detected.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setMinimumHeight(240)
        self.target = QComboBox()
        self.classification = QRadioButton(self.tr("Classification"))
        self.regression = QRadioButton(self.tr("Regression"))
        self.classification.setChecked(True)
        self.classes = QLabel()
        self.features = QListWidget()
        self.all_button = QPushButton(self.tr("All numeric"))
        self.none_button = QPushButton(self.tr("None"))
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.drop_missing = QCheckBox(self.tr("Drop the rows with missing values"))
        self._build_layout()
        self.delimiter.currentIndexChanged.connect(self._reread)
        self.header.currentIndexChanged.connect(self._reread)
        self.target.currentIndexChanged.connect(self._target_changed)
        self.classification.toggled.connect(self._choice_changed)
        self.features.itemChanged.connect(self._choice_changed)
        self.drop_missing.toggled.connect(self._choice_changed)
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button.clicked.connect(lambda: self._check_all(False))
        self.refresh()

    def _build_layout(self) -> None:
        reading = QHBoxLayout()
        reading.addWidget(QLabel(self.tr("Delimiter")))
        reading.addWidget(self.delimiter)
        reading.addSpacing(16)
        reading.addWidget(QLabel(self.tr("Header")))
        reading.addWidget(self.header)
        reading.addSpacing(16)
        reading.addWidget(self.detected, 1)
        task = QHBoxLayout()
        task.addWidget(self.classification)
        task.addWidget(self.regression)
        task.addStretch(1)
        target_form = QFormLayout()
        target_form.addRow(self.tr("Target column"), self.target)
        target_form.addRow(self.tr("Task"), task)
        target_form.addRow("", self.classes)
        left = QVBoxLayout()
        left.addLayout(target_form)
        left.addWidget(self.missing)
        left.addWidget(self.drop_missing)
        left.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Feature columns")), 1)
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        right = QVBoxLayout()
        right.addLayout(buttons)
        right.addWidget(self.features, 1)
        choices = QGridLayout()
        choices.addLayout(left, 0, 0)
        choices.addLayout(right, 0, 1)
        choices.setColumnStretch(0, 1)
        choices.setColumnStretch(1, 1)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(reading)
        layout.addWidget(self.table, 3)
        layout.addLayout(choices, 2)
        self.fit_size(1000, 860)

    # -- reading the file -------------------------------------------------------------------

    def inspect(self, path: Path) -> None:
        self.preview = preview_csv(path, PREVIEW_ROWS, delimiter=self.delimiter.currentData(),
                                   header=self.header.currentData())
        self._show_preview()

    def clear(self) -> None:
        self.preview = None
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        for box in (self.target, self.features):
            box.blockSignals(True)
            box.clear()
            box.blockSignals(False)
        self.detected.clear()
        self.classes.clear()
        self.missing.clear()

    def _reread(self) -> None:
        """Read the file again with the delimiter and header chosen."""
        self._path_changed(self.path_field.edit.text())

    def _show_preview(self) -> None:
        p = self.preview
        assert p is not None
        delimiter = {",": self.tr("comma"), ";": self.tr("semicolon"), "\t": self.tr("tab")}
        scanned = (self.tr("{n} rows") if p.complete else self.tr("the first {n} rows"))
        self.detected.setText(self.tr("{delimiter}-separated, {header}; {scanned} read").format(
            delimiter=delimiter.get(p.delimiter, repr(p.delimiter)),
            header=self.tr("with a header row") if p.header else self.tr("no header row"),
            scanned=scanned.format(n=p.scanned)))
        self.target.blockSignals(True)
        self.target.clear()
        for j, name in enumerate(p.names):
            self.target.addItem(name, j)
        usable = [j for j, kind in enumerate(p.kinds) if kind != "empty"]
        text = [j for j in usable if p.kinds[j] == "text" and not p.mixed(j)]
        self.target.setCurrentIndex(text[-1] if text else usable[-1] if usable else 0)
        self.target.blockSignals(False)
        self._fill_features(checked=None)
        self._set_task_for_target()
        self._choice_changed()

    def _kind_text(self, j: int) -> str:
        assert self.preview is not None
        if self.preview.mixed(j):
            return self.tr("numbers and text")
        return {"numeric": self.tr("numbers"), "text": self.tr("text"),
                "empty": self.tr("empty")}[self.preview.kinds[j]]

    def _fill_table(self) -> None:
        p = self.preview
        assert p is not None
        t = self.target.currentData()
        chosen = set(self.feature_columns())
        self.table.clear()
        self.table.setColumnCount(len(p.names))
        self.table.setRowCount(len(p.rows))
        self.table.setVerticalHeaderLabels([str(line) for line in p.row_lines])
        self.table.verticalHeaderItem(0).setToolTip(self.tr("Line in the file"))
        bold = QFont()
        bold.setBold(True)
        for j, name in enumerate(p.names):
            role = (self.tr("target") if j == t else self.tr("feature") if j in chosen
                    else self.tr("not used"))
            header = QTableWidgetItem(f"{name}\n{self._kind_text(j)} · {role}")
            if j == t:
                header.setFont(bold)
            self.table.setHorizontalHeaderItem(j, header)
        for i, row in enumerate(p.rows):
            for j, cell in enumerate(row):
                item = QTableWidgetItem(cell)
                if p.kinds[j] == "numeric":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                wrong = is_missing(cell) or (
                    p.mixed(j) and parse_number(cell, p.delimiter != ",") is None)
                tint = (PROBLEM_TINT if wrong else TARGET_TINT if j == t
                        else TEXT_TINT if p.kinds[j] == "text" else None)
                if tint is not None:
                    item.setBackground(QBrush(QColor(tint)))
                if j != t and j not in chosen:
                    item.setForeground(QBrush(QColor(theme.MUTED_TEXT)))
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()

    def _fill_features(self, checked: set[int] | None) -> None:
        """Every column but the target; numeric ones (and mostly numeric ones, so their text
        is reported) checkable, checked if in `checked` (all of them when None); text and
        empty ones shown but disabled."""
        p = self.preview
        assert p is not None
        t = self.target.currentData()
        self.features.blockSignals(True)
        self.features.clear()
        for j, name in enumerate(p.names):
            if j == t:
                continue
            item = QListWidgetItem(f"{name}  ({self._kind_text(j)})")
            item.setData(Qt.ItemDataRole.UserRole, j)
            if p.kinds[j] == "numeric" or p.mixed(j):
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                on = checked is None or j in checked
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            else:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(self.tr("Only columns of numbers can be features."))
            self.features.addItem(item)
        self.features.blockSignals(False)

    def _set_task_for_target(self) -> None:
        p = self.preview
        t = self.target.currentData()
        if p is None or t is None:
            return
        numeric = p.kinds[t] == "numeric"
        self.regression.setEnabled(numeric)
        self.regression.setToolTip("" if numeric else self.tr(
            "Regression needs a target of numbers."))
        self.classification.blockSignals(True)
        (self.regression if p.tasks[t] == "regression" else self.classification).setChecked(True)
        self.classification.blockSignals(False)

    # -- choosing -----------------------------------------------------------------------------

    def feature_columns(self) -> list[int]:
        """The checked feature columns (0-based, in file order)."""
        return [self.features.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.features.count())
                if self.features.item(i).checkState() == Qt.CheckState.Checked]

    def set_features(self, names: list[str]) -> None:
        """Check exactly the feature columns named `names` (what clicking them does)."""
        assert self.preview is not None
        self._fill_features({self.preview.names.index(n) for n in names})
        self._choice_changed()

    def set_target(self, name: str) -> None:
        assert self.preview is not None
        self.target.setCurrentIndex(self.preview.names.index(name))

    def _check_all(self, on: bool) -> None:
        if self.preview is not None:
            numeric = {j for j, k in enumerate(self.preview.kinds)
                       if k == "numeric" or self.preview.mixed(j)}
            self._fill_features(numeric if on else set())
            self._choice_changed()

    def _target_changed(self) -> None:
        if self.preview is None:
            return
        self._fill_features(set(self.feature_columns()))
        self._set_task_for_target()
        self._choice_changed()

    def _choice_changed(self) -> None:
        if self.preview is None:
            return
        self._fill_table()
        self._show_classes()
        self._show_missing()
        self.refresh()

    def _show_classes(self) -> None:
        p = self.preview
        t = self.target.currentData()
        if p is None or t is None or not self.classification.isChecked():
            self.classes.setText(self.tr("Predicts the number in {name}.").format(
                name=p.names[t]) if p is not None and t is not None else "")
            return
        count = self.tr("{n} classes") if p.complete else self.tr("{n} classes in the rows read")
        self.classes.setText(count.format(n=p.distinct[t]))

    def _missing_columns(self) -> list[int]:
        t = self.target.currentData()
        return [*self.feature_columns(), t] if t is not None else self.feature_columns()

    def _show_missing(self) -> None:
        p = self.preview
        assert p is not None
        columns = [j for j in self._missing_columns() if p.missing[j]]
        lines = p.rows_missing(columns)
        self.drop_missing.setVisible(bool(lines))
        if not lines:
            self.missing.setText(self.tr("No missing values in the chosen columns.")
                                 if p.complete else
                                 self.tr("No missing values in the rows read."))
            return
        where = ", ".join(f"{p.names[j]} ({p.missing[j]})" for j in columns)
        shown = ", ".join(map(str, lines[:QUOTED_LINES])) + ("…" if len(lines) > QUOTED_LINES
                                                             else "")
        self.missing.setText(self.tr("Rows with missing values: {n}, in {where}; line {lines}."
                                     ).format(n=len(lines), where=where, lines=shown))

    def problem(self) -> str | None:
        p = self.preview
        t = self.target.currentData()
        if p is None or t is None:
            return self.tr("Choose a file to import.")
        name = p.names[t]
        if len(p.names) < 2:
            return self.tr("The file has a single column: check the delimiter.")
        if p.kinds[t] == "empty":
            return self.tr("The target column {name} holds no values.").format(name=name)
        if self.regression.isChecked() and p.kinds[t] != "numeric":
            return self.tr("The target column {name} holds text: regression needs numbers; "
                           "choose classification.").format(name=name)
        if self.classification.isChecked() and p.distinct[t] < 2:
            return self.tr("The target column {name} has only one class; a classifier needs "
                           "at least two.").format(name=name)
        if not self.feature_columns():
            return self.tr("Choose at least one feature column.")
        for j in self.feature_columns():
            first = p.first_text[j]
            if first is not None:
                line, cell = first
                return self.tr("Column {name}, line {line}: {cell} is not a number. Correct the "
                               "file, or untick the column.").format(
                                   name=p.names[j], line=line, cell=repr(cell))
        if p.rows_missing(self._missing_columns()) and not self.drop_missing.isChecked():
            return self.tr("Some rows have missing values: tick \"Drop the rows with missing "
                           "values\", or fill them in.")
        return None

    def hint(self) -> str:
        p = self.preview
        if p is None:
            return ""
        return self.tr("Feature columns: {features}; target: {target}. The whole file is "
                       "checked when you press Import.").format(
                           features=len(self.feature_columns()),
                           target=p.names[self.target.currentData()])

    def keys(self) -> dict[str, Any]:
        p = self.preview
        if p is None:
            return {}
        path = self.path_field.path()
        folded = [n.casefold() for n in p.names]
        unique = p.header and len(set(folded)) == len(folded)

        def ref(j: int) -> str | int:
            return p.names[j] if unique else j

        return {"path": self.relative(path) if path else "",
                "target": ref(self.target.currentData()),
                "columns": [ref(j) for j in self.feature_columns()],
                "delimiter": p.delimiter, "header": p.header,
                "task": "classification" if self.classification.isChecked() else "regression",
                "drop_missing": self.drop_missing.isChecked()}

