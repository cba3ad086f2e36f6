"""When the training worker takes a snapshot, and which probes it recomputes in it (no Qt).

A snapshot costs the worker twice: computing its probes, and waiting while the GUI draws it
(the worker stands still meanwhile, because a training thread competing for Python's
interpreter makes drawing the panels several times slower and the window stutter). Both are
measured. At full speed snapshots are spaced so that together they take at most `SHARE` of
the worker's time; when training is paced (a delay between steps leaves the worker idle most of
the time) they only need to not overlap. Never more than `MAX_RATE` a second. Each probe is
also refreshed only as often as its own cost allows (c seconds → every c·n/SHARE seconds for n
probes), so a CNN's 60 ms activation statistics come every second or two while the loss and the
boundary follow every snapshot.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping

#: snapshots per second at most
MAX_RATE = 30.0
#: the largest share of the worker's time that snapshots (probes and drawing) may take
SHARE = 0.1
#: how fast the estimate of a snapshot's cost comes down after a slow one
SMOOTHING = 0.3


class ProbePacer:
    """Decides, at time `now` (seconds), whether a snapshot is due and which probes it needs."""

    def __init__(self, max_rate: float = MAX_RATE, share: float = SHARE):
        self.min_interval = 1.0 / max_rate
        self.share = share
        self.cost = 0.0  # seconds one snapshot costs the worker, probes and drawing (smoothed)
        self._probe_seconds = 0.0
        self._last_snapshot = -math.inf
        self._last: dict[str, float] = {}

    def reset(self) -> None:
        """Forget when probes were refreshed: the next snapshot is due at once, with all."""
        self._last_snapshot = -math.inf
        self._last.clear()

    def interval(self, full_speed: bool = True) -> float:
        """Seconds between snapshots while training runs (at full speed, or paced)."""
        return max(self.min_interval, self.cost / self.share if full_speed else self.cost)

    def snapshot_due(self, now: float, full_speed: bool = True) -> bool:
        return now - self._last_snapshot >= self.interval(full_speed)

    def probes_due(self, now: float, probes: Collection[str], costs: Mapping[str, float]
                   ) -> set[str]:
        """The probes whose pause since their last refresh has run out."""
        n = max(len(probes), 1)
        return {p for p in probes
                if now - self._last.get(p, -math.inf)
                >= max(self.min_interval, costs.get(p, 0.0) * n / self.share)}

    def taken(self, now: float, fresh: Collection[str], seconds: float) -> None:
        """A snapshot was taken at `now` in `seconds`, recomputing the probes `fresh`."""
        self._last_snapshot = now
        self._probe_seconds = seconds
        for p in fresh:
            self._last[p] = now

    def drawn(self, seconds: float) -> None:
        """The GUI took `seconds` to draw the last snapshot. The cost estimate follows a rise
        at once and a fall gradually, so a slow snapshot is never repeated too soon."""
        total = self._probe_seconds + seconds
        self.cost = max(total, (1 - SMOOTHING) * self.cost + SMOOTHING * total)
