"""Python's cyclic garbage collector runs only in the GUI thread while training threads exist.

Left automatic, it runs in whichever thread happens to allocate — most often the training
worker — and then destroys there any Qt objects of the GUI that sit in a reference cycle: a
crash, or a deadlock between the object's Qt mutex and the interpreter lock (seen in the test
suite: ~QObject on the worker waiting for the GIL, the GUI thread holding the GIL and waiting
for that mutex). pyqtgraph's GarbageCollector turns automatic collection off and collects from
a timer in the GUI thread instead.
"""

from __future__ import annotations

from pyqtgraph.util.garbage_collector import GarbageCollector

#: seconds between two checks (a collection only when the allocation counts call for one)
INTERVAL = 0.5

_collector: GarbageCollector | None = None


def collect_in_gui_thread() -> None:
    """From now on, collect garbage only in this (the GUI) thread. Call it from the GUI thread,
    with the QApplication running; calling it again does nothing."""
    global _collector
    if _collector is None:
        _collector = GarbageCollector(interval=INTERVAL)
