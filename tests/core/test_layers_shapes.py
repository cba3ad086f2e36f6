"""Shape inference, clear ShapeErrors, dtypes kept, and that forward agrees with output_shape."""

import numpy as np
import pytest

from nnstudio.core.catalog import NODE_TYPES, create_layer, layer_class
from nnstudio.core.layers.base import MergeLayer, ShapeError


def shape_of(type_name, params, *input_shapes):
    return create_layer("n", type_name, params).output_shape(*input_shapes)


def refuses(type_name, params, *input_shapes, match):
    with pytest.raises(ShapeError, match=match):
        shape_of(type_name, params, *input_shapes)


def test_every_node_type_has_its_class():
    for name in NODE_TYPES:
        assert layer_class(name).__name__ == name


def test_input():
    layer = create_layer("x", "Input", {"shape": [1, 8, 8]})
    assert layer.output_shape() == (1, 8, 8)
    with pytest.raises(ShapeError, match="no inputs"):
        layer.output_shape((3,))


def test_input_casts_and_checks_the_data():
    layer = create_layer("x", "Input", {"shape": [2]})
    layer.build([], np.dtype(np.float32), np.random.default_rng())
    assert layer.forward(np.ones((3, 2)), False).dtype == np.float32
    with pytest.raises(ShapeError, match=r"\(3,\).*\(2,\)"):
        layer.forward(np.ones((4, 3)), False)


def test_dense():
    assert shape_of("Dense", {"units": 7}, (3,)) == (7,)
    layer = create_layer("n", "Dense", {"units": 7})
    assert layer.parameter_shapes((3,)) == {"W": (3, 7), "b": (7,)}
    assert create_layer("n", "Dense", {"units": 7, "use_bias": False}).parameter_shapes(
        (3,)) == {"W": (3, 7)}
    refuses("Dense", {"units": 4}, (1, 8, 8),
            match=r"Dense needs a flat input of shape \(features,\), got \(1, 8, 8\): add a "
                  "Flatten before it")


@pytest.mark.parametrize(("params", "shape", "expected"), [
    ({"filters": 4}, (3, 8, 8), (4, 6, 6)),
    ({"filters": 4, "padding": 1}, (3, 8, 8), (4, 8, 8)),
    ({"filters": 4, "padding": "same"}, (3, 7, 9), (4, 7, 9)),
    ({"filters": 4, "kernel_size": 2, "padding": "same"}, (3, 7, 8), (4, 7, 8)),
    ({"filters": 4, "kernel_size": [4, 5], "padding": "same"}, (3, 7, 8), (4, 7, 8)),
    ({"filters": 4, "padding": "valid"}, (3, 8, 8), (4, 6, 6)),
    ({"filters": 4, "stride": 2, "padding": 1}, (3, 8, 8), (4, 4, 4)),
    ({"filters": 4, "stride": 2}, (3, 8, 9), (4, 3, 4)),
    ({"filters": 2, "kernel_size": [1, 3], "stride": [1, 2], "padding": [0, 1]}, (1, 5, 6),
     (2, 5, 3)),
    ({"filters": 2, "kernel_size": 5, "padding": 2}, (1, 1, 1), (2, 1, 1)),
], ids=str)
def test_conv2d_output_shape_follows_torch(params, shape, expected):
    assert shape_of("Conv2D", params, shape) == expected


def test_conv2d_parameter_shapes():
    layer = create_layer("n", "Conv2D", {"filters": 5, "kernel_size": [2, 3]})
    assert layer.parameter_shapes((3, 8, 8)) == {"W": (5, 3, 2, 3), "b": (5,)}


def test_conv2d_refusals():
    refuses("Conv2D", {"filters": 2}, (64,),
            match=r"Conv2D needs an image input of shape \(channels, height, width\), got \(64,\)")
    refuses("Conv2D", {"filters": 2}, (8, 8), match=r"got \(8, 8\): use Input shape \[1, H, W\]")
    refuses("Conv2D", {"filters": 2, "padding": "same", "stride": 2}, (1, 8, 8),
            match="'same' needs stride 1")
    refuses("Conv2D", {"filters": 2, "kernel_size": 5}, (1, 4, 8),
            match=r"kernel 5×5 does not fit the input 4×8")


def test_conv2d_refuses_data_of_another_shape_than_it_was_built_for(make_layer):
    layer = make_layer("Conv2D", {"filters": 2}, (1, 8, 8))
    with pytest.raises(ShapeError, match=r"built for samples of shape \(1, 8, 8\), got \(1, 9"):
        layer.forward(np.zeros((2, 1, 9, 8)), False)


@pytest.mark.parametrize("kind", ["MaxPool2D", "AvgPool2D"])
@pytest.mark.parametrize(("params", "shape", "expected"), [
    ({}, (3, 8, 8), (3, 4, 4)),
    ({}, (3, 7, 9), (3, 3, 4)),
    ({"pool_size": 3}, (2, 9, 10), (2, 3, 3)),
    ({"pool_size": 3, "stride": 2, "padding": 1}, (2, 8, 8), (2, 4, 4)),
    ({"pool_size": 3, "stride": 1, "padding": 1}, (2, 5, 6), (2, 5, 6)),
    ({"pool_size": [2, 3], "stride": [1, 3]}, (1, 4, 9), (1, 3, 3)),
    ({"pool_size": 2, "padding": "same"}, (1, 7, 8), (1, 4, 4)),
    ({"pool_size": 3, "stride": 1, "padding": "same"}, (1, 7, 8), (1, 7, 8)),
    ({"padding": "valid"}, (1, 7, 8), (1, 3, 4)),
], ids=str)
def test_pool_output_shape_follows_torch(kind, params, shape, expected):
    assert shape_of(kind, params, shape) == expected
    assert create_layer("n", kind, params).parameter_shapes(shape) == {}


@pytest.mark.parametrize("kind", ["MaxPool2D", "AvgPool2D"])
def test_pool_refusals(kind):
    refuses(kind, {}, (16,), match=rf"{kind} needs an image input")
    refuses(kind, {"pool_size": 2, "padding": 2}, (1, 8, 8),
            match=r"padding \(2, 2, 2, 2\) is more than half the pool size 2×2")
    refuses(kind, {"pool_size": 4}, (1, 3, 8), match=r"window 4×4 is larger than the input 3×8")


def test_flatten():
    assert shape_of("Flatten", {}, (3, 4, 5)) == (60,)
    assert shape_of("Flatten", {}, (6,)) == (6,)


def test_batchnorm():
    assert shape_of("BatchNorm", {}, (5,)) == (5,)
    assert shape_of("BatchNorm", {}, (3, 4, 4)) == (3, 4, 4)
    assert create_layer("n", "BatchNorm", {}).parameter_shapes((3, 4, 4)) == {
        "gamma": (3,), "beta": (3,)}
    refuses("BatchNorm", {}, (3, 4), match=r"BatchNorm needs features .* got \(3, 4\)")


def test_batchnorm_refuses_a_batch_of_one_when_training():
    layer = create_layer("n", "BatchNorm", {})
    layer.build([(3,)], np.dtype(np.float64), np.random.default_rng())
    with pytest.raises(ShapeError, match="more than one value per channel"):
        layer.forward(np.ones((1, 3)), True)
    assert layer.forward(np.ones((1, 3)), False).shape == (1, 3)


@pytest.mark.parametrize("kind", ["ReLU", "LeakyReLU", "Sigmoid", "Tanh", "Softmax", "ELU",
                                  "Step", "Linear", "Dropout"])
def test_elementwise_layers_keep_the_shape(kind):
    assert shape_of(kind, {}, (3, 4, 5)) == (3, 4, 5)
    assert shape_of(kind, {}, (7,)) == (7,)


def test_add():
    assert shape_of("Add", {}, (3, 4), (3, 4), (3, 4)) == (3, 4)
    refuses("Add", {}, (3, 4), (4, 3),
            match=r"Add needs inputs of the same shape, got \(3, 4\), \(4, 3\)")
    refuses("Add", {}, (3,), match="at least two inputs")


@pytest.mark.parametrize(("axis", "shapes", "expected"), [
    (1, [(3,), (5,)], (8,)),
    (-1, [(3,), (5,)], (8,)),
    (1, [(2, 4, 4), (3, 4, 4)], (5, 4, 4)),
    (3, [(2, 4, 1), (2, 4, 6)], (2, 4, 7)),
    (-2, [(2, 1, 4), (2, 3, 4)], (2, 4, 4)),
], ids=str)
def test_concatenate(axis, shapes, expected):
    assert shape_of("Concatenate", {"axis": axis}, *shapes) == expected


def test_concatenate_refusals():
    refuses("Concatenate", {"axis": 0}, (3,), (3,), match="axis 0 does not exist.*0 is the batch")
    refuses("Concatenate", {"axis": 2}, (3,), (3,), match="use an axis from 1 to 1")
    refuses("Concatenate", {"axis": -3}, (3, 2), (3, 2), match="axis -3 does not exist")
    refuses("Concatenate", {}, (2, 4, 4), (2, 5, 4),
            match=r"match on every other axis, got \(2, 4, 4\), \(2, 5, 4\)")
    refuses("Concatenate", {}, (2, 4), (8,), match="same number of axes")
    refuses("Concatenate", {}, (2,), match="at least two inputs")


CASES = [
    ("Dense", {"units": 3, "activation": "relu"}, [(5,)]),
    ("Dense", {"units": 3, "activation": "softmax"}, [(5,)]),
    ("Conv2D", {"filters": 3, "padding": "same", "activation": "elu"}, [(2, 6, 5)]),
    ("Conv2D", {"filters": 3, "stride": 2, "activation": "sigmoid"}, [(2, 7, 6)]),
    ("MaxPool2D", {}, [(2, 6, 6)]),
    ("MaxPool2D", {"pool_size": 3, "stride": 2, "padding": 1}, [(2, 7, 6)]),
    ("AvgPool2D", {"pool_size": 3, "stride": 2, "padding": 1}, [(2, 7, 6)]),
    ("Flatten", {}, [(2, 3, 4)]),
    ("Dropout", {}, [(6,)]),
    ("BatchNorm", {}, [(4,)]),
    ("BatchNorm", {}, [(2, 3, 3)]),
    *[(kind, {}, [(4,)]) for kind in ("ReLU", "LeakyReLU", "Sigmoid", "Tanh", "Softmax", "ELU",
                                      "Step", "Linear")],
    ("Add", {}, [(2, 3, 3), (2, 3, 3)]),
    ("Concatenate", {"axis": 2}, [(2, 3, 3), (2, 1, 3)]),
]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize(("kind", "params", "shapes"), CASES, ids=str)
@pytest.mark.parametrize("training", [True, False])
def test_forward_and_backward_keep_shapes_and_dtype(make_layer, kind, params, shapes, dtype,
                                                    training):
    layer = make_layer(kind, params, *shapes, dtype=dtype)
    rng = np.random.default_rng(0)
    xs = [rng.standard_normal((4, *s)).astype(dtype) for s in shapes]
    merge = isinstance(layer, MergeLayer)
    y = layer.forward(xs if merge else xs[0], training)
    assert y.shape == (4, *layer.output_shape(*shapes))
    assert y.dtype == dtype
    gx = layer.backward(np.ones_like(y))
    for x, g in zip(xs, gx if merge else [gx], strict=True):
        assert g.shape == x.shape and g.dtype == dtype
    for p in layer.parameters:
        assert p.value.dtype == dtype and p.grad.shape == p.value.shape
        assert p.grad.dtype == dtype
    for buf in layer.buffers.values():
        assert buf.dtype == dtype


def test_dropout_statistics(make_layer):
    layer = make_layer("Dropout", {"rate": 0.25}, (1000,), dtype=np.float32)
    x = np.ones((100, 1000), np.float32)
    y = layer.forward(x, True)
    assert set(np.unique(y)) == {0.0, np.float32(1 / 0.75)}
    assert (y == 0).mean() == pytest.approx(0.25, abs=0.01)
    np.testing.assert_array_equal(layer.backward(x), y)
    assert layer.forward(x, False) is x
    assert layer.backward(x) is x
    assert not np.array_equal(layer.forward(x, True), y)  # a new mask every step


def test_layers_without_a_fusable_activation_say_so():
    for kind, params in [("Dense", {"units": 2}), ("ReLU", {})]:
        layer = create_layer("n", kind, params)
        assert layer.final_activation is None
        with pytest.raises(NotImplementedError):
            layer.backward_from_logits(np.ones((1, 2)))
        with pytest.raises(NotImplementedError):
            _ = layer.logits


def test_fusable_activations_are_announced():
    assert create_layer("n", "Dense", {"units": 2, "activation": "softmax"}
                        ).final_activation == "softmax"
    assert create_layer("n", "Conv2D", {"filters": 2, "activation": "sigmoid"}
                        ).final_activation == "sigmoid"
    assert create_layer("n", "Sigmoid", {}).final_activation == "sigmoid"
    assert create_layer("n", "Softmax", {}).final_activation == "softmax"


def test_unknown_activation():
    with pytest.raises(ValueError, match="unknown activation 'swish'"):
        create_layer("n", "Dense", {"units": 2, "activation": "swish"})


@pytest.mark.parametrize(("kind", "params", "x"), [
    ("Dense", {"units": 2}, np.ones((1, 3))),
    ("Conv2D", {"filters": 2}, np.ones((1, 1, 4, 4))),
    ("BatchNorm", {}, np.ones((2, 3))),
    ("Dropout", {}, np.ones((2, 3))),
])
def test_a_layer_used_before_build_says_so(kind, params, x):
    layer = create_layer("n", kind, params)
    with pytest.raises(RuntimeError, match=r"before build\(\)"):
        layer.forward(x, True)
