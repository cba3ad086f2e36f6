"""The sequence panels: hidden state over time (and an LSTM's gates) with its sample chooser,
predicted vs true for next-value tasks, generated text from a character model (in the
background, errors as messages), their empty states and their place in the dashboard."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from nnstudio.core import generate, sequence_views
from nnstudio.core.network import Network
from nnstudio.gui.panels import (
    HiddenStatesPanel,
    NextValuePanel,
    TextSamplePanel,
    create_panels,
)
from nnstudio.gui.panels.sequences import step_labels

VOCAB = tuple("ab ")


def network(kind: str, steps: int, features: int, units: int, outputs: int) -> Network:
    nodes = [{"id": "x", "type": "Input", "params": {"shape": [steps, features]}},
             {"id": "mem", "type": kind, "params": {"units": units}},
             {"id": "out", "type": "Dense", "params": {"units": outputs}}]
    return Network(nodes, [["x", "mem"], ["mem", "out"]], seed=3)


def symbols_data():
    return SimpleNamespace(kind="sequence", task="classification", class_names=("no", "yes"),
                           vocabulary=())


def snapshot(run: int = 1, fresh: tuple[str, ...] = (), **probes):
    fields = {"sequence_states": None, "next_values": None, "text_model": None, "epoch": 2}
    fields.update(probes)
    return SimpleNamespace(run=run, fresh=frozenset(fresh or probes), **fields)


def lstm_states():
    """The states of 8 one-hot sequences (T 7, 4 symbols) in an LSTM of 5 units."""
    rng = np.random.default_rng(0)
    ids = rng.integers(0, 4, (10, 7))
    x = np.eye(4, dtype=np.float32)[ids]
    return sequence_views.sequence_states(network("LSTM", 7, 4, 5, 2), "validation", x,
                                          (ids[:, 0] == ids[:, -1]).astype(np.int64))


@pytest.fixture
def hidden(qtbot):
    panel = HiddenStatesPanel()
    qtbot.addWidget(panel)
    panel.receive_data(symbols_data())
    return panel


def test_the_hidden_state_is_drawn_time_by_unit(hidden):
    assert hidden.message == "Press Play to train"
    states = lstm_states()
    hidden.show_snapshot(snapshot(sequence_states=states))
    assert hidden.failure is None and hidden.message is None
    image = hidden.image.image
    assert image.shape == (5, 7)  # units × time steps
    np.testing.assert_allclose(image, states.layers[0].hidden[0].T)
    assert hidden.drawn == ("mem", "hidden", 0)
    assert hidden.layer.currentText() == "mem (LSTM)"
    assert hidden.sample.maximum() == sequence_views.SAMPLES
    plot = hidden.view.getPlotItem()
    assert plot.getAxis("left").labelText == "unit"
    assert plot.getAxis("bottom").labelText == "time step (labelled with its input)"
    assert hidden.colour_bar.levels() == (-1.0, 1.0)
    first = states.inputs[0].argmax(axis=1)
    ticks = hidden.view.getPlotItem().getAxis("bottom")._tickLevels[1]
    assert [label for _, label in ticks] == ["ABCD"[k] for k in first]
    assert hidden.verdict.startswith(f"true {'yes' if first[0] == first[-1] else 'no'} · ")


def test_the_sample_chooser_and_the_gate_selector_change_what_is_drawn(hidden):
    states = lstm_states()
    hidden.show_snapshot(snapshot(sequence_states=states))
    before = hidden.image.image.copy()
    hidden.sample.setValue(4)
    assert hidden.drawn == ("mem", "hidden", 3)
    np.testing.assert_allclose(hidden.image.image, states.layers[0].hidden[3].T)
    assert not np.allclose(hidden.image.image, before)
    shown = [hidden.show_box.itemData(i) for i in range(hidden.show_box.count())]
    assert shown == ["hidden", "input", "forget", "cell", "output"]
    hidden.choose(3, "mem", "forget")
    np.testing.assert_allclose(hidden.image.image, states.layers[0].gates["forget"][3].T)
    assert hidden.colour_bar.levels() == (0.0, 1.0)  # a sigmoid gate
    assert "forget gate f" in hidden.view.getPlotItem().titleLabel.text
    # a new snapshot keeps the choice
    hidden.show_snapshot(snapshot(sequence_states=lstm_states()))
    assert hidden.drawn == ("mem", "forget", 3)


def test_an_rnn_offers_only_its_hidden_state(hidden):
    x = np.zeros((3, 5, 1), np.float32)
    x[:, ::2] = 1.0  # bits
    states = sequence_views.sequence_states(network("RNN", 5, 1, 6, 2), "test", x,
                                            np.zeros(3, np.int64))
    hidden.show_snapshot(snapshot(sequence_states=states))
    assert hidden.show_box.count() == 1 and hidden.image.image.shape == (6, 5)
    assert hidden.sample.maximum() == 3


def test_the_empty_states_say_what_is_missing(hidden, qtbot):
    hidden.show_snapshot(snapshot())
    assert hidden.message.startswith("Add an RNN or LSTM node")
    other = HiddenStatesPanel()
    qtbot.addWidget(other)
    other.receive_data(SimpleNamespace(kind="points2d", task="classification"))
    assert other.message.startswith("The hidden state over time is drawn for sequence")
    assert not other.applies(SimpleNamespace(kind="images"))
    assert hidden.applies(symbols_data())


def test_step_labels_name_characters_symbols_and_bits():
    text = SimpleNamespace(kind="text", vocabulary=VOCAB)
    assert step_labels(np.array([0, 2, 1]), text) == ["a", "␣", "b"]
    assert step_labels(np.array([[0.0], [1.0]]), None) == ["0", "1"]
    assert step_labels(np.eye(3)[[2, 0]], None) == ["C", "A"]
    assert step_labels(np.array([[0.3], [0.1]]), None) is None  # a curve: numbered steps


def test_predicted_vs_true_draws_curves_and_the_scatter(qtbot):
    panel = NextValuePanel()
    qtbot.addWidget(panel)
    panel.receive_data(SimpleNamespace(kind="sequence", task="regression"))
    assert panel.message == "Press Play to train"
    net = network("RNN", 6, 1, 4, 1)
    x = np.sin(np.linspace(0, 3, 60)).reshape(10, 6, 1).astype(np.float32)
    values = sequence_views.next_values(net, "validation", x, x[:, -1] * 0.9)
    panel.show_snapshot(snapshot(next_values=values))
    assert panel.failure is None and panel.message is None
    xs, ys = panel.lines[0].getData()
    np.testing.assert_array_equal(xs, np.arange(6))
    np.testing.assert_allclose(ys, x[0, :, 0])
    assert len(panel.true_dots.data) == len(panel.predicted_marks.data) == sequence_views.CURVES
    assert len(panel.points.data) == 10
    mse = float(np.mean((values.predicted - values.true) ** 2))
    assert f"mean squared error {mse:.3g}" in panel.scatter_view.getPlotItem().titleLabel.text
    panel.show_snapshot(snapshot())
    assert panel.message.startswith("Predicted vs true needs a network")


def char_model() -> generate.ModelCopy:
    nodes = [{"id": "x", "type": "Input", "params": {"shape": [4]}},
             {"id": "emb", "type": "Embedding",
              "params": {"num_embeddings": len(VOCAB), "embedding_dim": 3}},
             {"id": "mem", "type": "LSTM", "params": {"units": 4}},
             {"id": "out", "type": "Dense", "params": {"units": len(VOCAB)}}]
    edges = [["x", "emb"], ["emb", "mem"], ["mem", "out"]]
    return generate.copy_network(Network(nodes, edges, seed=0))


@pytest.fixture
def writer(qtbot):
    panel = TextSamplePanel()
    qtbot.addWidget(panel)
    panel.receive_data(SimpleNamespace(kind="text", task="classification", vocabulary=VOCAB,
                                       class_names=VOCAB))
    return panel


def test_generation_writes_the_asked_length_in_the_background(writer, qtbot):
    assert writer.message == "Press Play to train" and not writer.button.isEnabled()
    writer.show_snapshot(snapshot(text_model=char_model()))
    assert writer.message is None and writer.button.isEnabled()
    writer.seed.setText("ab a")
    writer.length.setValue(37)
    writer.temperature.setValue(30)  # 1.5
    with qtbot.waitSignal(writer.generated, timeout=10000):
        writer.button.click()
    text = writer.output.toPlainText()
    assert text.startswith("ab a") and len(text) == 4 + 37
    assert set(text) <= set(VOCAB)
    assert writer.status.text() == ("37 characters at temperature 1.50 after “ab a”, with the "
                                    "weights of epoch 2")


def test_generation_reports_unknown_characters_and_failures(writer, qtbot, monkeypatch):
    writer.show_snapshot(snapshot(text_model=char_model()))
    writer.seed.setText("abz!z")
    writer.button.click()
    assert writer.status.text() == ("These characters are not in the text the model learnt: "
                                    "z !")
    assert not writer.busy and writer.output.toPlainText() == ""

    def broken(*args, **kwargs):
        raise MemoryError("no room")

    monkeypatch.setattr(generate, "generate", broken)
    writer.seed.setText("ab")
    with qtbot.waitSignal(writer.generated, timeout=10000):
        writer.button.click()
    assert writer.status.text() == "The text could not be generated: MemoryError: no room"


def test_a_reset_while_generating_drops_the_old_result(writer, qtbot):
    writer.show_snapshot(snapshot(text_model=char_model()))
    writer.button.click()
    writer.clear()
    writer.wait()
    qtbot.wait(20)  # the queued result arrives and is ignored
    assert writer.output.toPlainText() == "" and not writer.button.isEnabled()


def test_the_text_panel_needs_text_data_and_a_character_model(writer, qtbot):
    writer.show_snapshot(snapshot())
    assert writer.message.startswith("Generated text needs a network from character ids")
    other = TextSamplePanel()
    qtbot.addWidget(other)
    other.receive_data(SimpleNamespace(kind="sequence", task="regression"))
    assert other.message.startswith("Generated text is written by character models")
    assert writer.applies(SimpleNamespace(kind="text"))
    assert not writer.applies(SimpleNamespace(kind="words"))


def test_the_dashboard_has_the_sequence_panels(qtbot):
    panels = create_panels()
    for panel in panels:
        qtbot.addWidget(panel)
    kinds = {type(p) for p in panels}
    assert {HiddenStatesPanel, NextValuePanel, TextSamplePanel} <= kinds
