"""Does the window stay responsive while training runs at full speed, and what does it cost?

    QT_QPA_PLATFORM=offscreen python benchmarks/gui_responsiveness.py [--steps 40000]
        [--rounds 5] [--design resources/examples/spiral.json] [--blas-threads N]
        [--memory-steps 100000]

Runs the real main window offscreen (1600×1000) with every dashboard panel that applies to
the data visible side by side (five: loss, boundary, weights, activations, gradient flow), on
the spiral design (2-16-16-2, a 100×100 decision grid), and trains runs of --steps
steps through the real worker thread (after one run to warm up).

Stalls: a 5 ms heartbeat timer in the GUI thread measures them (the gap between beats minus
5 ms) over --rounds runs. Throughput: each of another --rounds runs is compared with a headless
Trainer taking the same steps on the same design just before it, in this process (the ratio:
1.0 means the GUI costs training nothing). These runs have no heartbeat: its 200 Python calls a
second take the interpreter from the worker 200 times a second and cost training about a tenth
by themselves. The machine's speed drifts by tens of percent from one second to the next on a
shared host, so the median ratio is reported, beside the share of each run the worker spent
inside training steps (which drift does not touch: the rest went to probes, to waiting while
the GUI drew, and to overhead). Then a
longer run checks memory stays flat: the resident set size and the Python heap traced by
tracemalloc, before and after (the Trainer's history keeps one small dict per epoch: that much
growth is expected, and is printed per epoch).

--blas-threads N lets BLAS use N threads instead of the app's 1 (to compare).

The last line is `max_stall_ms=X p99_stall_ms=Y throughput_ratio=Z`.
"""

from __future__ import annotations

import argparse
import itertools
import os
import time
import tracemalloc
from collections import Counter
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QDockWidget
from threadpoolctl import threadpool_info, threadpool_limits

from nnstudio import Design, Trainer
from nnstudio.core.monitor import Snapshot
from nnstudio.gui.app import application
from nnstudio.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
HEARTBEAT_MS = 5


class Heartbeat:
    """A fast timer in the GUI thread that notes when it actually fired."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))

    def stalls_ms(self) -> np.ndarray:
        gaps = np.diff(np.asarray(self.times)) * 1e3
        return np.maximum(gaps - HEARTBEAT_MS, 0.0)


def rss_mb() -> float:
    """This process's resident set size (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def long_design(path: Path) -> Design:
    """The design with an epoch limit high enough never to stop a run early."""
    doc = Design.load(path).to_dict()
    doc["training"]["epochs"] = 1_000_000
    design = Design.from_dict(doc)
    design.path = path
    return design


def show_every_panel(window: MainWindow) -> list[QDockWidget]:
    """All panel docks that apply to the data side by side under the canvas, none hidden
    behind a tab; returns them."""
    docks = [dock for dock in window.panel_docks
             if dock.widget().applies(window.training.dataset)]
    for dock in window.panel_docks:
        window.removeDockWidget(dock)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, docks[0])
    for left, right in itertools.pairwise(docks):
        window.splitDockWidget(left, right, Qt.Orientation.Horizontal)
    for dock in docks:
        dock.show()
    window.resizeDocks([docks[0]], [420], Qt.Orientation.Vertical)
    return docks


def open_dashboard(design: Design) -> tuple[MainWindow, list[QDockWidget]]:
    """The main window on `design` at 1600×1000, once its worker has loaded it, with every
    panel that applies shown side by side (see `show_every_panel`)."""
    window = MainWindow(design, remember_layout=False)
    window.resize(1600, 1000)
    window.show()
    loop = QEventLoop()
    window.training.controller.settled.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)
    loop.exec()
    return window, show_every_panel(window)


def run_in_window(window: MainWindow, steps: int) -> tuple[float, Counter[str]]:
    """Train `steps` steps through the window's worker; (seconds running, how many snapshots
    were shown and how many refreshed each probe, counted under "" and the probe's name)."""
    controller = window.training.controller
    marks: dict[bool, float] = {}
    shown: Counter[str] = Counter()

    def count(snapshot: Snapshot) -> None:
        if snapshot.running:
            shown.update(["", *snapshot.fresh])

    controller.runningChanged.connect(lambda running: marks.setdefault(running,
                                                                       time.perf_counter()))
    controller.snapshotShown.connect(count)
    loop = QEventLoop()
    controller.settled.connect(loop.quit)
    controller.play(steps)
    loop.exec()
    controller.snapshotShown.disconnect(count)
    return marks[False] - marks[True], shown


def headless_rate(design: Design, steps: int) -> float:
    trainer = Trainer(design)
    for _ in range(50):
        trainer.step()
    start = time.perf_counter()
    for _ in range(steps):
        trainer.step()
    return steps / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--design", type=Path, default=ROOT / "resources/examples/spiral.json")
    parser.add_argument("--steps", type=int, default=40_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--memory-steps", type=int, default=100_000)
    parser.add_argument("--blas-threads", type=int, default=0,
                        help="BLAS threads (default: the app's choice, 1)")
    args = parser.parse_args()
    application()
    if args.blas_threads:
        threadpool_limits(limits=args.blas_threads, user_api="blas")
    blas = [(i["internal_api"], i["num_threads"]) for i in threadpool_info()]
    design = long_design(args.design)

    window, dashboard = open_dashboard(design)
    controller = window.training.controller
    visible = sum(d.widget().isVisible() and d.widget().width() > 50 for d in dashboard)

    run_in_window(window, args.steps)  # warm-up: first draws, caches
    stalls = []
    for _ in range(args.rounds):
        heartbeat = Heartbeat()
        heartbeat.timer.start()
        run_in_window(window, args.steps)
        heartbeat.timer.stop()
        stalls.append(heartbeat.stalls_ms())
    print("max stall per run (ms):", " ".join(f"{r.max():.0f}" for r in stalls))
    stalls = np.concatenate(stalls)
    ratios, rounds = [], []
    for _ in range(args.rounds):
        base_rate = headless_rate(design, args.steps)
        trained = controller.latest.elapsed
        seconds, shown = run_in_window(window, args.steps)
        in_steps = (controller.latest.elapsed - trained) / seconds
        ratios.append(args.steps / seconds / base_rate)
        rates = " ".join(f"{probe}={shown[probe] / seconds:.1f}"
                         for probe in sorted(shown, key=lambda p: -shown[p]) if probe)
        rounds.append(f"{args.steps / seconds:.0f}/{base_rate:.0f} steps/s, "
                      f"{shown[''] / seconds:.1f} snapshots/s ({rates} a second), "
                      f"{in_steps:.0%} in steps")

    tracemalloc.start()
    rss0, heap0 = rss_mb(), tracemalloc.get_traced_memory()[0]
    run_in_window(window, args.memory_steps // 3)
    rss1, heap1 = rss_mb(), tracemalloc.get_traced_memory()[0]
    epochs = controller.latest.epoch
    run_in_window(window, args.memory_steps)
    rss2, heap2 = rss_mb(), tracemalloc.get_traced_memory()[0]
    epochs = controller.latest.epoch - epochs
    tracemalloc.stop()
    window.undo_stack.setClean()
    window.close()

    print(f"design={args.design.name} panels_visible={visible}/{len(dashboard)} "
          f"blas={blas} cpus={os.cpu_count()}")
    for i, text in enumerate(rounds, start=1):
        print(f"round {i}: {args.steps} steps, gui/headless {text}, ratio {ratios[i - 1]:.2f}")
    print(f"stall_ms over {len(stalls)} beats: median={np.median(stalls):.1f} "
          f"p99={np.percentile(stalls, 99):.1f} max={stalls.max():.1f}")
    print(f"memory over {args.memory_steps} more steps (after {args.memory_steps // 3} warm-up):"
          f" rss {rss1:.1f} -> {rss2:.1f} MB ({rss2 - rss1:+.1f}; {rss0:.1f} before warm-up),"
          f" traced heap {heap1 / 1e6:.2f} -> {heap2 / 1e6:.2f} MB "
          f"({(heap2 - heap1) / 1e6:+.2f}; {heap0 / 1e6:.2f} before warm-up), "
          f"{epochs} epochs: {(heap2 - heap1) / max(epochs, 1):.0f} bytes per epoch")
    print(f"max_stall_ms={stalls.max():.1f} p99_stall_ms={np.percentile(stalls, 99):.1f} "
          f"throughput_ratio={np.median(ratios):.2f}")


if __name__ == "__main__":
    main()
