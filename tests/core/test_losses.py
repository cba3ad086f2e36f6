"""Losses: values, gradients (numerical and against torch), fusion, targets and errors."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio.core.gradcheck import numerical_gradient
from nnstudio.core.losses import (
    LOSS_ALIASES,
    LOSSES,
    canonical_loss,
    compute_loss,
    fusable,
    targets_for,
)

RNG = np.random.default_rng(1234)


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


CASES = [
    ("mse", (5, 3)),
    ("mse", (6, 1)),
    ("cross_entropy", (7, 4)),
    ("binary_cross_entropy", (6, 1)),
    ("binary_cross_entropy", (6, 3)),
    ("hinge", (8, 5)),
]


def case(loss: str, shape: tuple[int, int]):
    n, c = shape
    output = RNG.standard_normal(shape) * 2
    if loss == "mse":
        target = RNG.standard_normal(shape)
    elif loss == "binary_cross_entropy":
        target = RNG.integers(0, 2, shape).astype(np.float64)
    else:
        target = RNG.integers(0, c, n)
    return output, target


# -- gradients --------------------------------------------------------------------------------
@pytest.mark.parametrize(("loss", "shape"), CASES)
def test_gradient_matches_central_differences(loss, shape):
    output, target = case(loss, shape)
    value, grad = compute_loss(loss, output, target)
    assert grad.shape == output.shape and grad.dtype == output.dtype
    numeric = numerical_gradient(lambda x: compute_loss(loss, x, target)[0], output.copy())
    np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-8)
    assert value == pytest.approx(compute_loss(loss, output, target)[0])


def test_bce_accepts_flat_output_and_column_targets():
    x = RNG.standard_normal(6)
    t = RNG.integers(0, 2, 6).astype(np.float64)
    flat = compute_loss("binary_cross_entropy", x, t[:, None])
    column = compute_loss("binary_cross_entropy", x[:, None], t)
    assert flat[0] == pytest.approx(column[0])
    assert flat[1].shape == (6,) and column[1].shape == (6, 1)
    np.testing.assert_allclose(flat[1], column[1][:, 0])


def test_fused_softmax_equals_cross_entropy_on_probabilities():
    logits = RNG.standard_normal((6, 3)) * 3
    y = RNG.integers(0, 3, 6)
    value, grad = compute_loss("cross_entropy", logits, y, fused="softmax")
    p = softmax(logits)
    rows = np.arange(6)
    assert value == pytest.approx(-np.mean(np.log(p[rows, y])), rel=1e-12)
    # dL/dp of the mean negative log-likelihood, then the chain rule through softmax
    grad_p = np.zeros_like(p)
    grad_p[rows, y] = -1.0 / (6 * p[rows, y])
    chain = p * (grad_p - (grad_p * p).sum(axis=1, keepdims=True))
    np.testing.assert_allclose(grad, chain, rtol=1e-10, atol=1e-14)
    plain = compute_loss("cross_entropy", logits, y)
    assert plain[0] == value
    np.testing.assert_array_equal(plain[1], grad)


def test_fused_sigmoid_equals_binary_cross_entropy_on_probabilities():
    logits = RNG.standard_normal((8, 1)) * 3
    t = RNG.integers(0, 2, (8, 1)).astype(np.float64)
    value, grad = compute_loss("binary_cross_entropy", logits, t, fused="sigmoid")
    p = sigmoid(logits)
    assert value == pytest.approx(-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)), rel=1e-12)
    grad_p = -(t / p - (1 - t) / (1 - p)) / t.size
    np.testing.assert_allclose(grad, grad_p * p * (1 - p), rtol=1e-10, atol=1e-14)


def test_cross_entropies_are_stable_for_huge_logits():
    logits = np.array([[1000.0, -1000.0, 0.0], [-800.0, 800.0, 0.0]])
    value, grad = compute_loss("cross_entropy", logits, np.array([1, 1]))
    assert value == pytest.approx(1000.0)
    np.testing.assert_allclose(grad, [[0.5, -0.5, 0.0], [0.0, 0.0, 0.0]], atol=1e-12)
    value, grad = compute_loss("binary_cross_entropy", np.array([[800.0], [-800.0]]),
                               np.array([0.0, 0.0]))
    assert value == pytest.approx(400.0)
    np.testing.assert_allclose(grad, [[0.5], [0.0]], atol=1e-12)


@pytest.mark.parametrize(("loss", "shape"), CASES)
def test_float32_stays_float32(loss, shape):
    output, target = case(loss, shape)
    value, grad = compute_loss(loss, output.astype(np.float32), target)
    assert isinstance(value, float)
    assert grad.dtype == np.float32
    ref_value, ref_grad = compute_loss(loss, output, target)
    assert value == pytest.approx(ref_value, rel=1e-5)
    np.testing.assert_allclose(grad, ref_grad, rtol=1e-4, atol=1e-6)


def test_hinge_hand_example():
    scores = np.array([[3.2, 5.1, -1.7], [1.3, 4.9, 2.0], [2.2, 2.5, -3.1]])
    y = np.array([0, 1, 2])
    value, grad = compute_loss("hinge", scores, y)
    # CS231n's example: per-sample losses 2.9, 0 and 12.9
    assert value == pytest.approx((2.9 + 0.0 + 12.9) / 3)
    expected = np.array([[-1.0, 1.0, 0.0], [0.0, 0.0, 0.0], [1.0, 1.0, -2.0]]) / 3
    np.testing.assert_allclose(grad, expected)


def test_hinge_matches_a_loop_over_classes():
    scores, y = case("hinge", (9, 4))
    total = 0.0
    for s, label in zip(scores, y, strict=True):
        total += sum(max(0.0, s[j] - s[label] + 1) for j in range(4) if j != label)
    assert compute_loss("hinge", scores, y)[0] == pytest.approx(total / 9, rel=1e-12)


# -- against torch ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def torch():
    return pytest.importorskip("torch")


def torch_value_and_grad(torch, fn, output):
    x = torch.tensor(output, dtype=torch.float64, requires_grad=True)
    value = fn(x)
    value.backward()
    return value.item(), x.grad.numpy()


@pytest.mark.parametrize(("loss", "shape"), CASES)
def test_matches_torch(torch, loss, shape):
    F = torch.nn.functional
    output, target = case(loss, shape)
    t = torch.tensor(target)
    reference = {
        "mse": lambda x: F.mse_loss(x, t),
        "cross_entropy": lambda x: F.cross_entropy(x, t),
        "binary_cross_entropy": lambda x: F.binary_cross_entropy_with_logits(x, t),
        # torch divides by the number of classes; ours does not
        "hinge": lambda x: F.multi_margin_loss(x, t) * shape[1],
    }[loss]
    ref_value, ref_grad = torch_value_and_grad(torch, reference, output)
    value, grad = compute_loss(loss, output, target)
    assert value == pytest.approx(ref_value, rel=1e-6)
    np.testing.assert_allclose(grad, ref_grad, rtol=1e-6, atol=1e-12)


def test_fused_sigmoid_matches_torch_on_probabilities(torch):
    logits, t = case("binary_cross_entropy", (7, 1))
    tt = torch.tensor(t)
    ref_value, ref_grad = torch_value_and_grad(
        torch, lambda x: torch.nn.functional.binary_cross_entropy(torch.sigmoid(x), tt), logits)
    value, grad = compute_loss("sigmoid_cross_entropy", logits, t, fused="sigmoid")
    assert value == pytest.approx(ref_value, rel=1e-6)
    np.testing.assert_allclose(grad, ref_grad, rtol=1e-6, atol=1e-12)


def test_fused_softmax_matches_torch_on_probabilities(torch):
    logits, y = case("cross_entropy", (7, 4))
    ty = torch.tensor(y)
    ref_value, ref_grad = torch_value_and_grad(
        torch, lambda x: torch.nn.functional.nll_loss(torch.log(torch.softmax(x, 1)), ty),
        logits)
    value, grad = compute_loss("softmax_cross_entropy", logits, y, fused="softmax")
    assert value == pytest.approx(ref_value, rel=1e-6)
    np.testing.assert_allclose(grad, ref_grad, rtol=1e-6, atol=1e-12)


# -- names and fusion -------------------------------------------------------------------------
def test_names_and_aliases():
    assert set(LOSSES) == {"mse", "cross_entropy", "binary_cross_entropy", "hinge",
                           "negative_sampling"}
    assert all(isinstance(text, str) and text for text in LOSSES.values())
    for name in LOSSES:
        assert canonical_loss(name) == name
    for alias, name in LOSS_ALIASES.items():
        assert canonical_loss(alias) == name
    assert canonical_loss("softmax_cross_entropy") == "cross_entropy"
    assert canonical_loss("sigmoid_cross_entropy") == "binary_cross_entropy"


@pytest.mark.parametrize(("name", "suggestion"), [
    ("MSE", "mse"), ("crossentropy", "cross_entropy"), ("hinj", "hinge"),
    ("binary-cross-entropy", "binary_cross_entropy"),
])
def test_unknown_loss_suggests_a_name(name, suggestion):
    with pytest.raises(ValueError, match=f"Did you mean '{suggestion}'") as info:
        canonical_loss(name)
    assert "mse, cross_entropy" in str(info.value)


@pytest.mark.parametrize("name", ["zzz", 3, None])
def test_unknown_loss_without_a_suggestion(name):
    with pytest.raises(ValueError, match="unknown loss"):
        compute_loss(name, np.zeros((2, 2)), np.zeros((2, 2)))


def test_fusable():
    assert fusable("cross_entropy", "softmax") == "softmax"
    assert fusable("softmax_cross_entropy", "softmax") == "softmax"
    assert fusable("binary_cross_entropy", "sigmoid") == "sigmoid"
    assert fusable("sigmoid_cross_entropy", "sigmoid") == "sigmoid"
    assert fusable("cross_entropy", "sigmoid") is None
    assert fusable("binary_cross_entropy", "softmax") is None
    assert fusable("cross_entropy", None) is None
    assert fusable("mse", "softmax") is None
    assert fusable("hinge", "softmax") is None
    with pytest.raises(ValueError, match="unknown loss"):
        fusable("nope", "softmax")


@pytest.mark.parametrize(("loss", "fused"), [
    ("mse", "softmax"), ("hinge", "softmax"), ("cross_entropy", "sigmoid"),
    ("binary_cross_entropy", "softmax"), ("cross_entropy", "tanh"),
])
def test_wrong_fusion_is_refused(loss, fused):
    output, target = case(loss, (4, 3))
    with pytest.raises(ValueError, match=f"fused='{fused}' does not apply to {loss}"):
        compute_loss(loss, output, target, fused=fused)


def test_mse_on_softmax_probabilities_is_not_fused():
    p = softmax(RNG.standard_normal((4, 3)))
    target = np.eye(3)[[0, 2, 1, 1]]
    value, grad = compute_loss("mse", p, target)
    assert value == pytest.approx(np.mean((p - target) ** 2))
    np.testing.assert_allclose(grad, 2 * (p - target) / p.size)


# -- targets ----------------------------------------------------------------------------------
def test_targets_for_mse():
    y = np.array([0, 2, 1])
    onehot = targets_for("mse", y, 3, np.float32)
    np.testing.assert_array_equal(onehot, np.eye(3, dtype=np.float32)[y])
    assert onehot.dtype == np.float32
    column = targets_for("mse", np.array([0.5, 1.5]), 1, np.float64)
    np.testing.assert_array_equal(column, [[0.5], [1.5]])
    regression = RNG.standard_normal((4, 2))
    np.testing.assert_array_equal(targets_for("mse", regression, 2, np.float64), regression)
    assert targets_for("mse", np.array([1, 0]), 1, np.float32).shape == (2, 1)
    with pytest.raises(ValueError, match=r"needs targets of shape \(N, 2\)"):
        targets_for("mse", np.array([0.5, 1.5]), 2, np.float64)
    with pytest.raises(ValueError, match=r"cannot use targets of shape \(3, 2, 2\)"):
        targets_for("mse", np.zeros((3, 2, 2)), 2, np.float64)


def test_targets_for_binary_cross_entropy():
    column = targets_for("sigmoid_cross_entropy", np.array([1, 0, 1]), 1, np.float32)
    np.testing.assert_array_equal(column, [[1], [0], [1]])
    assert column.dtype == np.float32
    onehot = targets_for("binary_cross_entropy", np.array([2, 0]), 3, np.float64)
    np.testing.assert_array_equal(onehot, [[0, 0, 1], [1, 0, 0]])
    with pytest.raises(ValueError, match="needs 0/1 targets, got a label of 2"):
        targets_for("binary_cross_entropy", np.array([0, 2]), 1, np.float64)
    with pytest.raises(ValueError, match=r"must lie in \[0, 1\]"):
        targets_for("binary_cross_entropy", np.array([[0.5, 2.0]]), 2, np.float64)


@pytest.mark.parametrize("loss", ["cross_entropy", "hinge", "softmax_cross_entropy"])
def test_targets_for_class_losses(loss):
    labels = targets_for(loss, np.array([2, 0, 1]), 3, np.float32)
    assert labels.dtype == np.int64
    np.testing.assert_array_equal(labels, [2, 0, 1])
    np.testing.assert_array_equal(targets_for(loss, np.array([[1.0], [0.0]]), 2, np.float32),
                                  [1, 0])


@pytest.mark.parametrize("loss", ["mse", "cross_entropy", "hinge", "binary_cross_entropy"])
def test_label_beyond_the_outputs_names_both_numbers(loss):
    with pytest.raises(ValueError, match="class label 3 needs at least 4 output units, but "
                                         "the output has 3"):
        targets_for(loss, np.array([0, 3, 1]), 3, np.float64)


@pytest.mark.parametrize(("y", "message"), [
    (np.array([0, -1]), "labels ≥ 0, got -1"),
    (np.array([0.0, 1.5]), "integer class labels"),
    (np.array(["a", "b"]), "integer class labels"),
])
def test_bad_class_labels(y, message):
    with pytest.raises(ValueError, match=message):
        targets_for("cross_entropy", y, 3, np.float64)


def test_compute_loss_checks_targets():
    with pytest.raises(ValueError, match="class label 5 needs at least 6 output units"):
        compute_loss("cross_entropy", np.zeros((2, 3)), np.array([0, 5]))
    with pytest.raises(ValueError, match="class label 1 needs at least 2 output units"):
        compute_loss("hinge", np.zeros((2, 1)), np.array([0, 1]))
    with pytest.raises(ValueError, match=r"needs 2 class labels of shape \(2,\)"):
        compute_loss("cross_entropy", np.zeros((2, 3)), np.array([0, 1, 2]))
    with pytest.raises(ValueError, match=r"shaped like the output \(2, 3\), got \(3, 2\)"):
        compute_loss("mse", np.zeros((2, 3)), np.zeros((3, 2)))
    with pytest.raises(ValueError, match=r"must lie in \[0, 1\], got -1"):
        compute_loss("binary_cross_entropy", np.zeros((2, 1)), np.array([0.0, -1.0]))
    with pytest.raises(ValueError, match="float array"):
        compute_loss("mse", np.zeros((2, 3), dtype=np.int64), np.zeros((2, 3)))
    with pytest.raises(ValueError, match="non-empty batch"):
        compute_loss("cross_entropy", np.zeros((0, 3)), np.zeros(0, dtype=np.int64))
    with pytest.raises(ValueError, match=r"shape \(N, classes\)"):
        compute_loss("cross_entropy", np.zeros(3), np.zeros(3, dtype=np.int64))
