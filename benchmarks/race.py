"""Does a race of four spiral variants keep the window as responsive as one run, and does it
train as fast as four headless runs in a row?

    QT_QPA_PLATFORM=offscreen python benchmarks/race.py [--steps 10000] [--rounds 3]

Stalls: the 5 ms heartbeat of gui_responsiveness.py in the GUI thread, (a) while the main
window (every panel shown, 1600×1000) trains one spiral run of 4 × --steps steps, and (b) while
the race window (1600×1000: loss and accuracy of four variants, a 40×40 boundary each) races
SGD, Momentum, RMSProp and Adam on the spiral for --steps steps each. Throughput: the race's
total steps a second (from Play to the snapshot where every variant has passed --steps),
against four headless Trainers of the same variants run one after the other for --steps
steps each (the ratio: 1.0 means the window and the turns cost nothing). Median over --rounds.

The last line is `race_max_stall_ms=X one_run_max_stall_ms=Y race_p99_stall_ms=Z
one_run_p99_stall_ms=W throughput_ratio=R`.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np
from gui_responsiveness import ROOT, Heartbeat, long_design, open_dashboard, run_in_window
from PySide6.QtCore import QEventLoop, QTimer

from nnstudio import Design
from nnstudio.design.race import build_race, vary_variants
from nnstudio.gui.app import application
from nnstudio.gui.race.view import RaceWindow
from nnstudio.gui.race.worker import RaceSnapshot

VARIANTS = vary_variants([("training.optimizer.type", ["sgd", "momentum", "rmsprop", "adam"])])


def race_in_window(design: Design, steps: int, beat: bool) -> tuple[float, int, np.ndarray]:
    """A fresh race window trains every variant past `steps` steps; (seconds from Play to the
    snapshot that showed it, total steps then, the stalls in ms meanwhile if `beat`, else
    none: the heartbeat's 200 calls a second cost training about a tenth by themselves)."""
    window = RaceWindow(design, VARIANTS)
    window.resize(1600, 1000)
    window.show()
    loop = QEventLoop()
    done: dict[str, float] = {}

    def watch(snapshot: RaceSnapshot) -> None:
        if "start" not in done:
            done["start"] = time.perf_counter()
            window.session.play.emit()
        elif all(e.step >= steps for e in snapshot.entrants) and "end" not in done:
            done["end"] = time.perf_counter()
            done["steps"] = sum(e.step for e in snapshot.entrants)
            window.session.pause.emit()
            loop.quit()
    window.session.snapshotReady.connect(watch)
    heartbeat = Heartbeat()
    if beat:
        heartbeat.timer.start()
    QTimer.singleShot(600_000, loop.quit)
    loop.exec()
    heartbeat.timer.stop()
    window.close()
    stalls = heartbeat.stalls_ms() if beat else np.zeros(0)
    return done["end"] - done["start"], int(done["steps"]), stalls


def headless_in_a_row(design: Design, steps: int) -> tuple[float, int]:
    """The four variants' trainers, one after the other, `steps` steps each: (seconds, steps)."""
    race = build_race(design, VARIANTS)
    seconds = 0.0
    for entrant in race.entrants:
        started = time.perf_counter()
        for _ in range(steps):
            entrant.trainer.step()
        seconds += time.perf_counter() - started
    return seconds, steps * len(race.entrants)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--design", type=Path, default=ROOT / "resources/examples/spiral.json")
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    application()
    design = long_design(args.design)

    window, _ = open_dashboard(design)
    run_in_window(window, 2_000)  # warm-up
    one_run = []
    for _ in range(args.rounds):
        heartbeat = Heartbeat()
        heartbeat.timer.start()
        run_in_window(window, 4 * args.steps)
        heartbeat.timer.stop()
        one_run.append(heartbeat.stalls_ms())
    window.undo_stack.setClean()
    window.close()

    race_in_window(design, 500, beat=False)  # warm-up
    raced = [race_in_window(design, args.steps, beat=True)[2] for _ in range(args.rounds)]
    print("race: max stall per run (ms):", " ".join(f"{r.max():.0f}" for r in raced))
    ratios = []
    for i in range(args.rounds):
        base_seconds, base_steps = headless_in_a_row(design, args.steps)
        seconds, steps, _ = race_in_window(design, args.steps, beat=False)
        ratios.append((steps / seconds) / (base_steps / base_seconds))
        print(f"round {i + 1}: race {steps / seconds:.0f} steps/s ({steps} steps, {seconds:.1f} s)"
              f", headless in a row {base_steps / base_seconds:.0f} steps/s, "
              f"ratio {ratios[-1]:.2f}")
    race_stalls, one_stalls = np.concatenate(raced), np.concatenate(one_run)
    print(f"one run: {len(one_stalls)} beats, median={np.median(one_stalls):.1f} "
          f"p99={np.percentile(one_stalls, 99):.1f} max={one_stalls.max():.1f} ms")
    print(f"race:    {len(race_stalls)} beats, median={np.median(race_stalls):.1f} "
          f"p99={np.percentile(race_stalls, 99):.1f} max={race_stalls.max():.1f} ms")
    print(f"race_max_stall_ms={race_stalls.max():.1f} one_run_max_stall_ms={one_stalls.max():.1f}"
          f" race_p99_stall_ms={np.percentile(race_stalls, 99):.1f} "
          f"one_run_p99_stall_ms={np.percentile(one_stalls, 99):.1f} "
          f"throughput_ratio={np.median(ratios):.2f}")


if __name__ == "__main__":
    main()
