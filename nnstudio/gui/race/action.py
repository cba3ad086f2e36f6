"""Training ▸ Race Variants… (make variants in a dialog) and Training ▸ Open Saved Race (the
design's race section, as a lesson saves it); a race window's Save in Design writes its
variants into the design's race section, as an undoable command."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from nnstudio.design.document import Design
from nnstudio.design.race import Variant, race_section, race_variants
from nnstudio.gui.commands import SetSection
from nnstudio.gui.model import DesignModel
from nnstudio.gui.race.maker import RaceMaker
from nnstudio.gui.race.view import RaceWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("RaceAction", text)


class RaceActions(QObject):
    """The two actions, and the race windows they opened (each closes its own thread)."""

    def __init__(self, window: QWidget, model: DesignModel, undo_stack: QUndoStack):
        super().__init__(window)
        self.window, self.model, self.undo_stack = window, model, undo_stack
        self.make_action = QAction(_tr("&Race Variants…"), window)
        self.make_action.setToolTip(_tr("Train two to four variants of this design side by "
                                        "side"))
        self.make_action.triggered.connect(self.make)
        self.saved_action = QAction(_tr("Open Saved &Race"), window)
        self.saved_action.setToolTip(_tr("Race the variants saved in this design"))
        self.saved_action.triggered.connect(self.open_saved)
        model.sectionChanged.connect(self._refresh)
        model.modelReset.connect(self._refresh)
        self._refresh()
        self.windows: list[RaceWindow] = []

    @property
    def design(self) -> Design:
        return self.model.design

    def make(self) -> RaceWindow | None:
        """The race of the variants made in the dialog (None when it is cancelled)."""
        maker = RaceMaker(self.design, self.window)
        if maker.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.show(maker.variants)

    def open_saved(self) -> RaceWindow | None:
        """The race of the design's saved variants (None when it has none)."""
        variants = race_variants(self.design.to_dict())
        return self.show(variants) if variants else None

    def show(self, variants: Sequence[Variant]) -> RaceWindow:
        race = RaceWindow(self.design, variants, self.window, save=self.save)
        race.resize(1200, 800)
        race.show()
        self.windows = [w for w in self.windows if w.isVisible()] + [race]
        return race

    def save(self, variants: Sequence[Variant]) -> None:
        """Write `variants` into the design's race section (undoable)."""
        self.undo_stack.push(SetSection(self.model, "race", race_section(variants),
                                        _tr("Save race")))

    def _refresh(self, *_: object) -> None:
        self.saved_action.setEnabled(bool(race_variants(self.design.to_dict())))


def install_race_actions(window: QWidget, model: DesignModel,
                         undo_stack: QUndoStack) -> list[QAction]:
    """Give `window` the race actions (window.race_actions); returns them for a menu."""
    actions = RaceActions(window, model, undo_stack)
    window.race_actions = actions  # type: ignore[attr-defined]
    return [actions.make_action, actions.saved_action]
