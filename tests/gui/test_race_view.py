"""The race window: making variants, training them side by side in the race thread, pausing
and removing one, opening a saved race, and a race that cannot start told to the user."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QDialog

from nnstudio.design import Design
from nnstudio.design.race import Variant, race_section, vary_variants
from nnstudio.gui.race.action import RaceActions
from nnstudio.gui.race.maker import RaceMaker, make_variants, settings_of
from nnstudio.gui.race.view import RaceWindow
from nnstudio.gui.race.worker import RaceSnapshot

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"


def small(name: str = "spiral", epochs: int = 3, **extra: object) -> Design:
    doc = Design.load(EXAMPLES / f"{name}.json").to_dict()
    if "samples" in doc["data"] or doc["data"].get("source") == "toy2d":
        doc["data"]["samples"] = 120
    doc["training"]["epochs"] = epochs
    return Design.from_dict({**doc, **extra})


@pytest.fixture
def open_race(qtbot):
    windows: list[RaceWindow] = []

    def make(design: Design, variants: list[Variant]) -> RaceWindow:
        window = RaceWindow(design, variants)
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(1000, 700)
        window.show()
        return window
    yield make
    for window in windows:
        window.session.close()


def wait_for(qtbot, window: RaceWindow, check) -> RaceSnapshot:
    qtbot.waitUntil(lambda: window.latest is not None and check(window.latest), timeout=30_000)
    assert window.latest is not None
    return window.latest


def test_the_maker_offers_the_designs_own_layers_and_makes_every_combination(qtbot):
    design = Design.load(EXAMPLES / "vanishing_gradients.json")
    settings = {s.name: s for s in settings_of(design)}
    every = settings["Activation of every hidden layer"]
    assert len(every.paths) == 7 and "Activation of h3" in settings
    variants = make_variants([(every, "sigmoid, relu")])
    assert [v.label for v in variants] == ["Activation of every hidden layer sigmoid",
                                           "Activation of every hidden layer relu"]
    assert variants[1].overrides["network.nodes.h7.params.activation"] == "relu"

    maker = RaceMaker(design)
    qtbot.addWidget(maker)
    box, values = maker.rows[0]
    assert box.currentText() == "Optimiser" and maker.variants and len(maker.variants) == 4
    values.setText("sgd, adam, adagrad, rmsprop, momentum")  # five: too many
    assert not maker.variants and "2 to 4" in maker.preview.text()
    values.setText("sgd, adam")
    second_box, second = maker.rows[1]
    second_box.setCurrentText("Learning rate")
    second.setText("0.1, 0.01")
    assert [v.overrides for v in maker.variants] == [
        {"training.optimizer.type": t, "training.optimizer.lr": lr}
        for t in ("sgd", "adam") for lr in (0.1, 0.01)]


def test_variants_train_side_by_side_in_the_race_thread(qtbot, open_race):
    window = open_race(small(), vary_variants([("training.optimizer.type",
                                                ["sgd", "momentum", "rmsprop", "adam"])]))
    wait_for(qtbot, window, lambda s: len(s.entrants) == 4)
    window.toggle()  # Play
    shot = wait_for(qtbot, window, lambda s: all(e.finished for e in s.entrants)
                    and not s.running)
    assert all(e.epoch == 3 and e.steps_per_second > 0 for e in shot.entrants)
    assert window.key.texts == [f"optimizer.type={t}" for t in
                                ("sgd", "momentum", "rmsprop", "adam")]
    curves = window.curves["optimizer.type=adam"]
    assert len(curves[0].yData) == 3 and np.isfinite(curves[3].yData).all()
    lane = window.lanes["optimizer.type=sgd"]
    assert lane.picture.pixmap() is not None and not lane.picture.pixmap().isNull()
    assert "steps/s" in lane.counters.text()


def test_a_variant_is_paused_and_removed(qtbot, open_race):
    window = open_race(small(epochs=400), [Variant.of({}, "A"), Variant.of({}, "B"),
                                           Variant.of({"training.optimizer.lr": 0.1}, "C")])
    wait_for(qtbot, window, lambda s: len(s.entrants) == 3)
    window.lanes["A"].pause_button.click()
    window.toggle()
    shot = wait_for(qtbot, window, lambda s: s.entrants[1].epoch >= 3)
    assert shot.entrants[0].paused and shot.entrants[0].step == 0
    window.lanes["C"].remove_button.click()
    shot = wait_for(qtbot, window, lambda s: len(s.entrants) == 2)
    assert [e.label for e in shot.entrants] == ["A", "B"] and "C" not in window.lanes
    assert "C" not in window.curves and window.key.texts == ["A", "B"]
    window.lanes["A"].pause_button.click()  # resumed
    wait_for(qtbot, window, lambda s: s.entrants[0].step > 0)
    window.toggle()
    wait_for(qtbot, window, lambda s: not s.running)


def test_a_saved_race_opens_straight_into_its_variants(qtbot, tmp_path, open_window):
    variants = [Variant.of({"network.nodes.h1.params.activation": "sigmoid"}, "sigmoid"),
                Variant.of({"network.nodes.h1.params.activation": "relu"}, "ReLU")]
    doc = {**small().to_dict(), "race": race_section(variants)}
    path = tmp_path / "race.json"
    path.write_text(json.dumps(doc))
    window = open_window(Design.load(path))
    actions: RaceActions = window.race_actions
    assert actions.saved_action.isEnabled()
    actions.saved_action.trigger()
    race = actions.windows[-1]
    try:
        shot = wait_for(qtbot, race, lambda s: len(s.entrants) == 2)
        assert [e.label for e in shot.entrants] == ["sigmoid", "ReLU"]
    finally:
        race.session.close()
        race.close()


def test_save_in_design_writes_the_remaining_variants_undoably(qtbot, open_window):
    window = open_window(small())
    actions: RaceActions = window.race_actions
    assert not actions.saved_action.isEnabled()  # nothing saved yet
    race = actions.show([Variant.of({"training.optimizer.lr": lr}, f"lr {lr}")
                         for lr in (0.1, 0.01, 0.001)])
    try:
        wait_for(qtbot, race, lambda s: len(s.entrants) == 3)
        race.lanes["lr 0.01"].remove_button.click()
        wait_for(qtbot, race, lambda s: len(s.entrants) == 2)
        race.save_button.click()
        assert window.model.design.section("race") == {"variants": [
            {"label": "lr 0.1", "overrides": {"training.optimizer.lr": 0.1}},
            {"label": "lr 0.001", "overrides": {"training.optimizer.lr": 0.001}}]}
        assert actions.saved_action.isEnabled()
        window.undo_stack.undo()
        assert window.model.design.section("race") is None
        assert not actions.saved_action.isEnabled()
    finally:
        race.session.close()
        race.close()


def test_a_race_that_cannot_start_says_why(qtbot, open_race):
    window = open_race(small(), [Variant.of({"network.nodes.h9.params.units": 3}),
                                 Variant.of({})])
    qtbot.waitUntil(lambda: window.problem is not None, timeout=10_000)
    assert "h9" in window.problem and not window.play_button.isEnabled()
    assert window.banner.isVisible()


def test_the_window_races_the_design_it_shows_from_the_training_menu(qtbot, open_window,
                                                                      monkeypatch):
    window = open_window(small())
    training_menu = next(a.menu() for a in window.menuBar().actions()
                         if a.menu() is not None and "Training" in a.text())
    action = next(a for a in training_menu.actions() if a.text() == "&Race Variants…")

    def accept(maker: RaceMaker) -> QDialog.DialogCode:
        assert maker.variants
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(RaceMaker, "exec", accept)
    action.trigger()
    race = window.race_actions.windows[-1]
    try:
        shot = wait_for(qtbot, race, lambda s: len(s.entrants) == 4)
        assert shot.entrants[0].label == "Optimiser sgd"
    finally:
        race.session.close()
        race.close()


def test_without_2d_data_each_lane_shows_its_gradient_flow(qtbot, open_race):
    window = open_race(small("iris", epochs=2), vary_variants([("training.optimizer.type",
                                                                 ["sgd", "adam"])]))
    window.toggle()
    shot = wait_for(qtbot, window, lambda s: all(e.finished for e in s.entrants))
    assert all(e.grid is None and [g.node for g in e.gradients] == ["h1", "out"]
               for e in shot.entrants)
    lane = window.lanes["optimizer.type=sgd"]
    assert lane.caption.isVisibleTo(window) and not lane.picture.pixmap().isNull()
    assert "Gradient flow" in lane.picture.toolTip()
