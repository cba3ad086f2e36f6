"""Every shipped example is valid, and trains to its textbook figure."""

from pathlib import Path

import pytest

from nnstudio import Design, Trainer, build_network

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "resources" / "examples").glob("*.json"))


def test_there_are_examples():
    expected = {"xor", "spiral", "circle", "iris", "wine", "digits_cnn", "sine",
                "sigmoid_saturation", "vanishing_gradients", "zero_init"}
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


def activation_stats(name, weight_init=None):
    """The hidden layers' activation statistics of example `name` before training, with every
    sigmoid layer's weight_init replaced by `weight_init` if given."""
    from nnstudio.core.monitor import Monitor

    doc = Design.load(next(p for p in EXAMPLES if p.stem == name)).to_dict()
    for node in doc["network"]["nodes"]:
        if weight_init is not None and node["params"].get("activation") == "sigmoid":
            node["params"]["weight_init"] = weight_init
    stats = Monitor(Trainer(Design.from_dict(doc))).snapshot().activations
    return [s for s in stats if s.node.startswith("h")]


def test_the_weight_scale_example_draws_the_classic_figure():
    assert all(s.saturated_fraction > 0.4 for s in activation_stats("sigmoid_saturation"))
    tiny = activation_stats("sigmoid_saturation", {"type": "normal", "std": 0.01})
    assert all(abs(s.mean - 0.5) < 0.02 and s.std < 0.03 for s in tiny)
    xavier = activation_stats("sigmoid_saturation", "xavier_normal")
    assert all(s.saturated_fraction < 0.05 and 0.08 < s.std < 0.3 for s in xavier)


def test_the_vanishing_gradients_example_vanishes_and_relu_does_not():
    from nnstudio.core.monitor import Monitor

    def first_to_last(activation):
        doc = Design.load(next(p for p in EXAMPLES if p.stem == "vanishing_gradients")).to_dict()
        for node in doc["network"]["nodes"]:
            if node["params"].get("activation") == "sigmoid":
                node["params"]["activation"] = activation
        trainer = Trainer(Design.from_dict(doc))
        monitor = Monitor(trainer)
        for _ in range(50):
            trainer.step()
        norms = [f.grad_norm for f in monitor.snapshot().flow if f.param == "W"]
        return norms[0] / norms[-1]

    assert first_to_last("sigmoid") < 1e-3
    assert first_to_last("relu") > 0.1


def test_the_zero_init_example_cannot_learn():
    trainer = Trainer(Design.load(next(p for p in EXAMPLES if p.stem == "zero_init")))
    for _ in range(300):
        trainer.step()
    weights = trainer.network.state_dict()
    assert not weights["h1.W"].any() and not weights["out.W"].any()
    assert trainer.evaluate("validation")["accuracy"] < 0.65
