"""L1/L2 weight penalties on duck-typed layers."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from nnstudio.core.parameter import Parameter
from nnstudio.core.regularizers import add_penalty_gradients, penalty


def layer(w, l1=0.0, l2=0.0, **config):
    return SimpleNamespace(config={"l1": l1, "l2": l2, **config},
                           W=Parameter("d.W", np.array(w, dtype=np.float64)),
                           b=Parameter("d.b", np.ones(2)))


def test_penalty_by_hand():
    a = layer([[1.0, -2.0], [0.0, 3.0]], l1=0.1, l2=0.5)
    b = layer([[2.0]], l2=2.0)
    # a: ½·0.5·14 + 0.1·6 ; b: ½·2·4
    assert penalty([a, b]) == pytest.approx(3.5 + 0.6 + 4.0)
    assert penalty([]) == 0.0


def test_gradients_by_hand_and_created_when_missing():
    a = layer([[1.0, -2.0], [0.0, 3.0]], l1=0.1, l2=0.5)
    assert a.W.grad is None
    add_penalty_gradients([a])
    np.testing.assert_allclose(a.W.grad, [[0.6, -1.1], [0.0, 1.6]])
    assert a.b.grad is None  # biases are never penalised


def test_gradients_accumulate_into_existing_grad():
    a = layer([[1.0, -2.0]], l2=1.0)
    a.W.grad = np.array([[10.0, 10.0]])
    add_penalty_gradients([a])
    np.testing.assert_allclose(a.W.grad, [[11.0, 8.0]])


@pytest.mark.parametrize(("l1", "l2"), [(0.3, 0.0), (0.0, 0.7), (0.2, 0.4)])
def test_gradient_matches_central_differences(l1, l2):
    rng = np.random.default_rng(5)
    w = rng.standard_normal((3, 4))
    w[np.abs(w) < 0.05] = 0.5  # keep away from |w|'s kink
    lay = layer(w, l1=l1, l2=l2)
    add_penalty_gradients([lay])
    h = 1e-6
    numeric = np.zeros_like(w)
    for i in np.ndindex(w.shape):
        old = lay.W.value[i]
        lay.W.value[i] = old + h
        up = penalty([lay])
        lay.W.value[i] = old - h
        down = penalty([lay])
        lay.W.value[i] = old
        numeric[i] = (up - down) / (2 * h)
    np.testing.assert_allclose(lay.W.grad, numeric, rtol=1e-6, atol=1e-8)


def test_layers_without_penalty_or_weights_are_skipped():
    plain = layer([[1.0]])
    activation = SimpleNamespace(config={"negative_slope": 0.01})
    no_config = SimpleNamespace()
    unbuilt = SimpleNamespace(config={"l2": 1.0}, W=None)
    none_values = layer([[1.0]], l1=None, l2=None)
    layers = [plain, activation, no_config, unbuilt, none_values]
    assert penalty(layers) == 0.0
    add_penalty_gradients(layers)
    assert plain.W.grad is None and none_values.W.grad is None


def test_float32_weights_keep_their_dtype():
    a = layer([[1.0, -2.0]], l1=0.1, l2=0.5)
    a.W.value = a.W.value.astype(np.float32)
    add_penalty_gradients([a])
    assert a.W.grad.dtype == np.float32
    assert isinstance(penalty([a]), float)
