"""The GUI's side of live training: one worker session per open design, commands out,
snapshots in (fed to the panels), and what the window needs to know about the run."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal

from nnstudio.core.monitor import Snapshot
from nnstudio.design import Design
from nnstudio.gui.design_text import design_problem_tr
from nnstudio.gui.training import commands as cmd
from nnstudio.gui.training.feeder import Panel, PanelFeeder
from nnstudio.gui.training.session import WorkerSession
from nnstudio.gui.training.worker import LoadReport, WorkerFailure


class TrainingController(QObject):
    """Drives the training worker of the window's design.

    Every command is queued to the worker; the state here (`running`, `latest`) follows what
    the worker reports, except that `play` counts as running at once.
    """

    #: a Snapshot every panel has been given
    snapshotShown = Signal(object)
    runningChanged = Signal(bool)
    #: a worker.Divergence
    diverged = Signal(object)
    #: a worker.WorkerFailure: something raised in the worker, training is paused
    failed = Signal(object)
    #: a worker.LoadReport, after every new design or network (its weights problem in the
    #: user's language)
    loaded = Signal(object)
    #: a warning about the design just loaded (its training nearly fills the free memory), in
    #: the user's language; after `loaded`
    warned = Signal(str)
    #: (path, problem): the weights were saved to path ("" problem) or not
    weightsSaved = Signal(str, str)
    #: the panels show the state after every command sent so far, and training is not running
    #: (or the design cannot be trained)
    settled = Signal()
    #: (request, class probabilities (classes,) or None): the worker's answer to `predict`
    predicted = Signal(int, object)
    #: (request, Trace or None): the answer to step-through's TraceStep
    traced = Signal(int, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.feeder = PanelFeeder(self)
        self.feeder.fed.connect(self._on_fed)
        self.session: WorkerSession | None = None
        self.running = False
        self.trainable = False
        self.weights_loaded = False
        self.latest: Snapshot | None = None
        self.speed = 0.0
        self._sent = 0
        self._loaded_at = 0
        self._shown_commands = 0
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- sessions ------------------------------------------------------------------------------
    def set_panels(self, panels: list[Panel]) -> None:
        """The dashboard panels; those with an `attach(controller)` method (panels that send
        commands, such as the drawing pad) are given this controller."""
        self.feeder.set_panels(panels)
        for panel in panels:
            attach = getattr(panel, "attach", None)
            if attach is not None:
                attach(self)

    def start(self, design: Design, weights: Path | None = None) -> None:
        """Stop any current session and train `design` in a new worker thread, from the
        weights file `weights` if given."""
        self.shutdown()
        session = self.session = WorkerSession()
        self._sent = 0
        session.snapshotReady.connect(self._on_snapshot)
        session.runningChanged.connect(self._on_running)
        session.diverged.connect(self.diverged)
        session.failed.connect(self._on_failed)
        session.loaded.connect(self._on_loaded)
        session.weightsSaved.connect(self._on_weights_saved)
        session.predicted.connect(self.predicted)
        session.traced.connect(self.traced)
        self._send(cmd.SetSpeed(self.speed))
        self._load(design, weights)

    def reload(self, design: Design) -> None:
        """Train a changed network (or data) from fresh weights, in the same session."""
        if self.session is None:
            self.start(design)
        else:
            self.feeder.clear()
            self._load(design, None)

    def _load(self, design: Design, weights: Path | None) -> None:
        self.running, self.latest, self.weights_loaded = False, None, False
        path = str(design.path) if design.path is not None else ""
        self._send(cmd.Load(design.to_dict(), path, str(weights) if weights else ""))
        self._loaded_at = self._sent  # snapshots of the previous design are dropped

    def shutdown(self) -> None:
        """Stop the worker thread (waiting for it to end) and empty the panels."""
        if self.session is not None:
            self.session.close()
            self.session = None
        self.feeder.clear()
        self.running, self.trainable, self.latest = False, False, None

    # -- commands ------------------------------------------------------------------------------
    def _send(self, command: cmd.WorkerCommand) -> bool:
        """Queue one command to the worker (a counted one is counted: see `settled`); False
        when no worker is running."""
        if self.session is None:
            return False
        if command.counted:
            self._sent += 1
        self.session.send(command)
        return True

    @property
    def has_trained_weights(self) -> bool:
        """Weights that training (or a weights file) produced and a new network would lose."""
        return self.running or self.weights_loaded or (
            self.latest is not None and self.latest.step > 0)

    def play(self, steps: int = 0) -> None:
        """Train until paused or finished, or for `steps` steps."""
        self.running = self.session is not None
        self._send(cmd.Play(steps))

    def pause(self) -> None:
        self._send(cmd.Pause())

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.play()

    def step_batch(self) -> None:
        self._send(cmd.StepBatch())

    def step_epoch(self) -> None:
        self.running = self.session is not None
        self._send(cmd.StepEpoch())

    def reset(self) -> None:
        """Fresh weights from the design's seed, with its current training settings."""
        self.weights_loaded = False
        self._send(cmd.Reset())

    def set_speed(self, delay: float) -> None:
        """Seconds between steps (0: full speed)."""
        self.speed = delay
        self._send(cmd.SetSpeed(delay))

    def apply_training(self, old: dict[str, Any], new: dict[str, Any],
                       section: dict[str, Any]) -> None:
        """The design's training settings changed from `old` to `new` (both resolved):
        learning rate, batch size, epoch limit and early stopping apply now, and the raw
        `section` is kept for the next reset."""
        lr = new["optimizer"]["lr"]
        if lr != old["optimizer"]["lr"]:
            self._send(cmd.SetLearningRate(float(lr)))
        if new["batch_size"] != old["batch_size"]:
            self._send(cmd.SetBatchSize(new["batch_size"]))
        if new["epochs"] != old["epochs"]:
            self._send(cmd.SetEpochLimit(new["epochs"]))
        if new["early_stopping"] != old["early_stopping"]:
            self._send(cmd.SetEarlyStopping(new["early_stopping"]))
        self._send(cmd.SetTraining(section))

    def set_data(self, section: dict[str, Any]) -> None:
        """Train on the data `section` from now on, keeping the weights (the network is
        unchanged)."""
        self._send(cmd.SetData(section))

    def set_regularization(self, node_id: str, l1: float, l2: float) -> None:
        self._send(cmd.SetRegularization(node_id, float(l1), float(l2)))

    def save_weights(self, path: Path) -> None:
        """Write the trained weights to `path` (reported by weightsSaved)."""
        self._send(cmd.SaveWeights(str(path)))

    # -- image tasks ---------------------------------------------------------------------------
    def set_feature_sample(self, index: int) -> None:
        """Show the feature maps of held-out sample `index` (a counted command: `settled`
        follows once the panels show it)."""
        self._send(cmd.SetFeatureSample(int(index)))

    def send(self, command: cmd.WorkerCommand) -> bool:
        """Queue a command declared outside `commands.py` (step-through's); False when no
        worker is running."""
        return self._send(command)

    def predict(self, request: int, x: np.ndarray) -> bool:
        """Ask for the class probabilities of one input x (as the network sees it); the answer
        comes as `predicted(request, …)`. False when no network is being trained."""
        return self._send(cmd.Predict(request, x))

    # -- reports -------------------------------------------------------------------------------
    def _on_loaded(self, report: LoadReport) -> None:
        report = dataclasses.replace(report, weights_problem=lines_tr(report.weights_problem))
        self.trainable = report.ok
        self.weights_loaded = bool(report.weights)
        if not report.ok:
            self.running = False
            self.feeder.clear()  # before `loaded`, whose receivers may then say why
        self.loaded.emit(report)
        for warning in report.warnings:
            self.warned.emit(sentence(design_problem_tr(warning)))
        if not report.ok:
            self.settled.emit()

    def _on_weights_saved(self, path: str, problem: str) -> None:
        self.weightsSaved.emit(path, lines_tr(problem))

    def _on_failed(self, failure: WorkerFailure) -> None:
        self.running = False
        self.failed.emit(failure)

    def _on_running(self, running: bool) -> None:
        self.running = running
        self.runningChanged.emit(running)
        if not running and not self.trainable:
            self.settled.emit()

    def _on_snapshot(self, snapshot: Snapshot, commands: int) -> None:
        if commands < self._loaded_at:
            return  # taken before the design now training was loaded: nobody waits for it
        self.latest, self._shown_commands = snapshot, commands
        self.feeder.feed(snapshot)

    def _on_fed(self, snapshot: Snapshot, draws: dict[str, float]) -> None:
        if self.session is not None:
            self.session.send(cmd.Acknowledge(draws))
        self.snapshotShown.emit(snapshot)
        if not snapshot.running and self._shown_commands == self._sent:
            self.settled.emit()


def lines_tr(text: str) -> str:
    """A DesignError's text (one problem a line) in the user's language."""
    return "\n".join(design_problem_tr(line) for line in text.splitlines())


def sentence(text: str) -> str:
    """`text` begun with a capital, as a message on its own ("Training this network …")."""
    return text[:1].upper() + text[1:]
