"""Changing the design's data as one undoable step, the network following the data.

Every data change (a choice, a setting, a feature, a drawn point, an import) becomes one undo
macro: the new data section, the Input node's shape, and, when the user accepts the offer, the
output layer's units and the loss. Data that must be loaded to know its shape is loaded off the
GUI thread first; if it cannot be loaded, the design is left as it was and the reason is
reported. Drawn points are known without loading, so their edits apply at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from nnstudio.data import DataError, Dataset, resolve_spec
from nnstudio.design.check_sections import data_spec
from nnstudio.design.edit import DataShape, fit_to_data
from nnstudio.gui.commands import SetParams, SetSection
from nnstudio.gui.data.loader import DataLoader
from nnstudio.gui.data.prompts import describe_fit
from nnstudio.gui.model import DesignModel


def shape_of(dataset: Dataset) -> DataShape:
    return DataShape(tuple(dataset.input_shape), dataset.task, dataset.num_outputs)


def points_shape(section: Mapping[str, Any]) -> DataShape:
    """The shape of drawn points without loading them; DataError if the section is bad."""
    resolved = resolve_spec(section)
    return DataShape((len(resolved["features"]),), "classification", resolved["classes"])


class DataEditor(QObject):
    """Applies data sections to `model` through `undo_stack`.

    ask_fit(text) -> bool: whether to also fit the output layer and loss (the offer in words).
    `failed(message)` fires when a section is refused; `applied()` after each change.
    """

    failed = Signal(str)
    applied = Signal()

    def __init__(self, model: DesignModel, undo_stack: QUndoStack, loader: DataLoader,
                 ask_fit: Callable[[str], bool], parent: QObject | None = None):
        super().__init__(parent)
        self.model, self.undo_stack, self.loader = model, undo_stack, loader
        self.ask_fit = ask_fit
        #: the section being loaded before it is applied (None when none is)
        self.pending: dict[str, Any] | None = None
        #: the task of the data the design holds now (for the loss offer), once known
        self.task: str | None = None
        self.applying = False

    def current(self) -> dict[str, Any]:
        """The data section edits build on: the one being loaded, else the design's (with
        the design's default source when it names none)."""
        if self.pending is not None:
            return dict(self.pending)
        return data_spec(self.model.design.section("data") or {})

    def change(self, section: dict[str, Any], text: str) -> None:
        """Make `section` the design's data (one undo step named `text`) once it is known to
        load; drawn points at once. The design's own section again changes nothing."""
        if section == (self.model.design.section("data") or {}):
            self.cancel()
            return
        if section.get("source") == "points":
            self.cancel()
            try:
                shape = points_shape(section)
            except DataError as exc:
                self.failed.emit(str(exc))
                return
            self._push(section, text, shape)
            return
        self.pending = section
        self.loader.load("edit", section, self.model.design.base_dir,
                         lambda dataset, problem: self._loaded(section, text, dataset, problem))

    def cancel(self) -> None:
        """Drop the change being loaded (the design changed under it)."""
        self.pending = None
        self.loader.cancel("edit")

    def _loaded(self, section: dict[str, Any], text: str, dataset: Dataset | None,
                problem: str) -> None:
        self.pending = None
        if dataset is None:
            self.failed.emit(problem)
            return
        self._push(section, text, shape_of(dataset))

    def _push(self, section: dict[str, Any], text: str, shape: DataShape) -> None:
        model = self.model
        loss = model.design.training["loss"]
        fit = fit_to_data(model.network, loss, shape, self.task)
        accepted = fit.offers and self.ask_fit(describe_fit(fit, shape))
        self.applying = True
        try:
            self.undo_stack.beginMacro(text)
            self.undo_stack.push(SetSection(model, "data", section, text))
            if fit.input_params is not None:
                self.undo_stack.push(SetParams(model, *fit.input_params))
            if accepted and fit.output_params is not None:
                self.undo_stack.push(SetParams(model, *fit.output_params))
            if accepted and fit.loss is not None:
                training = model.design.section("training") or {}
                self.undo_stack.push(SetSection(model, "training",
                                                {**training, "loss": fit.loss}))
            self.undo_stack.endMacro()
        finally:
            self.applying = False
        self.task = shape.task
        self.applied.emit()
