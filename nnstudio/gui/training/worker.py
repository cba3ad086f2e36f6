"""The training worker: the only owner of the Trainer and its Monitor, living in its own QThread.

The GUI drives it with commands (`commands.py`: one frozen dataclass each), queued to its `run`
slot, which carries each out by the handler its type has in `COMMANDS`; the GUI never touches
the network.
Training runs in slices: a timer runs steps for at most `SLICE_SECONDS`, then returns to the
thread's event loop, so commands (pause, a new learning rate, stop) are handled between any two
slices. In slow motion the timer fires once per step, `delay` seconds apart.

Snapshots are flow-controlled: after emitting one the worker takes no other until the GUI calls
`acknowledge`, so the GUI never falls behind on a queue of stale snapshots, and nothing is lost
meanwhile (the losses since the last snapshot accumulate in the Monitor). Until then training
also stands still: the GUI draws the panels in Python too, and with a training thread competing
for the interpreter that drawing takes several times longer and the window stutters. The
`ProbePacer` decides which probes each snapshot refreshes (the decision boundary many times a
second, the weight histograms once or twice), from what each costs to compute here and to draw
there (the GUI reports it with the acknowledgement), so that all of it costs training a bounded
share of its time.
"""

from __future__ import annotations

import functools
import json
import math
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from nnstudio.core.errors import NNStudioError, TrainingDiverged
from nnstudio.core.image_probes import class_probabilities
from nnstudio.core.monitor import Monitor
from nnstudio.core.training import EarlyStopping, Trainer
from nnstudio.data import Dataset
from nnstudio.design import Design, DesignError
from nnstudio.design.build import build_network
from nnstudio.design.edit import find_node
from nnstudio.design.footprint import largest_batch
from nnstudio.design.trainer import load_design_data
from nnstudio.design.weights import load_weights, save_weights
from nnstudio.gui.training import commands as cmd
from nnstudio.gui.training.commands import CommandTable, WorkerCommand
from nnstudio.gui.training.pacing import ProbePacer

#: the longest a slice of training keeps the worker's event loop waiting
SLICE_SECONDS = 0.015
#: in slow motion at least this many milliseconds apart, every step gets a full snapshot
STEP_BY_STEP_MS = 30


@dataclass(frozen=True)
class Divergence:
    """The loss became NaN/Inf (or, `blown_up`, its smoothed value `loss` stayed far above its
    best) at `epoch` (1-based, the one in progress), `step` (the step that failed) with
    `learning_rate`. The weights are back to a checkpoint taken after `restored_step` steps,
    when the smoothed loss was `restored_loss` (nan if unknown); `suggested_learning_rate` was
    tried from there and lowers the loss (None: no lower rate did)."""

    loss: float
    epoch: int
    step: int
    learning_rate: float
    blown_up: bool = False
    restored_step: int = 0
    restored_loss: float = math.nan
    suggested_learning_rate: float | None = None

    @classmethod
    def of(cls, exc: TrainingDiverged) -> Divergence:
        return cls(exc.loss, exc.epoch, exc.step, exc.learning_rate, exc.blown_up,
                   exc.restored_step, exc.restored_loss, exc.suggested_learning_rate)


@dataclass(frozen=True)
class WorkerFailure:
    """Something raised in the worker while `doing` one of its jobs: "step" (a training step),
    "record" (noting a step's statistics), "snapshot" (the dashboards' probes), or a command's
    name (`WorkerCommand.name`: "predict", "save_weights", "set_data", …). Training is paused
    with the weights as they were; `summary` is the exception in one line, `details` its full
    traceback."""

    doing: str
    summary: str
    details: str

    @classmethod
    def of(cls, doing: str, exc: BaseException) -> WorkerFailure:
        text = str(exc).strip().splitlines()
        summary = f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__
        return cls(doing, summary, "".join(traceback.format_exception(exc)))


@dataclass(frozen=True)
class LoadReport:
    """The outcome of `TrainingWorker.load`: `problem` says why the design cannot be trained
    ("" when it can); `weights` is the weights file loaded ("" if none), `weights_problem` why
    the one given was not loaded; `dataset` the design's data (read only), None if it failed;
    `warnings` what the built network warns of (its training nearly fills the free memory)."""

    problem: str = ""
    weights: str = ""
    weights_problem: str = ""
    dataset: Dataset | None = None
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problem


def _data_key(design: Design) -> str:
    """What identifies a design's data: its data section and the folder paths start from."""
    return json.dumps([design.data, str(design.base_dir)], sort_keys=True)


def guarded(slot: Callable[..., None]) -> Callable[..., None]:
    """A slot that never lets an exception escape into Qt's event loop (where it would stop
    training without a word): training pauses and `failed` says what happened."""
    @functools.wraps(slot)
    def safe(self: TrainingWorker, *args: Any) -> None:
        try:
            slot(self, *args)
        except Exception as exc:  # reported to the user, with its traceback
            self._fail(slot.__name__, exc)
    return safe


#: what the training worker does with each command
COMMANDS = CommandTable()


class TrainingWorker(QObject):
    """Owns one design's Trainer and Monitor; `run` carries out the GUI's commands."""

    #: (Snapshot, commands handled before it); the next one follows only after `acknowledge`
    snapshotReady = Signal(object, int)
    #: training started (True) or stopped: paused, finished, a step target reached, diverged
    runningChanged = Signal(bool)
    #: a Divergence: training paused and the weights of a checkpoint with a sane loss are back
    diverged = Signal(object)
    #: a LoadReport, after every `load`
    loaded = Signal(object)
    #: (path, problem): the weights were written to path ("" problem) or not
    weightsSaved = Signal(str, str)
    #: (request, class probabilities (classes,) or None): the answer to `predict`
    predicted = Signal(int, object)
    #: a WorkerFailure: something raised; training is paused, the weights are kept
    failed = Signal(object)
    #: (request, Trace or None): the answer to step-through's TraceStep (gui/stepthrough)
    traced = Signal(int, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._home = QThread.currentThread()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._tick)
        self._design: Design | None = None
        self._data: tuple[str, Dataset] | None = None
        self.trainer: Trainer | None = None
        self.monitor: Monitor | None = None
        self._run = 0
        self._delay = 0.0
        self._running = False
        self._interval_ms = 0
        self._next_tick = 0.0
        self._sent_at = 0.0
        self._stop_step: int | None = None
        self._stop_epoch: int | None = None
        self._pacer = ProbePacer()
        self._awaiting_ack = False
        self._dirty = False
        self._clock_from = 0.0
        #: how many counted commands this worker has handled
        self.commands = 0

    @Slot(object)
    def run(self, command: WorkerCommand) -> None:
        """Carry out `command` by its type's handler. A counted command is counted first (every
        snapshot carries the count); an exception is reported as `failed`, never raised into
        Qt's event loop (where it would stop training without a word)."""
        handler = COMMANDS.handler(command)
        if command.counted:
            self.commands += 1
        try:
            if handler is None:
                raise TypeError(f"the training worker has no handler for {command!r}")
            handler(self, command)
        except Exception as exc:  # reported to the user, with its traceback
            self._fail(command.name(), exc)

    # -- the design ----------------------------------------------------------------------------
    @COMMANDS.handles(cmd.Load)
    def load(self, command: cmd.Load) -> None:
        """Train the design `command.doc` from now on (cmd.Load)."""
        doc, path, weights = command.doc, command.path, command.weights
        self._halt(publish=False)
        self.trainer = self.monitor = self._design = None
        self._awaiting_ack = False  # the GUI drops whatever was in flight when it sends a design
        try:
            design = Design.from_dict(doc, draft=True)
            design.path = path or None
            self._design = design
            trainer, dataset = self._build(design)
        except (NNStudioError, ValueError) as exc:
            self.loaded.emit(LoadReport(problem=str(exc), dataset=self._loaded_data()))
            return
        loaded, problem = "", ""
        if weights:
            try:
                load_weights(trainer.network, weights)
                trainer.load_state(trainer.network.state_dict())
                loaded = weights
            except DesignError as exc:
                problem = str(exc)
        self.loaded.emit(LoadReport(weights=loaded, weights_problem=problem, dataset=dataset,
                                    warnings=tuple(trainer.network.warnings)))
        self._publish()

    def _build(self, design: Design) -> tuple[Trainer, Dataset]:
        """A fresh Trainer (weights from the design's seed) for `design`, and its data (loaded
        first, so that the memory estimate counts the batches the data really makes)."""
        dataset = self._dataset(design)
        samples = max(len(dataset.x_train), len(dataset.x_val), len(dataset.x_test))
        network = build_network(design, batch_size=largest_batch(design.training["batch_size"],
                                                                 samples))
        self.trainer = trainer = Trainer(network, dataset, design.training)
        self._run += 1
        self.monitor = Monitor(trainer, run=self._run)
        self._pacer.reset()
        return trainer, dataset

    def _dataset(self, design: Design) -> Dataset:
        """The design's data, loaded once and kept while the data section stays the same."""
        key = _data_key(design)
        if self._data is None or self._data[0] != key:
            self._data = (key, load_design_data(design))
        return self._data[1]

    def _loaded_data(self) -> Dataset | None:
        """The current design's data if it loaded (a network that cannot take it still shows
        it), else None."""
        design, data = self._design, self._data
        if design is None or data is None or data[0] != _data_key(design):
            return None
        return data[1]

    # -- running -------------------------------------------------------------------------------
    @COMMANDS.handles(cmd.Play)
    def play(self, command: cmd.Play) -> None:
        """Train until paused or finished, or for `command.steps` steps when steps > 0."""
        steps = command.steps
        if self.trainer is None or self.trainer.finished:
            self.runningChanged.emit(False)
            self._publish()
            return
        self._stop_step = self.trainer.step_count + steps if steps > 0 else None
        self._stop_epoch = None
        self._start(self._delay)

    @COMMANDS.handles(cmd.Pause)
    def pause(self, command: cmd.Pause) -> None:
        self._halt()

    @COMMANDS.handles(cmd.StepBatch)
    def step_batch(self, command: cmd.StepBatch) -> None:
        """Exactly one mini-batch update, then paused."""
        self._halt()
        if self.trainer is not None:
            self._clock_from = time.perf_counter()
            self._train(lambda: True)
            self._publish()

    @COMMANDS.handles(cmd.StepEpoch)
    def step_epoch(self, command: cmd.StepEpoch) -> None:
        """Train at full speed to the end of the current epoch, then pause."""
        self._halt()
        if self.trainer is not None:
            self._stop_step, self._stop_epoch = None, self.trainer.epoch + 1
            self._start(0.0)

    @COMMANDS.handles(cmd.Reset)
    def reset(self, command: cmd.Reset) -> None:
        """Re-initialise the weights with the design's seed and its current training settings."""
        self._restart()

    def _restart(self) -> None:
        """A fresh Trainer for the current design, announced as a LoadReport."""
        self._halt(publish=False)
        if self._design is None:
            return
        try:
            _, dataset = self._build(self._design)
        except (NNStudioError, ValueError) as exc:
            self.trainer = self.monitor = None
            self.loaded.emit(LoadReport(problem=str(exc)))
            return
        self.loaded.emit(LoadReport(dataset=dataset))
        self._publish()

    def _start(self, delay: float) -> None:
        self._running, self._interval_ms = True, round(delay * 1000)
        self._next_tick = self._clock_from = time.perf_counter()
        self.runningChanged.emit(True)
        self._publish()
        self._resume()

    def _resume(self) -> None:
        """Schedule the next slice, unless paused or the GUI is still drawing."""
        if self._running and not self._awaiting_ack:
            wait = self._next_tick - time.perf_counter()
            self._timer.start(max(0, round(wait * 1000)))

    def _halt(self, publish: bool = True) -> None:
        """Stop training (announcing it, and showing where it stopped unless `publish` is
        False because a new network follows) and forget any step target."""
        self._stop_step = self._stop_epoch = None
        if self._running:
            self._running = False
            self._timer.stop()
            self.runningChanged.emit(False)
            if publish:
                self._publish()

    @property
    def running(self) -> bool:
        return self._running

    @guarded
    def _tick(self) -> None:
        start = time.perf_counter()
        self._next_tick = start + self._interval_ms / 1000
        slow = self._interval_ms > 0
        self._train(lambda: slow or time.perf_counter() >= start + SLICE_SECONDS)
        if self._running and self._target_reached():
            self._halt()
        elif self._running:
            self._publish()
            self._resume()

    def _train(self, slice_over: Callable[[], bool]) -> None:
        """Steps until `slice_over()` or a target; a divergence or any other exception
        pauses and is reported (`diverged`, `failed`)."""
        trainer, monitor = self.trainer, self.monitor
        if trainer is None or monitor is None:
            return
        doing = "step"
        try:
            while True:
                start = time.perf_counter()
                doing = "step"
                loss = trainer.step()
                doing = "record"
                end = time.perf_counter()
                monitor.record(loss, end - start, end - self._clock_from)
                self._clock_from = end
                if self._target_reached() or slice_over():
                    return
        except TrainingDiverged as exc:
            monitor.note_divergence(exc)  # the loss curve marks it
            self._halt()
            self.diverged.emit(Divergence.of(exc))
        except Exception as exc:  # reported to the user, with its traceback
            self._fail(doing, exc)

    def _fail(self, doing: str, exc: Exception) -> None:
        """Pause, keeping the weights, and report `exc`; then show where training stopped
        (unless taking that snapshot is what failed), or, when it left no network to train
        (a load that failed half-way), say so as a LoadReport problem."""
        self._halt(publish=False)
        failure = WorkerFailure.of(doing, exc)
        self.failed.emit(failure)
        if self.trainer is None:
            self.monitor = None
            self.loaded.emit(LoadReport(problem=failure.summary, dataset=self._loaded_data()))
        elif doing != "snapshot":
            self._publish()

    def _target_reached(self) -> bool:
        """Stepping an epoch ends with the epoch (even past the limit); playing ends when the
        trainer has finished or the step target is reached."""
        t = self.trainer
        if t is None:
            return True
        if self._stop_epoch is not None:
            return t.epoch >= self._stop_epoch
        return t.finished or (self._stop_step is not None and t.step_count >= self._stop_step)

    # -- live settings -------------------------------------------------------------------------
    @COMMANDS.handles(cmd.SetLearningRate)
    def set_learning_rate(self, command: cmd.SetLearningRate) -> None:
        if self.trainer is not None:
            self.trainer.learning_rate = command.lr
            self._publish()

    @COMMANDS.handles(cmd.SetBatchSize)
    def set_batch_size(self, command: cmd.SetBatchSize) -> None:
        if self.trainer is not None:
            self.trainer.batch_size = int(command.size)
            self._publish()

    @COMMANDS.handles(cmd.SetRegularization)
    def set_regularization(self, command: cmd.SetRegularization) -> None:
        """A Dense/Conv2D node's L1/L2 strength, from the next step on (and after a reset)."""
        node_id, l1, l2 = command.node_id, command.l1, command.l2
        if self._design is not None:
            params = find_node(self._design.network, node_id).setdefault("params", {})
            params.update(l1=l1, l2=l2)
        if self.trainer is not None:
            self.trainer.set_regularization(node_id, l1, l2)

    @COMMANDS.handles(cmd.SetEpochLimit)
    def set_epoch_limit(self, command: cmd.SetEpochLimit) -> None:
        if self.trainer is not None:
            self.trainer.epochs = int(command.epochs)
            self._publish()

    @COMMANDS.handles(cmd.SetEarlyStopping)
    def set_early_stopping(self, command: cmd.SetEarlyStopping) -> None:
        """False, True or {"patience": …}: from the end of the current epoch on."""
        if self.trainer is not None:
            self.trainer.early_stopping = EarlyStopping.from_spec(command.spec)

    @COMMANDS.handles(cmd.SetData)
    def set_data(self, command: cmd.SetData) -> None:
        """Train on the data `section` from the next step on, keeping the weights (a live edit
        that leaves the network as it is: drawn points, noise, samples…). Data the network
        cannot take are reported as a LoadReport problem, as a design that cannot train."""
        if self._design is None:
            return
        self._design.set_section("data", command.section)
        if self.trainer is None:  # the old data could not train: try afresh
            self._restart()
            return
        try:
            data = self._dataset(self._design)
            self.trainer.set_data(data)
        except (NNStudioError, ValueError) as exc:
            self._halt(publish=False)
            self.trainer = self.monitor = None
            self.loaded.emit(LoadReport(problem=str(exc)))
            return
        self.monitor = Monitor(self.trainer, run=self._run)
        self.loaded.emit(LoadReport(dataset=data))
        self._publish()

    @COMMANDS.handles(cmd.SetTraining)
    def set_training(self, command: cmd.SetTraining) -> None:
        """The design's training section, used from the next reset on (loss, optimiser, seed…)."""
        if self._design is not None:
            self._design.set_section("training", command.section)

    @COMMANDS.handles(cmd.SetSpeed)
    def set_speed(self, command: cmd.SetSpeed) -> None:
        """Seconds between steps: 0 is full speed, more is slow motion, one step per tick."""
        self._delay = max(0.0, float(command.delay))
        if self._running and self._stop_epoch is None:
            self._interval_ms = round(self._delay * 1000)

    # -- weights -------------------------------------------------------------------------------
    @COMMANDS.handles(cmd.SaveWeights)
    def save_weights(self, command: cmd.SaveWeights) -> None:
        path = command.path
        if self.trainer is None:
            self.weightsSaved.emit(path, self.tr("There is no trained network to save."))
            return
        try:
            save_weights(self.trainer.network, Path(path))
        except (DesignError, OSError) as exc:
            self.weightsSaved.emit(path, str(exc))
            return
        self.weightsSaved.emit(path, "")

    # -- image tasks ---------------------------------------------------------------------------
    @COMMANDS.handles(cmd.SetFeatureSample)
    def set_feature_sample(self, command: cmd.SetFeatureSample) -> None:
        """Show the feature maps of held-out sample `index` from the next snapshot on (one
        comes at once when training is not running)."""
        if self.monitor is not None:
            self.monitor.set_feature_sample(command.index)
            self._publish()

    @COMMANDS.handles(cmd.Predict)
    def predict(self, command: cmd.Predict) -> None:
        """The current network's class probabilities (classes,) for one input x (any shape
        with as many values as the network's input, as the Trainer reshapes the data), between
        two steps, as `predicted(request, probabilities)`; None when there is no classifier,
        it takes inputs of another size, or the prediction failed (reported as `failed`).
        Not a counted command: it changes nothing a snapshot shows."""
        probabilities = None
        try:
            probabilities = self._class_probabilities(command.x)
        except Exception as exc:  # reported to the user, with its traceback
            self._fail(command.name(), exc)
        self.predicted.emit(command.request, probabilities)

    def _class_probabilities(self, x: object) -> np.ndarray | None:
        trainer = self.trainer
        if trainer is None or not trainer.classification:
            return None
        shape = trainer.network.input_shape
        x = np.asarray(x, dtype=trainer.network.dtype)
        if x.size != math.prod(shape):
            return None
        probabilities = class_probabilities(trainer.network, x.reshape(1, *shape))[0]
        probabilities.flags.writeable = False
        return probabilities

    # -- snapshots -----------------------------------------------------------------------------
    @COMMANDS.handles(cmd.Acknowledge)
    def acknowledge(self, command: cmd.Acknowledge) -> None:
        """The GUI has drawn the last snapshot, spending `draws` seconds on each probe's
        panels: training goes on, and the next may go."""
        self._awaiting_ack = False
        if self._running:
            self._pacer.drawn(time.perf_counter() - self._sent_at, command.draws)
            self._resume()
        elif self._dirty:
            self._publish()

    def _publish(self) -> None:
        """Send a snapshot if the GUI is ready for one and one is due; otherwise remember that
        the state changed. A snapshot while training runs refreshes the probes that are due
        (none due: no snapshot); one taken at rest or step by step in slow motion refreshes
        them all. Training waits until the GUI has drawn it."""
        self._dirty = True
        monitor = self.monitor
        if self._awaiting_ack or monitor is None:
            return
        now = time.perf_counter()
        refresh = None
        if self._running and self._interval_ms < STEP_BY_STEP_MS:
            refresh = self._pacer.due(now, monitor.probes, full_speed=self._interval_ms == 0)
            if not refresh:
                return
        try:
            snapshot = monitor.snapshot(self._running, refresh)
        except Exception as exc:  # reported to the user, with its traceback
            self._fail("snapshot", exc)
            return
        self._sent_at = time.perf_counter()
        self._pacer.taken(now, snapshot.fresh, monitor.costs, self._sent_at - now)
        self._awaiting_ack, self._dirty = True, False
        self._timer.stop()
        self.snapshotReady.emit(snapshot, self.commands)

    # -- the end -------------------------------------------------------------------------------
    @Slot()
    def stop(self) -> None:
        """End this worker: stop training, hand the object back to the thread that made it and
        end this thread's event loop (commands sent before this one have all been carried out)."""
        self._timer.stop()
        self.trainer = self.monitor = self._design = self._data = None
        self.moveToThread(self._home)
        QThread.currentThread().quit()


# step-through's commands register themselves in COMMANDS (gui/stepthrough/worker_hooks.py)
from nnstudio.gui.stepthrough import worker_hooks  # noqa: E402, F401
