"""Hands each snapshot to the dashboard panels, one panel per turn of the GUI's event loop.

Drawing every panel in one go could hold the GUI thread for the sum of their drawing times;
one at a time, with the event loop running in between, the longest the GUI waits is the
slowest single panel. Each panel's repaint, which Qt does a turn or two later, gets those turns
before the next panel starts, so it is painted alone and its cost is measured whole. A panel
that names the probes it shows (`probes`) is only given snapshots in which one of them is
fresh: a snapshot that only refreshes the decision boundary costs the boundary's drawing and
nothing else. `fed` comes once the last panel has been painted, with what each probe's panels
took. A panel that sees a new `Snapshot.run` is cleared first, so its curves start again after
a reset or a new network.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from nnstudio.core.monitor import Snapshot
from nnstudio.data import Dataset

#: event-loop turns after a panel's update, for Qt to repaint it
PAINT_TURNS = 2


class Panel(Protocol):
    """What the feeder needs of a dashboard panel. It may also name the probes it shows in a
    `probes` attribute (a set of Snapshot.fresh names); one without is given every snapshot."""

    title: str

    def show_snapshot(self, snapshot: Snapshot) -> None: ...
    def clear(self) -> None: ...
    def set_data(self, dataset: Dataset | None) -> None: ...


def shows(panel: Panel, fresh: frozenset[str]) -> str | None:
    """The probe `panel` would draw from a snapshot refreshing `fresh` ("" for a panel that
    names none), or None when it has nothing new to draw."""
    probes = getattr(panel, "probes", None)
    if probes is None:
        return ""
    return next((p for p in sorted(probes) if p in fresh), None)


class PanelFeeder(QObject):
    #: (snapshot, {probe: seconds}): every panel has been given this snapshot, and drawing
    #: each probe's panels took that long, painting included
    fed = Signal(object, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.panels: list[Panel] = []
        self._waiting: list[tuple[Panel, str]] = []
        self._current: tuple[str, float] | None = None
        self._draws: dict[str, float] = {}
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
        """Give `snapshot` to the panels with something fresh in it: every panel when training
        is not running or a new run starts (clearing them first), else those whose probes
        it refreshed."""
        every = not snapshot.running or snapshot.run != self._run
        if snapshot.run != self._run:
            self._run = snapshot.run
            for panel in self.panels:
                panel.clear()
        self._waiting = []
        for panel in self.panels:
            probe = shows(panel, snapshot.fresh)
            if probe is not None or every:
                self._waiting.append((panel, probe or ""))
        self._snapshot, self._current, self._draws = snapshot, None, {}
        self._paint_turns = 0
        self._timer.start()

    def clear(self) -> None:
        """Drop the snapshot being handed out and empty every panel."""
        self._timer.stop()
        self._snapshot, self._waiting, self._run, self._current = None, [], None, None
        for panel in self.panels:
            panel.clear()

    def _next(self) -> None:
        snapshot = self._snapshot
        if snapshot is None:
            return
        if self._paint_turns:  # Qt repaints the last panel
            self._paint_turns -= 1
            self._timer.start()
            return
        if self._current is not None:
            probe, start = self._current
            if probe:
                self._draws[probe] = self._draws.get(probe, 0.0) + time.perf_counter() - start
            self._current = None
        if not self._waiting:
            self._snapshot = None
            self.fed.emit(snapshot, self._draws)
            return
        panel, probe = self._waiting.pop(0)
        self._current, self._paint_turns = (probe, time.perf_counter()), PAINT_TURNS
        try:
            panel.show_snapshot(snapshot)
        finally:  # a failing panel must not stop the others, nor training's snapshots
            self._timer.start()
