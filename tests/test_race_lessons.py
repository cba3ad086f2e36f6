"""Every race lesson's claims, raced headlessly from its saved race section."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from nnstudio import Design
from nnstudio.core.race import Entrant
from nnstudio.design.race import build_race, race_variants

LESSONS = Path(__file__).resolve().parents[1] / "resources" / "lessons"


@cache
def raced(name: str) -> dict[str, Entrant]:
    """The lesson's race, run to its end, by variant label."""
    design = Design.load(LESSONS / f"{name}.json")
    race = build_race(design, race_variants(design.to_dict()))
    race.run()
    return {e.label: e for e in race.entrants}


def metric(entrant: Entrant, split: str, key: str) -> float:
    return entrant.trainer.evaluate(split)[key]


def test_every_race_lesson_saves_a_race_and_is_in_both_languages() -> None:
    names = sorted(p.stem for p in LESSONS.glob("race_*.json"))
    assert names == ["race_batch_size", "race_init", "race_l2", "race_optimizers",
                     "race_sigmoid_relu"]
    for name in names:
        design = Design.load(LESSONS / f"{name}.json")
        assert 2 <= len(race_variants(design.to_dict())) <= 4
        assert design.lesson is not None and "zh_CN" in design.to_dict()["lesson"]["translations"]


def test_optimisers_finish_in_the_order_the_lesson_gives() -> None:
    r = raced("race_optimizers")
    loss = {k: metric(e, "train", "loss") for k, e in r.items()}
    assert loss["SGD"] > 0.6 and loss["AdaGrad"] < loss["SGD"]
    assert 0.2 < loss["Momentum"] < 0.45 and loss["Adam"] < 0.25
    assert loss["Adam"] < loss["Momentum"] < loss["AdaGrad"]
    assert metric(r["Adam"], "validation", "accuracy") > 0.95
    # the same starting point: the race copied one set of weights
    assert len({e.trainer.step_count for e in r.values()}) == 1


def test_sigmoid_stays_at_a_coin_toss_while_relu_trains() -> None:
    r = raced("race_sigmoid_relu")
    assert abs(metric(r["sigmoid"], "train", "loss") - 0.693) < 0.01
    assert metric(r["sigmoid"], "validation", "accuracy") < 0.6
    assert r["ReLU"].trainer.history[4]["train_accuracy"] > 0.9  # within five epochs
    assert metric(r["ReLU"], "validation", "accuracy") > 0.9


def test_l2_halves_the_validation_loss_of_a_memorising_network() -> None:
    r = raced("race_l2")
    free, some, strong = r["λ = 0"], r["λ = 0.01"], r["λ = 0.1"]
    assert metric(free, "train", "accuracy") == 1.0
    assert metric(free, "validation", "loss") > 0.4
    assert metric(some, "validation", "loss") < 0.6 * metric(free, "validation", "loss")
    assert metric(strong, "train", "accuracy") < metric(some, "train", "accuracy") < 1.0


def test_zero_initialisation_stays_symmetric_and_xavier_learns_xor() -> None:
    r = raced("race_init")
    zeros = r["zeros"]
    assert abs(metric(zeros, "train", "loss") - 0.693) < 0.01
    assert metric(zeros, "train", "accuracy") < 0.6
    w = zeros.trainer.network.state_dict()["h1.W"]
    assert (w == w[:, :1]).all()  # every hidden neuron the same
    assert metric(r["Xavier"], "train", "accuracy") > 0.97


def test_small_batches_take_more_steps_per_epoch_and_get_further() -> None:
    r = raced("race_batch_size")
    steps = {k: e.trainer.step_count for k, e in r.items()}
    assert steps == {"batch 1": 800, "batch 16": 50, "batch 160": 5}
    assert metric(r["batch 160"], "train", "loss") > 0.65
    assert metric(r["batch 1"], "train", "accuracy") > 0.9


@pytest.mark.parametrize("name", ["race_optimizers", "race_init"])
def test_the_lessons_variants_start_from_the_same_weights_unless_about_initialisation(
        name: str) -> None:
    design = Design.load(LESSONS / f"{name}.json")
    race = build_race(design, race_variants(design.to_dict()))
    first, second = (e.trainer.network.state_dict()["h1.W"] for e in race.entrants[:2])
    assert (first == second).all() == (name == "race_optimizers")


def test_the_last_step_applies_the_variant_it_names() -> None:
    expected = {"race_optimizers": "Adam", "race_sigmoid_relu": "ReLU", "race_l2": "λ = 0.01",
                "race_init": "Xavier", "race_batch_size": "batch 16"}
    for name, label in expected.items():
        design = Design.load(LESSONS / f"{name}.json")
        variant = next(v for v in race_variants(design.to_dict()) if v.label == label)
        assert design.lesson is not None
        assert dict(design.lesson.steps[-1].apply) == dict(variant.overrides)
