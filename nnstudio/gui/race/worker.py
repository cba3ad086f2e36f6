"""The race worker: a design's variants trained in turns in their own QThread, never the GUI's.

The worker owns the Race (`nnstudio.design.race`); the GUI sends commands as queued signals
(`RaceSession`) and gets back immutable `RaceSnapshot`s, so it only draws. The worker stands
still from sending a snapshot until the GUI acknowledges drawing it (a training thread competing
for Python's interpreter makes drawing several times slower and the window stutter: see
gui/training/pacing.py), and trains long enough between two snapshots that they take at most
SHARE of its time (SNAPSHOT_EVERY seconds at least). Anything raised in the worker reaches the
GUI as `failed(message)`, with the race paused.
"""

from __future__ import annotations

import atexit
import time
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from nnstudio.core import probes
from nnstudio.core.race import Entrant, Race
from nnstudio.design.document import Design
from nnstudio.design.errors import DesignError
from nnstudio.design.race import Variant, build_race

#: training time per timer tick before the worker looks at its queued commands again
SLICE_SECONDS = 0.03
#: the least training time between two snapshots (seconds)
SNAPSHOT_EVERY = 0.1
#: the largest share of the worker's time snapshots take: computing them and waiting while the
#: GUI draws them
SHARE = 0.08
#: steps per turn of a variant (fewer switches between networks; a turn takes milliseconds)
BURST = 8
#: a decision grid of this many cells a side per variant (2-D data only)
GRID_RESOLUTION = 40
#: history keys a curve is drawn from, in this order
CURVE_KEYS = ("train_loss", "validation_loss", "train_accuracy", "validation_accuracy")


@dataclass(frozen=True, eq=False)
class EntrantView:
    """What the GUI draws of one variant: epochs (n,), curves (n, 4) in CURVE_KEYS order (nan
    where absent), its counters and state, its decision grid (2-D data) or None, and the
    gradient flow of its weight layers (input first)."""

    label: str
    epochs: np.ndarray
    curves: np.ndarray
    epoch: int
    step: int
    steps_per_second: float
    paused: bool
    finished: bool
    error: str | None
    grid: probes.DecisionGrid | None
    gradients: tuple[probes.GradientFlow, ...]


@dataclass(frozen=True, eq=False)
class RaceSnapshot:
    """The race at one moment: a view per variant, in race order; `running` while training;
    `classification` whether accuracy curves exist; points (n, 2) and labels (n,) of the
    training data for the boundary thumbnails (2-D data), else None."""

    entrants: tuple[EntrantView, ...]
    running: bool
    classification: bool
    points: np.ndarray | None
    labels: np.ndarray | None


class RaceWorker(QObject):
    """Lives in the race thread; its slots are the commands."""

    snapshotReady = Signal(object)
    failed = Signal(str)
    loaded = Signal(str)  # "" when the race was built, else why not

    def __init__(self) -> None:
        super().__init__()
        self.race: Race | None = None
        self._running = False
        self._next = 0.0  # when the next snapshot is due (perf_counter seconds)
        self._sent_at = 0.0
        self._cost = 0.0  # seconds the last snapshot took to compute
        self._drawing = False  # a snapshot sent and not yet acknowledged
        self._owed = False  # a snapshot held back while the GUI drew the last
        self._timer: QTimer | None = None

    def _ensure_timer(self) -> QTimer:
        if self._timer is None:  # made in the worker's thread, on its first command
            self._timer = QTimer(self)
            self._timer.setInterval(0)
            self._timer.timeout.connect(self._tick)
        return self._timer

    @Slot(object, str, object)
    def load(self, doc: dict[str, Any], path: str, variants: list[Variant]) -> None:
        """Build the race of `variants` of the design `doc` (its file `path`, or "")."""
        self._halt()
        self.race = None
        self._drawing = self._owed = False
        try:
            design = Design.from_dict(doc)
            design.path = path or None
            self.race = build_race(design, variants)
            self.race.burst = BURST
        except DesignError as exc:
            self.loaded.emit(str(exc))
            return
        except Exception as exc:  # what the design checks did not foresee
            self.loaded.emit(f"{type(exc).__name__}: {exc}")
            return
        self.loaded.emit("")
        self._publish()

    @Slot()
    def play(self) -> None:
        if self.race is not None and not self.race.finished:
            self._running = True
            self._ensure_timer().start()
        self._publish()

    @Slot()
    def pause(self) -> None:
        self._halt()
        self._publish()

    @Slot(int, bool)
    def pause_variant(self, index: int, paused: bool) -> None:
        if self.race is not None and 0 <= index < len(self.race.entrants):
            self.race.pause(index, paused)
            if not paused and self._running:
                self._ensure_timer().start()
        self._publish()

    @Slot(int)
    def remove_variant(self, index: int) -> None:
        if self.race is not None and 0 <= index < len(self.race.entrants):
            self.race.remove(index)
        self._publish()

    @Slot()
    def acknowledge(self) -> None:
        """The GUI drew the last snapshot: one held back meanwhile goes now, else training
        goes on, until the next snapshot is due."""
        if not self._drawing:
            return
        self._drawing = False
        now = time.perf_counter()
        spent = self._cost + now - self._sent_at
        self._next = now + max(SNAPSHOT_EVERY, spent / SHARE - spent)
        if self._owed:
            self._publish()
        elif self._running:
            self._ensure_timer().start()

    @Slot()
    def stop(self) -> None:
        """End of the session: stop training and leave the thread's event loop."""
        self._halt()
        self.race = None
        thread = self.thread()
        thread.quit()

    def _halt(self) -> None:
        self._running = False
        if self._timer is not None:
            self._timer.stop()

    def _tick(self) -> None:
        race = self.race
        if race is None or not self._running:
            self._halt()
            return
        if self._drawing:  # stand still while the GUI draws: acknowledge starts again
            self._ensure_timer().stop()
            return
        try:
            until = time.perf_counter() + SLICE_SECONDS
            while time.perf_counter() < until and race.step() is not None:
                pass
            if race.finished:
                self._halt()
            if not self._running or time.perf_counter() >= self._next:
                self._publish()
        except Exception as exc:  # a bug or a resource problem: the user hears of it
            self._halt()
            text = str(exc).strip().splitlines()
            self.failed.emit(f"{type(exc).__name__}: {text[0]}" if text
                             else type(exc).__name__)

    def _publish(self) -> None:
        race = self.race
        if race is None:
            return
        if self._drawing:
            self._owed = True
            return
        started = time.perf_counter()
        self._drawing, self._owed = True, False
        first = race.entrants[0].trainer if race.entrants else None
        two_d = first is not None and first.network.input_shape == (2,)
        points = labels = None
        if two_d and first is not None:
            points, labels = first.samples("train")
        running = self._running and not race.finished
        snapshot = RaceSnapshot(tuple(_view(e, two_d) for e in race.entrants), running,
                                bool(first is not None and first.classification), points,
                                labels)
        self._sent_at = time.perf_counter()
        self._cost = self._sent_at - started
        self.snapshotReady.emit(snapshot)


def _view(entrant: Entrant, two_d: bool) -> EntrantView:
    trainer = entrant.trainer
    history = trainer.history
    epochs = np.array([h["epoch"] for h in history], dtype=np.float64)
    curves = np.array([[h.get(k, np.nan) for k in CURVE_KEYS] for h in history],
                      dtype=np.float64).reshape(len(history), len(CURVE_KEYS))
    grid = None
    if two_d:
        x = trainer.samples("train")[0]
        lo, hi = x.min(axis=0) - 0.5, x.max(axis=0) + 0.5
        grid = probes.decision_grid(trainer.network, (float(lo[0]), float(hi[0])),
                                    (float(lo[1]), float(hi[1])), GRID_RESOLUTION,
                                    task=cast(probes.Task, trainer.data.task))
    return EntrantView(entrant.label, epochs, curves, trainer.epoch, trainer.step_count,
                       entrant.steps_per_second, entrant.paused, trainer.finished,
                       entrant.error, grid, tuple(probes.gradient_flow(trainer.network)))


_open: set[RaceSession] = set()


@atexit.register
def close_all() -> None:
    """Close every race session still open (a running QThread must not be destroyed)."""
    for session in list(_open):
        session.close()


class RaceSession(QObject):
    """A RaceWorker in its own thread, and the GUI's end of the wires; `close` stops it."""

    load = Signal(object, str, object)
    play = Signal()
    pause = Signal()
    pause_variant = Signal(int, bool)
    remove_variant = Signal(int)
    acknowledge = Signal()
    _stop = Signal()

    snapshotReady = Signal(object)
    failed = Signal(str)
    loaded = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.closed = False
        self.thread_ = QThread()
        self.thread_.setObjectName("nnstudio race")
        self.worker = RaceWorker()
        self.worker.moveToThread(self.thread_)
        for name in ("load", "play", "pause", "pause_variant", "remove_variant", "acknowledge"):
            getattr(self, name).connect(getattr(self.worker, name))
        self._stop.connect(self.worker.stop)
        self.worker.snapshotReady.connect(self._on_snapshot)
        self.worker.failed.connect(self._on_failed)
        self.worker.loaded.connect(self._on_loaded)
        _open.add(self)
        self.thread_.start()

    @Slot(object)
    def _on_snapshot(self, snapshot: object) -> None:
        if not self.closed:
            self.snapshotReady.emit(snapshot)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        if not self.closed:
            self.failed.emit(message)

    @Slot(str)
    def _on_loaded(self, problem: str) -> None:
        if not self.closed:
            self.loaded.emit(problem)

    def close(self) -> None:
        """Stop the worker after the commands already sent and wait for its thread."""
        if self.closed:
            return
        self.closed = True
        self._stop.emit()
        self.thread_.wait()
        _open.discard(self)
