"""word2vec's negative-sampling loss: a hand-computed value, central differences, targets."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.gradcheck import numerical_gradient
from nnstudio.core.losses import compute_loss, targets_for


def log_sigmoid(z: float) -> float:
    return -float(np.log1p(np.exp(-z)))


def test_hand_computed_value_and_gradient():
    scores = np.array([[0.5, -1.0, 2.0], [0.0, 1.0, -0.5]])
    ids = np.array([[2, 0, 0], [1, 2, 0]])  # row 0 draws word 0 twice as a negative
    value, grad = compute_loss("negative_sampling", scores, ids)
    expected = (-log_sigmoid(2.0) - 2 * log_sigmoid(-0.5)
                - log_sigmoid(1.0) - log_sigmoid(0.5) - log_sigmoid(0.0)) / 2
    assert value == pytest.approx(expected, rel=1e-14)
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    np.testing.assert_allclose(grad, [[2 * sig(0.5) / 2, 0, (sig(2.0) - 1) / 2],
                                      [sig(0.0) / 2, (sig(1.0) - 1) / 2, sig(-0.5) / 2]],
                               rtol=1e-14)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_gradient_matches_central_differences_element_by_element(seed):
    rng = np.random.default_rng(seed)
    scores = rng.standard_normal((5, 9)) * 3
    ids = rng.integers(0, 9, (5, 6))
    ids[1, 3] = ids[1, 0]  # a negative that is also the true word still counts as one
    _, grad = compute_loss("negative_sampling", scores, ids)
    assert grad.shape == scores.shape and grad.dtype == np.float64
    numeric = numerical_gradient(lambda s: compute_loss("negative_sampling", s, ids)[0],
                                 scores.copy())
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-9)
    untouched = np.ones_like(scores, dtype=bool)
    untouched[np.arange(5)[:, None], ids] = False
    assert not grad[untouched].any()


def test_stable_for_huge_scores_and_float32_stays_float32():
    scores = np.array([[800.0, -800.0, 0.0]], dtype=np.float32)
    value, grad = compute_loss("negative_sampling", scores, np.array([[0, 1]]))
    assert value == pytest.approx(0.0, abs=1e-6) and grad.dtype == np.float32
    value, _ = compute_loss("negative_sampling", scores, np.array([[1, 0]]))
    assert value == pytest.approx(1600.0)


def test_targets_are_rows_of_ids():
    y = np.array([[3, 0, 1], [2, 2, 4]])
    out = targets_for("negative_sampling", y, 5, np.float32)
    assert out.dtype == np.int64 and np.array_equal(out, y)
    with pytest.raises(ValueError, match=r"word id 4 needs at least 5 output units"):
        targets_for("negative_sampling", y, 4, np.float32)
    with pytest.raises(ValueError, match=r"shape \(2, 1 \+ negatives\).*words data source"):
        targets_for("negative_sampling", np.array([1, 2]), 5, np.float32)
    with pytest.raises(ValueError, match="needs integer class labels"):
        compute_loss("negative_sampling", np.zeros((1, 3)), np.array([[0.5, 1.0]]))
