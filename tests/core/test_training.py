"""The Trainer: steps, epochs, history, early stopping, divergence, live settings."""

from dataclasses import dataclass

import numpy as np
import pytest

from nnstudio.core.errors import TrainingDiverged
from nnstudio.core.network import Network
from nnstudio.core.training import (
    EVERY_EPOCH_UNTIL,
    SANE_FACTOR,
    Trainer,
    append_thinned,
    compatibility_problems,
    worth_noting,
)


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


def blobs(n=200, seed=0):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, size=n)
    x = rng.normal(size=(n, 2)) + np.where(y[:, None] == 1, 2.0, -2.0)
    return Splits(x[:120], y[:120], x[120:160], y[120:160], x[160:], y[160:])


def line(n=100, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, size=(n, 1))
    y = 3 * x + 1
    return Splits(x[:80], y[:80], x[80:], y[80:], x[:0], y[:0], task="regression", num_classes=0)


def mlp(units_out=2, activation_out="linear", dtype=np.float32, hidden=8):
    nodes = [
        {"id": "x", "type": "Input", "params": {"shape": [2]}},
        {"id": "h", "type": "Dense", "params": {"units": hidden, "activation": "tanh"}},
        {"id": "out", "type": "Dense",
         "params": {"units": units_out, "activation": activation_out}},
    ]
    return Network(nodes, [["x", "h"], ["h", "out"]], dtype=dtype, seed=0)


def regression_net(dtype=np.float32):
    nodes = [{"id": "x", "type": "Input", "params": {"shape": [1]}},
             {"id": "out", "type": "Dense", "params": {"units": 1}}]
    return Network(nodes, [["x", "out"]], dtype=dtype, seed=0)


TRAINING = {"loss": "cross_entropy", "optimizer": {"type": "adam", "lr": 0.05},
            "batch_size": 16, "epochs": 20, "seed": 0}


def test_training_learns_and_records_history():
    trainer = Trainer(mlp(), blobs(), TRAINING)
    assert trainer.batches_per_epoch == 8
    history = trainer.run()
    assert len(history) == 20 and trainer.finished
    assert history[-1]["train_loss"] < history[0]["train_loss"]
    assert history[-1]["validation_accuracy"] >= 0.95
    assert {"epoch", "step", "train_loss", "train_accuracy", "validation_loss",
            "validation_accuracy", "lr", "seconds"} <= set(history[-1])
    assert trainer.evaluate("test")["accuracy"] >= 0.95


def test_step_is_one_batch_and_epochs_roll_over():
    trainer = Trainer(mlp(), blobs(), TRAINING)
    for _ in range(7):
        trainer.step()
    assert trainer.step_count == 7 and trainer.epoch == 0 and not trainer.history
    trainer.step()  # the 8th batch (of 8 rows) ends the epoch
    assert trainer.epoch == 1 and trainer.history[0]["step"] == 8
    metrics = trainer.run_epoch()
    assert metrics["epoch"] == 2 and trainer.step_count == 16


def test_same_seed_same_trajectory():
    a = [Trainer(mlp(), blobs(), TRAINING) for _ in range(2)]
    la = [a[0].step() for _ in range(20)]
    lb = [a[1].step() for _ in range(20)]
    assert la == lb


def test_fused_softmax_output_trains_the_same_as_logits():
    logits = Trainer(mlp(dtype=np.float64), blobs(), TRAINING)
    probs = Trainer(mlp(activation_out="softmax", dtype=np.float64), blobs(), TRAINING)
    for _ in range(10):
        assert logits.step() == pytest.approx(probs.step(), rel=1e-12)


def test_regression_with_mse():
    trainer = Trainer(regression_net(), line(),
                      {"loss": "auto", "optimizer": {"type": "sgd", "lr": 0.1},
                       "batch_size": 10, "epochs": 60})
    assert trainer.loss == "mse"
    trainer.run()
    assert trainer.evaluate("validation")["loss"] < 1e-3
    assert "validation_accuracy" not in trainer.history[-1]


def test_divergence_restores_a_checkpoint_taken_while_the_loss_was_sane():
    trainer = Trainer(regression_net(), line(),
                      {"loss": "mse", "optimizer": {"type": "sgd", "lr": 50.0},
                       "batch_size": 10, "epochs": 50})
    states = []
    with pytest.raises(TrainingDiverged, match="learning rate 50") as info:
        for _ in range(1000):
            states.append(trainer.network.state_dict())
            trainer.step()
    exc = info.value
    # states[i]: the weights after i steps, which the checkpoint of step i holds
    kept = states[exc.restored_step]
    state = trainer.network.state_dict()
    assert all(np.array_equal(state[k], kept[k]) for k in state)
    assert exc.restored_loss <= SANE_FACTOR * trainer.watch.best
    assert exc.suggested_learning_rate is not None and exc.suggested_learning_rate < 50
    assert f"learning rate {exc.suggested_learning_rate:g}" in str(exc)
    trainer.learning_rate = exc.suggested_learning_rate  # the lecturer follows the advice
    losses = [trainer.step() for _ in range(200)]
    assert np.isfinite(losses).all() and np.mean(losses[-10:]) < exc.restored_loss


def test_learning_rate_changes_live():
    trainer = Trainer(mlp(), blobs(), TRAINING)
    trainer.step()
    trainer.learning_rate = 0.0
    before = trainer.network.state_dict()
    trainer.step()
    after = trainer.network.state_dict()
    assert all(np.array_equal(before[k], after[k]) for k in before)
    assert trainer.optimizer_spec["lr"] == 0.0


def test_batch_size_changes_live():
    trainer = Trainer(mlp(), blobs(), TRAINING)
    trainer.step()
    trainer.batch_size = 100
    trainer.step()
    assert trainer.epoch == 0
    trainer.step()  # 16 + 100 + 4 remaining rows: the epoch ends
    assert trainer.epoch == 1


def test_data_change_live_keeping_weights_and_progress():
    trainer = Trainer(mlp(), blobs(), TRAINING)
    for _ in range(10):
        trainer.step()
    weights = trainer.network.state_dict()
    moments = {k: v.copy() for k, v in trainer.optimizer.state_arrays().items()}
    b = blobs(seed=1)
    bigger = Splits(np.concatenate([b.x_train, b.x_test]), np.concatenate([b.y_train, b.y_test]),
                    b.x_val, b.y_val, b.x_test, b.y_test)
    trainer.set_data(bigger)
    assert trainer.data is bigger and trainer.step_count == 10
    assert trainer.batches_per_epoch == 160 // 16
    after = trainer.network.state_dict()
    assert all(np.array_equal(weights[k], after[k]) for k in weights)
    state = trainer.optimizer.state_arrays()
    assert moments and all(np.array_equal(moments[k], state[k]) for k in moments)
    for _ in range(trainer.batches_per_epoch):
        trainer.step()
    assert trainer.epoch == 2 and np.isfinite(trainer.history[-1]["train_loss"])  # 1 before


def test_data_that_do_not_fit_are_refused_and_nothing_changes():
    trainer = Trainer(mlp(), blobs(), TRAINING)
    data = trainer.data
    three = blobs()
    three.y_train = three.y_train.copy()
    three.y_train[0], three.num_classes = 2, 3
    with pytest.raises(ValueError, match="out"):
        trainer.set_data(three)  # three classes, two outputs
    with pytest.raises(ValueError, match="regression"):
        trainer.set_data(line())
    assert trainer.data is data
    trainer.step()


def test_reset_restores_initial_weights():
    trainer = Trainer(mlp(), blobs(), TRAINING)
    initial = trainer.network.state_dict()
    trainer.run_epoch()
    trainer.reset()
    assert trainer.epoch == 0 and trainer.step_count == 0 and not trainer.history
    now = trainer.network.state_dict()
    assert all(np.array_equal(initial[k], now[k]) for k in initial)
    trainer.step()  # the new optimiser drives the new parameters
    assert not np.array_equal(trainer.network.state_dict()["h.W"], initial["h.W"])


def test_early_stopping_stops_and_restores_best():
    data = blobs()
    data.y_train = np.random.default_rng(1).integers(0, 2, size=len(data.y_train))  # noise
    spec = {**TRAINING, "epochs": 500, "optimizer": {"type": "adam", "lr": 0.05},
            "early_stopping": {"patience": 5}}
    trainer = Trainer(mlp(hidden=32), data, spec)
    trainer.run()
    assert trainer.stopped_early and trainer.epoch < 500
    assert trainer.epoch == trainer.best_epoch + 5
    best = min(h["validation_loss"] for h in trainer.history)
    assert trainer.evaluate("validation")["loss"] == pytest.approx(best, rel=1e-5)


def test_l2_penalty_is_part_of_the_step_loss():
    net = mlp(dtype=np.float64)
    plain = Trainer(mlp(dtype=np.float64), blobs(), TRAINING)
    net.layers["h"].config["l2"] = 0.5
    penalised = Trainer(net, blobs(), TRAINING)
    w = net.layers["h"].W.value.copy()
    assert penalised.step() == pytest.approx(plain.step() + 0.25 * np.sum(w * w), rel=1e-9)


def test_compatibility_problems_name_the_nodes():
    assert compatibility_problems(mlp(units_out=3), blobs(), "cross_entropy")[0][0] == "out"
    problems = compatibility_problems(regression_net(), blobs(), "cross_entropy")
    assert [n for n, _ in problems] == ["x", "out"]
    with pytest.raises(ValueError, match="2 classes"):
        Trainer(mlp(units_out=3), blobs(), TRAINING)


def test_divergence_carries_where_and_why():
    trainer = Trainer(regression_net(), line(),
                      {"loss": "mse", "optimizer": {"type": "sgd", "lr": 50.0},
                       "batch_size": 10, "epochs": 50})
    with pytest.raises(TrainingDiverged) as info:
        for _ in range(1000):
            trainer.step()
    exc = info.value
    assert not np.isfinite(exc.loss) and exc.learning_rate == 50.0
    assert exc.step == trainer.step_count + 1 and exc.epoch == trainer.epoch + 1


def test_loaded_weights_are_what_a_divergence_restores():
    trainer = Trainer(regression_net(), line(),
                      {"loss": "mse", "optimizer": {"type": "sgd", "lr": 0.1},
                       "batch_size": 10, "epochs": 5})
    # finite weights whose very first loss overflows float32
    trained = {k: np.full_like(v, 1e30) for k, v in trainer.network.state_dict().items()}
    trainer.load_state(trained)
    with pytest.raises(TrainingDiverged):
        trainer.step()
    state = trainer.network.state_dict()
    assert all(np.array_equal(state[k], trained[k]) for k in trained)


def tiny(n=4, seed=0):
    """`n` training samples of blobs and no held-out splits: one cheap step an epoch."""
    data = blobs(n + 2, seed)
    empty = data.x_train[:0], data.y_train[:0]
    return Splits(data.x_train[:n], data.y_train[:n], *empty, *empty)


def test_history_thins_out_but_keeps_the_latest_and_the_best():
    spec = {**TRAINING, "batch_size": 4, "epochs": 20_000,
            "early_stopping": {"patience": 20_000, "restore_best": False}}
    trainer = Trainer(mlp(hidden=2), tiny(), spec)
    best = (np.inf, 0)
    while not trainer.finished:
        entry = trainer.run_epoch()
        assert trainer.history[-1] is entry and entry["epoch"] == trainer.epoch
        best = min(best, (entry["train_loss"], trainer.epoch))
    history = trainer.history
    assert trainer.epoch == 20_000 and history[-1]["epoch"] == 20_000
    assert [h["epoch"] for h in history[:EVERY_EPOCH_UNTIL]] == list(
        range(1, EVERY_EPOCH_UNTIL + 1))
    # 128 epochs, then 64 per doubling: 128 → 20 000 is 7.3 doublings
    assert len(history) < EVERY_EPOCH_UNTIL + 8 * EVERY_EPOCH_UNTIL // 2
    assert [h["epoch"] for h in history] == sorted({h["epoch"] for h in history})
    assert (trainer.best_loss, trainer.best_epoch) == best


def test_append_thinned_keeps_what_worth_noting_says_and_the_latest():
    log: list[int] = []
    for number in range(1, 10_001):
        append_thinned(log, number, number, every_until=16)
        assert log[-1] == number
    assert log[:-1] == [n for n in range(1, 10_000) if worth_noting(n, 16)]
