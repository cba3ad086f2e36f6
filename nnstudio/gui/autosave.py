"""Autosave of the open design, and its recovery after a crash.

Each window keeps one session in the autosave folder (`settings.data_folder()/autosave`),
named by a session id, so windows and processes never write each other's files:

- `<id>.lock`: a QLockFile holding the process id, held while the window is open;
- `<id>.json`: the design as last autosaved (written atomically by `Design.save`);
- `<id>.npz`: its trained weights, written by the training worker;
- `<id>.origin`: where the design came from, `{"path": "<file>" | null}`.

The design is written a moment after each edit and every minute (while there are unsaved
changes or trained weights). A clean close removes the session. A session whose design is
there but whose lock no live process holds was left by a crash (or put off with "Later"):
`find_orphans` lists them, newest first, for the recovery offer.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QDateTime, QLockFile, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from nnstudio.design import Design
from nnstudio.design.io import atomic_write, remove_stale_temporaries
from nnstudio.gui import settings
from nnstudio.gui.model import DesignModel

#: how often the open design is autosaved (milliseconds)
INTERVAL_MS = 60_000
#: how long after an edit it is autosaved (milliseconds; edits in between wait together)
EDIT_DELAY_MS = 2_000
FOLDER_NAME = "autosave"


def autosave_folder() -> Path:
    """The folder of every window's autosaved design."""
    return settings.data_folder() / FOLDER_NAME


def is_autosave_file(path: str | os.PathLike[str]) -> bool:
    """Whether `path` lies in the autosave folder (an autosave, not the user's file)."""
    return Path(path).absolute().parent == autosave_folder().absolute()


class WeightsSource(Protocol):
    """The training side: whether it holds trained weights, and writing them to a file."""

    trainable: bool

    @property
    def has_trained_weights(self) -> bool: ...

    def save_weights(self, path: Path) -> None: ...


@dataclass(frozen=True)
class Session:
    """The files of one window's autosave: `folder`/`id`.*"""

    folder: Path
    id: str

    @classmethod
    def new(cls, folder: Path) -> Session:
        return cls(folder, f"{os.getpid()}-{uuid.uuid4().hex[:8]}")

    def file(self, suffix: str) -> Path:
        return self.folder / f"{self.id}{suffix}"

    @property
    def design(self) -> Path:
        return self.file(".json")

    @property
    def weights(self) -> Path:
        return self.file(".npz")

    @property
    def origin(self) -> Path:
        return self.file(".origin")

    @property
    def lock(self) -> Path:
        return self.file(".lock")

    def remove_files(self) -> None:
        """Delete the autosaved design, its weights and its origin (not the lock)."""
        for path in (self.design, self.weights, self.origin):
            with contextlib.suppress(OSError):
                path.unlink()


def take_lock(path: Path) -> QLockFile | None:
    """The lock at `path` held by us, or None when a live process holds it (or it cannot be
    written). A lock left by a process that died is taken over."""
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # held for as long as the window is open
    return lock if lock.tryLock(0) else None


def write_autosave(design: Design, session: Session) -> None:
    """Write `design` to the session's file, data paths still finding their files, and note
    where it came from; the design itself keeps its own path. DesignError if it fails."""
    session.folder.mkdir(parents=True, exist_ok=True)
    copy = Design(design.to_dict(), design.path)
    copy.save(session.design)
    origin = json.dumps({"path": str(design.path) if design.path is not None else None})
    atomic_write(session.origin, lambda f: f.write(origin.encode("utf-8")))


def read_origin(session: Session) -> Path | None:
    """The file the autosaved design came from (None: untitled, or the note is unreadable)."""
    try:
        path = json.loads(session.origin.read_text(encoding="utf-8")).get("path")
    except (OSError, ValueError, AttributeError):
        return None
    return Path(path) if isinstance(path, str) and path else None


def relocated(design: Design, path: Path | None) -> Design:
    """`design` (read from an autosave) as if it lived at `path`, so Save writes there and
    its relative data paths resolve from there."""
    if path is None:
        return Design(design.to_dict(), None)
    return Design(design._rebased(path.parent), path.absolute())


@dataclass
class Orphan:
    """An autosave whose window is gone, last written at `mtime` (seconds since the epoch); we
    hold its lock until it is recovered, discarded or put off."""

    session: Session
    lock: QLockFile
    mtime: float

    @property
    def saved(self) -> QDateTime:
        """When the design was last autosaved."""
        return QDateTime.fromSecsSinceEpoch(int(self.mtime))

    def design(self) -> Design:
        """The autosaved design where it was being edited; DesignError when it is damaged."""
        loaded = Design.load(self.session.design, draft=True)
        return relocated(loaded, read_origin(self.session))

    def discard(self) -> None:
        """Delete it for good."""
        self.session.remove_files()
        self.lock.unlock()

    def put_off(self) -> None:
        """Keep it for the next start ("Later")."""
        self.lock.unlock()


def find_orphans(folder: Path) -> list[Orphan]:
    """The autosaves in `folder` that no open window owns, newest first (their locks taken).
    What a crash left with nothing autosaved (a lock, half-written temporaries) is removed."""
    orphans = []
    for lock_file in folder.glob("*.lock"):
        session = Session(folder, lock_file.stem)
        if not session.design.is_file() and (lock := take_lock(lock_file)) is not None:
            remove_stale_temporaries(session.design)
            remove_stale_temporaries(session.weights)
            lock.unlock()
    for design in folder.glob("*.json"):
        session = Session(folder, design.stem)
        try:
            mtime = design.stat().st_mtime
        except OSError:
            continue
        lock = take_lock(session.lock)
        if lock is not None:
            orphans.append(Orphan(session, lock, mtime))
    return sorted(orphans, key=lambda o: o.mtime, reverse=True)


class Autosaver(QObject):
    """Autosaves `model`'s design (and `weights`' trained weights) for one window.

    `undo_stack` says when there are unsaved changes and when an edit was made. `failed(text)`
    tells why an autosave could not be written (once per reason in a row).
    """

    failed = Signal(str)

    def __init__(self, model: DesignModel, undo_stack: QUndoStack, weights: WeightsSource,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.model, self.undo_stack, self.weights = model, undo_stack, weights
        self.session = Session.new(autosave_folder())
        self._lock: QLockFile | None = None
        self._last_problem = ""
        self._periodic = QTimer(self)
        self._periodic.setInterval(INTERVAL_MS)
        self._periodic.timeout.connect(self.save_now)
        self._after_edit = QTimer(self)
        self._after_edit.setSingleShot(True)
        self._after_edit.setInterval(EDIT_DELAY_MS)
        self._after_edit.timeout.connect(self.save_now)
        undo_stack.indexChanged.connect(self._schedule)
        undo_stack.cleanChanged.connect(self._schedule)

    @property
    def active(self) -> bool:
        """Whether this window's session is ours (its lock held)."""
        return self._lock is not None

    def start(self) -> bool:
        """Take this window's session and start autosaving; False (reported by `failed`) when
        the autosave folder cannot be written."""
        try:
            self.session.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._report(self.tr("Autosave is off: cannot create {folder}: {reason}").format(
                folder=self.session.folder, reason=exc.strerror or exc))
            return False
        self._lock = take_lock(self.session.lock)
        if self._lock is None:
            self._report(self.tr("Autosave is off: cannot write in {folder}").format(
                folder=self.session.folder))
            return False
        self._periodic.start()
        return True

    def needs_saving(self) -> bool:
        """Whether there is anything a crash would lose: unsaved changes or trained weights."""
        return not self.undo_stack.isClean() or (self.weights.trainable
                                                 and self.weights.has_trained_weights)

    def save_now(self) -> bool:
        """Autosave the design now (and ask the worker for its weights); with nothing to lose,
        remove the old autosave instead. True when the autosave is up to date."""
        self._after_edit.stop()
        if not self.active:
            return False
        if not self.needs_saving():
            self.session.remove_files()
            return True
        try:
            write_autosave(self.model.design, self.session)
        except Exception as exc:  # a timer's slot: whatever failed is told, never raised
            self._report(self.tr("Autosave failed: {problem}").format(problem=exc))
            return False
        self._last_problem = ""
        if self.weights.trainable and self.weights.has_trained_weights:
            self.weights.save_weights(self.session.weights)
        else:
            with contextlib.suppress(OSError):
                self.session.weights.unlink()
        return True

    def adopt(self, orphan: Orphan) -> None:
        """Continue `orphan`'s session (its design was just recovered into this window) in
        place of this window's own, so its files are kept until this window closes cleanly."""
        self.discard()
        self.session, self._lock = orphan.session, orphan.lock
        self._periodic.start()

    def discard(self) -> None:
        """The window closes cleanly: remove its autosave and let go of the session."""
        self._periodic.stop()
        self._after_edit.stop()
        if self._lock is None:
            return
        self.session.remove_files()
        self._lock.unlock()
        self._lock = None

    def _schedule(self, *_: object) -> None:
        """An edit (or a save): autosave once the edits pause for EDIT_DELAY_MS. (Not
        QTimer.start(int) straight from the signal: its argument would become the delay.)"""
        self._after_edit.start()

    def _report(self, text: str) -> None:
        if text != self._last_problem:
            self._last_problem = text
            self.failed.emit(text)
