"""What the dashboards see of a Trainer: immutable snapshots, taken between training steps.

A `Monitor` sits beside a Trainer (in the GUI's worker thread, or in a script): `record(loss)`
after every step keeps the per-step losses, and `snapshot()` computes, with `core.probes`, every
statistic the panels draw. A Snapshot holds only fresh, read-only arrays and plain values, so it
can cross to the GUI thread while training goes on. NumPy only; no Qt.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nnstudio.core import probes
from nnstudio.core.training import Trainer

#: the Playground's plane, used for the 2-D toys' boundary
TOY_RANGE = (-6.0, 6.0)


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The state of a training run at one moment.

    step_indices/step_losses: (k,) the steps completed since the previous snapshot and their
    batch losses; new_epochs: the history entries (Trainer.history) added since then.
    boundary/neurons are set for 2-D inputs, curve for 1-D regression, activations every time
    unless the monitor was asked to skip them.
    """

    epoch: int
    step: int
    batches_per_epoch: int
    elapsed: float
    steps_per_second: float
    learning_rate: float
    step_indices: np.ndarray
    step_losses: np.ndarray
    new_epochs: tuple[dict[str, float], ...]
    params: tuple[probes.ParamStats, ...]
    flow: tuple[probes.GradientFlow, ...]
    activations: tuple[probes.ActivationStats, ...] | None
    boundary: probes.DecisionGrid | None
    curve: probes.Curve1D | None
    neurons: dict[str, np.ndarray] | None
    running: bool
    finished: bool
    stopped_early: bool
    task: str
    extra: dict[str, Any] = field(default_factory=dict)


def _frozen(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


class Monitor:
    """Collects per-step losses and takes snapshots of `trainer`.

    probe_size: rows of the fixed probe batch (from the training split) the activation
    statistics use; grid: resolution of the decision boundary; thumbs: resolution of the
    per-neuron thumbnails.
    """

    def __init__(self, trainer: Trainer, probe_size: int = 500, grid: int = 100,
                 thumbs: int = 24):
        self.trainer = trainer
        self.grid = grid
        self.thumbs = thumbs
        data = trainer.data
        x = data.x_train
        self.probe = np.ascontiguousarray(x[:probe_size].reshape(
            min(len(x), probe_size), *trainer.network.input_shape), dtype=trainer.network.dtype)
        self.kind = getattr(data, "kind", "table")
        self._features = self._feature_map()
        self.x_range, self.y_range = self._ranges()
        self._losses: list[float] = []
        self._indices: list[int] = []
        self._epochs_seen = len(trainer.history)
        self._elapsed = 0.0
        self._rate_window: list[tuple[float, int]] = []

    # -- recording -----------------------------------------------------------------------------
    def record(self, loss: float, seconds: float) -> None:
        """Note one completed step: its loss and how long it took."""
        self._losses.append(loss)
        self._indices.append(self.trainer.step_count)
        self._elapsed += seconds

    def restart(self) -> None:
        """Forget everything recorded (after a reset of the trainer)."""
        self._losses.clear()
        self._indices.clear()
        self._epochs_seen = len(self.trainer.history)
        self._elapsed = 0.0
        self._rate_window.clear()

    # -- snapshots -----------------------------------------------------------------------------
    def snapshot(self, running: bool = False, activations: bool = True) -> Snapshot:
        """Everything the panels draw, now. Call between steps, never inside one."""
        t = self.trainer
        net = t.network
        now = time.perf_counter()
        self._rate_window.append((now, t.step_count))
        self._rate_window = self._rate_window[-20:]
        (t0, s0), (t1, s1) = self._rate_window[0], self._rate_window[-1]
        rate = (s1 - s0) / (t1 - t0) if t1 > t0 else 0.0
        new_epochs = tuple(dict(e) for e in t.history[self._epochs_seen:])
        self._epochs_seen = len(t.history)
        losses = _frozen(np.asarray(self._losses, dtype=np.float64))
        indices = _frozen(np.asarray(self._indices, dtype=np.int64))
        self._losses, self._indices = [], []
        task = "classification" if t.classification else "regression"
        return Snapshot(
            epoch=t.epoch,
            step=t.step_count,
            batches_per_epoch=t.batches_per_epoch,
            elapsed=self._elapsed,
            steps_per_second=rate if running else 0.0,
            learning_rate=t.learning_rate,
            step_indices=indices,
            step_losses=losses,
            new_epochs=new_epochs,
            params=tuple(probes.parameter_stats(net)),
            flow=tuple(probes.gradient_flow(net)),
            activations=tuple(probes.activation_stats(net, self.probe)) if activations else None,
            boundary=self._boundary(task),
            curve=self._curve(),
            neurons=self._neurons(),
            running=running,
            finished=t.finished,
            stopped_early=t.stopped_early,
            task=task,
        )

    # -- the input plane -----------------------------------------------------------------------
    @property
    def plane(self) -> bool:
        """True when the data are points in the plane (a decision boundary can be drawn)."""
        return self.kind == "points2d"

    def _feature_map(self):
        data = self.trainer.data
        transform = getattr(data, "transform", None)
        shape = self.trainer.network.input_shape
        if transform is None:
            return None

        def features(points: np.ndarray) -> np.ndarray:
            return np.asarray(transform(points), dtype=self.trainer.network.dtype).reshape(
                len(points), *shape)
        return features

    def _ranges(self) -> tuple[tuple[float, float], tuple[float, float]]:
        data = self.trainer.data
        raw = data.x_train
        inverse = getattr(data, "inverse_transform", None)
        if inverse is not None and getattr(data, "standardized", False):
            raw = inverse(raw)
        raw = np.asarray(raw, dtype=np.float64).reshape(len(raw), -1)
        if self.kind == "points2d" and np.abs(raw).max(initial=0) <= 6.5:
            return TOY_RANGE, TOY_RANGE
        lo, hi = raw.min(axis=0, initial=np.inf), raw.max(axis=0, initial=-np.inf)
        pad = 0.05 * np.maximum(hi - lo, 1e-9)
        ranges = [(float(a - p), float(b + p)) for a, b, p in zip(lo, hi, pad, strict=False)]
        return ranges[0] if ranges else (0.0, 1.0), ranges[1] if len(ranges) > 1 else (0.0, 1.0)

    def _boundary(self, task: str) -> probes.DecisionGrid | None:
        if not self.plane:
            return None
        return probes.decision_grid(self.trainer.network, self.x_range, self.y_range,
                                    self.grid, self._features, task=task)

    def _neurons(self) -> dict[str, np.ndarray] | None:
        if not self.plane:
            return None
        return probes.neuron_grids(self.trainer.network, self.x_range, self.y_range,
                                   self.thumbs, self._features)

    def _curve(self) -> probes.Curve1D | None:
        if self.kind != "curve1d":
            return None
        return probes.curve_1d(self.trainer.network, self.x_range, 200, self._features)
