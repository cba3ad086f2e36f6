"""The graph analysis's findings and the canvas's refused wires in Chinese: every template is
one the engine really writes, every finding of these networks is translated with its values
kept, and the canvas, inspector, summary and status bar show them so."""

import re

import pytest
from PySide6.QtCore import QPoint

from nnstudio.core.graph import analyze
from nnstudio.core.network import Network
from nnstudio.core.training import compatibility_problems
from nnstudio.data import load_dataset
from nnstudio.design import Design, DesignError, edit, footprint
from nnstudio.gui import language
from nnstudio.gui.network_text import TEMPLATES, located_problem_tr, network_problem_tr
from nnstudio.gui.templated import template_pattern

CJK = re.compile(r"[\u4e00-\u9fff]")


def node(nid, kind, **params):
    return {"id": nid, "type": kind, "params": params}


X = node("x", "Input", shape=[2])
IMAGE = node("x", "Input", shape=[1, 8, 8])
PAIR = [["x", "a"], ["x", "b"], ["a", "c"], ["b", "c"]]
#: networks that make the analysis write each of its findings
NETWORKS = {
    "duplicate id": ([X, node("h", "Dense", units=2), node("h", "Tanh")], [["x", "h"]]),
    "unknown type": ([X, node("h", "Dense3D")], [["x", "h"]]),
    "bad parameter": ([X, node("h", "Dense", units=0)], [["x", "h"]]),
    "missing node": ([X, node("h", "Dense", units=2)], [["x", "h"], ["x", "ghost"]]),
    "connected twice": ([X, node("h", "Dense", units=2)], [["x", "h"], ["x", "h"]]),
    "empty": ([], []),
    "into an Input": ([X, node("y", "Input", shape=[2])], [["x", "y"]]),
    "no input": ([X, node("h", "Dense", units=2), node("o", "Tanh")], [["x", "h"]]),
    "two inputs": ([X, node("a", "Dense", units=2), node("b", "Dense", units=2),
                    node("c", "Tanh")], PAIR),
    "merge of one": ([X, node("a", "Dense", units=2), node("c", "Add")],
                     [["x", "a"], ["a", "c"]]),
    "cycle": ([X, node("a", "Dense", units=2), node("b", "Tanh"), node("c", "Add")],
              [["x", "c"], ["c", "a"], ["a", "b"], ["b", "c"]]),
    "no Input": ([node("a", "Dense", units=2), node("b", "Tanh")], [["a", "b"]]),
    "unconnected": ([X, node("a", "Dense", units=2), node("b", "Tanh"), node("c", "Tanh")],
                    [["x", "a"], ["b", "c"]]),
    "only an Input": ([X], []),
    "dense on an image": ([IMAGE, node("h", "Dense", units=2)], [["x", "h"]]),
    "conv on features": ([X, node("c", "Conv2D", filters=2, kernel_size=3)], [["x", "c"]]),
    "conv on a grid": ([node("x", "Input", shape=[8, 8]),
                        node("c", "Conv2D", filters=2, kernel_size=3)], [["x", "c"]]),
    "same with stride": ([IMAGE, node("c", "Conv2D", filters=2, kernel_size=3, stride=2,
                                      padding="same")], [["x", "c"]]),
    "kernel too big": ([IMAGE, node("c", "Conv2D", filters=2, kernel_size=9)], [["x", "c"]]),
    "pool padding": ([IMAGE, node("p", "MaxPool2D", pool_size=2, padding=2)], [["x", "p"]]),
    "pool window": ([IMAGE, node("p", "MaxPool2D", pool_size=9)], [["x", "p"]]),
    "add shapes": ([X, node("a", "Dense", units=2), node("b", "Dense", units=3),
                    node("c", "Add")], PAIR),
    "concatenate axis": ([X, node("a", "Dense", units=2), node("b", "Dense", units=3),
                          node("c", "Concatenate", axis=2)], PAIR),
    "concatenate ranks": ([IMAGE, node("f", "Flatten"), node("c", "Concatenate")],
                          [["x", "f"], ["x", "c"], ["f", "c"]]),
    "concatenate sizes": ([IMAGE, node("p", "MaxPool2D", pool_size=2),
                           node("c", "Concatenate", axis=1)], [["x", "p"], ["x", "c"], ["p", "c"]]),
    "batch norm": ([node("x", "Input", shape=[8, 8]), node("b", "BatchNorm")], [["x", "b"]]),
    "rnn on features": ([X, node("r", "RNN", units=2)], [["x", "r"]]),
    "lstm on an image": ([IMAGE, node("r", "LSTM", units=2)], [["x", "r"]]),
    "embedding on a sequence": ([node("x", "Input", shape=[3, 4]),
                                 node("e", "Embedding", num_embeddings=5, embedding_dim=2)],
                                [["x", "e"]]),
    "huge layer": ([node("x", "Input", shape=[100_000]), node("h", "Dense", units=100_000)],
                   [["x", "h"]]),
    "huge network": ([node("x", "Input", shape=[20_000]), node("a", "Dense", units=15_000),
                      node("b", "Dense", units=20_000)], [["x", "a"], ["a", "b"]]),
    "huge input": ([node("x", "Input", shape=[100_000_000]), node("h", "Tanh")], [["x", "h"]]),
}
#: a guard for the unexpected, which no sound layer triggers
UNREACHED = {"cannot infer the output shape: {problem}"}


#: wires the canvas refuses, on the network x → a → b
WIRES = [("x", "ghost"), ("a", "a"), ("a", "x"), ("x", "a"), ("b", "a")]


def _dense(inputs, units):
    return Network([node("x", "Input", shape=inputs), node("out", "Dense", units=units)],
                   [["x", "out"]])


def misfits():
    """(network, data, loss) that cannot train together, one for each reason."""
    iris = load_dataset({"source": "builtin", "name": "iris"})
    xor = load_dataset({"source": "toy2d", "name": "xor"})
    sine = load_dataset({"source": "regression", "name": "sine"})
    image = Network([node("x", "Input", shape=[1, 2, 2]),
                     node("c", "Conv2D", filters=1, kernel_size=1)], [["x", "c"]])
    return [(_dense([4], 2), iris, "cross_entropy"), (_dense([4], 2), iris, "binary_cross_entropy"),
            (_dense([4], 2), iris, "mse"), (_dense([2], 3), xor, "mse"),
            (_dense([1], 1), sine, "cross_entropy"), (_dense([1], 2), sine, "mse"),
            (image, xor, "cross_entropy")]


def findings():
    network = {"nodes": [X, node("a", "Dense", units=2), node("b", "Tanh")],
               "edges": [["x", "a"], ["a", "b"]]}
    refusals = [edit.connection_problem(network, src, dst) for src, dst in WIRES]
    unfit = [message for args in misfits() for _, message in compatibility_problems(*args)]
    return [message for nodes, edges in NETWORKS.values()
            for _, message in analyze(nodes, edges).problems] + refusals + unfit


def footprint_findings():
    """What the memory estimate says of a network too large for the memory free, of one that
    nearly fills it, and the estimate itself."""
    analysis = analyze([X, node("h", "Dense", units=2)], [["x", "h"]])
    need = footprint.estimate(analysis, 8)
    with pytest.raises(DesignError) as refused:
        footprint.check_footprint(analysis, 8, available=need.total - 1)
    warning = footprint.check_footprint(analysis, 8, available=need.total)
    assert warning is not None
    return [refused.value.problems[0].message, warning, need.describe()]


@pytest.fixture
def chinese(qapp):
    installed = language.install_translations(qapp, "zh_CN")
    yield
    language.remove_translations(qapp, installed)


def test_every_template_is_a_finding_the_analysis_writes():
    written = findings() + footprint_findings()
    for template in set(TEMPLATES) - UNREACHED:
        pattern = template_pattern(template)
        assert any(pattern.fullmatch(m) for m in written), template


def test_every_finding_reads_in_chinese_with_its_values(chinese):
    for message in findings():
        translated = network_problem_tr(message)
        assert CJK.search(translated), message
        for value in re.findall(r"'\w+'|\(\d[\d, ]*\)|\d+×\d+|[\d,]{5,}", message):
            assert value in translated, (message, translated)


def test_a_finding_inside_a_finding_is_translated_too(chinese):
    verdict = network_problem_tr("units: must be at least 1, got 0")
    assert verdict == "units：不能小于 1，而输入的是 0"
    assert network_problem_tr(
        "cannot infer the output shape: Add needs inputs of the same shape, got (2,), (3,)"
    ) == "无法推断输出形状：Add 需要形状相同的输入，实际是 (2,), (3,)"
    assert network_problem_tr("whatever: no template here") == "whatever: no template here"


def test_english_findings_stay_as_written(qapp):
    for message in findings():
        assert network_problem_tr(message) == message


def test_the_window_shows_a_layers_problem_in_chinese(chinese, qtbot):
    from nnstudio.gui.main_window import MainWindow

    design = Design.from_dict({"format": "nnstudio-design", "version": 1, "network": {
        "nodes": [IMAGE, node("h", "Dense", units=2)], "edges": [["x", "h"]]}}, draft=True)
    window = MainWindow(design, remember_layout=False)
    qtbot.addWidget(window)
    # written without positions, the cards are laid out rather than piled up
    assert window.model.node("x")["pos"][0] < window.model.node("h")["pos"][0]
    expected = "Dense 需要形状为 (特征数,) 的扁平输入，实际是 (1, 8, 8)：请在它前面加一个 Flatten"
    assert window.canvas.node_item("h").status.problems == (expected,)
    window.canvas.select_nodes(["h"])
    assert expected in window.inspector.form.problems.text()
    summary = window.summary.problems
    assert [summary.item(i).text() for i in range(summary.count())] == [f"h: {expected}"]


def test_a_refused_wire_is_explained_in_chinese(chinese, qtbot):
    from nnstudio.gui.main_window import MainWindow

    window = MainWindow(remember_layout=False)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.canvas.message, timeout=1000) as signal:
        window.canvas.connect_nodes("out", "h1", QPoint(0, 0))
    assert signal.args[0] == "无法连接：连接 out → h1 会形成环（h1 已经流向 out）；网络必须单向流动"


def test_the_status_bar_says_in_chinese_why_the_design_cannot_train(chinese, qtbot):
    from nnstudio.gui.main_window import MainWindow

    design = Design.from_dict({"format": "nnstudio-design", "version": 1, "network": {
        "nodes": [X, node("a", "Dense", units=2), node("b", "Dense", units=2),
                  node("c", "Tanh")], "edges": PAIR}}, draft=True)
    window = MainWindow(design, remember_layout=False)
    qtbot.addWidget(window)
    status = window.training.controls.status
    qtbot.waitUntil(lambda: "还不能训练" in status.text(), timeout=10_000)
    assert "Tanh 只接受一个输入，但连接了 2 个（a, b）" in status.text()


def test_data_the_network_cannot_take_is_explained_in_chinese(chinese, qtbot):
    from nnstudio.gui.main_window import MainWindow

    design = Design.from_dict({"format": "nnstudio-design", "version": 1, "network": {
        "nodes": [node("x", "Input", shape=[4]), node("out", "Dense", units=2)],
        "edges": [["x", "out"]]}, "data": {"source": "builtin", "name": "iris"}}, draft=True)
    window = MainWindow(design, remember_layout=False)
    qtbot.addWidget(window)
    status = window.training.controls.status
    qtbot.waitUntil(lambda: "还不能训练" in status.text(), timeout=10_000)
    assert "输出层有 2 个单元，但数据有 3 个类别：请把它设为 3 个单元" in status.text()


# -- problems name the card, not its index in the file ---------------------------------------------
NODES = [X, node("h1", "Dense", units=2), node("h2", "Dense", units=2), node("out", "Tanh")]


@pytest.mark.parametrize(("line", "shown"), [
    ("network.nodes[2]: has no input: connect a layer to it",
     "h2 (Dense): has no input: connect a layer to it"),
    ("network.nodes[3]: out: the output layer has 3 units but the data has 2 classes: give it "
     "2 units", "out (Tanh): the output layer has 3 units but the data has 2 classes: give it "
                "2 units"),
    ("network.nodes[1].params.units: must be at least 1, got 0",
     "h1 (Dense) · params.units: must be at least 1, got 0"),
    ("training.loss: unknown loss", "training.loss: unknown loss"),
])
def test_a_located_problem_names_the_card(qapp, line, shown):
    assert located_problem_tr(line, NODES) == shown


def test_a_problem_that_names_its_node_needs_no_list_of_nodes(qapp):
    assert located_problem_tr("network.nodes[3]: out: the output layer has 3 units but the data "
                              "has 2 classes: give it 2 units") == \
        "out: the output layer has 3 units but the data has 2 classes: give it 2 units"
    assert located_problem_tr("network.nodes[9]: has no input: connect a layer to it", NODES) \
        == "network.nodes[9]: has no input: connect a layer to it"  # no such node: as written


def test_the_panels_say_which_card_stops_training(qtbot):
    from nnstudio.gui.main_window import MainWindow

    design = Design.from_dict({"format": "nnstudio-design", "version": 1, "network": {
        "nodes": [X, node("a", "Dense", units=2), node("b", "Dense", units=2),
                  node("c", "Tanh")], "edges": PAIR}}, draft=True)
    window = MainWindow(design, remember_layout=False)
    qtbot.addWidget(window)
    panel = window.training.panels[0]
    qtbot.waitUntil(lambda: (panel.message or "").startswith("Nothing to train yet"),
                    timeout=10_000)
    assert "c (Tanh): Tanh takes one input but 2 are connected" in panel.message
    assert "network.nodes[" not in panel.message
