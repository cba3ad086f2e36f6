"""Forward and backward of every layer against PyTorch, in float64, with the same weights."""

import numpy as np
import pytest

torch = pytest.importorskip("torch")
F = torch.nn.functional


def data(*shape, seed=1):
    return np.random.default_rng(seed).standard_normal(shape)


def assert_close(ours, theirs):
    theirs = theirs.detach().numpy() if isinstance(theirs, torch.Tensor) else theirs
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours, theirs, rtol=1e-6, atol=1e-10)


def tensor(a):
    return torch.tensor(np.ascontiguousarray(a), requires_grad=True)


def compare(layer, x, torch_fn, params=(), seed=2, training=True):
    """Run `layer` and `torch_fn(x, *params)` forward and backward with the same upstream
    gradient; compare the outputs, the input gradients and each named parameter gradient."""
    y = layer.forward(x, training)
    g = data(*y.shape, seed=seed)
    gx = layer.backward(g)
    tx = tensor(x)
    tparams = [tensor(layer_value) for _, layer_value in params]
    ty = torch_fn(tx, *tparams)
    ty.backward(torch.tensor(g))
    assert_close(y, ty)
    assert_close(gx, tx.grad)
    for (name, _), tp in zip(params, tparams, strict=True):
        assert_close(getattr(layer, name).grad, tp.grad)


TORCH_ACTIVATIONS = {
    "linear": lambda z: z,
    "relu": torch.relu,
    "leaky_relu": lambda z: F.leaky_relu(z, 0.01),
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "softmax": lambda z: torch.softmax(z, dim=1),
    "elu": lambda z: F.elu(z, 1.0),
}


@pytest.mark.parametrize("activation", TORCH_ACTIVATIONS)
def test_dense(make_layer, activation):
    layer = make_layer("Dense", {"units": 6, "activation": activation, "bias_init": "normal"},
                       (5,))
    act = TORCH_ACTIVATIONS[activation]
    compare(layer, data(4, 5), lambda x, w, b: act(F.linear(x, w.T, b)),
            [("W", layer.W.value), ("b", layer.b.value)])


def test_dense_step(make_layer):
    layer = make_layer("Dense", {"units": 6, "activation": "step"}, (5,))
    x = data(4, 5)
    y = layer.forward(x, True)
    assert_close(y, (F.linear(torch.tensor(x), torch.tensor(layer.W.value.T)) > 0).double())


@pytest.mark.parametrize(("kind", "params", "fn"), [
    ("ReLU", {}, torch.relu),
    ("LeakyReLU", {}, lambda x: F.leaky_relu(x, 0.01)),
    ("LeakyReLU", {"negative_slope": 0.2}, lambda x: F.leaky_relu(x, 0.2)),
    ("Sigmoid", {}, torch.sigmoid),
    ("Tanh", {}, torch.tanh),
    ("Softmax", {}, lambda x: torch.softmax(x, dim=1)),
    ("ELU", {}, F.elu),
    ("ELU", {"alpha": 0.7}, lambda x: F.elu(x, 0.7)),
    ("Linear", {}, lambda x: x * 1),
], ids=str)
@pytest.mark.parametrize("shape", [(6,), (3, 4, 4)], ids=str)
def test_activation_nodes(make_layer, kind, params, fn, shape):
    x = data(5, *shape) * 3
    x[0, 0] = 0.0  # at the kink torch's convention holds: ReLU' = 0, LeakyReLU' = slope
    compare(make_layer(kind, params, shape), x, fn)


def test_activations_are_stable_for_large_inputs(make_layer):
    x = np.array([[-800.0, -30.0, 0.0, 30.0, 800.0]])
    for kind, fn in [("Sigmoid", torch.sigmoid), ("Softmax", lambda z: torch.softmax(z, 1)),
                     ("ELU", F.elu), ("Tanh", torch.tanh)]:
        y = make_layer(kind, {}, (5,)).forward(x, False)
        assert np.isfinite(y).all()
        assert_close(y, fn(torch.tensor(x)))


CONVS = [
    ({"filters": 4}, {}),
    ({"filters": 4, "stride": 2, "padding": 1}, {"stride": 2, "padding": 1}),
    ({"filters": 3, "padding": "same"}, {"padding": "same"}),
    ({"filters": 3, "kernel_size": 2, "padding": "same"}, {"padding": "same"}),
    ({"filters": 3, "kernel_size": [4, 2], "padding": "same"}, {"padding": "same"}),
    ({"filters": 2, "kernel_size": [3, 2], "stride": [2, 3], "padding": [2, 1]},
     {"stride": (2, 3), "padding": (2, 1)}),
    ({"filters": 3, "kernel_size": 1}, {}),
    ({"filters": 3, "padding": "valid", "stride": 3}, {"stride": 3}),
]


@pytest.mark.filterwarnings("ignore:Using padding='same' with even kernel")
@pytest.mark.parametrize(("params", "torch_kw"), CONVS, ids=str)
@pytest.mark.parametrize("channels_last", [False, True], ids=["nchw", "nhwc-view"])
def test_conv2d(make_layer, params, torch_kw, channels_last):
    layer = make_layer("Conv2D", {"bias_init": "normal", **params}, (3, 7, 8))
    x = data(2, 3, 7, 8)
    if channels_last:  # what a previous conv or pool hands on
        x = np.ascontiguousarray(x.transpose(0, 2, 3, 1)).transpose(0, 3, 1, 2)
    compare(layer, x, lambda x, w, b: F.conv2d(x, w, b, **torch_kw),
            [("W", layer.W.value), ("b", layer.b.value)])


@pytest.mark.parametrize("activation", ["relu", "sigmoid", "softmax"])
def test_conv2d_activation(make_layer, activation):
    layer = make_layer("Conv2D", {"filters": 3, "padding": 1, "activation": activation,
                                  "use_bias": False}, (2, 5, 5))
    act = TORCH_ACTIVATIONS[activation]
    compare(layer, data(2, 2, 5, 5), lambda x, w: act(F.conv2d(x, w, padding=1)),
            [("W", layer.W.value)])


def test_conv2d_logits(make_layer):
    layer = make_layer("Conv2D", {"filters": 3, "activation": "softmax"}, (2, 5, 5))
    x = data(2, 2, 5, 5)
    g = data(2, 3, 3, 3, seed=3)
    layer.forward(x, True)
    gx = layer.backward_from_logits(g)
    tx, tw, tb = (tensor(a) for a in (x, layer.W.value, layer.b.value))
    z = F.conv2d(tx, tw, tb)
    z.backward(torch.tensor(g))
    assert_close(layer.logits, z)
    assert_close(gx, tx.grad)
    assert_close(layer.W.grad, tw.grad)


def relu_like(*shape, seed=1):
    """Small integers with many zeros: pooling windows full of ties."""
    return np.maximum(np.random.default_rng(seed).integers(-2, 3, shape), 0).astype(np.float64)


POOLS = [
    ({}, {"kernel_size": 2}),
    ({"pool_size": 3}, {"kernel_size": 3}),
    ({"pool_size": 3, "stride": 2, "padding": 1}, {"kernel_size": 3, "stride": 2, "padding": 1}),
    ({"pool_size": 3, "stride": 1, "padding": 1}, {"kernel_size": 3, "stride": 1, "padding": 1}),
    ({"pool_size": [2, 3], "stride": [1, 2], "padding": [1, 0]},
     {"kernel_size": (2, 3), "stride": (1, 2), "padding": (1, 0)}),
]


@pytest.mark.parametrize(("params", "torch_kw"), POOLS, ids=str)
@pytest.mark.parametrize("values", ["random", "ties"])
@pytest.mark.parametrize("channels_last", [False, True], ids=["nchw", "nhwc-view"])
def test_maxpool(make_layer, params, torch_kw, values, channels_last):
    x = (data if values == "random" else relu_like)(2, 3, 7, 8)
    if channels_last:
        x = np.ascontiguousarray(x.transpose(0, 2, 3, 1)).transpose(0, 3, 1, 2)
    compare(make_layer("MaxPool2D", params, (3, 7, 8)), x,
            lambda x: F.max_pool2d(x, **torch_kw))


@pytest.mark.parametrize(("params", "torch_kw"), POOLS, ids=str)
def test_avgpool(make_layer, params, torch_kw):
    compare(make_layer("AvgPool2D", params, (3, 7, 8)), data(2, 3, 7, 8),
            lambda x: F.avg_pool2d(x, count_include_pad=True, **torch_kw))


def test_maxpool_ties_send_the_gradient_to_the_first_maximum(make_layer):
    x = np.zeros((1, 1, 2, 2))
    layer = make_layer("MaxPool2D", {}, (1, 2, 2))
    layer.forward(x, True)
    np.testing.assert_array_equal(layer.backward(np.ones((1, 1, 1, 1)))[0, 0], [[1, 0], [0, 0]])
    x = np.array([[[[1.0, 5.0], [5.0, 0.0]]]])
    layer.forward(x, True)
    np.testing.assert_array_equal(layer.backward(np.ones((1, 1, 1, 1)))[0, 0], [[0, 1], [0, 0]])


@pytest.mark.parametrize("kind", ["MaxPool2D", "AvgPool2D"])
def test_pool_same_padding_pads_the_end(make_layer, kind):
    """'same' gives ceil(H / stride) outputs, the odd padding row/column going last."""
    x = data(2, 2, 5, 7)
    fill = -np.inf if kind == "MaxPool2D" else 0.0
    pool = F.max_pool2d if kind == "MaxPool2D" else F.avg_pool2d
    compare(make_layer(kind, {"pool_size": 2, "padding": "same"}, (2, 5, 7)), x,
            lambda x: pool(F.pad(x, (0, 1, 0, 1), value=fill), 2))


@pytest.mark.parametrize("shape", [(5,), (3, 4, 5)], ids=str)
@pytest.mark.parametrize("channels_last", [False, True], ids=["nchw", "nhwc-view"])
def test_batchnorm_training_and_running_statistics(make_layer, shape, channels_last):
    layer = make_layer("BatchNorm", {"momentum": 0.2, "eps": 1e-3}, shape)
    layer.gamma.value[:] = data(shape[0], seed=5) + 1
    layer.beta.value[:] = data(shape[0], seed=6)
    bn = (torch.nn.BatchNorm1d if len(shape) == 1 else torch.nn.BatchNorm2d)(
        shape[0], eps=1e-3, momentum=0.2).double()
    with torch.no_grad():
        bn.weight.copy_(torch.tensor(layer.gamma.value))
        bn.bias.copy_(torch.tensor(layer.beta.value))
    for step in range(3):
        x = data(6, *shape, seed=10 + step) * (step + 1) + step
        if channels_last and len(shape) == 3:
            x = np.ascontiguousarray(x.transpose(0, 2, 3, 1)).transpose(0, 3, 1, 2)
        bn.zero_grad()
        for p in layer.parameters:
            p.grad = None
        compare(layer, x, lambda x: bn(x), seed=step)
        assert_close(layer.gamma.grad, bn.weight.grad)
        assert_close(layer.beta.grad, bn.bias.grad)
        assert_close(layer.buffers["running_mean"], bn.running_mean)
        assert_close(layer.buffers["running_var"], bn.running_var)
    bn.eval()
    bn.zero_grad()
    for p in layer.parameters:
        p.grad = None
    compare(layer, data(4, *shape, seed=20), lambda x: bn(x), training=False)
    assert_close(layer.gamma.grad, bn.weight.grad)
    assert_close(layer.beta.grad, bn.bias.grad)


def test_flatten_of_a_conv_output_is_c_order(make_layer):
    conv = make_layer("Conv2D", {"filters": 3, "padding": 1}, (2, 4, 5))
    flatten = make_layer("Flatten", {}, (3, 4, 5))
    x = data(2, 2, 4, 5)
    y = flatten.forward(conv.forward(x, True), True)
    t = torch.flatten(F.conv2d(torch.tensor(x), torch.tensor(conv.W.value),
                               torch.tensor(conv.b.value), padding=1), 1)
    assert_close(y, t)


def test_add_and_concatenate(make_layer):
    a, b = data(3, 2, 4, 4), data(3, 2, 4, 4, seed=2)
    add = make_layer("Add", {}, (2, 4, 4), (2, 4, 4))
    cat = make_layer("Concatenate", {"axis": 1}, (2, 4, 4), (2, 4, 4))
    for layer, fn in [(add, torch.add), (cat, lambda p, q: torch.cat([p, q], dim=1))]:
        y = layer.forward([a, b], True)
        g = data(*y.shape, seed=3)
        ga, gb = layer.backward(g)
        ta, tb = tensor(a), tensor(b)
        fn(ta, tb).backward(torch.tensor(g))
        assert_close(y, fn(torch.tensor(a), torch.tensor(b)))
        assert_close(ga, ta.grad)
        assert_close(gb, tb.grad)
