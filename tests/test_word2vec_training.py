"""word2vec's data and loss through the Trainer: targets (N, 1 + k) train, accuracy reads the
true word, and an output layer smaller than the vocabulary is named."""

from __future__ import annotations

import numpy as np
import pytest

from nnstudio import Design, DesignError, Trainer


def design(units: int) -> Design:
    return Design.from_dict({
        "format": "nnstudio-design", "version": 1,
        "network": {"nodes": [
            {"id": "x", "type": "Input", "params": {"shape": [1]}},
            {"id": "out", "type": "Dense", "params": {"units": units, "use_bias": False}}],
            "edges": [["x", "out"]]},
        "data": {"source": "words", "name": "words_en", "negatives": 3},
        "training": {"loss": "negative_sampling", "batch_size": 256, "epochs": 1},
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


def test_an_output_smaller_than_the_vocabulary_is_named():
    with pytest.raises(DesignError, match=r"word id \d+ needs at least \d+ output units"):
        Trainer(design(20))
