"""Optimisers: trajectories against torch.optim, state, the live learning rate and errors."""

from __future__ import annotations

import inspect

import numpy as np
import pytest
from reference.cases import OPTIMIZER_SPECS

from nnstudio.core.optimizers import OPTIMIZERS, make_optimizer, resolve_options
from nnstudio.core.parameter import Parameter

# Small tensors (the whole-array path) and tensors large enough to be updated in row blocks,
# including a ragged last block and a 1-D one.
SHAPES = [(3, 4), (4,), (7000, 5), (40_000,), (1, 33_000)]
STEPS = 10

TORCH_CLASSES = {
    "sgd": "SGD", "momentum": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop",
    "adam": "Adam", "adamw": "AdamW",
}

#: shared with the torch reference fixtures (tests/core/reference)
CONFIGS = OPTIMIZER_SPECS


def torch_options(spec: dict) -> dict:
    """The torch.optim keyword arguments for one of our specs (torch's SGD has lr 1e-3 too)."""
    _, options = resolve_options(spec)
    if "betas" in options:
        options["betas"] = tuple(options["betas"])
    return options


def make_pair(torch, spec, shapes, dtype=np.float64, seed=0):
    rng = np.random.default_rng(seed)
    values = [rng.standard_normal(s).astype(dtype) for s in shapes]
    ours = [Parameter(f"n{i}.W", v.copy()) for i, v in enumerate(values)]
    theirs = [torch.nn.Parameter(torch.tensor(v)) for v in values]
    torch_cls = getattr(torch.optim, TORCH_CLASSES[spec["type"]])
    return make_optimizer(spec, ours), ours, torch_cls(theirs, **torch_options(spec)), theirs


def assert_close(ours, theirs, rtol=1e-6):
    for p, q in zip(ours, theirs, strict=True):
        np.testing.assert_allclose(p.value, q.detach().numpy(), rtol=rtol, atol=1e-12,
                                   err_msg=p.name)


@pytest.fixture(scope="module")
def torch():
    torch = pytest.importorskip("torch")
    torch.set_num_threads(1)
    return torch


@pytest.mark.parametrize("spec", CONFIGS, ids=lambda s: "-".join(f"{v}" for v in s.values()))
def test_trajectory_matches_torch(torch, spec):
    opt, ours, topt, theirs = make_pair(torch, spec, SHAPES)
    rng = np.random.default_rng(1)
    for step in range(STEPS):
        if step == 6:  # the GUI changes the learning rate live
            opt.lr = opt.lr * 3
            for group in topt.param_groups:
                group["lr"] *= 3
        for i, (p, q) in enumerate(zip(ours, theirs, strict=True)):
            if i == 1 and step in (2, 3):  # a parameter without a gradient is left alone
                p.grad, q.grad = None, None
                continue
            g = rng.standard_normal(p.value.shape)
            p.grad, q.grad = g, torch.tensor(g)
        opt.step()
        topt.step()
        assert_close(ours, theirs)
    # the reported state is torch's (same names, same meaning)
    state = opt.state_arrays()
    for p, q in zip(ours, theirs, strict=True):
        for key, value in topt.state[q].items():
            np.testing.assert_allclose(state[f"{p.name}.{key}"], np.asarray(value.numpy()),
                                       rtol=1e-6, atol=1e-12, err_msg=f"{p.name}.{key}")
    assert state["n1.W.step"] == STEPS - 2


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_defaults_are_torchs(torch, name):
    cls = getattr(torch.optim, TORCH_CLASSES[name])
    signature = inspect.signature(cls.__init__).parameters
    for spec in OPTIMIZERS[name][1]:
        default = signature[spec.name].default
        expected = 0.9 if (name, spec.name) == ("momentum", "momentum") else default
        assert spec.default == (tuple(expected) if isinstance(expected, tuple) else expected), (
            name, spec.name)


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_float32_stays_float32(name):
    rng = np.random.default_rng(2)
    params = [Parameter(f"p{i}", rng.standard_normal(s).astype(np.float32))
              for i, s in enumerate([(3, 2), (80_000,)])]
    reference = [Parameter(p.name, p.value.astype(np.float64)) for p in params]
    opt32 = make_optimizer({"type": name}, params)
    opt64 = make_optimizer({"type": name}, reference)
    for _ in range(3):
        for p, r in zip(params, reference, strict=True):
            g = rng.standard_normal(p.value.shape)
            p.grad, r.grad = g.astype(np.float32), g
        opt32.step()
        opt64.step()
    for p, r in zip(params, reference, strict=True):
        assert p.value.dtype == np.float32
        np.testing.assert_allclose(p.value, r.value, rtol=1e-5, atol=1e-6)
    assert all(a.dtype in (np.float32, np.int64) for a in opt32.state_arrays().values())


def run(opt, params, grads):
    for step_grads in grads:
        for p, g in zip(params, step_grads, strict=True):
            p.grad = g
        opt.step()


def fresh(spec, seed=3):
    rng = np.random.default_rng(seed)
    params = [Parameter(f"l{i}.W", rng.standard_normal(s)) for i, s in enumerate(SHAPES)]
    grads = [[rng.standard_normal(s) for s in SHAPES] for _ in range(6)]
    return make_optimizer(spec, params), params, grads


@pytest.mark.parametrize("spec", CONFIGS, ids=lambda s: "-".join(f"{v}" for v in s.values()))
def test_checkpoint_resumes_exactly(spec):
    opt, params, grads = fresh(spec)
    run(opt, params, grads[:3])
    saved = opt.state_arrays()
    weights = [p.value.copy() for p in params]
    run(opt, params, grads[3:])

    other, params2, _ = fresh(spec)
    for p, w in zip(params2, weights, strict=True):
        p.value = w
    other.load_state_arrays(saved)
    run(other, params2, grads[3:])
    for p, q in zip(params, params2, strict=True):
        np.testing.assert_allclose(p.value, q.value, rtol=1e-12, atol=1e-15)


def test_reset_starts_over():
    opt, params, grads = fresh({"type": "adam", "amsgrad": True})
    start = [p.value.copy() for p in params]
    run(opt, params, grads)
    assert opt.state_arrays()
    opt.reset()
    assert opt.state_arrays() == {}
    moved = [p.value.copy() for p in params]
    run(opt, params, grads[:1])

    new, params2, _ = fresh({"type": "adam", "amsgrad": True})
    for p, w in zip(params2, moved, strict=True):
        p.value = w.copy()
    run(new, params2, grads[:1])
    for p, q, s in zip(params, params2, start, strict=True):
        np.testing.assert_array_equal(p.value, q.value)
        assert not np.array_equal(p.value, s)


def test_parameters_without_gradients_are_untouched():
    p = Parameter("a.W", np.ones((2, 2)))
    q = Parameter("a.b", np.ones(2))
    opt = make_optimizer({"type": "adam", "weight_decay": 0.5}, [p, q])
    p.grad = np.ones((2, 2))
    opt.step()
    np.testing.assert_array_equal(q.value, np.ones(2))
    assert set(opt.state_arrays()) == {"a.W.exp_avg", "a.W.exp_avg_sq", "a.W.step"}


def test_first_sgd_momentum_step_is_a_plain_step():
    p = Parameter("w", np.zeros(3))
    opt = make_optimizer({"type": "momentum", "lr": 0.1, "dampening": 0.5}, [p])
    p.grad = np.array([1.0, 2.0, 3.0])
    opt.step()
    np.testing.assert_allclose(p.value, [-0.1, -0.2, -0.3])
    opt.step()  # buffer 0.9·g + 0.5·g
    np.testing.assert_allclose(p.value, [-0.24, -0.48, -0.72])


def test_options_and_lr():
    p = Parameter("w", np.zeros(2))
    opt = make_optimizer({"type": "adam", "lr": 0.01, "betas": [0.9, 0.99]}, [p])
    assert opt.type == "adam"
    assert opt.options == {"lr": 0.01, "betas": (0.9, 0.99), "eps": 1e-8,
                           "weight_decay": 0.0, "amsgrad": False}
    assert opt.parameters == [p]
    opt.lr = 0.5
    assert opt.lr == 0.5 and opt.options["lr"] == 0.5
    for bad in (-1.0, float("nan"), "fast", True):
        with pytest.raises(ValueError, match="adam: lr must"):
            opt.lr = bad
    assert "adam" in repr(opt)


def test_catalogue_is_consistent():
    assert set(OPTIMIZERS) == {"sgd", "momentum", "adagrad", "rmsprop", "adam", "adamw"}
    for name, (text, params) in OPTIMIZERS.items():
        assert text and params[0].name == "lr"
        for spec in params:
            assert spec.help and not spec.required
            assert spec.kind in ("float", "bool", "float_pair")
            values = spec.default if spec.kind == "float_pair" else (spec.default,)
            for v in values:
                if spec.kind != "bool":
                    assert spec.minimum is None or v >= spec.minimum
                    assert spec.maximum is None or v <= spec.maximum
        # every default spec builds
        make_optimizer({"type": name}, [])


@pytest.mark.parametrize(("spec", "message"), [
    ({"type": "adma"}, "unknown optimizer type 'adma'. Did you mean 'adam'?"),
    ({"type": "Adam"}, "Did you mean 'adam'?"),
    ({"type": "lbfgs"}, "The optimizers are sgd, momentum, adagrad, rmsprop, adam, adamw"),
    ({"lr": 0.1}, "an optimizer is an object with a 'type'"),
    ("adam", "an optimizer is an object with a 'type'"),
    ({"type": "adam", "momentum": 0.9}, "adam has no option 'momentum'"),
    ({"type": "sgd", "momentun": 0.9}, "Did you mean 'momentum'"),
    ({"type": "sgd", "lr": -0.1}, "sgd: lr must be ≥ 0, got -0.1"),
    ({"type": "sgd", "lr": "0.1"}, "sgd: lr must be a number"),
    ({"type": "sgd", "lr": float("inf")}, "sgd: lr must be finite"),
    ({"type": "sgd", "momentum": True}, "sgd: momentum must be a number"),
    ({"type": "sgd", "nesterov": 1}, "sgd: nesterov must be true or false"),
    ({"type": "sgd", "nesterov": True}, "nesterov needs momentum > 0 and dampening 0"),
    ({"type": "momentum", "nesterov": True, "dampening": 0.1}, "nesterov needs"),
    ({"type": "adam", "betas": [0.9, 1.0]}, r"adam: betas\[1\] must be < 1, got 1.0"),
    ({"type": "adam", "betas": [-0.1, 0.9]}, r"adam: betas\[0\] must be ≥ 0"),
    ({"type": "adam", "betas": 0.9}, "adam: betas must be a list of two numbers"),
    ({"type": "adam", "betas": [0.9]}, "adam: betas must be a list of two numbers"),
    ({"type": "rmsprop", "alpha": 1.5}, "rmsprop: alpha must be ≤ 1"),
    ({"type": "adagrad", "eps": -1e-10}, "adagrad: eps must be ≥ 0"),
])
def test_bad_specs(spec, message):
    with pytest.raises(ValueError, match=message):
        make_optimizer(spec, [])


def test_duplicate_parameter_names_are_refused():
    p = Parameter("w", np.zeros(2))
    with pytest.raises(ValueError, match="parameter 'w' is given to the optimiser twice"):
        make_optimizer({"type": "sgd"}, [p, p])


def test_bad_state_is_refused():
    opt, params, grads = fresh({"type": "adam"})
    run(opt, params, grads[:1])
    state = opt.state_arrays()
    with pytest.raises(ValueError, match="does not belong to these parameters"):
        opt.load_state_arrays({**state, "zz.W.exp_avg": np.zeros(1)})
    with pytest.raises(ValueError, match="does not belong"):
        opt.load_state_arrays({**state, "l0.W.momentum_buffer": np.zeros((3, 4))})
    with pytest.raises(ValueError, match=r"'l0\.W' lacks exp_avg_sq"):
        opt.load_state_arrays({k: v for k, v in state.items() if k != "l0.W.exp_avg_sq"})
    with pytest.raises(ValueError, match=r"l0.W.exp_avg has shape \(2,\), but the parameter "
                                         r"has shape \(3, 4\)"):
        opt.load_state_arrays({**state, "l0.W.exp_avg": np.zeros(2)})
    # a refused load leaves the state as it was
    for key, value in opt.state_arrays().items():
        np.testing.assert_array_equal(value, state[key])
