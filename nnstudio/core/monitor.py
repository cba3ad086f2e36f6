"""What the dashboards see of a Trainer: immutable snapshots, taken between training steps.

A `Monitor` sits beside a Trainer (in the GUI's worker thread, or in a script): `record(loss)`
after every step keeps the per-step losses, and `snapshot()` computes, with `core.probes`, every
statistic the panels draw. A Snapshot holds only fresh, read-only arrays and plain values, so it
can cross to the GUI thread while training goes on. NumPy only; no Qt.

The probes (`PROBES`) cost from a fraction of a millisecond to tens of milliseconds (activation
statistics of a CNN), so a caller that snapshots often can refresh only some of them: the others
are the very objects of the previous snapshot (`Snapshot.fresh` names the recomputed ones), and
`Monitor.costs` says what each took last time, so the caller can pace them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nnstudio.core import generate, image_probes, probes, sequence_views, word_probes
from nnstudio.core.errors import TrainingDiverged
from nnstudio.core.probe_names import Probe
from nnstudio.core.probes import Curve1D, DecisionGrid, Task
from nnstudio.core.readonly import read_only
from nnstudio.core.training import EarlyStopping, Trainer, append_thinned, worth_noting

#: the Playground's plane, used for the 2-D toys' boundary
TOY_RANGE = (-6.0, 6.0)
#: the probes a snapshot carries, as core/probe_names.py declares them: the Snapshot fields of
#: the same names, and "losses" for step_indices, step_losses and new_epochs
PROBES: tuple[Probe, ...] = tuple(Probe)
#: snapshots over which steps_per_second is averaged
RATE_WINDOW = 20
#: the predictions probe classifies at most this many held-out samples (the first of the split)
MAX_PREDICTED = 1000
#: the per-step losses waiting for the next snapshot are all kept up to this many, then
#: fewer and fewer (`append_thinned`), so a Monitor nobody snapshots stays small
EVERY_STEP_UNTIL = 4096
#: the splits the image probes read, by preference: held-out samples first
HELD_OUT = ("validation", "test", "train")


@dataclass(frozen=True)
class DivergenceMark:
    """Where training diverged (see TrainingDiverged): `step` (1-based) is the step that
    failed, `loss` its loss (NaN/Inf, or the smoothed loss of a blow-up); the weights went back
    to those after `restored_step` steps, whose smoothed loss was `restored_loss` (nan if
    unknown)."""

    step: int
    loss: float
    restored_step: int
    restored_loss: float

    @classmethod
    def of(cls, exc: TrainingDiverged) -> DivergenceMark:
        return cls(exc.step, exc.loss, exc.restored_step, exc.restored_loss)


@dataclass(frozen=True, eq=False)
class Snapshot:
    """The state of a training run at one moment.

    step_indices/step_losses: (k,) the steps completed since the previous snapshot that took
    the "losses" probe, and their batch losses; new_epochs: the history entries
    (Trainer.history) added since then. A snapshot without fresh "losses" has them empty (they
    wait in the Monitor for the next one), so a caller can send the losses less often.
    boundary/neurons are set for 2-D inputs, curve for 1-D regression, and None otherwise;
    predictions for classification of tables and images, filters when the network has a
    Conv2D node, feature_maps for images through Conv2D/pooling nodes (see `Monitor.probes`).
    run: which run of the trainer this is; a new number after every reset or new network, so a
    panel that sees it change starts its curves again. fresh: the probes computed for this
    snapshot; the others are the same objects as in the previous snapshot of the run.
    flow_epochs: ((epoch, norms (layers,)), …) the weight-gradient norms, in `flow`'s order,
    at the end of the epochs noted (every one at first, see `worth_noting`) since the previous
    snapshot with fresh "flow"; params_epochs: ((step, params), …) likewise the parameter
    statistics, for snapshots with fresh "params". So the histories over time have a point
    per epoch however seldom snapshots come.
    elapsed: seconds spent inside the steps; training_time: seconds training has been running
    by the clock, the pauses between steps at a slow speed included (see `Monitor.record`).
    divergences: the divergences noted (`Monitor.note_divergence`) since the previous snapshot
    with fresh "losses"; early_stopping: the trainer's rule (None without), best_epoch the
    epoch of the best monitored loss so far (None before one or without the rule).
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
    run: int = 0
    fresh: frozenset[str] = frozenset(PROBES)
    predictions: image_probes.Predictions | None = None
    filters: image_probes.Filters | None = None
    feature_maps: image_probes.FeatureMaps | None = None
    flow_epochs: tuple[tuple[float, np.ndarray], ...] = ()
    params_epochs: tuple[tuple[int, tuple[probes.ParamStats, ...]], ...] = ()
    training_time: float = 0.0
    divergences: tuple[DivergenceMark, ...] = ()
    early_stopping: EarlyStopping | None = None
    best_epoch: int | None = None
    #: the first Embedding's vectors, when the network has one (`word_probes.word_vectors`)
    word_vectors: word_probes.WordVectors | None = None
    #: held-out sequences' hidden states, for networks with an RNN/LSTM (`sequence_views`)
    sequence_states: sequence_views.SequenceStates | None = None
    #: a next-value task's predictions (sequence regression to one value)
    next_values: sequence_views.NextValues | None = None
    #: a copy of a character model (text data), to generate text from
    text_model: generate.ModelCopy | None = None


_EMPTY_LOSSES = read_only(np.zeros(0, dtype=np.float64))
_EMPTY_INDICES = read_only(np.zeros(0, dtype=np.int64))


class Monitor:
    """Collects per-step losses and takes snapshots of `trainer`.

    probe_size: rows of the fixed probe batch (from the training split) the activation
    statistics use; grid: resolution of the decision boundary; thumbs: resolution of the
    per-neuron thumbnails; run: the number the snapshots carry (see Snapshot.run).
    """

    def __init__(self, trainer: Trainer, probe_size: int = 500, grid: int = 100,
                 thumbs: int = 24, run: int = 0):
        self.trainer = trainer
        self.grid = grid
        self.thumbs = thumbs
        self.run = run
        data = trainer.data
        x = data.x_train
        self.probe = np.ascontiguousarray(x[:probe_size].reshape(
            min(len(x), probe_size), *trainer.network.input_shape), dtype=trainer.network.dtype)
        self.kind = getattr(data, "kind", "table")
        self._features = self._feature_map()
        self.x_range, self.y_range = self._ranges()
        self._held_out = self._held_out_split()
        self._sequences_held_out = sequence_views.held_out(trainer.samples)
        #: the position, in the held-out split, of the sample whose feature maps are drawn
        self.feature_sample = 0
        #: seconds each probe took the last time it was computed
        self.costs: dict[str, float] = {}
        self._cache: dict[str, Any] = {}
        self._losses: list[float] = []
        self._indices: list[int] = []
        self._steps_pending = 0
        self._new_epochs: list[dict[str, float]] = []
        self._epochs_pending = 0
        self._epochs_seen = trainer.epoch
        self._flow_epochs: list[tuple[float, np.ndarray]] = []
        self._params_epochs: list[tuple[int, tuple[probes.ParamStats, ...]]] = []
        self._divergences: list[DivergenceMark] = []
        self._elapsed = 0.0
        self._training_time = 0.0
        self._rate_window: list[tuple[float, int]] = []

    # -- recording -----------------------------------------------------------------------------
    def record(self, loss: float, seconds: float, wall: float | None = None) -> None:
        """Note one completed step: its loss, how long it took, and `wall`, the seconds of
        running training it ends (from the previous step, or from pressing Play, to the end
        of this one: `seconds` if not given). What waits for the next snapshot thins out
        (`append_thinned`) when no snapshot comes for a long time."""
        self._training_time += seconds if wall is None else wall
        self._steps_pending += 1
        append_thinned(self._losses, loss, self._steps_pending, EVERY_STEP_UNTIL)
        append_thinned(self._indices, self.trainer.step_count, self._steps_pending,
                       EVERY_STEP_UNTIL)
        self._elapsed += seconds
        if self.trainer.epoch != self._epochs_seen:  # the step ended an epoch
            self._collect_epochs()
            if worth_noting(self.trainer.epoch):
                self._note_epoch()

    def _collect_epochs(self) -> None:
        """Add the history entries of the epochs ended since the last call to those waiting
        for the next snapshot (the Trainer's history is thinned too: what it still holds)."""
        history, seen = self.trainer.history, self._epochs_seen
        ended = []
        for entry in reversed(history):
            if entry["epoch"] <= seen:
                break
            ended.append(entry)
        for entry in reversed(ended):
            self._epochs_pending += 1
            append_thinned(self._new_epochs, entry, self._epochs_pending)
        self._epochs_seen = self.trainer.epoch

    def _note_epoch(self) -> None:
        """Keep the gradient norms and parameter statistics of the epoch that just ended."""
        t = self.trainer
        norms = [f.grad_norm for f in probes.gradient_flow(t.network)]
        self._flow_epochs.append((float(t.epoch), read_only(np.array(norms, dtype=np.float64))))
        self._params_epochs.append((t.step_count, tuple(probes.parameter_stats(t.network))))

    def note_divergence(self, exc: TrainingDiverged) -> None:
        """Note where training diverged, for the next snapshot with fresh "losses"."""
        self._divergences.append(DivergenceMark.of(exc))

    def restart(self) -> None:
        """Forget everything recorded and start a new run (after a reset of the trainer)."""
        self._losses.clear()
        self._indices.clear()
        self._steps_pending = 0
        self._new_epochs.clear()
        self._epochs_pending = 0
        self._epochs_seen = self.trainer.epoch
        self._flow_epochs.clear()
        self._params_epochs.clear()
        self._divergences.clear()
        self._elapsed = self._training_time = 0.0
        self._rate_window.clear()
        self._cache.clear()
        self.run += 1

    # -- snapshots -----------------------------------------------------------------------------
    @property
    def probes(self) -> tuple[str, ...]:
        """The probes that apply to this data: boundary and neurons in the plane, curve for 1-D
        regression, the image probes where they apply (`_image_probes`), the others always."""
        extra = ("boundary", "neurons") if self.plane else \
            ("curve",) if self.kind == "curve1d" else ()
        words = ("word_vectors",) if word_probes.first_embedding(self.trainer.network) else ()
        return ("losses", "params", "flow", "activations", *extra, *self._image_probes(),
                *words, *self._sequence_probes())

    def _image_probes(self) -> tuple[str, ...]:
        """predictions: classification of anything but points in the plane (whose decision
        boundary shows the same); filters: a Conv2D node; feature_maps: images through
        Conv2D/pooling nodes. The ones reading samples need a split that has some."""
        network = self.trainer.network
        found = []
        labelled = self._held_out is not None
        if labelled and not self.plane and len(network.output_shape) == 1:
            found.append("predictions")
        if image_probes.first_conv(network) is not None:
            found.append("filters")
        if labelled and self.kind == "images" and image_probes.feature_nodes(network):
            found.append("feature_maps")
        return tuple(found)

    def _sequence_probes(self) -> tuple[str, ...]:
        """sequence_states: an RNN/LSTM fed held-out sequences; next_values: sequence
        regression to one value; text_model: a model of text reading ids."""
        network, found = self.trainer.network, []
        if self._sequences_held_out is not None and sequence_views.recurrent_nodes(network):
            found.append("sequence_states")
        if (self.kind == "sequence" and not self.trainer.classification
                and self._sequences_held_out is not None
                and sequence_views.predicts_next_value(network)):
            found.append("next_values")
        if self.kind == "text" and generate.reads_ids(network):
            found.append("text_model")
        return tuple(found)

    def _sequences(self) -> tuple[str, np.ndarray, np.ndarray]:
        if self._sequences_held_out is None:
            raise ValueError("the data have no sequences to probe")
        return self._sequences_held_out

    def set_feature_sample(self, index: int) -> int:
        """Draw the feature maps of held-out sample `index` (clamped to the split) from the
        next snapshot on, whatever it refreshes; returns the index used."""
        size = len(self._held_out[1]) if self._held_out is not None else 1
        self.feature_sample = min(max(int(index), 0), size - 1)
        self._cache.pop("feature_maps", None)
        return self.feature_sample

    def snapshot(self, running: bool = False, refresh: Collection[str] | None = None
                 ) -> Snapshot:
        """Everything the panels draw, now. Call between steps, never inside one.

        refresh: the probes to recompute (default all); the others are reused from the previous
        snapshot (computed anyway the first time). steps_per_second is measured over the
        snapshots taken while running, and is 0 when not running.
        """
        t = self.trainer
        now = time.perf_counter()
        rate = 0.0
        if running:
            self._rate_window.append((now, t.step_count))
            self._rate_window = self._rate_window[-RATE_WINDOW:]
            (t0, s0), (t1, s1) = self._rate_window[0], self._rate_window[-1]
            rate = (s1 - s0) / (t1 - t0) if t1 > t0 else 0.0
        else:
            self._rate_window.clear()
        wanted = PROBES if refresh is None else refresh
        fresh = self._refresh(wanted)
        if "losses" in wanted:
            start = time.perf_counter()
            self._collect_epochs()
            new_epochs = tuple(dict(e) for e in self._new_epochs)
            losses = read_only(np.asarray(self._losses, dtype=np.float64))
            indices = read_only(np.asarray(self._indices, dtype=np.int64))
            divergences, self._divergences = tuple(self._divergences), []
            self._losses, self._indices, self._new_epochs = [], [], []
            self._steps_pending = self._epochs_pending = 0
            fresh |= {"losses"}
            self.costs["losses"] = time.perf_counter() - start
        else:
            new_epochs, losses, indices = (), _EMPTY_LOSSES, _EMPTY_INDICES
            divergences = ()
        flow_epochs: tuple[tuple[float, np.ndarray], ...] = ()
        params_epochs: tuple[tuple[int, tuple[probes.ParamStats, ...]], ...] = ()
        if "flow" in fresh:
            flow_epochs, self._flow_epochs = tuple(self._flow_epochs), []
        if "params" in fresh:
            params_epochs, self._params_epochs = tuple(self._params_epochs), []
        cache = self._cache
        return Snapshot(
            epoch=t.epoch,
            step=t.step_count,
            batches_per_epoch=t.batches_per_epoch,
            elapsed=self._elapsed,
            training_time=self._training_time,
            steps_per_second=rate,
            learning_rate=t.learning_rate,
            step_indices=indices,
            step_losses=losses,
            new_epochs=new_epochs,
            params=cache["params"],
            flow=cache["flow"],
            activations=cache["activations"],
            boundary=cache.get("boundary"),
            curve=cache.get("curve"),
            neurons=cache.get("neurons"),
            predictions=cache.get("predictions"),
            filters=cache.get("filters"),
            feature_maps=cache.get("feature_maps"),
            word_vectors=cache.get("word_vectors"),
            sequence_states=cache.get("sequence_states"),
            next_values=cache.get("next_values"),
            text_model=cache.get("text_model"),
            flow_epochs=flow_epochs,
            params_epochs=params_epochs,
            running=running,
            finished=t.finished,
            stopped_early=t.stopped_early,
            early_stopping=t.early_stopping,
            best_epoch=t.best_epoch if t.early_stopping is not None else None,
            divergences=divergences,
            task=self._task,
            run=self.run,
            fresh=fresh,
        )

    def _refresh(self, wanted: Collection[str]) -> frozenset[str]:
        """Recompute the wanted probes (and any never computed); returns their names."""
        compute: dict[str, Callable[[], Any]] = {
            "params": lambda: tuple(probes.parameter_stats(self.trainer.network)),
            "flow": lambda: tuple(probes.gradient_flow(self.trainer.network)),
            "activations": lambda: tuple(probes.activation_stats(self.trainer.network,
                                                                 self.probe)),
            "boundary": self._boundary,
            "neurons": self._neurons,
            "curve": self._curve,
            "predictions": self._predictions,
            "filters": lambda: image_probes.first_filters(self.trainer.network),
            "feature_maps": self._feature_maps,
            "word_vectors": lambda: word_probes.word_vectors(self.trainer.network),
            "sequence_states": lambda: sequence_views.sequence_states(
                self.trainer.network, *self._sequences()),
            "next_values": lambda: sequence_views.next_values(
                self.trainer.network, *self._sequences()),
            "text_model": lambda: generate.copy_network(self.trainer.network),
        }
        fresh = []
        for name in self.probes:
            if name == "losses":
                continue
            if name in wanted or name not in self._cache:
                start = time.perf_counter()
                self._cache[name] = compute[name]()
                self.costs[name] = time.perf_counter() - start
                fresh.append(name)
        return frozenset(fresh)

    @property
    def _task(self) -> Task:
        return "classification" if self.trainer.classification else "regression"

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
        """The extent of the plane (or the curve's x) in raw data coordinates, whatever
        features the network sees; unused, and (0, 1) twice, for other data."""
        data = self.trainer.data
        if self.kind not in ("points2d", "curve1d"):
            return (0.0, 1.0), (0.0, 1.0)
        raw = data.raw_x("train") if hasattr(data, "raw_x") else data.x_train
        raw = np.asarray(raw, dtype=np.float64).reshape(len(raw), -1)
        if self.kind == "points2d" and np.abs(raw).max(initial=0) <= 6.5:
            return TOY_RANGE, TOY_RANGE
        lo, hi = raw.min(axis=0, initial=np.inf), raw.max(axis=0, initial=-np.inf)
        pad = 0.05 * np.maximum(hi - lo, 1e-9)
        ranges = [(float(a - p), float(b + p)) for a, b, p in zip(lo, hi, pad, strict=False)]
        return ranges[0] if ranges else (0.0, 1.0), ranges[1] if len(ranges) > 1 else (0.0, 1.0)

    def _boundary(self) -> DecisionGrid:
        return probes.decision_grid(self.trainer.network, self.x_range, self.y_range,
                                    self.grid, self._features, task=self._task)

    def _neurons(self) -> dict[str, np.ndarray]:
        return probes.neuron_grids(self.trainer.network, self.x_range, self.y_range,
                                   self.thumbs, self._features)

    def _curve(self) -> Curve1D:
        return probes.curve_1d(self.trainer.network, self.x_range, 200, self._features)

    # -- image tasks ---------------------------------------------------------------------------
    def _held_out_split(self) -> tuple[str, np.ndarray, np.ndarray] | None:
        """(split, x (n, *input_shape) in the network's dtype, labels (n,)) of the first of
        `HELD_OUT` with samples, for classification; else None."""
        t = self.trainer
        if not t.classification:
            return None
        for split in HELD_OUT:
            x, y = t.samples(split)
            if len(x):
                return split, x, np.asarray(y, dtype=np.int64)
        return None

    def _held_out_samples(self) -> tuple[str, np.ndarray, np.ndarray]:
        """`_held_out_split`, for the probes that apply only when there is one."""
        if self._held_out is None:
            raise ValueError("the data have no labelled samples to probe")
        return self._held_out

    def _predictions(self) -> image_probes.Predictions:
        split, x, y = self._held_out_samples()
        return image_probes.predictions(
            self.trainer.network, x[:MAX_PREDICTED], y[:MAX_PREDICTED],
            self.trainer.data.num_classes, split=split, split_size=len(x))

    def _feature_maps(self) -> image_probes.FeatureMaps:
        split, x, y = self._held_out_samples()
        i = self.feature_sample
        return image_probes.feature_maps(self.trainer.network, x[i], int(y[i]), split, i)
