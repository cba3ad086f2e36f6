"""Metrics: predicted classes, accuracy and confusion matrix for classifiers, R² for regression.

How a class is read from the network output:

- several output columns (N, C): the column with the largest value (argmax);
- one column (N, 1) or (N,), with mse or binary_cross_entropy: a yes/no prediction, class 1 when
  the output exceeds a threshold — 0.5 when the output is itself a 0/1 estimate (mse regresses
  the label; a final sigmoid gives a probability), 0 when it is a logit (binary_cross_entropy
  on a network without a final sigmoid: sigmoid(x) > 0.5 exactly when x > 0).
"""

from __future__ import annotations

import numpy as np

from nnstudio.core.losses import canonical_loss


def predict_classes(
    output: np.ndarray, loss_name: str, final_activation: str | None = None
) -> np.ndarray:
    """Predicted class of each sample, int64 (N,), from output (N, C), (N, 1) or (N,).

    `final_activation` is the network's last activation ("sigmoid" means a one-column output
    holds probabilities, not logits).
    """
    loss = canonical_loss(loss_name)
    output = np.asarray(output)
    if output.ndim == 2 and output.shape[1] > 1:
        return output.argmax(axis=1)
    if output.ndim not in (1, 2):
        raise ValueError(f"expected an output of shape (N, C) or (N,), got {output.shape}")
    column = output.reshape(-1)
    if loss in ("cross_entropy", "hinge"):
        return np.zeros(column.shape, dtype=np.int64)  # argmax of a single column
    threshold = 0.5 if loss == "mse" or final_activation == "sigmoid" else 0.0
    return (column > threshold).astype(np.int64)


def accuracy(
    output: np.ndarray, y: np.ndarray, loss_name: str, final_activation: str | None = None
) -> float:
    """Fraction of samples whose predicted class (see `predict_classes`) equals the label.

    y: class labels (N,) or (N, 1), or one-hot rows (N, C).
    """
    pred = predict_classes(output, loss_name, final_activation)
    labels = _labels(y)
    if labels.shape != pred.shape:
        raise ValueError(f"{pred.size} predictions but labels of shape {np.shape(y)}")
    if pred.size == 0:
        raise ValueError("accuracy of an empty batch is undefined")
    return float(np.count_nonzero(pred == labels)) / pred.size


def confusion_matrix(pred: np.ndarray, y: np.ndarray, num_classes: int) -> np.ndarray:
    """Counts (num_classes, num_classes), int64: entry [i, j] is how many samples of true class
    i were predicted as class j. pred, y: int labels (N,)."""
    pred = np.asarray(pred).reshape(-1).astype(np.int64)
    true = _labels(y).astype(np.int64)
    if pred.shape != true.shape:
        raise ValueError(f"{pred.size} predictions but {true.size} labels")
    for name, arr in (("prediction", pred), ("label", true)):
        if arr.size and (arr.min() < 0 or arr.max() >= num_classes):
            bad = arr.min() if arr.min() < 0 else arr.max()
            raise ValueError(f"{name} {bad} is outside the {num_classes} classes 0…"
                             f"{num_classes - 1}")
    counts = np.bincount(true * num_classes + pred, minlength=num_classes * num_classes)
    return counts.reshape(num_classes, num_classes)


def r2_score(output: np.ndarray, target: np.ndarray) -> float:
    """Coefficient of determination 1 − SS_res/SS_tot, averaged over output columns.

    output, target: (N, D), or (N,) / (N, 1) interchangeably. A constant target column scores
    1.0 when predicted exactly and 0.0 otherwise (as scikit-learn does).
    """
    out = np.asarray(output, dtype=np.float64)
    tgt = np.asarray(target, dtype=np.float64)
    if out.ndim == 1:
        out = out[:, None]
    if tgt.ndim == 1:
        tgt = tgt[:, None]
    if out.shape != tgt.shape or out.ndim != 2:
        raise ValueError(f"r2_score needs output and target of one shape, got "
                         f"{np.shape(output)} and {np.shape(target)}")
    if out.shape[0] < 2:
        raise ValueError("r2_score needs at least two samples")
    ss_res = ((tgt - out) ** 2).sum(axis=0)
    ss_tot = ((tgt - tgt.mean(axis=0)) ** 2).sum(axis=0)
    constant = ss_tot == 0
    scores = np.where(constant, np.where(ss_res == 0, 1.0, 0.0),
                      1.0 - ss_res / np.where(constant, 1.0, ss_tot))
    return float(scores.mean())


def _labels(y: np.ndarray) -> np.ndarray:
    """Labels (N,) from labels (N,) / (N, 1) or one-hot rows (N, C)."""
    y = np.asarray(y)
    if y.ndim == 2 and y.shape[1] > 1:
        return y.argmax(axis=1)
    return y.reshape(-1)
