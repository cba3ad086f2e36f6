"""Fuzzing: mutated example designs fail with a DesignError or work, nothing else escapes.

A few hundred cases here (seconds); benchmarks/fuzz_designs.py runs tens of thousands.
"""

from __future__ import annotations

import random
import warnings

import pytest
from design_mutations import example_documents, exercise, mutate, mutated_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnstudio import Design

DOCS = example_documents()
FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(autouse=True)
def quiet_overflow():
    """Mutated learning rates overflow on purpose; numpy's warnings would only be noise."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        yield


@FUZZ
@given(doc=st.sampled_from(DOCS), rng=st.randoms(use_true_random=False))
def test_mutated_documents_raise_only_design_errors(doc: dict, rng: random.Random) -> None:
    mutated = mutate(doc, rng)
    assert exercise(lambda: Design.from_dict(mutated)) is None


@FUZZ
@given(doc=st.sampled_from(DOCS), rng=st.randoms(use_true_random=False))
def test_mutated_json_text_raises_only_design_errors(doc: dict, rng: random.Random) -> None:
    text = mutated_text(doc, rng)
    assert exercise(lambda: Design.from_json(text)) is None


def test_the_mutations_reach_building_and_training() -> None:
    """Enough cases get past validation for the fuzzing to test the engine too."""
    built = 0
    for seed in range(200):
        rng = random.Random(seed)
        try:
            Design.from_dict(mutate(rng.choice(DOCS), rng))
            built += 1
        except Exception:
            continue
    assert built >= 40
