"""word2vec's data and loss through the Trainer: targets (N, 1 + k) train, accuracy reads the
true word, "auto" picks negative_sampling, and mismatches are named."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio import Design, DesignError, Trainer


def design(units: int, loss: str = "negative_sampling",
           data: dict | None = None) -> Design:
    return Design.from_dict({
        "format": "nnstudio-design", "version": 1,
        "network": {"nodes": [
            {"id": "x", "type": "Input", "params": {"shape": [1]}},
            {"id": "out", "type": "Dense", "params": {"units": units, "use_bias": False}}],
            "edges": [["x", "out"]]},
        "data": data or {"source": "words", "name": "words_en", "negatives": 3},
        "training": {"loss": loss, "batch_size": 256, "epochs": 1},
    })


def test_a_words_design_trains_with_negative_sampling():
    trainer = Trainer(design(108))
    first = trainer.step()
    metrics = trainer.run_epoch()
    assert np.isfinite(first) and metrics["train_loss"] < first
    assert 0 <= metrics["train_accuracy"] <= 1
    x, labels = trainer.samples("validation")
    assert labels.ndim == 1 and len(labels) == len(x)  # the true words, not the negatives
    assert set(trainer.evaluate("validation")) == {"loss", "accuracy"}


def test_auto_is_negative_sampling_for_words():
    assert Trainer(design(108, "auto")).loss == "negative_sampling"


@pytest.mark.parametrize(("units", "loss", "data", "message"), [
    (20, "negative_sampling", None,
     "the output layer has 20 units but the vocabulary has 108 words: give it 108 units"),
    (108, "cross_entropy", None,
     "the words data gives a true word and 3 negatives per example: use the "
     "negative_sampling loss, not cross_entropy"),
    (2, "negative_sampling", {"source": "toy2d"},
     "negative_sampling needs a true word and its negatives per example: use the words "
     "data source"),
])
def test_mismatches_are_named(units, loss, data, message):
    with pytest.raises(DesignError, match=message):
        Trainer(design(units, loss, data))
