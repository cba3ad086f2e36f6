"""The training settings panel: every change one undoable SetSection, the log-scale slider."""

import pytest
from PySide6.QtGui import QUndoStack

from nnstudio.design import Design
from nnstudio.gui.model import DesignModel
from nnstudio.gui.training.hyperparams import LR_MAX, LR_MIN, HyperparameterPanel, LogSlider


@pytest.fixture
def panel(qtbot):
    stack = QUndoStack()
    p = HyperparameterPanel(DesignModel(Design.default()), stack)
    p.stack = stack
    qtbot.addWidget(p)
    return p


def training(panel):
    return panel.model.design.training


def test_shows_the_design(panel):
    assert panel.loss.currentText() == "cross_entropy"
    assert panel.optimizer.currentText() == "adam"
    assert panel.lr_entry.text() == "0.01"
    assert panel.lr_slider.rate() == pytest.approx(0.01)
    assert panel.batch_size.value() == 32 and panel.epochs.value() == 300
    assert not panel.early.isChecked() and not panel.patience.isEnabled()
    assert set(panel.option_editors) == {"betas", "eps", "weight_decay", "amsgrad"}


def test_log_slider_spans_1e_5_to_10(qtbot):
    slider = LogSlider()
    qtbot.addWidget(slider)
    slider.setValue(slider.minimum())
    assert slider.rate() == LR_MIN
    slider.setValue(slider.maximum())
    assert slider.rate() == LR_MAX
    slider.set_rate(3e-3)
    assert slider.rate() == pytest.approx(3e-3, rel=0.02)


def test_learning_rate_entry_is_exact_and_undoable(panel):
    panel.lr_entry.setText("3e-3")
    panel.lr_entry.editingFinished.emit()
    assert training(panel)["optimizer"]["lr"] == 0.003
    assert panel.stack.undoText() == "Set learning rate"
    assert panel.lr_slider.rate() == pytest.approx(0.003, rel=0.02)
    panel.stack.undo()
    assert training(panel)["optimizer"]["lr"] == 0.01
    assert panel.lr_entry.text() == "0.01"
    panel.lr_entry.setText("fast")
    panel.lr_entry.editingFinished.emit()
    assert not panel.error.isHidden() and panel.stack.count() == 1


def test_slider_moves_commit_when_not_dragged(panel):
    panel.lr_slider.setValue(panel.lr_slider.value() + 100)
    assert training(panel)["optimizer"]["lr"] == pytest.approx(0.1)


def test_a_new_optimiser_keeps_the_learning_rate(panel):
    panel.optimizer.setCurrentText("sgd")
    panel.optimizer.activated.emit(panel.optimizer.currentIndex())
    assert panel.model.design.section("training")["optimizer"] == {"type": "sgd", "lr": 0.01}
    assert set(panel.option_editors) == {"momentum", "dampening", "weight_decay", "nesterov"}
    editor = panel.option_editors["momentum"]
    editor.edit.setText("0.5")
    editor.edit.editingFinished.emit()
    assert training(panel)["optimizer"]["momentum"] == 0.5
    editor.edit.setText("2")
    editor.edit.editingFinished.emit()
    assert "momentum" in panel.error.text()
    assert training(panel)["optimizer"]["momentum"] == 0.5


def test_numbers_early_stopping_and_loss(panel):
    panel.batch_size.setValue(64)
    panel.epochs.setValue(50)
    panel.seed.setValue(7)
    panel.early.setChecked(True)
    assert panel.model.design.section("training")["early_stopping"] == {"patience": 10}
    panel.patience.setValue(3)
    panel.loss.setCurrentText("hinge")
    panel.loss.activated.emit(panel.loss.currentIndex())
    t = training(panel)
    assert (t["batch_size"], t["epochs"], t["seed"], t["loss"]) == (64, 50, 7, "hinge")
    assert t["early_stopping"]["patience"] == 3
    panel.early.setChecked(False)
    assert "early_stopping" not in panel.model.design.section("training")
    assert panel.stack.count() == 7
