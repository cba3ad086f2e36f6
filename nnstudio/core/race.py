"""A race: two to four trainers taking turns, one mini-batch step at a time, fairly.

Each turn (`burst` steps, 1 by default) goes to the running entrant that has had the least so
far: the fewest steps
(`fair="steps"`, every curve advances together) or the least training time (`fair="time"`, each
gets the same share of the processor whatever its batch size). A paused, finished or diverged
entrant takes no turns; one resumed later joins the others where they are, not owed the turns it
missed. The trainers are independent (their own network, optimiser and shuffling), so the order of
turns never changes a curve.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from nnstudio.core.errors import TrainingDiverged
from nnstudio.core.training import Trainer

Fairness = Literal["steps", "time"]


@dataclass(eq=False)
class Entrant:
    """One variant's trainer and its state in the race.

    seconds: training time spent in its steps; error: why it stopped (a divergence), or None.
    """

    label: str
    trainer: Trainer
    paused: bool = False
    error: str | None = None
    seconds: float = 0.0
    #: what the scheduler compares (steps or seconds, the misses of a pause not counted)
    _share: float = field(default=0.0, repr=False)

    @property
    def running(self) -> bool:
        """Takes turns: not paused, not finished, not stopped by an error."""
        return not self.paused and self.error is None and not self.trainer.finished

    @property
    def steps_per_second(self) -> float:
        """Training steps per second of its own training time (0 before its first step)."""
        return self.trainer.step_count / self.seconds if self.seconds > 0 else 0.0


class Race:
    """Entrants trained in turns; `step` gives one turn, `run` trains them all to the end."""

    def __init__(self, entrants: Sequence[Entrant], fair: Fairness = "steps",
                 clock: Callable[[], float] = time.perf_counter, burst: int = 1):
        if fair not in ("steps", "time"):
            raise ValueError(f"fair must be 'steps' or 'time', got {fair!r}")
        if burst < 1:
            raise ValueError(f"burst must be at least 1, got {burst}")
        self.entrants = list(entrants)
        self.fair = fair
        self.burst = burst  # steps per turn: fewer switches between networks
        self._clock = clock

    @property
    def running(self) -> list[Entrant]:
        return [e for e in self.entrants if e.running]

    @property
    def finished(self) -> bool:
        """No entrant takes turns any more (all finished, stopped or paused)."""
        return not self.running

    def pause(self, index: int, paused: bool = True) -> None:
        """Pause (or resume) entrant `index`; resumed, it is owed nothing for the pause."""
        entrant = self.entrants[index]
        if entrant.paused and not paused:
            others = [e._share for e in self.running]
            entrant._share = max(entrant._share, min(others, default=entrant._share))
        entrant.paused = paused

    def remove(self, index: int) -> Entrant:
        """Take entrant `index` out of the race."""
        return self.entrants.pop(index)

    def step(self) -> Entrant | None:
        """One turn (`burst` mini-batch steps, fewer if it finishes) of the running entrant
        that has had least; the entrant, or None if none runs.

        A divergence stops that entrant only (its `error` says why; its trainer holds its last
        sane weights); the others race on.
        """
        running = self.running
        if not running:
            return None
        entrant = min(running, key=lambda e: e._share)
        started = self._clock()
        steps = 0
        try:
            while steps < self.burst and not entrant.trainer.finished:
                entrant.trainer.step()
                steps += 1
        except TrainingDiverged as exc:
            entrant.error = str(exc)
        spent = self._clock() - started
        entrant.seconds += spent
        entrant._share += spent if self.fair == "time" else max(steps, 1)
        return entrant

    def run(self) -> None:
        """Train until no entrant runs any more."""
        while self.step() is not None:
            pass
