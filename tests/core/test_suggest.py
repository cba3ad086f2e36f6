"""The one "did you mean" search behind the design, optimiser and loss messages."""

import pytest

from nnstudio.core.losses import canonical_loss
from nnstudio.core.optimizers import canonical_optimizer
from nnstudio.core.suggest import closest


@pytest.mark.parametrize(("word", "meant"), [
    ("dense", "Dense"), (" Dense ", "Dense"), ("Dens", "Dense"), ("cross-entropy", "cross_entropy"),
    ("Conv2d", "Conv2D"), ("zzzz", None), (3, None),
])
def test_closest_ignores_case_blanks_and_dashes(word, meant):
    assert closest(word, ["Dense", "Conv2D", "cross_entropy"]) == meant


def test_the_optimiser_and_loss_messages_share_it():
    with pytest.raises(ValueError, match="Did you mean 'adam'"):
        canonical_optimizer("Adma")
    with pytest.raises(ValueError, match="Did you mean 'cross_entropy'"):
        canonical_loss("Cross-Entropy ")
