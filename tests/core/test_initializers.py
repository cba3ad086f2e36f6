"""Weight initialisers: names, options, scales, dtypes and errors."""

import math

import numpy as np
import pytest

from nnstudio.core.catalog import INITIALIZERS, create_layer
from nnstudio.core.initializers import INITIALIZER_PARAMS, initialize, parse_spec

SHAPE = (400, 500)  # 200 000 draws: sample statistics within about 1 %
FAN_IN, FAN_OUT = 300, 100


def init(spec, activation=None, dtype=np.float64, seed=0, shape=SHAPE):
    return initialize(spec, shape, FAN_IN, FAN_OUT, activation, np.random.default_rng(seed), dtype)


def test_every_catalogue_initialiser_is_described():
    assert tuple(INITIALIZER_PARAMS) == INITIALIZERS


def test_zeros_and_constant():
    assert not init("zeros").any()
    np.testing.assert_array_equal(init({"type": "constant", "value": 0.25}), 0.25)
    np.testing.assert_array_equal(init("constant"), 0.0)


@pytest.mark.parametrize(("spec", "std"), [
    ("normal", 0.01),
    ({"type": "normal", "std": 0.5}, 0.5),
    ("xavier_normal", math.sqrt(2 / (FAN_IN + FAN_OUT))),
    ("he_normal", math.sqrt(2 / FAN_IN)),
])
def test_normal_initialisers_have_the_documented_std(spec, std):
    w = init(spec)
    assert abs(w.mean()) < 0.01 * std
    assert w.std() == pytest.approx(std, rel=0.01)


def test_normal_mean():
    w = init({"type": "normal", "mean": 2.0, "std": 0.1})
    assert w.mean() == pytest.approx(2.0, abs=1e-3)


@pytest.mark.parametrize(("spec", "limit"), [
    ("uniform", 0.05),
    ({"type": "uniform", "limit": 2.0}, 2.0),
    ("xavier_uniform", math.sqrt(6 / (FAN_IN + FAN_OUT))),
    ("he_uniform", math.sqrt(6 / FAN_IN)),
])
def test_uniform_initialisers_cover_minus_limit_to_limit(spec, limit):
    w = init(spec)
    assert np.abs(w).max() <= limit
    assert np.abs(w).max() > 0.999 * limit
    assert w.std() == pytest.approx(limit / math.sqrt(3), rel=0.01)


@pytest.mark.parametrize(("activation", "same_as"), [
    ("relu", "he_normal"), ("leaky_relu", "he_normal"), ("elu", "he_normal"),
    ("tanh", "xavier_uniform"), ("sigmoid", "xavier_uniform"), ("linear", "xavier_uniform"),
    (None, "xavier_uniform"),
])
def test_auto_is_he_for_the_relu_family_and_xavier_otherwise(activation, same_as):
    np.testing.assert_array_equal(init("auto", activation), init(same_as, activation))


@pytest.mark.parametrize("name", INITIALIZERS)
def test_dtype_is_kept_and_float32_is_the_rounded_float64(name):
    w32 = init(name, "relu", np.float32, shape=(20, 30))
    w64 = init(name, "relu", np.float64, shape=(20, 30))
    assert w32.dtype == np.float32 and w64.dtype == np.float64
    assert w32.shape == (20, 30)
    np.testing.assert_array_equal(w32, w64.astype(np.float32))


def test_same_seed_same_weights():
    np.testing.assert_array_equal(init("he_uniform", seed=3), init("he_uniform", seed=3))
    assert not np.array_equal(init("he_uniform", seed=3), init("he_uniform", seed=4))


def test_parse_spec_fills_defaults():
    assert parse_spec("normal") == ("normal", {"std": 0.01, "mean": 0.0})
    assert parse_spec({"type": "uniform", "limit": 1}) == ("uniform", {"limit": 1.0})


@pytest.mark.parametrize(("spec", "words"), [
    ("gaussian", "unknown initialiser 'gaussian'"),
    ({"type": "glorot"}, "unknown initialiser 'glorot'"),
    ({"std": 0.1}, "'type'"),
    ({"type": "normal", "stdev": 0.1}, "does not take stdev"),
    ({"type": "he_normal", "gain": 2}, "does not take gain"),
    ({"type": "normal", "std": "big"}, "std must be a number"),
    ({"type": "normal", "std": True}, "std must be a number"),
    ({"type": "normal", "std": float("nan")}, "std must be a number"),
    ({"type": "normal", "std": -1}, "std must be at least 0"),
    ({"type": "uniform", "limit": -0.5}, "limit must be at least 0"),
    (3, "a name or an object"),
])
def test_bad_specs_raise_clear_errors(spec, words):
    with pytest.raises(ValueError, match=words.replace("(", r"\(")):
        init(spec)


def test_conv_fans_are_channels_times_kernel(make_layer):
    conv = make_layer("Conv2D", {"filters": 64, "kernel_size": 3, "weight_init": "he_normal"},
                      (32, 10, 10))
    assert conv.W.value.std() == pytest.approx(math.sqrt(2 / (32 * 9)), rel=0.02)
    conv = make_layer("Conv2D", {"filters": 64, "kernel_size": 3,
                                 "weight_init": "xavier_uniform"}, (32, 10, 10))
    limit = math.sqrt(6 / (32 * 9 + 64 * 9))
    assert np.abs(conv.W.value).max() == pytest.approx(limit, rel=0.01)


def test_auto_uses_the_layer_activation_then_the_init_hint():
    def built_weights(params, hint=None):
        layer = create_layer("d", "Dense", {"units": 50, **params})
        layer.init_hint = hint
        layer.build([(40,)], np.dtype(np.float64), np.random.default_rng(7))
        return layer.W.value

    def expected(name):
        return initialize(name, (40, 50), 40, 50, None, np.random.default_rng(7), np.float64)

    np.testing.assert_array_equal(built_weights({"activation": "relu"}), expected("he_normal"))
    np.testing.assert_array_equal(built_weights({}, hint="relu"), expected("he_normal"))
    np.testing.assert_array_equal(built_weights({}), expected("xavier_uniform"))
    np.testing.assert_array_equal(built_weights({"activation": "tanh"}, hint="relu"),
                                  expected("xavier_uniform"))


def test_bias_initialisers(make_layer):
    dense = make_layer("Dense", {"units": 5}, (3,))
    np.testing.assert_array_equal(dense.b.value, 0.0)
    dense = make_layer("Dense", {"units": 5, "bias_init": "auto"}, (3,))
    np.testing.assert_array_equal(dense.b.value, 0.0)
    dense = make_layer("Dense", {"units": 5, "bias_init": {"type": "constant", "value": 0.1}},
                       (3,))
    np.testing.assert_array_equal(dense.b.value, 0.1)
    conv = make_layer("Conv2D", {"filters": 4, "bias_init": "normal"}, (2, 5, 5))
    assert conv.b.value.shape == (4,) and conv.b.value.any()
    assert make_layer("Dense", {"units": 5, "use_bias": False}, (3,)).b is None
