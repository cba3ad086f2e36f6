"""Divergence that helps: blow-ups are told from training, a checkpoint from before them is
restored, and the learning rate suggested trains from there."""

import json
import math
from pathlib import Path

import numpy as np
import pytest

from nnstudio import Design, Trainer
from nnstudio.cli import main
from nnstudio.core.errors import TrainingDiverged
from nnstudio.core.training import BLOWUP_FACTOR, BLOWUP_STEPS, SANE_FACTOR, LossWatch

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def with_optimizer(name: str, optimizer: dict, epochs: int = 1000) -> Design:
    doc = Design.load(EXAMPLES / f"{name}.json").to_dict()
    doc["training"].update(optimizer=optimizer, epochs=epochs)
    return Design.from_dict(doc)


def diverge(trainer: Trainer, steps: int = 2000) -> TrainingDiverged:
    with pytest.raises(TrainingDiverged) as info:
        for _ in range(steps):
            trainer.step()
    return info.value


def follow_the_advice(trainer: Trainer, exc: TrainingDiverged, epochs: int) -> list[float]:
    """Set the suggested rate and train `epochs` epochs; their training losses."""
    assert exc.suggested_learning_rate is not None
    trainer.learning_rate = exc.suggested_learning_rate
    return [trainer.run_epoch()["train_loss"] for _ in range(epochs)]


@pytest.mark.parametrize(("name", "optimizer", "blown_up"), [
    ("sine", {"type": "sgd", "lr": 1000.0}, False),   # the loss overflows to inf
    ("spiral", {"type": "adam", "lr": 10.0}, True),    # sits at 20–60, from 0.8
])
def test_the_suggested_learning_rate_recovers(name, optimizer, blown_up):
    trainer = Trainer(with_optimizer(name, optimizer))
    exc = diverge(trainer)
    assert exc.blown_up == blown_up and exc.learning_rate == optimizer["lr"]
    # the weights restored are a checkpoint's whose smoothed loss was near the best seen
    assert exc.restored_loss <= SANE_FACTOR * trainer.watch.best
    restored = trainer.evaluate("train")["loss"]
    assert restored < 2 * exc.restored_loss
    assert f"learning rate {exc.suggested_learning_rate:g}" in str(exc)
    losses = follow_the_advice(trainer, exc, epochs=30)
    assert np.isfinite(losses).all()
    assert losses[-1] < 0.9 * restored and losses[-1] < losses[0]
    assert trainer.evaluate("train")["loss"] < 0.9 * restored


def test_a_blow_up_is_a_sustained_stretch_far_above_the_best_and_the_start():
    watch = LossWatch()
    for loss in np.linspace(1.0, 0.1, 100):  # training: never a blow-up
        watch.update(float(loss))
    assert not watch.blown_up and watch.start == 1.0 and watch.sane
    high = 1.5 * max(BLOWUP_FACTOR * watch.best, watch.start)
    steps = 0
    while not watch.blown_up:
        watch.update(high)
        steps += 1
    assert not watch.sane
    # the smoothed loss needs a few steps to cross the line, then BLOWUP_STEPS above it
    assert BLOWUP_STEPS < steps < BLOWUP_STEPS + 15
    watch.update(0.1)  # one batch does not end the stretch: the smoothed loss is still high
    assert watch.above > 0


def test_a_spike_above_the_start_that_comes_back_down_is_not_a_blow_up():
    watch = LossWatch()
    losses = [0.7] + [40.0] * 5 + [0.5] * (3 * BLOWUP_STEPS)  # sine with Adam lr 0.1 does this
    for loss in losses:
        watch.update(loss)
        assert not watch.blown_up


def test_checkpoints_are_taken_now_and_then_not_every_step(monkeypatch):
    trainer = Trainer(with_optimizer("spiral", {"type": "adam", "lr": 0.01}))
    taken = []
    take = type(trainer.checkpoint).take
    monkeypatch.setattr(type(trainer.checkpoint), "take",
                        lambda self, *args: (taken.append(args[-1]), take(self, *args)))
    for _ in range(200):
        trainer.step()
    assert taken[0] == 0 and len(taken) <= 200 // 20 + 1
    assert np.all(np.diff(taken) >= 20)


def test_nothing_to_suggest_when_no_lower_rate_trains():
    trainer = Trainer(with_optimizer("sine", {"type": "sgd", "lr": 0.01}))
    trainer.load_state({k: np.full_like(v, 1e30) for k, v in
                        trainer.network.state_dict().items()})
    exc = diverge(trainer, steps=1)
    assert exc.suggested_learning_rate is None and exc.restored_step == 0
    assert math.isnan(exc.restored_loss)
    assert "lower the learning rate" in str(exc)


def test_the_command_line_stops_a_blow_up_with_exit_1(tmp_path, capsys):
    path = tmp_path / "adam10.json"
    path.write_text(json.dumps(with_optimizer("spiral", {"type": "adam", "lr": 10.0},
                                              epochs=20).to_dict()), encoding="utf-8")
    assert main(["train", str(path), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "training diverged" in err and "far above its best" in err
    assert "continue with the learning rate 0.01," in err
