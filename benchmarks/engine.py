"""Training-step time of nnstudio's engine on seven reference tasks, beside PyTorch CPU.

    python benchmarks/engine.py [--steps N] [--repeats R] [--json out.json]

Each task trains on fixed synthetic data through `Trainer.step()` (the whole step a user gets:
batching, forward, loss, backward, optimiser, divergence guard, accuracy bookkeeping). When torch
is importable (`pip install -e ".[bench]"`) the same network, batch and optimiser run in a plain
torch loop with 2 threads, and the table shows nnstudio's time divided by torch's (lower is
better; below 1 means nnstudio is faster). Times are the best of R repeats of N steps, all in one
process, so the ratios compare like with like on a shared, noisy machine. The last column is how
much the traced heap grew over five epochs of ten steps after two warm-up epochs: memory must
not grow from step to step (the history's one small dict per epoch is all that may show).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import time
import tracemalloc
from dataclasses import dataclass

os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")

import numpy as np

from nnstudio.core.network import Network
from nnstudio.core.training import Trainer


@dataclass(frozen=True)
class Task:
    name: str
    dims: tuple[int, ...]          # MLP widths, input first; empty for the CNN
    batch: int
    optimizer: str
    loss: str = "cross_entropy"
    activation: str = "relu"
    cnn: bool = False
    #: time steps of an LSTM task: Input (steps, dims[0]) → LSTM dims[1] → Dense dims[2]
    steps: int = 0


TASKS = (
    Task("2-8-8-2 b10 adam", (2, 8, 8, 2), 10, "adam", activation="tanh"),
    Task("1000-100-10 b64 sgd mse", (1000, 100, 10), 64, "sgd", loss="mse"),
    Task("64-128-64-10 b64 adam", (64, 128, 64, 10), 64, "adam"),
    Task("784-256-128-10 b128 adam", (784, 256, 128, 10), 128, "adam"),
    Task("1024-1024-1024-10 b256 adam", (1024, 1024, 1024, 10), 256, "adam"),
    Task("cnn 1x8x8 b64 adam", (), 64, "adam", cnn=True),
    Task("lstm T32 F16 u128 b64 adam", (16, 128, 10), 64, "adam", steps=32),
)


@dataclass
class Synthetic:
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    task: str = "classification"
    num_classes: int = 10


def _graph(task: Task) -> tuple[list[dict], list[list[str]]]:
    if task.cnn:
        nodes = [
            {"id": "x", "type": "Input", "params": {"shape": [1, 8, 8]}},
            {"id": "c1", "type": "Conv2D",
             "params": {"filters": 16, "padding": "same", "activation": "relu"}},
            {"id": "p1", "type": "MaxPool2D", "params": {}},
            {"id": "c2", "type": "Conv2D",
             "params": {"filters": 32, "padding": "same", "activation": "relu"}},
            {"id": "p2", "type": "MaxPool2D", "params": {}},
            {"id": "f", "type": "Flatten", "params": {}},
            {"id": "out", "type": "Dense", "params": {"units": 10}},
        ]
    elif task.steps:
        features, units, classes = task.dims
        nodes = [
            {"id": "x", "type": "Input", "params": {"shape": [task.steps, features]}},
            {"id": "lstm", "type": "LSTM", "params": {"units": units}},
            {"id": "out", "type": "Dense", "params": {"units": classes}},
        ]
    else:
        nodes = [{"id": "x", "type": "Input", "params": {"shape": [task.dims[0]]}}]
        for i, units in enumerate(task.dims[1:], 1):
            last = i == len(task.dims) - 1
            nodes.append({"id": "out" if last else f"h{i}", "type": "Dense",
                          "params": {"units": units,
                                     "activation": "linear" if last else task.activation}})
    ids = [n["id"] for n in nodes]
    return nodes, [[a, b] for a, b in itertools.pairwise(ids)]


def _data(task: Task, rows: int) -> Synthetic:
    rng = np.random.default_rng(0)
    shape = (1, 8, 8) if task.cnn else (task.steps, task.dims[0]) if task.steps else (
        task.dims[0],)
    classes = 10 if task.cnn else task.dims[-1]
    x = rng.normal(size=(rows, *shape)).astype(np.float32)
    y = rng.integers(0, classes, size=rows)
    empty = x[:0]
    return Synthetic(x, y, empty, y[:0], empty, y[:0], num_classes=classes)


def _trainer(task: Task, batches: int) -> Trainer:
    nodes, edges = _graph(task)
    net = Network(nodes, edges, seed=0)
    return Trainer(net, _data(task, task.batch * batches), {
        "loss": task.loss, "optimizer": {"type": task.optimizer, "lr": 1e-3},
        "batch_size": task.batch, "epochs": 10**9})


def time_nnstudio(task: Task, steps: int, repeats: int) -> float:
    """Best seconds per step over `repeats` runs of `steps` steps."""
    trainer = _trainer(task, batches=50)
    for _ in range(10):
        trainer.step()
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(steps):
            trainer.step()
        best = min(best, (time.perf_counter() - start) / steps)
    return best


def heap_growth(task: Task, epochs: int = 5) -> int:
    """Bytes the traced heap grew over `epochs` epochs of 10 steps, after two warm-up epochs."""
    tracemalloc.start()
    trainer = _trainer(task, batches=10)
    for _ in range(2):
        trainer.run_epoch()
    before = tracemalloc.get_traced_memory()[0]
    for _ in range(epochs):
        trainer.run_epoch()
    growth = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return growth


def time_torch(task: Task, steps: int, repeats: int) -> float | None:
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(2)
    torch.manual_seed(0)
    nn = torch.nn
    if task.cnn:
        model = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding="same"), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(32 * 2 * 2, 10))
    elif task.steps:
        features, units, classes = task.dims

        class LastStep(nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.lstm = nn.LSTM(features, units, batch_first=True)
                self.out = nn.Linear(units, classes)

            def forward(self, x: torch.Tensor) -> torch.Tensor:
                return self.out(self.lstm(x)[0][:, -1])

        model = LastStep()
    else:
        layers: list = []
        act = nn.Tanh if task.activation == "tanh" else nn.ReLU
        for i, (a, b) in enumerate(itertools.pairwise(task.dims)):
            layers.append(nn.Linear(a, b))
            if i < len(task.dims) - 2:
                layers.append(act())
        model = nn.Sequential(*layers)
    data = _data(task, task.batch * 50)
    x = torch.from_numpy(data.x_train)
    y = torch.from_numpy(data.y_train)
    classes = data.num_classes
    if task.loss == "mse":
        criterion = nn.MSELoss()
        y = nn.functional.one_hot(y, classes).float()
    else:
        criterion = nn.CrossEntropyLoss()
    opt = (torch.optim.Adam if task.optimizer == "adam" else torch.optim.SGD)(
        model.parameters(), lr=1e-3)
    batches = [(x[i:i + task.batch], y[i:i + task.batch])
               for i in range(0, len(x), task.batch)]

    def run(n: int) -> None:
        for i in range(n):
            xb, yb = batches[i % len(batches)]
            opt.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            opt.step()

    run(10)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run(steps)
        best = min(best, (time.perf_counter() - start) / steps)
    return best


def _steps_for(task: Task, requested: int | None) -> int:
    if requested:
        return requested
    return 20 if task.dims and task.dims[0] == 1024 else 200


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, help="steps per repeat (default: by task size)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    rows = []
    print(f"{'task':<30} {'nnstudio ms':>12} {'torch ms':>10} {'ratio':>7} {'heap growth':>12}")
    for task in TASKS:
        steps = _steps_for(task, args.steps)
        ours = time_nnstudio(task, steps, args.repeats)
        growth = heap_growth(task)
        theirs = time_torch(task, steps, args.repeats)
        ratio = ours / theirs if theirs else None
        rows.append({"task": task.name, "nnstudio_ms": ours * 1e3,
                     "torch_ms": theirs * 1e3 if theirs else None, "ratio": ratio,
                     "heap_growth_bytes": growth})
        print(f"{task.name:<30} {ours * 1e3:>12.3f} "
              f"{(f'{theirs * 1e3:.3f}' if theirs else '-'):>10} "
              f"{(f'{ratio:.2f}' if ratio else '-'):>7} {growth:>10} B", flush=True)
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(rows, fh, indent=2)


if __name__ == "__main__":
    main()
