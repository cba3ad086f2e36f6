"""The GUI's side of live training: one worker session per open design, commands out,
snapshots in (fed to the panels), and what the window needs to know about the run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from nnstudio.core.monitor import Snapshot
from nnstudio.design import Design
from nnstudio.gui.training.feeder import Panel, PanelFeeder
from nnstudio.gui.training.session import WorkerSession
from nnstudio.gui.training.worker import LoadReport


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
    #: a worker.LoadReport, after every new design or network
    loaded = Signal(object)
    #: (path, problem): the weights were saved to path ("" problem) or not
    weightsSaved = Signal(str, str)
    #: training stopped and the panels show its final state (or the design cannot train)
    settled = Signal()

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
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- sessions ------------------------------------------------------------------------------
    def set_panels(self, panels: list[Panel]) -> None:
        self.feeder.set_panels(panels)

    def start(self, design: Design, weights: Path | None = None) -> None:
        """Stop any current session and train `design` in a new worker thread, from the
        weights file `weights` if given."""
        self.shutdown()
        session = self.session = WorkerSession()
        session.snapshotReady.connect(self._on_snapshot)
        session.runningChanged.connect(self._on_running)
        session.diverged.connect(self.diverged)
        session.loaded.connect(self._on_loaded)
        session.weightsSaved.connect(self.weightsSaved)
        session.set_speed.emit(self.speed)
        self._load(design, weights)

    def reload(self, design: Design) -> None:
        """Train a changed network (or data) from fresh weights, in the same session."""
        if self.session is None:
            self.start(design)
            return
        self.feeder.clear()
        self._load(design, None)

    def _load(self, design: Design, weights: Path | None) -> None:
        self.running, self.latest, self.weights_loaded = False, None, False
        path = str(design.path) if design.path is not None else ""
        self.session.load.emit(design.to_dict(), path, str(weights) if weights else "")

    def shutdown(self) -> None:
        """Stop the worker thread (waiting for it to end) and empty the panels."""
        if self.session is not None:
            self.session.close()
            self.session = None
        self.feeder.clear()
        self.running, self.trainable, self.latest = False, False, None

    # -- commands ------------------------------------------------------------------------------
    @property
    def has_trained_weights(self) -> bool:
        """Weights that training (or a weights file) produced and a new network would lose."""
        return self.running or self.weights_loaded or (
            self.latest is not None and self.latest.step > 0)

    def play(self, steps: int = 0) -> None:
        """Train until paused or finished, or for `steps` steps."""
        if self.session is not None:
            self.running = True
            self.session.play.emit(steps)

    def pause(self) -> None:
        if self.session is not None:
            self.session.pause.emit()

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.play()

    def step_batch(self) -> None:
        if self.session is not None:
            self.session.step_batch.emit()

    def step_epoch(self) -> None:
        if self.session is not None:
            self.running = True
            self.session.step_epoch.emit()

    def reset(self) -> None:
        """Fresh weights from the design's seed, with its current training settings."""
        if self.session is not None:
            self.weights_loaded = False
            self.session.reset.emit()

    def set_speed(self, delay: float) -> None:
        """Seconds between steps (0: full speed)."""
        self.speed = delay
        if self.session is not None:
            self.session.set_speed.emit(delay)

    def apply_training(self, old: dict[str, Any], new: dict[str, Any],
                       section: dict[str, Any]) -> None:
        """The design's training settings changed from `old` to `new` (both resolved):
        learning rate, batch size, epoch limit and early stopping apply now, and the raw
        `section` is kept for the next reset."""
        session = self.session
        if session is None:
            return
        lr = new["optimizer"]["lr"]
        if lr != old["optimizer"]["lr"]:
            session.set_learning_rate.emit(float(lr))
        if new["batch_size"] != old["batch_size"]:
            session.set_batch_size.emit(new["batch_size"])
        if new["epochs"] != old["epochs"]:
            session.set_epoch_limit.emit(new["epochs"])
        if new["early_stopping"] != old["early_stopping"]:
            session.set_early_stopping.emit(new["early_stopping"])
        session.set_training.emit(section)

    def set_regularization(self, node_id: str, l1: float, l2: float) -> None:
        if self.session is not None:
            self.session.set_regularization.emit(node_id, float(l1), float(l2))

    def save_weights(self, path: Path) -> None:
        """Write the trained weights to `path` (reported by weightsSaved)."""
        if self.session is not None:
            self.session.save_weights.emit(str(path))

    # -- reports -------------------------------------------------------------------------------
    def _on_loaded(self, report: LoadReport) -> None:
        self.trainable = report.ok
        self.weights_loaded = bool(report.weights)
        self.loaded.emit(report)
        if not report.ok:
            self.running = False
            self.feeder.clear()
            self.settled.emit()

    def _on_running(self, running: bool) -> None:
        self.running = running
        self.runningChanged.emit(running)
        if not running and not self.trainable:
            self.settled.emit()

    def _on_snapshot(self, snapshot: Snapshot) -> None:
        self.latest = snapshot
        self.feeder.feed(snapshot)

    def _on_fed(self, snapshot: Snapshot) -> None:
        if self.session is not None:
            self.session.acknowledge.emit()
        self.snapshotShown.emit(snapshot)
        if not snapshot.running and not self.running:
            self.settled.emit()
