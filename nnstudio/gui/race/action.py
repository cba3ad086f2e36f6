"""Training ▸ Race Variants…: race the design's saved variants, or make them in a dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from nnstudio.design.document import Design
from nnstudio.design.race import Variant, race_variants
from nnstudio.gui.race.maker import RaceMaker
from nnstudio.gui.race.view import RaceWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("RaceAction", text)


class RaceActions(QObject):
    """The action, and the race windows it opened (each closes its own thread)."""

    def __init__(self, window: QWidget, design_of: Callable[[], Design]):
        super().__init__(window)
        self.window = window
        self.design_of = design_of
        self.action = QAction(_tr("&Race Variants…"), window)
        self.action.setToolTip(_tr("Train two to four variants of this design side by side"))
        self.action.triggered.connect(self.open)
        self.windows: list[RaceWindow] = []

    def open(self) -> RaceWindow | None:
        """The race window: of the design's saved race, else of the variants made in the
        dialog (None when it is cancelled)."""
        design = self.design_of()
        variants = race_variants(design.to_dict())
        if not variants:
            maker = RaceMaker(design, self.window)
            if maker.exec() != QDialog.DialogCode.Accepted:
                return None
            variants = maker.variants
        return self.show(design, variants)

    def show(self, design: Design, variants: list[Variant]) -> RaceWindow:
        race = RaceWindow(design, variants, self.window)
        race.resize(1200, 800)
        race.show()
        self.windows = [w for w in self.windows if w.isVisible()] + [race]
        return race


def install_race_action(window: QWidget, design_of: Callable[[], Design]) -> QAction:
    """Give `window` the Race Variants… action (design_of() the design to race)."""
    actions = RaceActions(window, design_of)
    window.race_actions = actions  # type: ignore[attr-defined]
    return actions.action
