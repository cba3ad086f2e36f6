"""The Qt-free race: same data, same initial weights, fair turns, pausing, the race section."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from nnstudio import Design
from nnstudio.core.race import Entrant, Race
from nnstudio.design.errors import DesignError
from nnstudio.design.race import (
    Variant,
    build_race,
    check_race,
    describe,
    parse_vary,
    race_section,
    race_variants,
    vary_variants,
)
from nnstudio.design.validate import validate_document

DOC = {
    "format": "nnstudio-design", "version": 1, "name": "small spiral",
    "network": {"nodes": [
        {"id": "x", "type": "Input", "params": {"shape": [2]}},
        {"id": "h1", "type": "Dense", "params": {"units": 6, "activation": "tanh"}},
        {"id": "out", "type": "Dense", "params": {"units": 2}}],
        "edges": [["x", "h1"], ["h1", "out"]]},
    "data": {"source": "toy2d", "name": "spiral", "samples": 120, "seed": 3},
    "training": {"optimizer": {"type": "adam", "lr": 0.01}, "batch_size": 16, "epochs": 3},
}


@pytest.fixture
def design() -> Design:
    return Design.from_dict(DOC)


def _weights(race: Race) -> list[dict[str, np.ndarray]]:
    return [e.trainer.network.state_dict() for e in race.entrants]


def test_variants_differing_in_optimiser_start_from_identical_weights(design: Design) -> None:
    race = build_race(design, vary_variants([("training.optimizer.type",
                                              ["sgd", "momentum", "rmsprop", "adam"])]))
    first, *others = _weights(race)
    for other in others:
        assert all(np.array_equal(first[k], other[k]) for k in first)
    assert [e.trainer.optimizer_spec["type"] for e in race.entrants] == \
        ["sgd", "momentum", "rmsprop", "adam"]


def test_an_activation_variant_starts_from_the_base_weights(design: Design) -> None:
    # with the "auto" initialiser relu alone would pick He, sigmoid Xavier: the race copies
    race = build_race(design, vary_variants([("network.nodes.h1.params.activation",
                                              ["sigmoid", "relu"])]))
    a, b = _weights(race)
    assert all(np.array_equal(a[k], b[k]) for k in a)


def test_variants_about_initialisation_keep_their_own_weights(design: Design) -> None:
    race = build_race(design, [Variant.of({"training.seed": 1}), Variant.of({"training.seed": 2}),
                               Variant.of({"network.nodes.h1.params.weight_init": "zeros"})])
    a, b, zeros = _weights(race)
    assert not np.array_equal(a["h1.W"], b["h1.W"])
    assert not zeros["h1.W"].any()


def test_variants_share_one_dataset_unless_they_change_the_data(design: Design) -> None:
    race = build_race(design, [Variant.of({"training.batch_size": 1}),
                               Variant.of({"training.batch_size": 64}),
                               Variant.of({"data.noise": 0.3})])
    a, b, noisy = (e.trainer.data for e in race.entrants)
    assert a is b and noisy is not a


def test_a_race_of_identical_variants_gives_identical_curves(design: Design) -> None:
    race = build_race(design, [Variant.of({}, "A"), Variant.of({}, "B"), Variant.of({}, "C")])
    race.run()
    histories = [e.trainer.history for e in race.entrants]
    assert len(histories[0]) == 3
    for history in histories[1:]:
        assert [{k: v for k, v in h.items() if k != "seconds"} for h in history] == \
            [{k: v for k, v in h.items() if k != "seconds"} for h in histories[0]]


def test_turns_go_round_fairly_by_steps(design: Design) -> None:
    race = build_race(design, vary_variants([("training.batch_size", [1, 64])]))
    order = [race.entrants.index(race.step()) for _ in range(6)]
    assert order == [0, 1, 0, 1, 0, 1]


class _Timed:
    """A stand-in trainer whose every step costs `cost` on a shared fake clock."""

    def __init__(self, clock: list[float], cost: float):
        self.clock, self.cost, self.step_count, self.finished = clock, cost, 0, False

    def step(self) -> float:
        self.clock[0] += self.cost
        self.step_count += 1
        return 0.0


def test_turns_by_time_give_equal_time_not_equal_steps() -> None:
    now = [0.0]
    slow, quick = _Timed(now, 3.0), _Timed(now, 1.0)
    race = Race([Entrant("slow", slow), Entrant("quick", quick)],  # type: ignore[arg-type]
                fair="time", clock=lambda: now[0])
    for _ in range(40):
        race.step()
    assert (slow.step_count, quick.step_count) == (10, 30)
    assert race.entrants[0].seconds == race.entrants[1].seconds == 30.0
    assert race.entrants[1].steps_per_second == 1.0


def test_a_paused_entrant_takes_no_turns_and_resumes_where_the_others_are(
        design: Design) -> None:
    race = build_race(design, [Variant.of({}, "A"), Variant.of({}, "B")])
    race.pause(0)
    for _ in range(5):
        assert race.step() is race.entrants[1]
    race.pause(0, False)
    turns = [race.entrants.index(race.step()) for _ in range(4)]
    assert turns.count(0) == 2  # not five turns in a row to catch up
    removed = race.remove(1)
    assert removed.label == "B" and len(race.entrants) == 1


def test_a_diverging_entrant_stops_alone(design: Design) -> None:
    wild = {"training.optimizer": {"type": "sgd", "lr": 1e12}, "training.loss": "mse"}
    race = build_race(design, [Variant.of({}), Variant.of(wild)])
    race.run()
    calm, wild_one = race.entrants
    assert calm.error is None and calm.trainer.finished
    assert wild_one.error and "learning rate" in wild_one.error
    assert not wild_one.running and race.finished


def test_a_change_that_does_not_fit_names_its_variant_and_path(design: Design) -> None:
    with pytest.raises(DesignError) as info:
        build_race(design, [Variant.of({"network.nodes.h9.params.units": 3}),
                            Variant.of({"training.optimizer.lr": -1}, "negative")])
    text = str(info.value)
    assert "h9.units=3" in text and "h9" in text and "'negative'" in text and "lr" in text


def test_vary_values_are_json_where_they_parse() -> None:
    assert parse_vary("training.optimizer.lr=0.1,1e-3") == ("training.optimizer.lr", [0.1, 1e-3])
    assert parse_vary("training.optimizer.type=sgd,adam")[1] == ["sgd", "adam"]
    assert parse_vary("training.optimizer.betas=[0.9,0.99],[0.5,0.9]")[1] == \
        [[0.9, 0.99], [0.5, 0.9]]
    for bad in ("lr", "=1,2", "a..b=1", "training.seed="):
        with pytest.raises(ValueError):
            parse_vary(bad)


def test_vary_makes_every_combination_named_by_what_differs() -> None:
    variants = vary_variants([("training.optimizer.type", ["sgd", "adam"]),
                              ("network.nodes.h1.params.activation", ["relu", "tanh"])])
    assert [v.label for v in variants] == [
        "optimizer.type=sgd, h1.activation=relu", "optimizer.type=sgd, h1.activation=tanh",
        "optimizer.type=adam, h1.activation=relu", "optimizer.type=adam, h1.activation=tanh"]
    assert describe({}) == "as designed"


def test_the_race_section_round_trips_and_validates() -> None:
    variants = [Variant.of({"training.optimizer.type": "sgd"}, "plain SGD"),
                Variant.of({"training.optimizer.type": "adam"})]
    doc = {**copy.deepcopy(DOC), "race": race_section(variants)}
    assert validate_document(doc) == []
    assert race_variants(Design.from_dict(doc).to_dict()) == variants
    assert "label" not in doc["race"]["variants"][1]


@pytest.mark.parametrize(("race", "where"), [
    ([], "race"),
    ({"variants": [{"overrides": {}}]}, "race.variants"),
    ({"variants": [{"overrides": {}}] * 5}, "race.variants"),
    ({"variants": [{"overrides": {}}, 3]}, "race.variants[1]"),
    ({"variants": [{"overrides": {}}, {"overrides": {"a..b": 1}}]},
     "race.variants[1].overrides.a..b"),
    ({"variants": [{"overrides": {}}, {"label": 7, "overrides": {}}]}, "race.variants[1].label"),
    ({"variants": [{"overrides": {}}, {"overides": {}}]}, "race.variants[1].overides"),
    ({"variants": [{"overrides": {}}, {"overrides": {}}], "x": 1}, "race.x"),
])
def test_a_bad_race_section_is_named_at_its_path(race: object, where: str) -> None:
    problems = check_race({"race": race})
    assert problems and problems[0].path == where
    doc = {**copy.deepcopy(DOC), "race": race}
    assert any(p.path == where for p in validate_document(doc))


def test_a_burst_gives_each_turn_several_steps_and_the_same_curves(design: Design) -> None:
    one, eight = (build_race(design, [Variant.of({}, "A"), Variant.of({}, "B")])
                  for _ in range(2))
    eight.burst = 8
    assert eight.step() is eight.entrants[0] and eight.entrants[0].trainer.step_count == 8
    assert eight.step() is eight.entrants[1]
    one.run()
    eight.run()
    assert [h["train_loss"] for h in one.entrants[1].trainer.history] == \
        [h["train_loss"] for h in eight.entrants[1].trainer.history]
    # a burst stops at the end of the run: no step past the epoch limit
    assert [e.trainer.step_count for e in eight.entrants] == \
        [e.trainer.step_count for e in one.entrants] == [18, 18]
