"""How the canvas copes with a large design: open, auto-layout, pan, zoom (100 nodes by default).

    QT_QPA_PLATFORM=offscreen python benchmarks/canvas.py [--nodes 100]

Builds a design of N nodes (a long chain with residual branches every few layers), then times,
in the real main window: opening it (model reset + scene build + fit), one auto-layout, and
repaints of the canvas while panning and zooming (each forced with `viewport().repaint()`).
A frame at 60 Hz is 16.7 ms; "without visible lag" means the pan/zoom repaints stay near that.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from nnstudio.design.document import Design
from nnstudio.gui.main_window import MainWindow


def big_design(n: int) -> Design:
    """Input → Dense → … with an Add joining every fourth layer to the one two before it."""
    nodes = [{"id": "x", "type": "Input", "params": {"shape": [16]}, "pos": [0, 0]}]
    edges: list[list[str]] = []
    prev = "x"
    for i in range(1, n - 1):
        nid = f"n{i}"
        if i % 4 == 0 and i >= 3:
            nodes.append({"id": nid, "type": "Add", "pos": [0, 0]})
            edges += [[prev, nid], [f"n{i - 2}", nid]]
        else:
            nodes.append({"id": nid, "type": "Dense",
                          "params": {"units": 16, "activation": "relu"}, "pos": [0, 0]})
            edges.append([prev, nid])
        prev = nid
    nodes.append({"id": "out", "type": "Dense", "params": {"units": 2}, "pos": [0, 0]})
    edges.append([prev, "out"])
    return Design.from_dict({"format": "nnstudio-design", "version": 1, "name": f"{n} nodes",
                             "network": {"nodes": nodes, "edges": edges}})


def timed(action) -> float:
    start = time.perf_counter()
    action()
    QApplication.processEvents()
    return (time.perf_counter() - start) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    design = big_design(args.nodes)
    open_ms = timed(lambda: window.model.reset(design))
    layout_ms = timed(window.canvas.auto_layout)
    canvas = window.canvas
    canvas.reset_zoom()
    bar = canvas.horizontalScrollBar()
    pans = []
    for step in range(60):
        bar.setValue(bar.minimum() + (bar.maximum() - bar.minimum()) * step // 59)
        pans.append(timed(canvas.viewport().repaint))
    zooms = []
    for i in range(20):
        zooms.append(timed(canvas.zoom_in if i < 10 else canvas.zoom_out))
    print(f"nodes={args.nodes} open_ms={open_ms:.0f} layout_ms={layout_ms:.0f} "
          f"pan_repaint_ms median={statistics.median(pans):.1f} max={max(pans):.1f} "
          f"zoom_ms median={statistics.median(zooms):.1f} max={max(zooms):.1f}")
    window.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()
