"""The trace of one step: update rules against the optimisers, the trainer left untouched,
frozen layers, the JSON layout, bad input."""

from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pytest

from nnstudio.core.network import Network
from nnstudio.core.optimizers import OPTIMIZERS, make_optimizer
from nnstudio.core.parameter import Parameter
from nnstudio.core.trace import float64_copy, relative_error, trace_step, trace_trainer
from nnstudio.core.training import Trainer
from nnstudio.core.update_rules import update_trace


@dataclass
class Splits:
    x_train: np.ndarray
    y_train: np.ndarray
    x_val: np.ndarray
    y_val: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    task: str = "classification"
    num_classes: int = 2


NODES = [{"id": "x", "type": "Input", "params": {"shape": [2]}},
         {"id": "h", "type": "Dense", "params": {"units": 3, "activation": "tanh"}},
         {"id": "out", "type": "Dense", "params": {"units": 2}}]
EDGES = [["x", "h"], ["h", "out"]]

#: every optimiser with its options that change the rule
SPECS = [
    {"type": "sgd", "lr": 0.1},
    {"type": "sgd", "lr": 0.1, "momentum": 0.8, "dampening": 0.2, "weight_decay": 0.01},
    {"type": "sgd", "lr": 0.1, "momentum": 0.9, "nesterov": True},
    {"type": "momentum", "lr": 0.05},
    {"type": "adagrad", "lr": 0.1, "lr_decay": 0.1, "weight_decay": 0.02,
     "initial_accumulator_value": 0.1},
    {"type": "rmsprop", "lr": 0.01},
    {"type": "rmsprop", "lr": 0.01, "centered": True, "momentum": 0.5, "weight_decay": 0.1},
    {"type": "adam", "lr": 0.01, "weight_decay": 0.1},
    {"type": "adam", "lr": 0.01, "amsgrad": True},
    {"type": "adamw", "lr": 0.01},
]


def test_every_optimiser_has_a_spec() -> None:
    assert {s["type"] for s in SPECS} == set(OPTIMIZERS)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: "-".join(f"{v}" for v in s.values()))
def test_update_rule_gives_the_optimisers_step(spec: dict) -> None:
    rng = np.random.default_rng(0)
    p = Parameter("h.W", rng.standard_normal((3, 4)))
    optimizer = make_optimizer(spec, [p])
    for _ in range(4):  # the first step and three with state
        p.grad = rng.standard_normal(p.value.shape)
        state = optimizer.state_arrays()
        update = update_trace(spec, state, p.name, p.value, p.grad)
        old = p.value.copy()
        optimizer.step()
        np.testing.assert_allclose(update.old, old)
        np.testing.assert_allclose(update.new, p.value, rtol=1e-12, atol=1e-15)
    assert update.t == 4
    text = update.filled((1, 2))
    assert text.startswith("w ← ")
    assert text.endswith(f"= {p.value[1, 2]:.4g}".replace("-", "−"))
    assert "{" not in text


def test_a_frozen_parameter_is_not_updated() -> None:
    update = update_trace({"type": "sgd", "lr": 1.0}, {}, "h.W", np.ones(2), np.ones(2),
                          frozen=True)
    np.testing.assert_array_equal(update.new, update.old)


def test_relative_error_counts_tiny_values_as_the_floor() -> None:
    np.testing.assert_allclose(relative_error(np.array([1.0, 0.0, 1e-12]),
                                              np.array([1.1, 0.0, 3e-12])),
                               [0.1 / 1.1, 0.0, 2e-12 / 1e-8])


def test_float64_copy_computes_the_same() -> None:
    net = Network(NODES, EDGES, seed=3)
    copy = float64_copy(net)
    x = np.random.default_rng(1).standard_normal((5, 2))
    assert copy.dtype == np.float64
    np.testing.assert_allclose(copy.forward(x), net.forward(x), rtol=1e-5)


def test_epsilon_changes_the_numerical_gradient() -> None:
    net = Network(NODES, EDGES, dtype=np.float64, seed=3)
    x, y = np.array([[0.5, -1.0]]), np.array([1])
    fine = trace_step(net, x, y, "cross_entropy", epsilon=1e-6).params["h.W"]
    coarse = trace_step(net, x, y, "cross_entropy", epsilon=0.5).params["h.W"]
    assert fine.relative_error.max() < 1e-6
    assert coarse.relative_error.max() > 1e-3


@pytest.mark.parametrize("epsilon", [0.0, -1e-3, float("nan"), 2.0])
def test_bad_epsilon_is_refused(epsilon: float) -> None:
    net = Network(NODES, EDGES, seed=0)
    with pytest.raises(ValueError, match="epsilon must be a number in"):
        trace_step(net, np.zeros((1, 2)), np.array([0]), "cross_entropy", epsilon=epsilon)


def _trainer(frozen: tuple[str, ...] = (), optimizer: str = "adam") -> Trainer:
    rng = np.random.default_rng(0)
    x = rng.standard_normal((40, 2)).astype(np.float32)
    y = (x[:, 0] * x[:, 1] > 0).astype(np.int64)
    data = Splits(x, y, x[:0], y[:0], x[:0], y[:0])
    training = {"loss": "cross_entropy", "batch_size": 8, "seed": 0,
                "optimizer": {"type": optimizer, "lr": 0.05, "weight_decay": 0.1}}
    return Trainer(Network(NODES, EDGES, seed=0), data, training, frozen=frozen)


def test_trace_trainer_changes_nothing_and_predicts_the_next_update() -> None:
    trainer = _trainer()
    for _ in range(3):
        trainer.step()
    state, optimizer_state = trainer.network.state_dict(), trainer.optimizer.state_arrays()
    trace = trace_trainer(trainer, [2, 5])
    for name, value in trainer.network.state_dict().items():
        np.testing.assert_array_equal(value, state[name])
    for name, value in trainer.optimizer.state_arrays().items():
        np.testing.assert_array_equal(value, optimizer_state[name])
    assert trace.updates["h.W"].t == 4
    np.testing.assert_array_equal(trace.params["h.W"].value, state["h.W"])


def test_a_frozen_layer_is_unchanged_after_training() -> None:
    trainer = _trainer(frozen=("h",))
    before = trainer.network.state_dict()
    trainer.run_epoch()
    after = trainer.network.state_dict()
    np.testing.assert_array_equal(after["h.W"], before["h.W"])   # weight decay skipped too
    np.testing.assert_array_equal(after["h.b"], before["h.b"])
    assert not np.array_equal(after["out.W"], before["out.W"])
    trainer.set_frozen([])
    trainer.step()
    assert not np.array_equal(trainer.network.state_dict()["h.W"], before["h.W"])


def test_trace_marks_frozen_parameters() -> None:
    trace = trace_trainer(_trainer(frozen=("h",)), [0])
    assert trace.params["h.W"].frozen and not trace.params["out.W"].frozen
    np.testing.assert_array_equal(trace.updates["h.W"].new, trace.updates["h.W"].old)
    assert not np.array_equal(trace.updates["out.W"].new, trace.updates["out.W"].old)


def test_a_sample_out_of_range_is_named() -> None:
    with pytest.raises(ValueError, match="sample 40 does not exist: the train split has 40"):
        trace_trainer(_trainer(), [40])


def test_json_has_the_issues_layout() -> None:
    trace = trace_trainer(_trainer(), [0])
    doc = json.loads(json.dumps(trace.to_json(), allow_nan=False))
    assert set(doc) == {"loss", "nodes", "params"}
    assert set(doc["nodes"]) == {"x", "h", "out"}
    assert set(doc["nodes"]["h"]) == {"output", "grad_output"}
    assert set(doc["params"]) == {"h.W", "h.b", "out.W", "out.b"}
    assert set(doc["params"]["h.W"]) == {"value", "grad", "numeric_grad"}
    assert np.shape(doc["params"]["h.W"]["numeric_grad"]) == (2, 3)
    assert np.shape(doc["nodes"]["h"]["output"]) == (1, 3)
