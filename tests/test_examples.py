"""Every shipped example is valid, and trains to its textbook figure."""

from pathlib import Path

import pytest

from nnstudio import Design, Trainer, build_network

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "resources" / "examples").glob("*.json"))


def test_there_are_examples():
    expected = {"xor", "spiral", "circle", "iris", "wine", "digits_cnn", "sine"}
    assert {p.stem for p in EXAMPLES} >= expected


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_is_valid_and_builds(path):
    design = Design.load(path)
    assert design.name and design.description
    assert build_network(design).num_parameters > 0


# (example, split, metric, minimum or maximum)
FIGURES = [
    ("xor", "validation", "accuracy", 0.95),
    ("spiral", "validation", "accuracy", 0.95),
    ("circle", "validation", "accuracy", 0.95),
    ("iris", "validation", "accuracy", 0.90),
    ("wine", "validation", "accuracy", 0.90),
    ("digits_cnn", "test", "accuracy", 0.95),
    ("sine", "validation", "loss", 0.02),
]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "split", "metric", "bound"), FIGURES,
                         ids=[f[0] for f in FIGURES])
def test_example_reaches_its_textbook_figure(name, split, metric, bound):
    path = next(p for p in EXAMPLES if p.stem == name)
    trainer = Trainer(Design.load(path))
    trainer.run()
    value = trainer.evaluate(split)[metric]
    if metric == "loss":
        assert value <= bound
    else:
        assert value >= bound
