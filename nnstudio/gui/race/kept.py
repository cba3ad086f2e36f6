"""Kept runs: a run's per-epoch curves kept as a reference after the run itself is reset, and
the small dialog that lists them, renames, hides and removes them."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: the most runs kept; keeping one more drops the oldest
MAX_KEPT = 6
#: the kept runs' colours, pale so the live run stands out, one per run in turn
GHOST_COLOURS = ("#9AA3B0", "#D9A86C", "#86B8A0", "#C29BC9", "#D98C8C", "#A9B86C")


@dataclass(frozen=True)
class KeptRun:
    """One run's per-epoch curves: epochs (n,), values (n, 4) in the loss panel's EPOCH_KEYS
    order (nan where a split or accuracy is absent)."""

    name: str
    epochs: np.ndarray
    values: np.ndarray
    colour: str
    visible: bool = True


class KeptRuns(QObject):
    """The kept runs, oldest first; `changed` after every change."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.runs: list[KeptRun] = []
        self._kept = 0  # runs ever kept: names and colours go on from there

    def keep(self, name_template: str, epochs: np.ndarray, values: np.ndarray) -> KeptRun:
        """Keep copies of the curves as a new run named `name_template` with {n} its number."""
        self._kept += 1
        run = KeptRun(name_template.replace("{n}", str(self._kept)), np.array(epochs),
                      np.array(values), GHOST_COLOURS[(self._kept - 1) % len(GHOST_COLOURS)])
        self.runs = [*self.runs, run][-MAX_KEPT:]
        self.changed.emit()
        return run

    def rename(self, index: int, name: str) -> None:
        name = name.strip()
        if name and name != self.runs[index].name:
            self._replace(index, replace(self.runs[index], name=name))

    def set_visible(self, index: int, visible: bool) -> None:
        if visible != self.runs[index].visible:
            self._replace(index, replace(self.runs[index], visible=visible))

    def remove(self, index: int) -> None:
        del self.runs[index]
        self.changed.emit()

    def clear(self) -> None:
        if self.runs:
            self.runs = []
            self.changed.emit()

    def _replace(self, index: int, run: KeptRun) -> None:
        self.runs[index] = run
        self.changed.emit()


class KeptRunsDialog(QDialog):
    """The kept runs as a list: tick to show, double-click (or F2) to rename, Remove."""

    def __init__(self, kept: KeptRuns, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kept runs"))
        self.kept = kept
        self.list = QListWidget()
        self.list.setEditTriggers(QListWidget.EditTrigger.DoubleClicked
                                  | QListWidget.EditTrigger.EditKeyPressed
                                  | QListWidget.EditTrigger.SelectedClicked)
        self.list.itemChanged.connect(self._item_changed)
        self.empty = QLabel(self.tr("No run is kept. Press Keep run in the loss panel to keep "
                                    "the curves of the current run as a reference."))
        self.empty.setWordWrap(True)
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove)
        self.remove_all = QPushButton(self.tr("Remove all"))
        self.remove_all.clicked.connect(kept.clear)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addWidget(self.remove_all)
        row.addStretch(1)
        row.addWidget(buttons)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("Tick a run to show it; double-click to rename it.")))
        column.addWidget(self.list)
        column.addWidget(self.empty)
        column.addLayout(row)
        kept.changed.connect(self._fill)
        self._fill()
        self.resize(420, 300)

    def _fill(self) -> None:
        """The list as the kept runs are (items updated in place while their number holds, so
        an item being edited is not deleted under the edit)."""
        self.list.blockSignals(True)
        if self.list.count() != len(self.kept.runs):
            row = self.list.currentRow()
            self.list.clear()
            for _ in self.kept.runs:
                item = QListWidgetItem()
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable
                              | Qt.ItemFlag.ItemIsUserCheckable)
                self.list.addItem(item)
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        for i, run in enumerate(self.kept.runs):
            item = self.list.item(i)
            item.setText(run.name)
            item.setCheckState(Qt.CheckState.Checked if run.visible
                               else Qt.CheckState.Unchecked)
            item.setForeground(QColor(run.colour).darker(130))
        self.list.blockSignals(False)
        has_runs = bool(self.kept.runs)
        self.list.setVisible(has_runs)
        self.empty.setVisible(not has_runs)
        self.remove_button.setEnabled(has_runs)
        self.remove_all.setEnabled(has_runs)

    def _item_changed(self, item: QListWidgetItem) -> None:
        index, name = self.list.row(item), item.text()
        visible = item.checkState() == Qt.CheckState.Checked
        self.kept.set_visible(index, visible)
        self.kept.rename(index, name)
        if not name.strip():  # a blank name is not taken: show the name again
            self._fill()

    def _remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.kept.runs):
            self.kept.remove(row)
