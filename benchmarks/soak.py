"""Does memory stay flat over a long run at full speed?

    python benchmarks/soak.py headless [--minutes 60] [--design resources/examples/spiral.json]
    QT_QPA_PLATFORM=offscreen python benchmarks/soak.py window [--minutes 60]

headless: a Trainer with the worker's Monitor (per-step losses recorded, a full snapshot of every
probe ten times a second, as the window asks for them), in this thread.
window: the real main window (1600×1000) with every dashboard panel that applies to the data
visible side by side, training through the real worker thread at full speed.

Prints the resident set size once a minute (and the steps and epochs trained so far); the last
line is `rss_growth_after_warmup_mb=X warmup_min=W minutes=M steps=S`, the growth from the end of
the warm-up (the first --warmup minutes: caches, first draws, the allocator settling) to the end.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from gui_responsiveness import ROOT, long_design, open_dashboard, rss_mb

SNAPSHOTS_PER_SECOND = 10


class Log:
    """RSS once a minute, with the growth after the warm-up."""

    def __init__(self, minutes: float, warmup: float):
        self.minutes = minutes
        self.warmup = warmup
        self.start = time.perf_counter()
        self.samples: list[tuple[float, float]] = []
        self.after_warmup: float | None = None

    def elapsed_min(self) -> float:
        return (time.perf_counter() - self.start) / 60

    def note(self, steps: int, epochs: int) -> None:
        minute, rss = self.elapsed_min(), rss_mb()
        self.samples.append((minute, rss))
        if self.after_warmup is None and minute >= self.warmup:
            self.after_warmup = rss
        print(f"minute {minute:5.1f}  rss {rss:7.1f} MB  steps {steps:>10}  epochs {epochs:>8}",
              flush=True)

    def done(self) -> bool:
        return self.elapsed_min() >= self.minutes

    def summary(self, steps: int) -> str:
        growth = self.samples[-1][1] - (self.after_warmup or self.samples[0][1])
        return (f"rss_growth_after_warmup_mb={growth:.1f} warmup_min={self.warmup:g} "
                f"minutes={self.elapsed_min():.1f} steps={steps}")


def soak_headless(design_path: Path, log: Log) -> int:
    from nnstudio import Trainer
    from nnstudio.core.monitor import Monitor

    trainer = Trainer(long_design(design_path))
    monitor = Monitor(trainer)
    next_note = next_snapshot = time.perf_counter()
    log.note(0, 0)
    next_note += 60
    while not log.done():
        begin = time.perf_counter()
        loss = trainer.step()
        now = time.perf_counter()
        monitor.record(loss, now - begin)
        if now >= next_snapshot:
            monitor.snapshot(running=True)
            next_snapshot = now + 1 / SNAPSHOTS_PER_SECOND
        if now >= next_note:
            log.note(trainer.step_count, trainer.epoch)
            next_note += 60
    log.note(trainer.step_count, trainer.epoch)
    return trainer.step_count


def soak_window(design_path: Path, log: Log) -> int:
    from PySide6.QtCore import QEventLoop, QTimer

    from nnstudio.gui.app import application

    application()
    window, _dashboard = open_dashboard(long_design(design_path))
    controller = window.training.controller

    def progress() -> tuple[int, int]:
        latest = controller.latest
        return (latest.step, latest.epoch) if latest is not None else (0, 0)

    loop = QEventLoop()
    minute = QTimer()
    minute.setInterval(60_000)

    def tick(note: Callable[[int, int], None] = log.note) -> None:
        note(*progress())
        if log.done():
            loop.quit()

    minute.timeout.connect(tick)
    log.note(0, 0)
    minute.start()
    controller.play(10**9)
    loop.exec()
    controller.pause()
    steps = progress()[0]
    window.undo_stack.setClean()
    window.close()
    return steps


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("mode", choices=("headless", "window"))
    parser.add_argument("--design", type=Path, default=ROOT / "resources/examples/spiral.json")
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--warmup", type=float, default=5, help="minutes before the baseline")
    args = parser.parse_args()
    if args.mode == "window":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    log = Log(args.minutes, min(args.warmup, args.minutes))
    soak = soak_headless if args.mode == "headless" else soak_window
    steps = soak(args.design, log)
    print(log.summary(steps))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
