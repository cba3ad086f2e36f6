"""Loss functions: the loss value and its gradient with respect to the network output.

Every loss averages over the batch (as torch's ``reduction="mean"``). Shapes: `output` is
(N, C) — or (N, 1) / (N,) for one output unit — and the gradient has the shape and dtype of
`output`. The cross-entropies read `output` as logits; when the network ends in softmax / sigmoid
the caller passes the pre-activation logits and ``fused=<activation>`` (see `fusable`), which
gives the same value as computing the loss on the probabilities, and its gradient w.r.t. the
logits.
"""

from __future__ import annotations

import numpy as np

from nnstudio.core.suggest import closest

LOSSES: dict[str, str] = {
    "mse": "Mean squared error: the average of (output − target)² over every element.",
    "cross_entropy": "Softmax cross-entropy: −log of the probability the network gives the "
                     "true class, averaged over the batch.",
    "binary_cross_entropy": "Sigmoid cross-entropy for yes/no targets: −[t·log p + (1 − t)·"
                            "log(1 − p)] with p = sigmoid(output), averaged over every element.",
    "hinge": "Multiclass SVM loss: Σ over wrong classes of max(0, s_wrong − s_true + 1), "
             "averaged over the batch; zero once the true class wins by a margin of 1.",
    "negative_sampling": "word2vec's loss: −log σ(s_true) − Σ over the k negatives of "
                         "log σ(−s_negative), averaged over the batch; the targets name the "
                         "true word and the negatives (the words data source draws them).",
}
LOSS_ALIASES: dict[str, str] = {
    "softmax_cross_entropy": "cross_entropy",
    "sigmoid_cross_entropy": "binary_cross_entropy",
}
#: the activation each loss can absorb (computing on logits, for numerical stability)
_FUSABLE = {"cross_entropy": "softmax", "binary_cross_entropy": "sigmoid"}
_CLASS_LOSSES = ("cross_entropy", "hinge")
#: the losses whose targets are rows of ids (N, 1 + k): the true class, then k negatives
_SAMPLED_LOSSES = ("negative_sampling",)


def canonical_loss(name: str) -> str:
    """The canonical name for a loss name or alias; ValueError (with a suggestion) otherwise."""
    if isinstance(name, str):
        if name in LOSSES:
            return name
        if name in LOSS_ALIASES:
            return LOSS_ALIASES[name]
    known = [*LOSSES, *LOSS_ALIASES]
    close = closest(name, known)
    hint = f" Did you mean {close!r}?" if close is not None else ""
    raise ValueError(
        f"unknown loss {name!r}.{hint} The losses are {', '.join(LOSSES)} "
        f"(aliases: {', '.join(LOSS_ALIASES)})."
    )


def fusable(loss_name: str, final_activation: str | None) -> str | None:
    """The activation to fuse into the loss ("softmax"/"sigmoid"), or None to compute as is."""
    wanted = _FUSABLE.get(canonical_loss(loss_name))
    return wanted if wanted is not None and wanted == final_activation else None


def compute_loss(
    name: str, output: np.ndarray, target: np.ndarray, fused: str | None = None
) -> tuple[float, np.ndarray]:
    """(loss, dL/d output) for one batch.

    output: float array (N, C), or (N, 1) / (N,). target: see each loss — (N,) integer classes
    for cross_entropy and hinge, 0/1 values shaped like output (or (N,)) for
    binary_cross_entropy, values shaped like output for mse (an (N,) target fits an (N, 1)
    output). With `fused`, output holds the logits before that activation.
    """
    loss = canonical_loss(name)
    if fused is not None and fused != _FUSABLE.get(loss):
        allowed = _FUSABLE.get(loss)
        raise ValueError(
            f"fused={fused!r} does not apply to {loss}"
            + (f" (only {allowed!r} does)" if allowed else " (it fuses no activation)")
        )
    output = np.asarray(output)
    if output.dtype.kind != "f":
        raise ValueError(f"the network output must be a float array, got {output.dtype}")
    if output.ndim == 0 or output.shape[0] == 0:
        raise ValueError(f"{loss} needs a non-empty batch, got output of shape {output.shape}")
    if loss == "mse":
        return _mse(output, _column_like(output, target, loss, output.dtype))
    if loss == "binary_cross_entropy":
        t = _column_like(output, target, loss, output.dtype)
        _check_unit_interval(t)
        return _bce_with_logits(output, t)
    if output.ndim != 2:
        raise ValueError(f"{loss} needs an output of shape (N, classes), got {output.shape}")
    if loss == "negative_sampling":
        return _negative_sampling(output, _sampled_ids(target, output.shape))
    y = _class_labels(target, output.shape, loss)
    return _cross_entropy(output, y) if loss == "cross_entropy" else _hinge(output, y)


def targets_for(loss_name: str, y: np.ndarray, output_dim: int, dtype) -> np.ndarray:
    """Turn dataset targets `y` into what `compute_loss` expects for an output of `output_dim`.

    y: (N,) integer class labels, or float regression targets (N,) / (N, output_dim).
    mse: one-hot (N, output_dim) float for labels when output_dim > 1, a float column (N, 1)
    when output_dim == 1. binary_cross_entropy: a float column (N, 1) of 0/1 when
    output_dim == 1, one-hot (one sigmoid per class) for labels otherwise.
    cross_entropy / hinge: (N,) int64 labels, each < output_dim.
    negative_sampling: y (N, 1 + k) ids as they are (the true word, then k negatives), int64.
    """
    loss = canonical_loss(loss_name)
    y = np.asarray(y)
    if loss in _SAMPLED_LOSSES:
        return _sampled_ids(y, (len(y), output_dim))
    if y.ndim == 2 and y.shape[1] == output_dim and loss not in _CLASS_LOSSES:
        out = y.astype(dtype)
        if loss == "binary_cross_entropy":
            _check_unit_interval(out)
        return out
    if y.ndim == 2 and y.shape[1] == 1:
        y = y[:, 0]
    if y.ndim != 1:
        raise ValueError(
            f"{loss} with {output_dim} output unit(s) cannot use targets of shape {y.shape}"
        )
    if output_dim == 1 and loss == "mse":
        return y.astype(dtype).reshape(-1, 1)
    if loss == "mse" and y.dtype.kind == "f" and not np.all(y == np.round(y)):
        raise ValueError(
            f"mse with {output_dim} output units needs targets of shape (N, {output_dim}) or "
            f"integer class labels to one-hot, got fractional values of shape {y.shape}"
        )
    labels = _as_labels(y, loss)
    if output_dim == 1 and loss == "binary_cross_entropy":
        if labels.size and labels.max() > 1:
            raise ValueError(
                f"binary_cross_entropy with 1 output unit needs 0/1 targets, got a label of "
                f"{labels.max()}; for {labels.max() + 1} classes use cross_entropy with "
                f"{labels.max() + 1} output units"
            )
        return labels.astype(dtype).reshape(-1, 1)
    _check_label_range(labels, output_dim, loss)
    if loss in _CLASS_LOSSES:
        return labels
    onehot = np.zeros((labels.size, output_dim), dtype=dtype)
    onehot[np.arange(labels.size), labels] = 1
    return onehot


# -- the losses ----------------------------------------------------------------------------------
def _mse(output: np.ndarray, target: np.ndarray) -> tuple[float, np.ndarray]:
    diff = output - target
    n = diff.size
    loss = float(np.vdot(diff, diff)) / n
    diff *= 2.0 / n
    return loss, diff


def _cross_entropy(logits: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    n = logits.shape[0]
    rows = np.arange(n)
    z = logits - logits.max(axis=1, keepdims=True)
    z_true = z[rows, y]
    np.exp(z, out=z)
    total = z.sum(axis=1, keepdims=True)
    loss = float(np.mean(np.log(total[:, 0]) - z_true))
    z /= total                      # softmax probabilities
    z[rows, y] -= 1.0
    z *= 1.0 / n
    return loss, z


def _bce_with_logits(x: np.ndarray, t: np.ndarray) -> tuple[float, np.ndarray]:
    n = x.size
    e = np.abs(x)
    np.negative(e, out=e)
    np.exp(e, out=e)                # e^(−|x|), in (0, 1]: never overflows
    per_element = np.maximum(x, 0) - x * t + np.log1p(e)
    loss = float(per_element.mean())
    grad = np.where(x >= 0, 1.0, e).astype(x.dtype, copy=False)
    e += 1.0
    grad /= e                       # sigmoid(x), stable on both sides
    grad -= t
    grad *= 1.0 / n
    return loss, grad


def _hinge(scores: np.ndarray, y: np.ndarray) -> tuple[float, np.ndarray]:
    n = scores.shape[0]
    rows = np.arange(n)
    margins = scores - scores[rows, y][:, None]
    margins += 1.0
    margins[rows, y] = 0.0
    np.maximum(margins, 0.0, out=margins)
    loss = float(margins.sum()) / n
    grad = (margins > 0).astype(scores.dtype)
    grad[rows, y] = -grad.sum(axis=1)
    grad *= 1.0 / n
    return loss, grad


def _negative_sampling(scores: np.ndarray, ids: np.ndarray) -> tuple[float, np.ndarray]:
    """scores (N, V), ids (N, 1 + k): mean over n of −log σ(s[n, ids[n, 0]])
    − Σⱼ log σ(−s[n, ids[n, j]]); a negative drawn twice counts twice."""
    n = scores.shape[0]
    picked = np.take_along_axis(scores, ids, axis=1)      # (N, 1 + k)
    picked[:, 1:] *= -1.0                                 # σ(−s) for the negatives
    # −log σ(z) = log(1 + e^(−z)), stable on both sides
    loss = float(np.logaddexp(0.0, -picked).sum()) / n
    slope = np.exp(-np.logaddexp(0.0, picked))            # σ(−z) = 1 − σ(z)
    slope[:, 0] *= -1.0                                   # d/ds of −log σ(s) = −σ(−s)
    grad = np.zeros_like(scores)
    np.add.at(grad, (np.arange(n)[:, None], ids), slope * (1.0 / n))
    return loss, grad


# -- target checks -------------------------------------------------------------------------------
def _column_like(output: np.ndarray, target, loss: str, dtype) -> np.ndarray:
    """`target` as a float array of output's shape; (N,) and (N, 1) are interchangeable."""
    t = np.asarray(target, dtype=dtype)
    if t.shape == output.shape:
        return t
    n = output.shape[0]
    if output.shape in ((n,), (n, 1)) and t.shape in ((n,), (n, 1)):
        return t.reshape(output.shape)
    raise ValueError(
        f"{loss} needs targets shaped like the output {output.shape}, got {t.shape}"
    )


def _check_unit_interval(t: np.ndarray) -> None:
    if t.size and (t.min() < 0 or t.max() > 1):
        bad = t.min() if t.min() < 0 else t.max()
        raise ValueError(f"binary_cross_entropy targets must lie in [0, 1], got {bad:g}")


def _as_labels(y: np.ndarray, loss: str) -> np.ndarray:
    """`y` as int64 class labels; ValueError for fractional or negative values."""
    if y.dtype.kind in "iub":
        labels = y.astype(np.int64, copy=False)
    elif y.dtype.kind == "f" and np.all(np.isfinite(y)) and np.all(y == np.round(y)):
        labels = y.astype(np.int64)
    else:
        raise ValueError(f"{loss} needs integer class labels, got values of type {y.dtype}")
    if labels.size and labels.min() < 0:
        raise ValueError(f"{loss} needs class labels ≥ 0, got {labels.min()}")
    return labels


def _check_label_range(labels: np.ndarray, num_classes: int, loss: str) -> None:
    if labels.size and labels.max() >= num_classes:
        top = int(labels.max())
        raise ValueError(
            f"{loss}: class label {top} needs at least {top + 1} output units, but the output "
            f"has {num_classes}"
        )


def _sampled_ids(target, output_shape: tuple[int, ...]) -> np.ndarray:
    """`target` as int64 ids (N, 1 + k), each < the output's classes."""
    y = np.asarray(target)
    n, classes = output_shape
    if y.ndim != 2 or y.shape[0] != n or y.shape[1] < 2:
        raise ValueError(f"negative_sampling needs targets of shape ({n}, 1 + negatives): the "
                         f"true word's id, then the negatives' (the words data source makes "
                         f"them), got {y.shape}")
    labels = _as_labels(y, "negative_sampling")
    if labels.size and labels.max() >= classes:
        raise ValueError(f"negative_sampling: word id {int(labels.max())} needs at least "
                         f"{int(labels.max()) + 1} output units (one per word of the "
                         f"vocabulary), but the output has {classes}")
    return labels


def _class_labels(target, output_shape: tuple[int, ...], loss: str) -> np.ndarray:
    y = np.asarray(target)
    n, classes = output_shape
    if y.shape != (n,):
        raise ValueError(f"{loss} needs {n} class labels of shape ({n},), got {y.shape}")
    labels = _as_labels(y, loss)
    _check_label_range(labels, classes, loss)
    return labels
