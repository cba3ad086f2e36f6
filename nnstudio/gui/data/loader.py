"""Loading datasets off the GUI thread, newest request first, with a small cache; and the
"Copy details" button that offers the traceback of a load that failed unexpectedly."""

from __future__ import annotations

import json
import traceback
from collections import OrderedDict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QWidget

from nnstudio.data import DataError, Dataset, load_dataset

#: datasets kept for undo, redo and the preview of an edit just applied: at most this many,
#: and beyond the newest one no more than CACHE_BYTES of arrays in all
CACHE_SIZE = 3
CACHE_BYTES = 256 * 2**20
#: what a finished load reports: the dataset (None on failure) and the problem ("" if none)
Done = Callable[[Dataset | None, str], None]
#: (dataset or None, problem or "", traceback of an unexpected error or "")
Outcome = tuple[Dataset | None, str, str]


def dataset_bytes(dataset: Dataset) -> int:
    """The memory a dataset's arrays take: its splits and its raw samples."""
    arrays = (dataset.x_train, dataset.y_train, dataset.x_val, dataset.y_val, dataset.x_test,
              dataset.y_test, dataset.samples.x, dataset.samples.y)
    return sum(a.nbytes for a in arrays)


def load_key(section: Mapping[str, Any], base_dir: Path | None) -> str:
    """What identifies a load: the data section and the folder its paths are relative to."""
    return json.dumps([section, str(base_dir)], sort_keys=True, default=str)


def load_or_explain(section: Mapping[str, Any], base_dir: Path | None) -> Outcome:
    """(dataset, "", "") or (None, why it cannot be loaded in words for the user, and the
    traceback when the reason is an unexpected error rather than a DataError)."""
    try:
        return load_dataset(section, base_dir=base_dir), "", ""
    except DataError as exc:
        return None, str(exc), ""
    except MemoryError:
        return None, _tr("There is not enough memory to load this data."), ""
    except Exception as exc:  # a thread boundary: whatever went wrong is told, not raised
        return None, _tr("The data could not be read: {problem}").format(problem=exc), (
            traceback.format_exc())


def _tr(text: str) -> str:
    return QCoreApplication.translate("DataLoader", text)


class DataLoader(QObject):
    """Loads data sections on one background thread.

    Each request belongs to a `channel` ("preview", "edit"): a newer request on the same
    channel makes the older one's result ignored, so a slow load never overwrites a newer
    choice. Results arrive on the GUI thread; a cached dataset is reported at once. Every
    request reports, even one whose thread dies of what no `except Exception` catches.
    Before each result, `reported(details)` carries the traceback of an unexpected error
    ("" otherwise), for a "Copy details" button.
    """

    reported = Signal(str)
    _finished = Signal(int, object, str, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._cache: OrderedDict[str, Dataset] = OrderedDict()
        self._ticket = 0
        self._latest: dict[str, int] = {}
        self._pending: dict[int, tuple[str, str, Done]] = {}
        self._finished.connect(self._on_finished)

    @property
    def busy(self) -> bool:
        """Whether a load is still to report."""
        return bool(self._pending)

    def cached(self, section: Mapping[str, Any], base_dir: Path | None) -> Dataset | None:
        try:
            return self._cache.get(load_key(section, base_dir))
        except (ValueError, TypeError, RecursionError):  # a section no load could come from
            return None

    def load(self, channel: str, section: Mapping[str, Any], base_dir: Path | None,
             done: Done) -> None:
        """Load `section` and call `done(dataset, problem)` on the GUI thread, unless a newer
        request on `channel` comes first."""
        self._ticket += 1
        ticket = self._latest[channel] = self._ticket
        for old in [t for t, (c, _, _) in self._pending.items() if c == channel]:
            del self._pending[old]
        try:
            key = load_key(section, base_dir)
            frozen = json.loads(key)[0]
        except (ValueError, TypeError, RecursionError) as exc:  # e.g. a 5000-digit integer
            self.reported.emit("")
            done(None, _tr("The data section cannot be read: {problem}").format(problem=exc))
            return
        if key in self._cache:
            self._cache.move_to_end(key)
            self.reported.emit("")
            done(self._cache[key], "")
            return
        self._pending[ticket] = (channel, key, done)

        def run() -> None:
            outcome: Outcome = (None, _tr("The data could not be read: the loading stopped "
                                          "without saying why."), "")
            try:
                outcome = load_or_explain(frozen, base_dir)
            finally:
                self._finished.emit(ticket, *outcome)

        # A plain callable, never QRunnable.create(run): the pool deletes that runnable after
        # running it but its Python wrapper stays registered at the freed address, so a later
        # Qt object allocated there came back to Python as a QRunnable (and crashed the app).
        self._pool.start(run)

    def cancel(self, channel: str) -> None:
        """Forget the request on `channel`: its result will be ignored."""
        self._latest.pop(channel, None)
        for old in [t for t, (c, _, _) in self._pending.items() if c == channel]:
            del self._pending[old]

    def shutdown(self) -> None:
        """Forget every request and wait for the thread to finish the current load."""
        self._pending.clear()
        self._pool.waitForDone()

    def _on_finished(self, ticket: int, dataset: Dataset | None, problem: str,
                     details: str) -> None:
        entry = self._pending.pop(ticket, None)
        if entry is None:
            return
        channel, key, done = entry
        if self._latest.get(channel) != ticket:
            return
        if dataset is not None:
            self._remember(key, dataset)
        self.reported.emit(details)
        done(dataset, problem)

    def _remember(self, key: str, dataset: Dataset) -> None:
        """Cache `dataset` as the newest, dropping the oldest past the count or the bytes."""
        self._cache[key] = dataset
        self._cache.move_to_end(key)
        while len(self._cache) > 1 and (
                len(self._cache) > CACHE_SIZE
                or sum(dataset_bytes(d) for d in self._cache.values()) > CACHE_BYTES):
            self._cache.popitem(last=False)


class CopyDetailsButton(QPushButton):
    """"Copy details": puts the traceback of an unexpected failure on the clipboard, for a bug
    report. Shown only while it has details to copy."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(QCoreApplication.translate("CopyDetailsButton", "Copy details"), parent)
        self.setToolTip(QCoreApplication.translate(
            "CopyDetailsButton", "Copy what went wrong, in full, to paste into a bug report."))
        self.details = ""
        self.clicked.connect(self.copy)
        self.hide()

    def set_details(self, details: str) -> None:
        """Offer `details` for copying; "" hides the button."""
        self.details = details
        self.setVisible(bool(details))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
