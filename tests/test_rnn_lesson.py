"""The rnn_lstm lesson's claims, trained headlessly: the RNN predicts the sine curve's next
value to an MSE below 0.002, the hidden-state panel has every step of every unit to draw, the
plain RNN stops near 80 % on the 20-step memory task and the LSTM reaches 100 % on it."""

from __future__ import annotations

from functools import cache

import pytest

from nnstudio import Design, Trainer
from nnstudio.core.monitor import Monitor
from nnstudio.design.lesson import Lesson, lessons_dir


def document(step: int | None) -> dict:
    """The lesson's design once the lecturer has applied every step up to and including
    `step` (None: as it opens)."""
    doc = Design.load(lessons_dir() / "rnn_lstm.json").to_dict()
    lesson = Lesson.from_document(doc)
    assert lesson is not None
    for s in lesson.steps[: 0 if step is None else step + 1]:
        doc = s.applied(doc)
    return doc


@cache
def trained(step: int | None) -> Trainer:
    trainer = Trainer(Design.from_dict(document(step)))
    trainer.run()
    return trainer


@pytest.mark.slow
def test_the_rnn_predicts_the_next_value_of_the_curve():
    trainer = trained(None)
    assert trainer.evaluate("validation")["loss"] < 0.002
    snapshot = Monitor(trainer).snapshot()
    assert snapshot.next_values is not None
    assert snapshot.next_values.curves.shape == (4, 20)


def test_the_hidden_state_has_a_column_per_step_and_a_row_per_unit():
    for step, units in ((None, 16), (2, 32), (3, 32)):
        doc = document(step)
        snapshot = Monitor(Trainer(Design.from_dict(doc))).snapshot()
        assert snapshot.sequence_states is not None
        (layer,) = snapshot.sequence_states.layers
        assert layer.hidden.shape == (8, 20, units)
        assert (layer.gates is not None) == (step == 3)  # the LSTM's gates, to choose


@pytest.mark.slow
def test_the_plain_rnn_stops_near_80_percent_on_the_memory_task():
    doc = document(2)
    assert doc["data"]["name"] == "first_last" and doc["data"]["length"] == 20
    accuracy = trained(2).evaluate("validation")["accuracy"]
    assert 0.7 <= accuracy <= 0.85


@pytest.mark.slow
def test_the_lstm_reaches_100_percent_on_the_same_task():
    doc = document(3)
    assert doc["network"]["nodes"][1]["type"] == "LSTM"
    assert doc["data"] == document(2)["data"] and doc["training"] == document(2)["training"]
    assert trained(3).evaluate("validation")["accuracy"] >= 0.99
