"""nnstudio against torch's numbers, without torch: the fixtures in tests/core/reference/.

`reference/make_reference.py` wrote torch's forward values, input and parameter gradients,
running statistics, loss values and gradients, optimiser trajectories and whole training runs
for every case in `reference/cases.py`; here nnstudio runs the same cases in float64.
"""

from __future__ import annotations

import functools
import math

import numpy as np
import pytest
from reference import cases
from reference.cases import LayerCase, LossCase, NetworkCase

from nnstudio.core import losses, optimizers
from nnstudio.core.catalog import NODE_TYPES, create_layer
from nnstudio.core.layers.base import MergeLayer
from nnstudio.core.network import Network
from nnstudio.core.optimizers import OPTIMIZERS, make_optimizer
from nnstudio.core.parameter import Parameter

RTOL, ATOL = 1e-10, 1e-12
REGENERATE = "rerun tests/core/reference/make_reference.py where torch is installed"


@functools.cache
def reference(family: str) -> dict[str, np.ndarray]:
    with np.load(cases.FIXTURES / f"{family}.npz", allow_pickle=False) as data:
        return {key: data[key] for key in data.files}


def ref(family: str, key: str) -> np.ndarray:
    arrays = reference(family)
    if key not in arrays:
        pytest.fail(f"{family}.npz has no {key!r}: {REGENERATE}")
    return arrays[key]


def assert_close(ours: np.ndarray | float, theirs: np.ndarray, what: str) -> None:
    ours = np.asarray(ours)
    assert ours.shape == theirs.shape, f"{what}: shape {ours.shape}, torch {theirs.shape}"
    np.testing.assert_allclose(ours, theirs, rtol=RTOL, atol=ATOL, err_msg=what)


# -- every case has its numbers, every type and option has a case ----------------------------
@pytest.mark.parametrize(("family", "names"), [
    ("layers", [c.name for c in cases.LAYER_CASES]),
    ("losses", [c.name for c in cases.LOSS_CASES]),
    ("optimizers", [cases.spec_id(s) for s in cases.OPTIMIZER_SPECS]),
    ("networks", [c.name for c in cases.NETWORK_CASES]),
])
def test_the_fixtures_hold_exactly_the_cases(family, names):
    assert len(set(names)) == len(names), "case names must be unique"
    stored = {key.split("/", 1)[0] for key in reference(family)}
    assert stored == set(names), f"{family}.npz is stale: {REGENERATE}"
    assert all(a.dtype in (np.float64, np.int64, np.bool_) for a in reference(family).values())


def test_every_node_type_has_a_case():
    assert set(NODE_TYPES) <= {c.type for c in cases.LAYER_CASES}


def test_every_loss_and_fusion_has_a_case():
    assert {c.loss for c in cases.LOSS_CASES} == set(losses.LOSSES)
    fused = {(c.loss, c.fused) for c in cases.LOSS_CASES if c.fused}
    assert fused == {("cross_entropy", "softmax"), ("binary_cross_entropy", "sigmoid")}


@pytest.mark.parametrize("name", list(OPTIMIZERS))
def test_every_optimizer_option_is_set_in_some_case(name):
    used = {key for spec in cases.OPTIMIZER_SPECS if spec["type"] == name for key in spec}
    assert {p.name for p in OPTIMIZERS[name][1]} <= used


# -- layers -----------------------------------------------------------------------------------
class FixedDraws:
    """Stands in for a layer's generator: hands out the uniforms the fixture holds."""

    def __init__(self, uniforms: np.ndarray):
        self.uniforms = uniforms

    def random(self, shape: tuple[int, ...], dtype: type = np.float64) -> np.ndarray:
        assert tuple(shape) == self.uniforms.shape
        return self.uniforms.astype(dtype)


def channels_last_view(x: np.ndarray) -> np.ndarray:
    """The same values as an NCHW view of NHWC memory, as a conv or pool hands them on."""
    return np.ascontiguousarray(x.transpose(0, 2, 3, 1)).transpose(0, 3, 1, 2)


def built_layer(case: LayerCase):
    layer = create_layer("n", case.type, case.params)
    shapes = [] if layer.arity == 0 else [tuple(s) for s in case.input_shapes]
    layer.build(shapes, np.dtype(np.float64), np.random.default_rng(0))
    for p in layer.parameters:
        short = p.name.split(".", 1)[1]
        np.copyto(p.value, ref("layers", f"{case.name}/param/{short}"))
    return layer


LAYER_RUNS = [pytest.param(case, layout, id=f"{case.name}-{layout}")
              for case in cases.LAYER_CASES
              for layout in (("nchw", "nhwc") if len(case.input_shapes[0]) == 3 else ("nchw",))]


@pytest.mark.parametrize(("case", "layout"), LAYER_RUNS)
def test_layer_matches_torch(case, layout):
    layer = built_layer(case)
    merge = isinstance(layer, MergeLayer)
    for index, mode in enumerate(case.passes):
        key = f"{case.name}/{index}"
        xs = [ref("layers", f"{key}/x{i}") for i in range(len(case.input_shapes))]
        if layout == "nhwc":
            xs = [channels_last_view(x) for x in xs]
        if case.type == "Dropout" and mode == "train":
            layer.rng = FixedDraws(ref("layers", f"{key}/uniforms"))
        for p in layer.parameters:
            p.grad = None
        y = layer.forward(xs if merge else xs[0], mode == "train")
        assert_close(y, ref("layers", f"{key}/y"), f"{key} forward")
        grads = layer.backward(ref("layers", f"{key}/g").copy())
        for i, gx in enumerate(grads if merge else [grads]):
            assert_close(gx, ref("layers", f"{key}/gx{i}"), f"{key} dL/dx{i}")
        for p in layer.parameters:
            short = p.name.split(".", 1)[1]
            assert_close(p.grad, ref("layers", f"{key}/grad/{short}"), f"{key} dL/d{short}")
        for name, buf in layer.buffers.items():
            assert_close(buf, ref("layers", f"{key}/buffer/{name}"), f"{key} {name}")


# -- losses -----------------------------------------------------------------------------------
@pytest.mark.parametrize("case", cases.LOSS_CASES, ids=lambda c: c.name)
def test_loss_matches_torch(case: LossCase):
    output = ref("losses", f"{case.name}/output")
    target = ref("losses", f"{case.name}/target")
    value, grad = losses.compute_loss(case.loss, output.copy(), target, fused=case.fused)
    assert_close(value, ref("losses", f"{case.name}/value"), f"{case.name} value")
    assert_close(grad, ref("losses", f"{case.name}/grad"), f"{case.name} gradient")


# -- optimisers -------------------------------------------------------------------------------
def unflatten(flat: np.ndarray, shapes: tuple[tuple[int, ...], ...]) -> list[np.ndarray]:
    """The inverse of the generator's `flat`: one array per shape."""
    cuts = np.cumsum([math.prod(s) for s in shapes])[:-1]
    return [part.reshape(s).copy() for part, s in zip(np.split(flat, cuts), shapes, strict=True)]


def flat(arrays: list[np.ndarray]) -> np.ndarray:
    return np.concatenate([np.asarray(a, dtype=np.float64).ravel() for a in arrays])


@pytest.mark.parametrize("block_bytes", [optimizers._BLOCK_BYTES, 64],
                         ids=["whole-arrays", "row-blocks"])
@pytest.mark.parametrize("spec", cases.OPTIMIZER_SPECS, ids=cases.spec_id)
def test_optimizer_trajectory_matches_torch(spec, block_bytes, monkeypatch):
    monkeypatch.setattr(optimizers, "_BLOCK_BYTES", block_bytes)
    plan, key = cases.TRAJECTORY, cases.spec_id(spec)
    params = [Parameter(f"p{i}", v)
              for i, v in enumerate(unflatten(ref("optimizers", f"{key}/start"), plan.shapes))]
    opt = make_optimizer(spec, params)
    grads, has_grad = ref("optimizers", f"{key}/grads"), ref("optimizers", f"{key}/has_grad")
    values = ref("optimizers", f"{key}/values")
    for step in range(plan.steps):
        if step == plan.lr_change:  # the GUI changes the learning rate live
            opt.lr = opt.lr * plan.lr_factor
        for p, g, has in zip(params, unflatten(grads[step], plan.shapes), has_grad[step],
                             strict=True):
            p.grad = g if has else None
        opt.step()
        assert_close(flat([p.value for p in params]), values[step], f"{key} after step {step}")
    state = opt.state_arrays()
    names = {k.split("/")[-1] for k in reference("optimizers") if k.startswith(f"{key}/state/")}
    ours = {k.split(".")[-1] for k in state}
    assert ours - {"step"} == names - {"step"}, "the state has torch's names"
    for name in names:
        values = flat([state[f"{p.name}.{name}"] for p in params])
        assert_close(values, ref("optimizers", f"{key}/state/{name}"), f"{key} state {name}")


# -- whole networks ---------------------------------------------------------------------------
@pytest.mark.parametrize("case", cases.NETWORK_CASES, ids=lambda c: c.name)
def test_network_trains_as_torch(case: NetworkCase):
    net = Network(case.nodes, case.edges(), dtype=np.float64, seed=0)
    names = list(net.state_dict())
    net.load_state_dict({name: ref("networks", f"{case.name}/start/{name}") for name in names})
    x, y = ref("networks", f"{case.name}/x"), ref("networks", f"{case.name}/y")
    target = losses.targets_for(case.loss, y, net.output_shape[0], np.float64)
    opt = make_optimizer(case.optimizer, net.parameters())
    fused = losses.fusable(case.loss, net.final_activation)
    history = []
    for _ in range(case.steps):
        out = net.forward(x, training=True)
        value, grad = losses.compute_loss(case.loss, net.logits() if fused else out, target,
                                          fused=fused)
        history.append(value)
        net.zero_grad()
        net.backward(grad, from_logits=fused is not None)
        opt.step()
    assert_close(np.array(history), ref("networks", f"{case.name}/losses"), "losses")
    state = net.state_dict()
    for name in names:
        assert_close(state[name], ref("networks", f"{case.name}/final/{name}"), name)
