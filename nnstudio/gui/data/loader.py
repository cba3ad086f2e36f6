"""Loading datasets off the GUI thread, newest request first, with a small cache."""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from nnstudio.data import DataError, Dataset, load_dataset

#: datasets kept for undo, redo and the preview of an edit just applied: at most this many,
#: and beyond the newest one no more than CACHE_BYTES of arrays in all
CACHE_SIZE = 3
CACHE_BYTES = 256 * 2**20
#: what a finished load reports: the dataset (None on failure) and the problem ("" if none)
Done = Callable[[Dataset | None, str], None]


def dataset_bytes(dataset: Dataset) -> int:
    """The memory a dataset's arrays take: its splits and its raw samples."""
    arrays = (dataset.x_train, dataset.y_train, dataset.x_val, dataset.y_val, dataset.x_test,
              dataset.y_test, dataset.samples.x, dataset.samples.y)
    return sum(a.nbytes for a in arrays)


def load_key(section: Mapping[str, Any], base_dir: Path | None) -> str:
    """What identifies a load: the data section and the folder its paths are relative to."""
    return json.dumps([section, str(base_dir)], sort_keys=True, default=str)


def load_or_explain(section: Mapping[str, Any], base_dir: Path | None
                    ) -> tuple[Dataset | None, str]:
    """(dataset, "") or (None, why it cannot be loaded, in words for the user)."""
    try:
        return load_dataset(section, base_dir=base_dir), ""
    except DataError as exc:
        return None, str(exc)
    except Exception as exc:  # a thread boundary: whatever went wrong is told, not raised
        return None, QCoreApplication.translate("DataLoader",
                                                "The data could not be read: {problem}").format(
            problem=exc)


class DataLoader(QObject):
    """Loads data sections on one background thread.

    Each request belongs to a `channel` ("preview", "edit"): a newer request on the same
    channel makes the older one's result ignored, so a slow load never overwrites a newer
    choice. Results arrive on the GUI thread; a cached dataset is reported at once.
    """

    _finished = Signal(int, object, str)

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
        return self._cache.get(load_key(section, base_dir))

    def load(self, channel: str, section: Mapping[str, Any], base_dir: Path | None,
             done: Done) -> None:
        """Load `section` and call `done(dataset, problem)` on the GUI thread, unless a newer
        request on `channel` comes first."""
        self._ticket += 1
        ticket = self._latest[channel] = self._ticket
        for old in [t for t, (c, _, _) in self._pending.items() if c == channel]:
            del self._pending[old]
        key = load_key(section, base_dir)
        if key in self._cache:
            self._cache.move_to_end(key)
            done(self._cache[key], "")
            return
        self._pending[ticket] = (channel, key, done)
        frozen = json.loads(json.dumps(section, default=str))

        def run() -> None:
            dataset, problem = load_or_explain(frozen, base_dir)
            self._finished.emit(ticket, dataset, problem)

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

    def _on_finished(self, ticket: int, dataset: Dataset | None, problem: str) -> None:
        entry = self._pending.pop(ticket, None)
        if entry is None:
            return
        channel, key, done = entry
        if self._latest.get(channel) != ticket:
            return
        if dataset is not None:
            self._remember(key, dataset)
        done(dataset, problem)

    def _remember(self, key: str, dataset: Dataset) -> None:
        """Cache `dataset` as the newest, dropping the oldest past the count or the bytes."""
        self._cache[key] = dataset
        self._cache.move_to_end(key)
        while len(self._cache) > 1 and (
                len(self._cache) > CACHE_SIZE
                or sum(dataset_bytes(d) for d in self._cache.values()) > CACHE_BYTES):
            self._cache.popitem(last=False)
