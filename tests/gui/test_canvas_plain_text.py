"""Node ids come from the design file: the canvas's tooltips and the inspector's labels show
them as written, never as rich text (an `<img width=30000 height=30000>` id hung the window)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from nnstudio.design import Design

HOSTILE = "<img src=x width=30000 height=30000><b>bold</b>"


def hostile_window(qtbot):
    """A window on x → HOSTILE, x → b, both into one Tanh (a problem that quotes the id)."""
    from nnstudio.gui.main_window import MainWindow

    def node(nid, kind, **params):
        return {"id": nid, "type": kind, "params": params}

    design = Design.from_dict({"format": "nnstudio-design", "version": 1, "network": {
        "nodes": [node("x", "Input", shape=[2]), node(HOSTILE, "Dense", units=2),
                  node("b", "Dense", units=2), node("t", "Tanh")],
        "edges": [["x", HOSTILE], ["x", "b"], [HOSTILE, "t"], ["b", "t"]]}}, draft=True)
    window = MainWindow(design, remember_layout=False)
    qtbot.addWidget(window)
    return window


def test_canvas_tooltips_show_a_node_id_as_text(qtbot):
    window = hostile_window(qtbot)
    tips = [item.toolTip() for item in window.canvas.scene().items() if item.toolTip()]
    quoting = [tip for tip in tips if "&lt;img" in tip]
    assert len(quoting) >= 4  # the card, its ports, its edges, the problem badge
    assert not any("<img" in tip for tip in tips)
    assert any("Tanh takes one input" in tip for tip in quoting)  # the badge


def test_the_inspector_shows_a_node_id_and_its_problems_as_text(qtbot):
    window = hostile_window(qtbot)
    for node_id in (HOSTILE, "t"):
        window.canvas.select_nodes([node_id])
        labels = [label for label in window.inspector.findChildren(QLabel)
                  if "<img" in label.text()]
        assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels), \
            [label.text() for label in labels]
    assert labels  # the Tanh's problem names the id
