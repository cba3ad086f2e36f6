"""The shipped lessons: every concept is taught, every lesson is complete in English and
Chinese, and what each lesson tells the class it will see holds when trained headlessly."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nnstudio import Design, Trainer, build_network
from nnstudio.core.gradcheck import numerical_gradient, worst_element
from nnstudio.core.monitor import Monitor
from nnstudio.design.lesson import (
    COMING,
    CONCEPTS,
    STEP_TEXT_KEYS,
    Lesson,
    lessons_dir,
    step_problems,
)
from nnstudio.design.overrides import apply_overrides

LESSONS = sorted((Path(__file__).resolve().parents[1] / "resources" / "lessons").glob("*.json"))
CHINESE = "zh_CN"


def lesson_of(path: Path) -> Lesson:
    lesson = Design.load(path).lesson
    assert lesson is not None
    return lesson


def document(name: str, step: int | None = None) -> dict:
    """Lesson `name`'s design as it is after the lecturer has clicked Apply on every step up
    to and including `step` (None: as the lesson opens)."""
    path = lessons_dir() / f"{name}.json"
    doc = Design.load(path).to_dict()
    lesson = Lesson.from_document(doc)
    assert lesson is not None
    for s in lesson.steps[: 0 if step is None else step + 1]:
        doc = s.applied(doc)
    return doc


def trained(name: str, step: int | None = None, **overrides) -> Trainer:
    doc = document(name, step)
    if overrides:
        doc = apply_overrides(doc, {k.replace("__", "."): v for k, v in overrides.items()})
    trainer = Trainer(Design.from_dict(doc))
    trainer.run()
    return trainer


def accuracy(trainer: Trainer, split: str = "validation") -> float:
    return trainer.evaluate(split)["accuracy"]


def gap(trainer: Trainer) -> float:
    """Training minus validation accuracy."""
    return accuracy(trainer, "train") - accuracy(trainer)


# -- the collection ----------------------------------------------------------------------------
def test_the_lessons_folder_is_found_and_holds_lessons():
    assert lessons_dir().resolve() == LESSONS[0].parent.resolve()
    assert len(LESSONS) >= 18


def test_every_concept_but_the_coming_ones_is_taught():
    taught = {c for path in LESSONS for c in lesson_of(path).concepts}
    assert taught == set(CONCEPTS) - set(COMING)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_validates_builds_and_every_step_gives_a_valid_design(path):
    design = Design.load(path)
    lesson = design.lesson
    assert lesson is not None and 3 <= len(lesson.steps) <= 6
    assert lesson.introduction and design.name and design.description
    assert build_network(design).num_parameters > 0
    assert step_problems(design.to_dict()) == []
    doc = design.to_dict()
    for step in lesson.steps:
        doc = step.applied(doc)
        build_network(Design.from_dict(doc))
    assert any(step.apply for step in lesson.steps) or path.stem == "forward_backward"
    assert any(step.predict for step in lesson.steps)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_has_a_chinese_translation_of_every_text(path):
    design = Design.load(path)
    english = design.lesson
    assert english is not None
    texts = design.section("lesson")["translations"][CHINESE]
    assert texts["name"] and texts["description"] and texts["introduction"]
    assert len(texts["steps"]) == len(english.steps)
    for step, translated in zip(english.steps, texts["steps"], strict=True):
        for key in STEP_TEXT_KEYS:
            if getattr(step, key):
                assert translated.get(key), f"{path.stem}: step {step.title!r} has no {key}"
    chinese = english.localized(CHINESE)
    # titles may be a name alone ("Adam", "Xavier"); every other text is in Chinese
    prose = [chinese.name, chinese.description, chinese.introduction,
             *(s.text for s in chinese.steps), *(s.predict for s in chinese.steps if s.predict)]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in prose)


# -- the claims --------------------------------------------------------------------------------
@pytest.mark.slow
def test_perceptron_stays_near_chance_and_the_hidden_layer_solves_xor():
    assert accuracy(trained("perceptron_xor")) < 0.65
    assert accuracy(trained("perceptron_xor", 2)) >= 0.95


@pytest.mark.slow
def test_one_step_gives_every_layer_a_gradient_and_training_lowers_the_loss():
    trainer = Trainer(Design.from_dict(document("forward_backward")))
    before = trainer.evaluate("train")["loss"]
    trainer.step()
    weights = [p for p in trainer.network.parameters() if p.name.endswith(".W")]
    assert len(weights) == 3 and all(np.abs(p.grad).max() > 0 for p in weights)
    trainer.run()
    assert trainer.evaluate("train")["loss"] < before / 2


@pytest.mark.slow
def test_the_circle_needs_three_hidden_units():
    assert accuracy(trained("neurons_vs_boundary")) < 0.75
    assert accuracy(trained("neurons_vs_boundary", 1)) < 0.9
    assert accuracy(trained("neurons_vs_boundary", 2)) >= 0.95


@pytest.mark.slow
def test_l2_narrows_the_gap_between_training_and_validation():
    plain, l2 = trained("l2_overfitting"), trained("l2_overfitting", 2)
    assert accuracy(plain, "train") >= 0.99 and accuracy(plain) <= 0.9
    assert accuracy(l2, "train") < accuracy(plain, "train")
    assert gap(l2) < gap(plain) / 2
    assert l2.evaluate()["loss"] < plain.evaluate()["loss"]
    assert l2.network.state_dict()["h1.W"].std() < plain.network.state_dict()["h1.W"].std()


def first_to_last_gradient(doc: dict) -> float:
    trainer = Trainer(Design.from_dict(doc))
    monitor = Monitor(trainer)
    for _ in range(50):
        trainer.step()
    norms = [f.grad_norm for f in monitor.snapshot().flow if f.param == "W"]
    return norms[0] / norms[-1]


@pytest.mark.slow
def test_sigmoid_gradients_vanish_and_relu_ones_get_through():
    assert first_to_last_gradient(document("activations_vanishing")) < 1e-3
    assert accuracy(trained("activations_vanishing")) < 0.65
    assert first_to_last_gradient(document("activations_vanishing", 2)) > 0.1
    assert accuracy(trained("activations_vanishing", 2)) >= 0.9


@pytest.mark.slow
def test_raw_wine_saturates_and_standardised_wine_is_learnt():
    raw = trained("standardization")
    assert accuracy(raw) < 0.5
    stats = Monitor(raw).snapshot().activations
    assert stats is not None
    assert next(s for s in stats if s.node == "h1").saturated_fraction > 0.5
    assert accuracy(trained("standardization", 2)) >= 0.9


@pytest.mark.slow
def test_equal_initial_weights_keep_the_hidden_units_identical():
    zeros = trained("initialization")
    weights = zeros.network.state_dict()
    assert not weights["h1.W"].any() and not weights["out.W"].any()
    assert accuracy(zeros) < 0.65
    equal = trained("initialization", 1).network.state_dict()["h1.W"]
    assert not np.allclose(equal, 0.5)
    assert np.allclose(equal, equal[:, :1])  # every unit's column is the same
    assert accuracy(trained("initialization", 2)) >= 0.95
    assert accuracy(trained("initialization", 3)) >= 0.95


@pytest.mark.slow
def test_dropout_narrows_the_gap_between_training_and_validation():
    plain, dropout = trained("dropout"), trained("dropout", 1)
    assert accuracy(plain, "train") >= 0.99
    assert accuracy(dropout, "train") < accuracy(plain, "train")
    assert gap(dropout) < gap(plain) / 2
    assert dropout.evaluate()["loss"] < plain.evaluate()["loss"]


@pytest.mark.slow
def test_adam_beats_momentum_beats_adagrad_beats_sgd_in_the_same_epochs():
    runs = [trained("optimizers", step) for step in (None, 1, 2, 3)]
    losses = [run.evaluate("train")["loss"] for run in runs]
    assert losses == sorted(losses, reverse=True)  # SGD > AdaGrad > Momentum > Adam
    assert losses[0] > 0.6 and losses[2] < losses[0] / 1.5  # ln 2 ≈ 0.69 at the start
    assert accuracy(runs[0]) < 0.7 and accuracy(runs[3]) >= 0.95


@pytest.mark.slow
def test_batch_norm_makes_the_deep_sigmoid_network_train():
    assert accuracy(trained("batch_norm")) < 0.65
    assert accuracy(trained("batch_norm", 1)) >= 0.95


def step_loss_spread(doc: dict) -> tuple[int, float]:
    """Steps per epoch, and the spread of the per-step losses in the third epoch."""
    trainer = Trainer(Design.from_dict(doc))
    trainer.run_epoch()
    trainer.run_epoch()
    losses = [trainer.step() for _ in range(trainer.batches_per_epoch)]
    return trainer.batches_per_epoch, float(np.std(losses))


@pytest.mark.slow
def test_batch_size_sets_the_steps_per_epoch_and_their_noise():
    one, sixty_four = step_loss_spread(document("minibatch_epoch")), \
        step_loss_spread(document("minibatch_epoch", 1))
    assert one[0] == 160 and sixty_four[0] == 3
    assert one[1] > 5 * sixty_four[1]
    assert step_loss_spread(document("minibatch_epoch", 2))[0] == 10
    small = trained("minibatch_epoch")
    large = trained("minibatch_epoch", 1)
    assert small.step_count == 800 and large.step_count == 15
    assert accuracy(small) >= 0.9 and accuracy(large) < 0.7


def worst_gradient_ratio(doc: dict) -> float:
    """How far the worst entry of backpropagation's gradient is from the numerical one, in
    units of gradcheck's tolerance (1e-8 + 1e-6 of its size), over every parameter, in
    float64, on 16 training points."""
    design = Design.from_dict(doc)
    trainer = Trainer(design, dtype=np.float64)
    net = trainer.network
    x = trainer.data.x_train[:16].astype(np.float64)
    projection = np.random.default_rng(0).standard_normal((16, 2))
    net.zero_grad()
    net.forward(x, training=True)
    net.backward(projection.copy())
    errors = []
    for p in net.parameters():
        numeric = numerical_gradient(
            lambda _: float(np.sum(net.forward(x, training=True) * projection)), p.value)
        errors.append(worst_element(p.grad, numeric).ratio)
    assert len(errors) == 4 and sum(p.value.size for p in net.parameters()) == 22
    return max(errors)


@pytest.mark.slow
def test_numerical_and_analytic_gradients_agree():
    assert worst_gradient_ratio(document("gradient_check")) <= 1
    assert worst_gradient_ratio(document("gradient_check", 3)) <= 1


@pytest.mark.slow
def test_early_stopping_stops_before_the_limit_and_does_better_on_the_test_split():
    full = trained("validation_early_stopping")
    losses = [entry["validation_loss"] for entry in full.history]
    best = int(np.argmin(losses))
    assert full.history[best]["epoch"] < 50 and losses[-1] > 2 * losses[best]
    early = trained("validation_early_stopping", 1)
    assert early.stopped_early and early.epoch < full.epochs / 4
    assert early.evaluate()["loss"] == pytest.approx(early.best_loss)  # the best weights
    assert early.evaluate("test")["loss"] < full.evaluate("test")["loss"]


@pytest.mark.slow
def test_different_seeds_end_in_different_minima():
    seed0, seed4, seed5 = (trained("local_minima", step) for step in (None, 1, 2))
    assert accuracy(seed0) < 0.85 and accuracy(seed4) >= 0.9
    assert accuracy(trained("local_minima", training__epochs=120)) < 0.85  # longer: no help
    assert accuracy(seed5) < accuracy(seed0)
    final = sorted(run.evaluate("train")["loss"] for run in (seed0, seed4, seed5))
    assert final[1] - final[0] > 0.05 and final[2] - final[1] > 0.03
    wide = [accuracy(trained("local_minima", 3, training__seed=seed)) for seed in range(6)]
    assert sum(a >= 0.9 for a in wide) >= 4


@pytest.mark.slow
def test_one_tanh_unit_cannot_fit_the_sine_and_four_can():
    assert trained("universal_approximation").evaluate()["loss"] > 0.2
    assert trained("universal_approximation", 1).evaluate()["loss"] < 0.05
    assert trained("universal_approximation", 2).evaluate()["loss"] < 0.05


@pytest.mark.slow
def test_three_losses_classify_and_only_the_hinge_reaches_zero():
    cross_entropy, mse, hinge, softmax = (trained("losses_softmax", s) for s in (None, 1, 2, 3))
    for run in (cross_entropy, mse, hinge, softmax):
        assert accuracy(run, "train") == 1.0 and accuracy(run) == 1.0
    assert cross_entropy.evaluate("train")["loss"] > 0
    assert hinge.evaluate("train")["loss"] == 0
    probabilities = softmax.predict(softmax.data.x_val)
    assert (probabilities > 0).all() and np.allclose(probabilities.sum(axis=1), 1, atol=1e-5)


def shapes(doc: dict) -> dict[str, tuple[int, ...]]:
    return {row.id: tuple(row.output_shape) for row in
            build_network(Design.from_dict(doc)).summary()}


@pytest.mark.slow
def test_padding_and_stride_set_the_feature_map_sizes_and_the_cnn_reads_digits():
    assert shapes(document("convolution_pooling"))["conv1"] == (8, 6, 6)
    assert shapes(document("convolution_pooling"))["pool1"] == (8, 3, 3)
    assert shapes(document("convolution_pooling"))["flat"] == (72,)
    assert accuracy(trained("convolution_pooling"), "test") >= 0.95
    same = document("convolution_pooling", 2)
    assert shapes(same)["conv1"] == (8, 8, 8) and shapes(same)["pool1"] == (8, 4, 4)
    assert accuracy(trained("convolution_pooling", 2), "test") >= 0.95
    strided = document("convolution_pooling", 3)
    assert shapes(strided)["conv1"] == (8, 3, 3) and shapes(strided)["pool1"] == (8, 1, 1)
    assert accuracy(trained("convolution_pooling", 3), "test") < 0.8


@pytest.mark.slow
def test_skip_connections_make_the_deep_stack_train():
    assert accuracy(trained("residual")) < 0.65
    assert accuracy(trained("residual", 1)) >= 0.95
