"""Trainer: mini-batch training one step or one epoch at a time, with history and early stopping.

The Trainer owns a network, the data splits, the loss and the optimiser. It is driven from a
script, the command line or the GUI's worker thread, always one `step()` at a time, so a caller
can pause, change the learning rate or probe the network between any two steps.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
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


class SplitData(Protocol):
    """What the Trainer needs of a dataset (see nnstudio.data.Dataset)."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    task: str
    num_classes: int


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


def resolve_loss(loss: str, task: str) -> str:
    """The canonical loss name; "auto" is cross_entropy for classification, mse otherwise."""
    if loss == "auto":
        return "cross_entropy" if task == "classification" else "mse"
    return losses.canonical_loss(loss)


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
        if loss in ("cross_entropy", "hinge") and units != k:
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
    """

    def __init__(self, network: Network, data: SplitData, training: dict[str, Any]):
        self.network = network
        self.data = data
        self._loss_spec = training.get("loss", "auto")
        self.loss = resolve_loss(self._loss_spec, data.task)
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
        self._good_state = self.network.state_dict()

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
        loss = resolve_loss(self._loss_spec, data.task)
        if (data.task == "classification") != self.classification or loss != self.loss:
            raise ValueError(f"the data change the task to {data.task}: the network must be "
                             "built again")
        self._check(data, loss)
        self.data = data
        self._prepared = {split: self._prepare(split) for split in ("train", "validation", "test")}
        if hasattr(self, "_shuffled"):
            del self._shuffled  # sized for the old data
        self._new_epoch()

    @property
    def learning_rate(self) -> float:
        return self.optimizer.lr

    @learning_rate.setter
    def learning_rate(self, lr: float) -> None:
        self.optimizer.lr = float(lr)
        self.optimizer_spec["lr"] = float(lr)

    def set_regularization(self, node_id: str, l1: float | None = None,
                           l2: float | None = None) -> None:
        """Change a Dense/Conv2D node's L1/L2 strength from the next step on."""
        layer = self.network.layers[node_id]
        if l1 is not None:
            layer.config["l1"] = float(l1)
        if l2 is not None:
            layer.config["l2"] = float(l2)

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

        Raises TrainingDiverged when the loss is NaN/Inf; the weights are then restored to the
        last ones that gave a finite loss and the optimiser's state is cleared.
        """
        net = self.network
        lo = self._cursor
        hi = min(lo + self.batch_size, len(self._x))
        xb, tb = self._x[lo:hi], self._t[lo:hi]
        out = net.forward(xb, training=True)
        scores = net.logits() if self._fused else out
        loss, grad = losses.compute_loss(self.loss, scores, tb, fused=self._fused)
        if self._reg_layers:
            loss += regularizers.penalty(self._reg_layers)
        if not math.isfinite(loss):
            self._diverged(loss)
        self._keep_good_state()
        net.zero_grad()
        net.backward(grad, from_logits=self._fused is not None, input_grad=False)
        if self._reg_layers:
            regularizers.add_penalty_gradients(self._reg_layers)
        self.optimizer.step()

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

    def run_epoch(self) -> dict[str, float]:
        """Steps until the current epoch ends; returns that epoch's metrics."""
        epoch = self.epoch
        while self.epoch == epoch:
            self.step()
        return self.history[-1]

    def run(self, on_epoch_end: Callable[[dict[str, float]], None] | None = None
            ) -> list[dict[str, float]]:
        """Train until `finished`; returns the history."""
        while not self.finished:
            metrics_ = self.run_epoch()
            if on_epoch_end is not None:
                on_epoch_end(metrics_)
        return self.history

    def _keep_good_state(self) -> None:
        """Remember the weights that just gave a finite loss (in place, no allocation)."""
        for p in self.network.parameters():
            np.copyto(self._good_state[p.name], p.value)
        for name, buf in self.network.named_buffers():
            np.copyto(self._good_state[name], buf)

    def _diverged(self, loss: float) -> None:
        self.network.load_state_dict(self._good_state)
        self.optimizer.reset()
        self.network.zero_grad()
        epoch, step, lr = self.epoch + 1, self.step_count + 1, self.learning_rate
        raise TrainingDiverged(
            f"the loss became {loss} at epoch {epoch}, step {step}: the learning rate "
            f"{lr:g} is probably too high. The last weights that gave a finite loss were "
            "restored; lower the learning rate and continue.",
            loss=loss, epoch=epoch, step=step, learning_rate=lr)

    def load_state(self, state: dict[str, np.ndarray]) -> None:
        """Put trained weights (Network.state_dict() form) into the network; a divergence
        right after restores these, not the initial ones."""
        self.network.load_state_dict(state)
        self.optimizer.reset()
        self._keep_good_state()

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

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The network's output on raw inputs x (N, *features), in evaluation mode."""
        x = np.asarray(x, dtype=self.network.dtype).reshape(len(x), *self.network.input_shape)
        return np.concatenate([self.network.forward(x[lo:lo + EVAL_BATCH], training=False)
                               for lo in range(0, len(x), EVAL_BATCH)])
