"""One training session: a TrainingWorker in its own QThread, and the GUI's end of the wires.

`send(command)` passes a `commands.WorkerCommand`; Qt queues it into the worker's thread, where
the commands are carried out in the order sent. The worker's reports come back through the
session, which drops any that arrive after `close` (a closed session's last snapshot must not
reach the panels of the next design).

Every session stays referenced here until it is closed, and the ones still open when Python
exits are closed then: a QThread destroyed while running aborts the process, so a window that
vanishes without being closed must not take its running thread down with it.
"""

from __future__ import annotations

import atexit

from PySide6.QtCore import QObject, QThread, Signal, Slot

from nnstudio.gui.training.collector import collect_in_gui_thread
from nnstudio.gui.training.commands import WorkerCommand
from nnstudio.gui.training.worker import TrainingWorker

_open: set[WorkerSession] = set()


@atexit.register
def close_all() -> None:
    """Close every session still open."""
    for session in list(_open):
        session.close()


class WorkerSession(QObject):
    """Starts a worker thread at once; `close()` stops it and waits for it to end."""

    # -- commands, queued to the worker ------------------------------------------------------
    _command = Signal(object)
    _stop = Signal()

    # -- reports, from the worker ------------------------------------------------------------
    snapshotReady = Signal(object, int)
    runningChanged = Signal(bool)
    diverged = Signal(object)
    failed = Signal(object)
    loaded = Signal(object)
    weightsSaved = Signal(str, str)
    predicted = Signal(int, object)
    traced = Signal(int, object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        collect_in_gui_thread()  # never in the worker: it would destroy GUI objects there
        self.closed = False
        self.worker_thread = QThread()
        self.worker_thread.setObjectName("nnstudio training")
        self.worker = TrainingWorker()
        self.worker.moveToThread(self.worker_thread)
        self._command.connect(self.worker.run)
        self._stop.connect(self.worker.stop)
        self.worker.snapshotReady.connect(self._on_snapshot)
        self.worker.runningChanged.connect(self._on_running)
        self.worker.diverged.connect(self._on_diverged)
        self.worker.failed.connect(self._on_failed)
        self.worker.loaded.connect(self._on_loaded)
        self.worker.weightsSaved.connect(self._on_weights_saved)
        self.worker.predicted.connect(self._on_predicted)
        self.worker.traced.connect(self._on_traced)
        _open.add(self)
        self.worker_thread.start()

    def send(self, command: WorkerCommand) -> None:
        """Queue `command` to the worker, after those sent before it."""
        self._command.emit(command)

    # Slots of this GUI-thread object, so Qt queues the worker's reports into the GUI thread.
    @Slot(object, int)
    def _on_snapshot(self, snapshot: object, commands: int) -> None:
        if not self.closed:
            self.snapshotReady.emit(snapshot, commands)

    @Slot(bool)
    def _on_running(self, running: bool) -> None:
        if not self.closed:
            self.runningChanged.emit(running)

    @Slot(object)
    def _on_diverged(self, divergence: object) -> None:
        if not self.closed:
            self.diverged.emit(divergence)

    @Slot(object)
    def _on_failed(self, failure: object) -> None:
        if not self.closed:
            self.failed.emit(failure)

    @Slot(object)
    def _on_loaded(self, report: object) -> None:
        if not self.closed:
            self.loaded.emit(report)

    @Slot(str, str)
    def _on_weights_saved(self, path: str, problem: str) -> None:
        if not self.closed:
            self.weightsSaved.emit(path, problem)

    @Slot(int, object)
    def _on_predicted(self, request: int, probabilities: object) -> None:
        if not self.closed:
            self.predicted.emit(request, probabilities)

    @Slot(int, object)
    def _on_traced(self, request: int, trace: object) -> None:
        if not self.closed:
            self.traced.emit(request, trace)

    def close(self) -> None:
        """Stop the worker after the commands already sent, and wait for its thread to end."""
        if self.closed:
            return
        self.closed = True
        self._stop.emit()
        self.worker_thread.wait()
        _open.discard(self)
