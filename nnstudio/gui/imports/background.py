"""Running a load off the GUI thread, with progress and a Cancel that stops it mid-file."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from nnstudio.data import DataError

#: a loader's progress callback: the fraction done, in [0, 1]
Progress = Callable[[float], None]


class Cancelled(Exception):
    """Raised inside the worker by the progress callback once Cancel was pressed."""


class BackgroundLoad(QObject):
    """Runs `job(progress)` on a thread of its own pool, one job at a time (started at once,
    not from the event loop, and never queued behind other work, so `wait()` only waits
    for the job itself).

    progressed(fraction) arrives on the GUI thread while it runs; then exactly one of
    loaded(result), failed(message) (a DataError's text, or the unexpected error's) or
    cancelled(), even when the job dies of something no `except Exception` catches. While
    failed() is handled, `details` holds the traceback of an unexpected error ("" for a
    DataError). `cancel()` makes the job's next progress call raise Cancelled, so a loader
    that reports progress stops within one chunk of its file.
    """

    progressed = Signal(float)
    loaded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    _outcome = Signal(str, object, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.details = ""
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self._outcome.connect(self._report)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.destroyed.connect(self._stop.set)

    @property
    def busy(self) -> bool:
        return not self._idle.is_set()

    def start(self, job: Callable[[Progress], Any]) -> None:
        """Run `job` in a worker thread; the previous job must have finished."""
        if self.busy:
            raise RuntimeError("a load is already running")
        self._stop.clear()
        self._idle.clear()
        self._pool.start(lambda: self._run(job))

    def cancel(self) -> None:
        self._stop.set()

    def wait(self, seconds: float = 30.0) -> bool:
        """Block until the running job (if any) has returned; False on timeout."""
        return self._idle.wait(seconds)

    def _progress(self, fraction: float) -> None:
        if self._stop.is_set():
            raise Cancelled
        self.progressed.emit(min(max(float(fraction), 0.0), 1.0))

    def _run(self, job: Callable[[Progress], Any]) -> None:
        outcome: tuple[str, object, str] = (
            "failed", self.tr("The load stopped without saying why."), "")
        try:
            outcome = self._outcome_of(job)
        finally:
            try:
                self._outcome.emit(*outcome)
            except RuntimeError:
                pass  # the owner was deleted meanwhile: nobody is waiting for the outcome
            finally:
                self._idle.set()

    def _outcome_of(self, job: Callable[[Progress], Any]) -> tuple[str, object, str]:
        """(kind, value, details) of running `job`: ("loaded", result, ""), ("cancelled",
        None, ""), or ("failed", message, traceback of an unexpected error or "")."""
        try:
            result = job(self._progress)
        except Cancelled:
            return "cancelled", None, ""
        except DataError as exc:
            return "failed", str(exc), ""
        except MemoryError:
            return "failed", self.tr("not enough memory to load this data"), ""
        except Exception as exc:  # a bug must still reach the user as a message
            return "failed", f"{type(exc).__name__}: {exc}", traceback.format_exc()
        return ("cancelled", None, "") if self._stop.is_set() else ("loaded", result, "")

    def _report(self, kind: str, value: object, details: str) -> None:
        if kind == "loaded":
            self.loaded.emit(value)
        elif kind == "failed":
            self.details = details
            self.failed.emit(str(value))
            self.details = ""
        else:
            self.cancelled.emit()
