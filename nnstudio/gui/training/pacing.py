"""When the training worker takes a snapshot, and which probes it refreshes in it (no Qt).

A probe costs the worker twice: computing it (`Monitor.costs`), and waiting while the GUI draws
the panel that shows it (the worker stands still meanwhile, because a training thread competing
for Python's interpreter makes drawing several times slower and the window stutter). Both are
measured, per probe, and so is what every snapshot costs whatever it holds (crossing threads,
the status bar).

Each probe has a rate it aims for (`Probe.rate`, `core/probe_names.py`): the live pictures
(`Pace.LIVE`: the decision boundary, the fitted curve, the neuron thumbnails) and the loss many
times a second; the
statistics that change slowly (weight histograms, activations, gradient norms) a few. At full
speed, the rates must fit in `SHARE` of the worker's time: the live pictures are served first,
scaled down only if they alone would take more than `LIVE_SHARE` of it; the others share what
is left, scaled down alike, so a 60 ms CNN activation probe comes rarely and never starves the
boundary. The loss curve (and the status bar's loss) never falls below its `Probe.floor`, what
the others cost notwithstanding: a weights panel that takes 300 ms to draw must not leave the
loss chart a second and a half behind. When training is paced (a delay between steps leaves
the worker idle) the rates only have to fit in `PACED_SHARE`. Never more than `MAX_RATE`
snapshots a second.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping

from nnstudio.core.probe_names import Pace, probe

#: snapshots per second at most
MAX_RATE = 30.0
#: the largest share of the worker's time that snapshots (probes and drawing) may take
SHARE = 0.1
#: the same when training is paced, leaving the worker idle between steps
PACED_SHARE = 0.5
#: a probe's floor rate (Probe.floor) is taken off the share before the others' rates, as
#: long as the floors take at most FLOOR_SHARE of the share
FLOOR_SHARE = 0.5
#: the live pictures (Pace.LIVE), served first, may take up to LIVE_SHARE of the share
LIVE_SHARE = 0.6
#: a snapshot taken anyway also refreshes the probes this far through their pause (which
#: keeps probes of similar rates in step, and saves snapshots)
RIDE_ALONG = 0.7
#: how fast a cost estimate comes down after a slow measurement
SMOOTHING = 0.3


def _follow(old: float, new: float) -> float:
    """A cost estimate that follows a rise at once and a fall gradually."""
    return max(new, (1 - SMOOTHING) * old + SMOOTHING * new)


class ProbePacer:
    """Decides, at time `now` (seconds), which probes a snapshot should refresh, if any."""

    def __init__(self, max_rate: float = MAX_RATE, share: float = SHARE):
        self.min_interval = 1.0 / max_rate
        self.share = share
        #: seconds one refresh of each probe costs the worker: computing it and drawing it
        self.costs: dict[str, float] = {}
        #: seconds every snapshot costs the worker whatever it holds
        self.base = 0.0
        self._draw: dict[str, float] = {}
        self._compute: dict[str, float] = {}
        self._last_snapshot = -math.inf
        self._last: dict[str, float] = {}
        self._overhead = 0.0

    def reset(self) -> None:
        """Forget when probes were refreshed: the next snapshot is due at once, with all."""
        self._last_snapshot = -math.inf
        self._last.clear()

    def rates(self, probes: Collection[str], full_speed: bool = True) -> dict[str, float]:
        """Refreshes per second for each of `probes`: the target rates, scaled down to fit the
        share — the live pictures first, within `LIVE_SHARE` of it, the others in what is
        left — but never below their `Probe.floor`: a probe that would fall below its floor
        gets the floor, taken off the share first. Snapshots come at the pace of the fastest
        probe, so that many times a second they also cost `base`."""
        share = self.share if full_speed else PACED_SHARE
        floored: dict[str, float] = {}
        while True:
            left = share - sum(r * self.costs.get(p, 0.0) for p, r in floored.items())
            rates = self._shared_rates([p for p in probes if p not in floored], left)
            low = {p: self._floor(p, share) for p in rates
                   if probe(p).floor and rates[p] < self._floor(p, share)}
            if not low:
                return {**rates, **floored}
            floored.update(low)

    def _floor(self, name: str, share: float) -> float:
        """Probe `name`'s floor rate, lowered so that it costs at most FLOOR_SHARE of `share`."""
        cost = self.costs.get(name, 0.0)
        floor = probe(name).floor
        return min(floor, FLOOR_SHARE * share / cost) if cost > 0 else floor

    def _shared_rates(self, probes: Collection[str], share: float) -> dict[str, float]:
        """The target rates of `probes` scaled down to fit `share` (see `rates`)."""
        live = [p for p in probes if probe(p).pace is Pace.LIVE]
        rest = [p for p in probes if probe(p).pace is not Pace.LIVE]
        rates: dict[str, float] = {}
        share = left = max(share, 0.0)
        for group, room in ((live, LIVE_SHARE * share), (rest, None)):
            if not group:
                continue
            target = {p: probe(p).rate for p in group}
            spend = sum(r * self.costs.get(p, 0.0) for p, r in target.items())
            if not rates:  # the first group served sets the snapshots' pace
                spend += min(max(target.values()), 1 / self.min_interval) * self.base
            room = left if room is None else min(room, left)
            scale = min(1.0, room / spend) if spend > 0 else 1.0
            left -= scale * spend
            rates.update((p, r * scale) for p, r in target.items())
        return rates

    def due(self, now: float, probes: Collection[str], full_speed: bool = True) -> set[str]:
        """The probes a snapshot taken now should refresh: empty when no snapshot is due."""
        if now - self._last_snapshot < self.min_interval:
            return set()
        waited = {p: (now - self._last.get(p, -math.inf)) * rate
                  for p, rate in self.rates(probes, full_speed).items()}
        if not any(w >= 1 for w in waited.values()):
            return set()
        return {p for p, w in waited.items() if w >= RIDE_ALONG}

    def taken(self, now: float, fresh: Collection[str], compute: Mapping[str, float],
              seconds: float) -> None:
        """A snapshot was taken at `now` in `seconds`, refreshing the probes `fresh`, which
        took `compute` seconds each (Monitor.costs)."""
        self._last_snapshot = now
        for p in fresh:
            self._last[p] = now
            self._compute[p] = compute.get(p, 0.0)
            self._update(p)
        self._overhead = max(0.0, seconds - sum(self._compute[p] for p in fresh))

    def drawn(self, seconds: float, draws: Mapping[str, float]) -> None:
        """The GUI took `seconds` from the snapshot's sending to its acknowledgement, of which
        `draws` went to drawing each probe's panels."""
        for p, s in draws.items():
            self._draw[p] = _follow(self._draw.get(p, 0.0), s)
            self._update(p)
        fixed = self._overhead + max(0.0, seconds - sum(draws.values()))
        self.base = _follow(self.base, fixed)

    def _update(self, probe: str) -> None:
        self.costs[probe] = self._compute.get(probe, 0.0) + self._draw.get(probe, 0.0)
