"""Hands each snapshot to the dashboard panels, one panel per turn of the GUI's event loop.

Drawing every panel in one go could hold the GUI thread for the sum of their drawing times;
one at a time, with the event loop running in between, the longest the GUI waits is the
slowest single panel (each panel's repaint, which Qt does a turn later, gets a turn of its
own too). `fed` comes once the last panel has been painted. A panel that sees a new
`Snapshot.run` is cleared first, so its curves start again after a reset or a new network.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from nnstudio.core.monitor import Snapshot

#: event-loop turns after the last panel's update, for Qt to repaint it
PAINT_TURNS = 2


class Panel(Protocol):
    """What the feeder needs of a dashboard panel."""

    title: str

    def show_snapshot(self, snapshot: Snapshot) -> None: ...
    def clear(self) -> None: ...
    def set_data(self, dataset: object) -> None: ...


class PanelFeeder(QObject):
    #: every panel has been given this snapshot
    fed = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.panels: list[Panel] = []
        self._waiting: list[Panel] = []
        self._paint_turns = 0
        self._snapshot: Snapshot | None = None
        self._run: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def set_panels(self, panels: Sequence[Panel]) -> None:
        self.panels = list(panels)

    @property
    def busy(self) -> bool:
        """A snapshot is still being handed out."""
        return self._snapshot is not None

    def feed(self, snapshot: Snapshot) -> None:
        """Give `snapshot` to every panel (clearing them first if it starts a new run)."""
        if snapshot.run != self._run:
            self._run = snapshot.run
            for panel in self.panels:
                panel.clear()
        self._snapshot = snapshot
        self._waiting = list(self.panels)
        self._paint_turns = PAINT_TURNS
        self._timer.start()

    def clear(self) -> None:
        """Drop the snapshot being handed out and empty every panel."""
        self._timer.stop()
        self._snapshot, self._waiting, self._run = None, [], None
        for panel in self.panels:
            panel.clear()

    def _next(self) -> None:
        snapshot = self._snapshot
        if snapshot is None:
            return
        if not self._waiting:
            if self._paint_turns:
                self._paint_turns -= 1
                self._timer.start()
                return
            self._snapshot = None
            self.fed.emit(snapshot)
            return
        panel = self._waiting.pop(0)
        try:
            panel.show_snapshot(snapshot)
        finally:  # a failing panel must not stop the others, nor training's snapshots
            self._timer.start()
