"""When the training worker takes a snapshot, and which probes it recomputes in it (no Qt).

Snapshots go out at most `MAX_RATE` times a second. Each probe is refreshed only as often as
keeps the time spent on all probes under `PROBE_SHARE` of the worker's time: a probe that took
c seconds last time waits c·n/share seconds (n probes) before it is computed again. Cheap probes
therefore follow every snapshot while a CNN's 60 ms activation statistics come every second or
two, and training keeps most of the thread.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping

#: snapshots per second at most
MAX_RATE = 30.0
#: the largest share of the worker's time the probes may take while training runs
PROBE_SHARE = 0.08


class ProbePacer:
    """Decides, at time `now` (seconds), whether a snapshot is due and which probes it needs."""

    def __init__(self, max_rate: float = MAX_RATE, share: float = PROBE_SHARE):
        self.interval = 1.0 / max_rate
        self.share = share
        self._last_snapshot = -math.inf
        self._last: dict[str, float] = {}

    def reset(self) -> None:
        """Forget every time: the next snapshot is due at once and refreshes every probe."""
        self._last_snapshot = -math.inf
        self._last.clear()

    def snapshot_due(self, now: float) -> bool:
        return now - self._last_snapshot >= self.interval

    def probes_due(self, now: float, probes: Collection[str], costs: Mapping[str, float]
                   ) -> set[str]:
        """The probes whose pause since their last refresh has run out."""
        n = max(len(probes), 1)
        return {p for p in probes
                if now - self._last.get(p, -math.inf)
                >= max(self.interval, costs.get(p, 0.0) * n / self.share)}

    def taken(self, now: float, fresh: Collection[str]) -> None:
        """A snapshot was taken at `now`, recomputing the probes `fresh`."""
        self._last_snapshot = now
        for p in fresh:
            self._last[p] = now
