"""Metrics on hand-made examples."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.metrics import accuracy, confusion_matrix, predict_classes, r2_score


def test_argmax_for_several_columns():
    out = np.array([[0.1, 0.7, 0.2], [2.0, -1.0, 0.0], [0.0, 0.0, 5.0], [1.0, 3.0, 2.0]])
    for loss in ("cross_entropy", "hinge", "mse", "binary_cross_entropy"):
        np.testing.assert_array_equal(predict_classes(out, loss), [1, 0, 2, 1])
    assert accuracy(out, np.array([1, 0, 1, 1]), "cross_entropy") == 0.75
    assert accuracy(out, np.eye(3)[[1, 0, 2, 0]], "mse") == 0.75  # one-hot labels


def test_single_column_thresholds():
    out = np.array([[-0.2], [0.3], [0.6], [1.2]])
    # logits: class 1 above 0
    np.testing.assert_array_equal(predict_classes(out, "binary_cross_entropy"), [0, 1, 1, 1])
    np.testing.assert_array_equal(predict_classes(out, "sigmoid_cross_entropy"), [0, 1, 1, 1])
    # a 0/1 estimate (mse) or a probability (final sigmoid): class 1 above 0.5
    np.testing.assert_array_equal(predict_classes(out, "mse"), [0, 0, 1, 1])
    np.testing.assert_array_equal(
        predict_classes(out[:, 0], "binary_cross_entropy", final_activation="sigmoid"),
        [0, 0, 1, 1])
    y = np.array([0, 0, 1, 1])
    assert accuracy(out, y, "mse") == 1.0
    assert accuracy(out, y.astype(float)[:, None], "binary_cross_entropy") == 0.75
    # a single column is argmax'ed by the class losses: always class 0
    np.testing.assert_array_equal(predict_classes(out, "cross_entropy"), [0, 0, 0, 0])


def test_accuracy_errors():
    with pytest.raises(ValueError, match="3 predictions but labels of shape"):
        accuracy(np.zeros((3, 2)), np.zeros(4), "cross_entropy")
    with pytest.raises(ValueError, match="empty batch"):
        accuracy(np.zeros((0, 2)), np.zeros(0), "cross_entropy")
    with pytest.raises(ValueError, match="unknown loss"):
        accuracy(np.zeros((3, 2)), np.zeros(3), "accuracy")
    with pytest.raises(ValueError, match=r"shape \(N, C\)"):
        predict_classes(np.zeros((2, 2, 2)), "mse")


def test_confusion_matrix():
    y = np.array([0, 0, 1, 2, 2, 2])
    pred = np.array([0, 1, 1, 2, 0, 2])
    cm = confusion_matrix(pred, y, 3)
    np.testing.assert_array_equal(cm, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])
    assert cm.dtype == np.int64 and cm.sum() == 6
    np.testing.assert_array_equal(confusion_matrix(np.array([], int), np.array([], int), 2),
                                  np.zeros((2, 2)))
    with pytest.raises(ValueError, match="label 3 is outside the 3 classes"):
        confusion_matrix(pred, np.array([0, 0, 1, 3, 2, 2]), 3)
    with pytest.raises(ValueError, match="prediction -1 is outside"):
        confusion_matrix(np.array([-1]), np.array([0]), 3)
    with pytest.raises(ValueError, match="2 predictions but 3 labels"):
        confusion_matrix(np.array([0, 1]), np.array([0, 1, 1]), 2)


def test_r2_score():
    target = np.array([3.0, -0.5, 2.0, 7.0])
    pred = np.array([2.5, 0.0, 2.0, 8.0])
    assert r2_score(pred, target) == pytest.approx(0.9486081370449679)  # scikit-learn's example
    assert r2_score(target[:, None], target) == 1.0
    assert r2_score(np.full(4, target.mean()), target) == pytest.approx(0.0)
    # two columns, averaged; a constant column counts 1 if exact, 0 otherwise
    two = np.stack([target, np.ones(4)], axis=1)
    assert r2_score(np.stack([pred, np.ones(4)], axis=1), two) == pytest.approx(
        (0.9486081370449679 + 1.0) / 2)
    assert r2_score(np.stack([pred, np.zeros(4)], axis=1), two) == pytest.approx(
        0.9486081370449679 / 2)
    with pytest.raises(ValueError, match="one shape"):
        r2_score(np.zeros((4, 2)), np.zeros((4, 3)))
    with pytest.raises(ValueError, match="two samples"):
        r2_score(np.zeros(1), np.zeros(1))
