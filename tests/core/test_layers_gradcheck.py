"""Every layer's backward pass against central differences, in float64."""

import numpy as np
import pytest

from nnstudio.core.catalog import ACTIVATIONS
from nnstudio.core.gradcheck import check_layer_gradients, numerical_gradient, worst_element
from nnstudio.core.layers.base import Layer


def data(*shape, seed=1):
    return np.random.default_rng(seed).standard_normal(shape)


def assert_gradients_match(layer, inputs, **kw):
    found = check_layer_gradients(layer, inputs, **kw)
    expected = {"x0", "x1"} if isinstance(inputs, list) else {"x"}
    assert expected <= set(found)
    assert {p.name.split(".", 1)[1] for p in layer.parameters} <= set(found)
    bad = {name: str(worst) for name, worst in found.items() if not worst.ok}
    assert not bad, f"gradients off: {bad}"


def test_numerical_gradient_of_a_known_function():
    x = data(3, 4)
    g = numerical_gradient(lambda a: float(np.sum(a**3)), x)
    np.testing.assert_allclose(g, 3 * x**2, rtol=1e-7, atol=1e-9)
    np.testing.assert_array_equal(x, data(3, 4))  # restored


def test_numerical_gradient_refuses_float32():
    with pytest.raises(ValueError, match="float64"):
        numerical_gradient(lambda a: 0.0, np.zeros(3, np.float32))


def test_worst_element_is_relative_to_each_entry():
    assert worst_element(np.zeros(3), np.zeros(3)).ratio == 0.0
    worst = worst_element(np.array([100.0, 1e-4]), np.array([100.0, 2e-4]), rtol=1e-6, atol=0)
    assert worst.index == (1,) and not worst.ok
    assert worst.ratio == pytest.approx(1e-4 / (1e-6 * 2e-4))
    assert "[1]: analytic 0.0001, numeric 0.0002" in str(worst)
    assert worst_element(np.array([1.0, 2.0]), np.array([1.0, 2.0 + 1e-9])).ok
    assert not worst_element(np.array([np.nan]), np.array([0.0])).ok
    with pytest.raises(ValueError, match=r"shape \(2,\) compared with one of shape \(3,\)"):
        worst_element(np.zeros(2), np.zeros(3))


class SmallEntryWrong(Layer):
    """y = x·s per feature; backward is 50 % off for the feature whose s is tiny."""

    scale = np.array([2.0, -1.5, 1e-6, 1.0])

    def forward(self, x, training):
        return x * self.scale

    def backward(self, grad):
        g = grad * self.scale
        g[:, 2] *= 1.5
        return g


def test_a_gradient_wrong_in_one_small_entry_is_caught():
    layer = SmallEntryWrong("s")
    found = check_layer_gradients(layer, data(3, 4))
    assert not found["x"].ok and found["x"].index[1] == 2
    # measured against the largest entry, as the check once did, the error hid
    x = data(3, 4)
    projection = np.random.default_rng(0).standard_normal((3, 4))
    layer.forward(x, True)
    analytic = layer.backward(projection)
    numeric = numerical_gradient(lambda a: float(np.sum(layer.forward(a, True) * projection)), x)
    assert np.abs(analytic - numeric).max() / np.abs(numeric).max() < 1e-6


@pytest.mark.parametrize("activation", [a for a in ACTIVATIONS if a != "step"])
def test_dense(make_layer, activation):
    layer = make_layer("Dense", {"units": 4, "activation": activation,
                                 "bias_init": "normal"}, (5,))
    assert_gradients_match(layer, data(3, 5))


def test_dense_without_bias(make_layer):
    layer = make_layer("Dense", {"units": 3, "use_bias": False}, (4,))
    assert [p.name for p in layer.parameters] == ["n.W"]
    assert_gradients_match(layer, data(2, 4))


def test_dense_step_has_zero_gradient(make_layer):
    layer = make_layer("Dense", {"units": 4, "activation": "step"}, (5,))
    x = data(3, 5)
    y = layer.forward(x, True)
    assert set(np.unique(y)) <= {0.0, 1.0}
    gx = layer.backward(np.ones_like(y))
    assert not gx.any() and not layer.W.grad.any() and not layer.b.grad.any()
    found = check_layer_gradients(layer, x)  # the numerical gradient is zero too
    assert max(worst.ratio for worst in found.values()) == 0.0


@pytest.mark.parametrize("activation", ["sigmoid", "softmax"])
def test_dense_backward_from_logits_skips_the_activation(make_layer, activation):
    layer = make_layer("Dense", {"units": 3, "activation": activation,
                                 "bias_init": "normal"}, (4,))
    x = data(5, 4)
    g = data(5, 3, seed=2)
    layer.forward(x, True)
    np.testing.assert_allclose(layer.logits, x @ layer.W.value + layer.b.value)
    gx = layer.backward_from_logits(g)
    np.testing.assert_allclose(gx, g @ layer.W.value.T)
    np.testing.assert_allclose(layer.W.grad, x.T @ g)
    np.testing.assert_allclose(layer.b.grad, g.sum(axis=0))


@pytest.mark.parametrize("params", [
    {"filters": 3},
    {"filters": 3, "stride": 2, "padding": 1},
    {"filters": 2, "kernel_size": 2, "padding": "same"},
    {"filters": 2, "kernel_size": [4, 3], "padding": "same"},
    {"filters": 3, "kernel_size": [2, 3], "stride": [2, 1], "padding": [1, 0]},
    {"filters": 2, "kernel_size": 3, "padding": "valid", "activation": "tanh"},
    {"filters": 2, "padding": 1, "activation": "softmax"},
], ids=str)
def test_conv2d(make_layer, params):
    layer = make_layer("Conv2D", {"bias_init": "normal", **params}, (2, 5, 6))
    assert_gradients_match(layer, data(2, 2, 5, 6))


def test_conv2d_on_a_channels_last_view(make_layer):
    """Conv outputs are NCHW views of NHWC memory; the next layer must handle them."""
    layer = make_layer("Conv2D", {"filters": 2, "padding": 1}, (3, 4, 5))
    x = np.ascontiguousarray(data(2, 3, 4, 5).transpose(0, 2, 3, 1)).transpose(0, 3, 1, 2)
    assert not x.flags.c_contiguous
    assert_gradients_match(layer, x)


@pytest.mark.parametrize("kind", ["MaxPool2D", "AvgPool2D"])
@pytest.mark.parametrize(("params", "shape"), [
    ({}, (2, 6, 4)),  # non-overlapping, exact tiling
    ({}, (2, 7, 5)),  # non-overlapping, the last row/column dropped (floor mode)
    ({"pool_size": 3, "stride": 2, "padding": 1}, (2, 7, 6)),  # overlapping, padded
    ({"pool_size": [3, 2], "stride": 1}, (1, 5, 5)),
    ({"pool_size": 2, "padding": "same"}, (2, 5, 3)),
], ids=str)
def test_pooling(make_layer, kind, params, shape):
    layer = make_layer(kind, params, shape)
    assert_gradients_match(layer, data(3, *shape))


@pytest.mark.parametrize("shape", [(4,), (3, 4, 5)], ids=str)
def test_batchnorm_training(make_layer, shape):
    layer = make_layer("BatchNorm", {}, shape)
    layer.gamma.value[:] = data(shape[0], seed=5) + 1
    layer.beta.value[:] = data(shape[0], seed=6)
    assert_gradients_match(layer, data(6, *shape) * 2 + 1)


@pytest.mark.parametrize("shape", [(4,), (3, 4, 5)], ids=str)
def test_batchnorm_evaluation(make_layer, shape):
    layer = make_layer("BatchNorm", {}, shape)
    layer.gamma.value[:] = data(shape[0], seed=5) + 1
    layer.buffers["running_mean"][:] = data(shape[0], seed=7)
    layer.buffers["running_var"][:] = data(shape[0], seed=8) ** 2 + 0.5
    assert_gradients_match(layer, data(6, *shape), training=False)


class FixedUniforms:
    """Stands in for the generator: the same 'random' numbers on every call."""

    def random(self, shape, dtype=np.float64):
        return np.random.default_rng(0).random(shape, dtype=dtype)


def test_dropout_with_a_fixed_mask(make_layer):
    layer = make_layer("Dropout", {"rate": 0.4}, (5, 6))
    layer.rng = FixedUniforms()
    assert_gradients_match(layer, data(4, 5, 6))
    assert_gradients_match(layer, data(4, 5, 6), training=False)


@pytest.mark.parametrize("kind", ["ReLU", "LeakyReLU", "Sigmoid", "Tanh", "Softmax", "ELU",
                                  "Linear"])
@pytest.mark.parametrize("shape", [(5,), (3, 2, 4)], ids=str)
def test_activation_nodes(make_layer, kind, shape):
    assert_gradients_match(make_layer(kind, {}, shape), data(4, *shape))


def test_activation_parameters(make_layer):
    assert_gradients_match(make_layer("LeakyReLU", {"negative_slope": 0.3}, (6,)), data(4, 6))
    assert_gradients_match(make_layer("ELU", {"alpha": 0.5}, (6,)), data(4, 6))


def test_flatten(make_layer):
    assert_gradients_match(make_layer("Flatten", {}, (2, 3, 4)), data(2, 2, 3, 4))


def test_add(make_layer):
    layer = make_layer("Add", {}, (3, 4), (3, 4), (3, 4))
    assert_gradients_match(layer, [data(2, 3, 4, seed=s) for s in range(3)])


@pytest.mark.parametrize(("axis", "shapes"), [
    (1, [(3,), (5,)]),
    (1, [(2, 3, 3), (1, 3, 3), (4, 3, 3)]),
    (-1, [(2, 3, 2), (2, 3, 5)]),
    (2, [(2, 1, 3), (2, 4, 3)]),
], ids=str)
def test_concatenate(make_layer, axis, shapes):
    layer = make_layer("Concatenate", {"axis": axis}, *shapes)
    assert_gradients_match(layer, [data(2, *s, seed=i) for i, s in enumerate(shapes)])


def test_backward_accumulates_parameter_gradients(make_layer):
    layer = make_layer("Conv2D", {"filters": 2, "padding": 1}, (1, 4, 4))
    x = data(2, 1, 4, 4)
    g = data(2, 2, 4, 4, seed=3)
    layer.forward(x, True)
    layer.backward(g)
    once = layer.W.grad.copy(), layer.b.grad.copy()
    layer.forward(x, True)
    layer.backward(g)
    np.testing.assert_allclose(layer.W.grad, 2 * once[0])
    np.testing.assert_allclose(layer.b.grad, 2 * once[1])


def test_backward_leaves_its_gradient_argument_alone(make_layer):
    for kind, params, shape in [("Dense", {"units": 3, "activation": "relu"}, (4,)),
                                ("Conv2D", {"filters": 2, "padding": 1}, (2, 4, 4)),
                                ("MaxPool2D", {}, (2, 4, 4)), ("BatchNorm", {}, (3,)),
                                ("Sigmoid", {}, (3,))]:
        layer = make_layer(kind, params, shape)
        y = layer.forward(data(3, *shape), True)
        g = data(*y.shape, seed=4)
        before = g.copy()
        layer.backward(g)
        np.testing.assert_array_equal(g, before)


@pytest.mark.parametrize("kind", ["Dense", "Conv2D"])
def test_no_input_gradient_when_not_needed(make_layer, kind):
    params, shape = ({"units": 3}, (4,)) if kind == "Dense" else ({"filters": 2}, (1, 4, 4))
    layer = make_layer(kind, params, shape)
    layer.needs_input_grad = False
    y = layer.forward(data(2, *shape), True)
    assert layer.backward(np.ones_like(y)) is None
    assert layer.W.grad is not None and layer.b.grad is not None
