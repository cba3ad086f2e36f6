"""Trainer: mini-batch training one step or one epoch at a time, with history and early stopping.

The Trainer owns a network, the data splits, the loss and the optimiser. It is driven from a
script, the command line or the GUI's worker thread, always one `step()` at a time, so a caller
can pause, change the learning rate or probe the network between any two steps.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

import numpy as np

from nnstudio.core import losses, metrics, regularizers
from nnstudio.core.errors import TrainingDiverged
from nnstudio.core.network import Network
from nnstudio.core.optimizers import make_optimizer

EVAL_BATCH = 1024
#: the histories over time (Trainer.history, the Monitor's gradient norms and weight
#: distributions) note every epoch up to this one, then fewer and fewer (see `worth_noting`)
EVERY_EPOCH_UNTIL = 128

T = TypeVar("T")


def worth_noting(number: int, every_until: int = EVERY_EPOCH_UNTIL) -> bool:
    """Whether a history keeps the `number`-th (1-based) of a series of records: every one up
    to `every_until`, then every 2nd, 4th, … one, so a long run keeps about every_until / 2
    records per doubling of its length and costs nothing noticeable however long it runs."""
    if number <= every_until:
        return True
    stride = 1 << math.ceil(math.log2(number / every_until))
    return number % stride == 0


def append_thinned(log: list[T], item: T, number: int,
                   every_until: int = EVERY_EPOCH_UNTIL) -> None:
    """Add `item`, the `number`-th (1-based) record of a series, to `log`, which holds the
    series' records `worth_noting` and always its latest one: the previous latest is dropped
    (replaced) when it is not worth noting. So `log[-1]` is `item` and len(log) is O(log n)."""
    if log and number > 1 and not worth_noting(number - 1, every_until):
        log[-1] = item
    else:
        log.append(item)


#: the smoothed loss is an exponential average of the batch losses with this decay per step
#: (a time constant of about 10 steps)
SMOOTHING = 0.9
#: a blow-up: the smoothed loss above BLOWUP_FACTOR × its best and above its first value for
#: BLOWUP_STEPS steps in a row (see `LossWatch`)
BLOWUP_FACTOR = 3.0
BLOWUP_STEPS = 50
#: the smoothed loss is sane within this factor of its best; checkpoints are taken only then
SANE_FACTOR = 1.25
#: steps between two checkpoints (at the earliest: only while the loss is sane)
CHECKPOINT_EVERY = 20
#: after a divergence, each lower learning rate (÷ 10, ÷ 100, …, ÷ 10**TRIAL_FACTORS) is tried
#: at TRIAL_MARGIN times itself for TRIAL_STEPS steps from the checkpoint (the margin: a rate on
#: the edge of diverging may pass a short trial). The highest that brings the smoothed loss
#: below TRIAL_GAIN × the checkpoint's is suggested, else the highest that keeps it within
#: TRIAL_SLACK of it (from a checkpoint at a minimum no rate lowers the loss much)
TRIAL_STEPS = 50
TRIAL_FACTORS = 9
TRIAL_MARGIN = 2.0
TRIAL_GAIN = 0.9
TRIAL_SLACK = 1.1


class LossWatch:
    """The smoothed batch loss of a run, and the rule that tells a blow-up from training.

    smoothed: the exponential average (decay `SMOOTHING`) of the batch losses; start: its first
    value; best: its lowest; above: how many steps in a row it has been above the blow-up line
    max(BLOWUP_FACTOR × best, start). All nan/inf/0 until the first loss.
    """

    def __init__(self) -> None:
        self.restart()

    def restart(self) -> None:
        """Forget the run's losses (new data, a new penalty: the scale of the loss changed)."""
        self.smoothed = math.nan
        self.start = math.nan
        self.best = math.inf
        self.above = 0

    def update(self, loss: float) -> None:
        """Take one finite batch loss into account."""
        if math.isnan(self.smoothed):
            self.smoothed = self.start = loss
        else:
            self.smoothed = SMOOTHING * self.smoothed + (1 - SMOOTHING) * loss
        self.best = min(self.best, self.smoothed)
        line = max(BLOWUP_FACTOR * self.best, self.start)
        self.above = self.above + 1 if self.smoothed > line else 0

    @property
    def blown_up(self) -> bool:
        """The smoothed loss has stayed far above its best, and above where it began, for
        BLOWUP_STEPS steps."""
        return self.above >= BLOWUP_STEPS

    @property
    def sane(self) -> bool:
        """The smoothed loss is within SANE_FACTOR of its best: weights worth keeping."""
        return self.smoothed <= SANE_FACTOR * self.best and self.above == 0


class Checkpoint:
    """Weights, buffers and optimiser state of one moment of a run, with the smoothed loss
    then (`loss`, nan if unknown) and the number of steps completed (`step`). The weights are
    copied into arrays allocated once."""

    def __init__(self, network: Network):
        self.arrays = network.state_dict()
        self.optimizer: dict[str, np.ndarray] = {}
        self.loss = math.nan
        self.step = 0

    def take(self, network: Network, optimizer: Any, loss: float, step: int) -> None:
        for p in network.parameters():
            np.copyto(self.arrays[p.name], p.value)
        for name, buf in network.named_buffers():
            np.copyto(self.arrays[name], buf)
        self.optimizer = optimizer.state_arrays()  # fresh copies
        self.loss, self.step = loss, step

    def restore(self, network: Network, optimizer: Any) -> None:
        network.load_state_dict(self.arrays)
        if self.optimizer:
            optimizer.load_state_arrays(self.optimizer)
        else:
            optimizer.reset()
        network.zero_grad()


class SplitData(Protocol):
    """What the Trainer needs of a dataset (see nnstudio.data.Dataset): x_* (n, *features),
    y_* (n,) class labels or (n,) / (n, targets) values, read only."""

    @property
    def x_train(self) -> np.ndarray: ...
    @property
    def y_train(self) -> np.ndarray: ...
    @property
    def x_val(self) -> np.ndarray: ...
    @property
    def y_val(self) -> np.ndarray: ...
    @property
    def x_test(self) -> np.ndarray: ...
    @property
    def y_test(self) -> np.ndarray: ...
    @property
    def task(self) -> str: ...
    @property
    def num_classes(self) -> int: ...


@dataclass(frozen=True)
class EarlyStopping:
    """Stop when the monitored loss has not improved by `min_delta` for `patience` epochs."""

    patience: int = 10
    min_delta: float = 0.0
    restore_best: bool = True

    @classmethod
    def from_spec(cls, spec: Any) -> EarlyStopping | None:
        if not spec:
            return None
        return cls() if spec is True else cls(**spec)


def resolve_loss(loss: str, task: str, sampled: bool = False) -> str:
    """The canonical loss name; "auto" is cross_entropy for classification, mse otherwise, and
    negative_sampling for `sampled` targets (a true word and its negatives: the words data)."""
    if loss == "auto":
        if sampled:
            return "negative_sampling"
        return "cross_entropy" if task == "classification" else "mse"
    return losses.canonical_loss(loss)


def sampled_targets(data: SplitData) -> bool:
    """Whether each target is a true class and sampled negatives, (n, 1 + k): words data."""
    return data.task == "classification" and data.y_train.ndim == 2


def compatibility_problems(network: Network, data: SplitData, loss: str
                           ) -> list[tuple[str, str]]:
    """Why this network cannot be trained on this data with this loss, as (node id, message)
    pairs naming the Input or output node; [] if it can."""
    problems = [(network.output_id, msg) for msg in _output_problems(network, data, loss)]
    in_shape, feat_shape = network.input_shape, data.x_train.shape[1:]
    if in_shape != feat_shape and math.prod(in_shape) != math.prod(feat_shape):
        problems.insert(0, (network.input_id,
            f"the Input shape {list(in_shape)} does not match the data, whose samples have "
            f"shape {list(feat_shape)}"))
    return problems


def _output_problems(network: Network, data: SplitData, loss: str) -> list[str]:
    problems = []
    out = network.output_shape
    if len(out) != 1:
        problems.append(f"the output node must give a flat vector, but gives shape {list(out)}: "
                        "add Flatten and Dense before it")
        return problems
    units = out[0]
    if data.task == "classification":
        k = data.num_classes
        if sampled_targets(data) != (loss == "negative_sampling"):
            problems.append(
                f"the words data gives a true word and {data.y_train.shape[1] - 1} negatives "
                f"per example: use the negative_sampling loss, not {loss}"
                if sampled_targets(data) else
                "negative_sampling needs a true word and its negatives per example: use the "
                "words data source")
        elif loss == "negative_sampling" and units != k:
            problems.append(f"the output layer has {units} units but the vocabulary has {k} "
                            f"words: give it {k} units")
        elif loss in ("cross_entropy", "hinge") and units != k:
            problems.append(f"the output layer has {units} units but the data has {k} classes: "
                            f"give it {k} units")
        elif loss == "binary_cross_entropy" and (units != 1 or k != 2):
            problems.append("binary_cross_entropy needs two classes and one output unit "
                            f"(the data has {k} classes, the output {units} units)")
        elif loss == "mse" and not (units == k or (units == 1 and k == 2)):
            problems.append(f"with mse on {k} classes the output layer needs {k} units "
                            "(one-hot targets)" + (" or 1 unit" if k == 2 else ""))
    else:
        if loss != "mse":
            problems.append(f"the data is a regression task: use the mse loss, not {loss}")
        targets = data.y_train.shape[1] if data.y_train.ndim > 1 else 1
        if units != targets:
            problems.append(f"the output layer has {units} units but the data has {targets} "
                            "target value(s) per sample")
    return problems


class Trainer:
    """Mini-batch training of `network` on `data`.

    training: the design's training section with defaults resolved: loss, optimizer (a dict
    with "type"), batch_size, epochs, seed, shuffle, early_stopping.

    history holds one dict per epoch for the first EVERY_EPOCH_UNTIL epochs, then thins out
    (`append_thinned`: about EVERY_EPOCH_UNTIL / 2 per doubling), and always ends with the
    latest epoch; early stopping and `best_epoch` see every epoch. `watch` tells a blow-up
    from training, `checkpoint` is what a divergence restores (see `step`).
    """

    def __init__(self, network: Network, data: SplitData, training: dict[str, Any], *,
                 frozen: Iterable[str] = ()):
        self.network = network
        #: node ids whose parameters are not updated (their gradients are still computed)
        self.frozen: frozenset[str] = frozenset(frozen)
        self.data = data
        self._loss_spec = training.get("loss", "auto")
        self.loss = resolve_loss(self._loss_spec, data.task, sampled_targets(data))
        self._check(data, self.loss)
        self.classification = data.task == "classification"
        self.optimizer_spec = dict(training.get("optimizer") or {"type": "adam"})
        self.batch_size = int(training.get("batch_size", 32))
        self.epochs = int(training.get("epochs", 100))
        self.seed = int(training.get("seed", 0))
        self.shuffle = bool(training.get("shuffle", True))
        self.early_stopping = EarlyStopping.from_spec(training.get("early_stopping"))
        self._prepared = {split: self._prepare(split) for split in ("train", "validation", "test")}
        self._start()

    # -- set-up ----------------------------------------------------------------------------------
    def _check(self, data: SplitData, loss: str) -> None:
        problems = compatibility_problems(self.network, data, loss)
        if problems:
            raise ValueError("; ".join(f"{node}: {msg}" for node, msg in problems))

    def _prepare(self, split: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(inputs shaped for the network, loss targets, class labels or raw targets)."""
        suffix = {"train": "train", "validation": "val", "test": "test"}[split]
        x = getattr(self.data, f"x_{suffix}")
        y = getattr(self.data, f"y_{suffix}")
        x = np.ascontiguousarray(x.reshape(len(x), *self.network.input_shape),
                                 dtype=self.network.dtype)
        if self.classification:
            t = losses.targets_for(self.loss, y, self.network.output_shape[0], self.network.dtype)
            y = y[:, 0] if y.ndim == 2 else y  # words: the true word, then its negatives
        else:
            t = np.asarray(y, dtype=self.network.dtype)
            t = t[:, None] if t.ndim == 1 else t
        return x, t, y

    def _start(self) -> None:
        self.optimizer = make_optimizer(self.optimizer_spec, self.network.parameters())
        self._fused = losses.fusable(self.loss, self.network.final_activation)
        # what the class predictions read: logits when fused, else the output as it is
        self._pred_activation = None if self._fused else self.network.final_activation
        self._reg_layers = [layer for layer in self.network.layers.values()
                            if hasattr(layer, "W") and "l2" in layer.config]
        self._rng = np.random.default_rng(self.seed)
        self.epoch = 0          # completed epochs
        self.step_count = 0     # completed mini-batch updates
        self.history: list[dict[str, float]] = []
        self.stopped_early = False
        self.best_epoch: int | None = None
        self._best_loss = math.inf
        self._best_state: dict[str, np.ndarray] | None = None
        self._bad_epochs = 0
        self._new_epoch()
        self.watch = LossWatch()
        self.checkpoint = Checkpoint(self.network)
        self._since_checkpoint = CHECKPOINT_EVERY

    def _new_epoch(self) -> None:
        x, t, y = self._prepared["train"]
        if self.shuffle:
            # shuffled copies into buffers allocated once: no allocation per epoch
            if not hasattr(self, "_shuffled"):
                self._shuffled = (np.empty_like(x), np.empty_like(t), np.empty_like(y))
            perm = self._rng.permutation(len(x))
            for src, dst in zip((x, t, y), self._shuffled, strict=True):
                np.take(src, perm, axis=0, out=dst)
            self._x, self._t, self._y = self._shuffled
        else:
            self._x, self._t, self._y = x, t, y
        self._cursor = 0
        self._epoch_loss = 0.0
        self._epoch_correct = 0
        self._epoch_seen = 0
        self._epoch_started = time.perf_counter()

    def reset(self) -> None:
        """Re-initialise the weights with the seed and forget all progress."""
        self.network.reset_parameters(self.seed)
        self._start()

    # -- live settings ---------------------------------------------------------------------------
    def set_data(self, data: SplitData) -> None:
        """Train on `data` from the next step on, keeping the weights, the optimiser's state,
        the history and the counters (points drawn while training, more noise…); the epoch in
        progress starts again on the new data. ValueError, and nothing changed, when the data
        do not fit the network or change the task."""
        loss = resolve_loss(self._loss_spec, data.task, sampled_targets(data))
        if (data.task == "classification") != self.classification or loss != self.loss:
            raise ValueError(f"the data change the task to {data.task}: the network must be "
                             "built again")
        self._check(data, loss)
        self.data = data
        self._prepared = {split: self._prepare(split) for split in ("train", "validation", "test")}
        if hasattr(self, "_shuffled"):
            del self._shuffled  # sized for the old data
        self._new_epoch()
        self._loss_changed()

    @property
    def learning_rate(self) -> float:
        return self.optimizer.lr

    @learning_rate.setter
    def learning_rate(self, lr: float) -> None:
        self.optimizer.lr = float(lr)
        self.optimizer_spec["lr"] = float(lr)
        self.watch.above = 0  # a new rate gets a whole stretch before it counts as a blow-up

    def _loss_changed(self) -> None:
        """New data or a new penalty: the loss has a new scale, the watch starts again and
        the next step is checkpointed."""
        self.watch.restart()
        self._since_checkpoint = CHECKPOINT_EVERY

    def set_frozen(self, node_ids: Iterable[str]) -> None:
        """Freeze the parameters of these nodes (and only these) from the next step on."""
        self.frozen = frozenset(node_ids)

    def set_regularization(self, node_id: str, l1: float | None = None,
                           l2: float | None = None) -> None:
        """Change a Dense/Conv2D node's L1/L2 strength from the next step on."""
        layer = self.network.layers[node_id]
        if l1 is not None:
            layer.config["l1"] = float(l1)
        if l2 is not None:
            layer.config["l2"] = float(l2)
        self._loss_changed()

    # -- training --------------------------------------------------------------------------------
    @property
    def finished(self) -> bool:
        """True once the epoch limit is reached or early stopping has fired."""
        return self.stopped_early or self.epoch >= self.epochs

    @property
    def batches_per_epoch(self) -> int:
        return max(1, math.ceil(len(self._prepared["train"][0]) / self.batch_size))

    def step(self) -> float:
        """One mini-batch update; returns that batch's loss (with any L1/L2 penalty).

        Raises TrainingDiverged when the loss is NaN/Inf or has blown up (`LossWatch`); the
        weights and optimiser state are then those of the last checkpoint, taken while the
        loss was sane, and the exception suggests a learning rate that trains from there.
        """
        lo = self._cursor
        hi = min(lo + self.batch_size, len(self._x))
        loss, scores = self._forward(self._x[lo:hi], self._t[lo:hi])
        if not math.isfinite(loss):
            self._diverged(loss, blown_up=False)
        self.watch.update(loss)
        if self.watch.blown_up:
            self._diverged(self.watch.smoothed, blown_up=True)
        self._keep_checkpoint()
        self._backward_and_update()

        self.step_count += 1
        n = hi - lo
        self._epoch_loss += loss * n
        self._epoch_seen += n
        if self.classification:
            pred = metrics.predict_classes(scores, self.loss, self._pred_activation)
            self._epoch_correct += int(np.count_nonzero(pred == self._y[lo:hi]))
        self._cursor = hi
        if hi >= len(self._x):
            self._end_epoch()
        return float(loss)

    def _forward(self, xb: np.ndarray, tb: np.ndarray) -> tuple[float, np.ndarray]:
        """The loss (penalty included) of the batch xb (n, *input_shape) with targets tb, and
        the scores (n, outputs) the loss read; the gradient waits for `_backward_and_update`."""
        out = self.network.forward(xb, training=True)
        scores = self.network.logits() if self._fused else out
        loss, self._grad = losses.compute_loss(self.loss, scores, tb, fused=self._fused)
        if self._reg_layers:
            loss += regularizers.penalty(self._reg_layers)
        return float(loss), scores

    def _backward_and_update(self) -> None:
        net = self.network
        net.zero_grad()
        net.backward(self._grad, from_logits=self._fused is not None, input_grad=False)
        if self._reg_layers:
            regularizers.add_penalty_gradients(self._reg_layers)
        if self.frozen:
            for p in net.parameters():
                if p.name.rpartition(".")[0] in self.frozen:
                    p.grad = None  # the optimiser skips it, weight decay included
        self.optimizer.step()

    def run_epoch(self) -> dict[str, float]:
        """Steps until the current epoch ends; returns that epoch's metrics."""
        epoch = self.epoch
        while self.epoch == epoch:
            self.step()
        return self.history[-1]

    def run(self, on_epoch_end: Callable[[dict[str, float]], None] | None = None
            ) -> list[dict[str, float]]:
        """Train until `finished`, calling `on_epoch_end` with every epoch's metrics;
        returns the (thinned) history."""
        while not self.finished:
            metrics_ = self.run_epoch()
            if on_epoch_end is not None:
                on_epoch_end(metrics_)
        return self.history

    def _keep_checkpoint(self) -> None:
        """Every CHECKPOINT_EVERY steps at the earliest, while the loss is sane, remember the
        weights that just gave this step's loss (before its update)."""
        self._since_checkpoint += 1
        if self._since_checkpoint >= CHECKPOINT_EVERY and self.watch.sane:
            self.checkpoint.take(self.network, self.optimizer, self.watch.smoothed,
                                 self.step_count)
            self._since_checkpoint = 0

    def _diverged(self, loss: float, blown_up: bool) -> None:
        """Back to the checkpoint, then raise TrainingDiverged with a learning rate that
        trains from it (`suggest_learning_rate`)."""
        checkpoint, lr = self.checkpoint, self.learning_rate
        checkpoint.restore(self.network, self.optimizer)
        self.watch.above = 0
        self.watch.smoothed = checkpoint.loss
        suggested = self.suggest_learning_rate()
        epoch, step = self.epoch + 1, self.step_count + 1
        if blown_up:
            what = (f"the smoothed loss rose to {loss:.4g} at epoch {epoch}, step {step}, far "
                    f"above its best ({self.watch.best:.4g})")
        else:
            what = f"the loss became {loss} at epoch {epoch}, step {step}"
        restored = "the starting weights were" if checkpoint.step == 0 else \
            f"the weights of step {checkpoint.step} were"
        if not math.isnan(checkpoint.loss):
            restored = restored.replace(" were", f" (loss {checkpoint.loss:.4g}) were")
        advice = (f"continue with the learning rate {suggested:g}, which lowers the loss from "
                  "there" if suggested is not None else "lower the learning rate and continue")
        raise TrainingDiverged(
            f"{what}: the learning rate {lr:g} is too high. {restored.capitalize()} "
            f"restored; {advice}.",
            loss=loss, epoch=epoch, step=step, learning_rate=lr, blown_up=blown_up,
            restored_step=checkpoint.step, restored_loss=checkpoint.loss,
            suggested_learning_rate=suggested)

    def suggest_learning_rate(self) -> float | None:
        """The highest of lr ÷ 10, ÷ 100, … (TRIAL_FACTORS of them) that, tried at
        TRIAL_MARGIN times itself from the checkpoint, lowers the smoothed loss below
        TRIAL_GAIN × the checkpoint's, else the highest that keeps it within TRIAL_SLACK of
        it; None if every one diverges. Leaves the weights, the optimiser and the counters
        at the checkpoint."""
        lr, holding = self.learning_rate, None
        try:
            for k in range(1, TRIAL_FACTORS + 1):
                candidate = float(f"{lr / 10 ** k:.2g}")
                if candidate <= 0:
                    break
                ratio = self._trial(TRIAL_MARGIN * candidate)
                if ratio <= TRIAL_GAIN:
                    return candidate
                if ratio <= TRIAL_SLACK and holding is None:
                    holding = candidate
            return holding
        finally:
            self.optimizer.lr = lr
            self.checkpoint.restore(self.network, self.optimizer)

    def _trial(self, lr: float) -> float:
        """The smoothed loss after TRIAL_STEPS steps at `lr` from the checkpoint (on the
        batches of the current epoch, in order) over the checkpoint's; inf if a loss is not
        finite."""
        self.checkpoint.restore(self.network, self.optimizer)
        self.optimizer.lr = lr
        watch = LossWatch()
        start = self.checkpoint.loss
        n, size = len(self._x), self.batch_size
        batches = max(1, math.ceil(n / size))
        for i in range(TRIAL_STEPS):
            lo = (i % batches) * size
            loss, _ = self._forward(self._x[lo:lo + size], self._t[lo:lo + size])
            if not math.isfinite(loss):
                return math.inf
            if i == 0 and math.isnan(start):
                start = loss
            watch.update(loss)
            self._backward_and_update()
        return watch.smoothed / max(start, 1e-12)  # a perfect fit (loss 0) holds at 0

    def load_state(self, state: dict[str, np.ndarray]) -> None:
        """Put trained weights (Network.state_dict() form) into the network; a divergence
        right after restores these, not the initial ones."""
        self.network.load_state_dict(state)
        self.optimizer.reset()
        self.watch.restart()
        self.checkpoint.take(self.network, self.optimizer, math.nan, self.step_count)
        self._since_checkpoint = CHECKPOINT_EVERY


    def _end_epoch(self) -> None:
        self.epoch += 1
        entry: dict[str, float] = {
            "epoch": self.epoch,
            "step": self.step_count,
            "train_loss": self._epoch_loss / max(self._epoch_seen, 1),
        }
        if self.classification:
            entry["train_accuracy"] = self._epoch_correct / max(self._epoch_seen, 1)
        if len(self._prepared["validation"][0]):
            entry.update({f"validation_{k}": v for k, v in self.evaluate("validation").items()})
        entry["lr"] = self.learning_rate
        entry["seconds"] = time.perf_counter() - self._epoch_started
        append_thinned(self.history, entry, self.epoch)
        self._check_early_stopping(entry)
        self._new_epoch()

    @property
    def best_loss(self) -> float:
        """With early stopping, the lowest monitored loss (validation, else training) of any
        epoch so far, `best_epoch` its epoch; inf before the first epoch or without it."""
        return self._best_loss

    def _check_early_stopping(self, entry: dict[str, float]) -> None:
        es = self.early_stopping
        if es is None:
            return
        monitored = entry.get("validation_loss", entry["train_loss"])
        if monitored < self._best_loss - es.min_delta:
            self._best_loss, self.best_epoch, self._bad_epochs = monitored, self.epoch, 0
            if es.restore_best:
                self._best_state = self.network.state_dict()
            return
        self._bad_epochs += 1
        if self._bad_epochs >= es.patience:
            self.stopped_early = True
            if self._best_state is not None:
                self.network.load_state_dict(self._best_state)

    # -- evaluation ------------------------------------------------------------------------------
    def evaluate(self, split: str = "validation") -> dict[str, float]:
        """{"loss": ..., "accuracy": ...} (accuracy for classification) on "train",
        "validation" or "test", in evaluation mode (no dropout, running BatchNorm stats)."""
        if split not in self._prepared:
            raise ValueError(f"unknown split {split!r}; use train, validation or test")
        x, t, y = self._prepared[split]
        if not len(x):
            raise ValueError(f"the data has no {split} split")
        total, correct = 0.0, 0
        for lo in range(0, len(x), EVAL_BATCH):
            out = self.network.forward(x[lo:lo + EVAL_BATCH], training=False)
            scores = self.network.logits() if self._fused else out
            loss, _ = losses.compute_loss(self.loss, scores, t[lo:lo + EVAL_BATCH],
                                          fused=self._fused)
            total += loss * len(scores)
            if self.classification:
                pred = metrics.predict_classes(scores, self.loss, self._pred_activation)
                correct += int(np.count_nonzero(pred == y[lo:lo + EVAL_BATCH]))
        result = {"loss": total / len(x)}
        if self.classification:
            result["accuracy"] = correct / len(x)
        return result

    def has_split(self, split: str) -> bool:
        return len(self._prepared[split][0]) > 0

    def samples(self, split: str) -> tuple[np.ndarray, np.ndarray]:
        """The split's inputs as the network takes them (n, *input_shape), in its dtype, and
        their class labels (n,) or raw targets; the Trainer's own arrays: read only."""
        x, _, y = self._prepared[split]
        return x, y

    def loss_targets(self, split: str) -> np.ndarray:
        """The split's targets as the loss takes them (`losses.targets_for`), in the order of
        `samples(split)`; the Trainer's own array: read only."""
        return self._prepared[split][1]

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The network's output on raw inputs x (N, *features), in evaluation mode."""
        x = np.asarray(x, dtype=self.network.dtype).reshape(len(x), *self.network.input_shape)
        return np.concatenate([self.network.forward(x[lo:lo + EVAL_BATCH], training=False)
                               for lo in range(0, len(x), EVAL_BATCH)])
