"""The window at any size (issue 11, item 5): at 1024×768 and 1920×1080, in English and
Chinese, every toolbar control is reachable, a design opens fitted with readable cards, and the
dashboard's labels are not clipped; plus two leftovers: the read-out names the card that stops
training, and a panel whose new data raises fails in place like a drawing does."""

import logging
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QToolBar, QToolButton

from nnstudio import Design
from nnstudio.gui import language
from nnstudio.gui.panels import LossPanel
from nnstudio.gui.training.ui import NeuronThumbnails
from nnstudio.gui.training.worker import LoadReport

EXAMPLES = "resources/examples/{}.json"
SIZES = [(1024, 768), (1920, 1080)]


@pytest.fixture(params=["en", "zh_CN"])
def speaking(request, qapp):
    """Each test that asks runs in English and in Chinese."""
    installed = language.install_translations(qapp, request.param)
    yield request.param
    language.remove_translations(qapp, installed)


@pytest.fixture
def sized_window(open_window, qtbot):
    """sized_window(example, width, height): the example open in a shown window of that size."""
    def open_(name, width, height):
        window = open_window(Design.load(EXAMPLES.format(name)))
        window.resize(width, height)
        qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
        qtbot.wait(50)  # the docks and toolbars are laid out for the new size
        return window
    return open_


def hidden_controls(window):
    """Toolbar actions whose button is not fully inside its shown toolbar, and toolbars whose
    "»" extension button is on show."""
    problems = []
    for bar in window.findChildren(QToolBar):
        if bar.isHidden():
            continue
        extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        if extension is not None and extension.isVisible():
            problems.append(f"{bar.objectName()}: »")
        for action in bar.actions():
            widget = bar.widgetForAction(action)
            if action.isSeparator() or widget is None:
                continue
            if not (widget.isVisible() and bar.rect().contains(widget.geometry())):
                problems.append(f"{bar.objectName()}: {action.text() or widget}")
    return problems


@pytest.mark.parametrize("size", SIZES)
def test_every_toolbar_control_is_on_show(speaking, sized_window, size):
    window = sized_window("spiral", *size)
    assert hidden_controls(window) == []
    controls = window.training.controls
    for key in ("play", "step", "epoch", "reset"):
        assert controls.toolbar.widgetForAction(controls.actions[key]).isVisible()
    assert controls.speed.isVisible()
    assert window.width() >= sum(bar.width() for bar in window.findChildren(QToolBar)
                                 if bar.isVisible() and bar.y() == controls.toolbar.y())


def test_a_narrow_window_gets_smaller_toolbars_and_a_wide_one_gets_them_back(sized_window,
                                                                            qtbot):
    window = sized_window("spiral", 1920, 1080)
    wide = window.toolbar.iconSize()
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.toolbar.iconSize().width() < wide.width())
    qtbot.wait(50)
    assert hidden_controls(window) == []
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.toolbar.iconSize() == wide)


def test_the_toolbars_take_two_rows_rather_than_hide_a_control(sized_window, qtbot):
    window = sized_window("spiral", 1024, 768)
    window.resize(560, 700)
    qtbot.wait(50)
    assert hidden_controls(window) == []
    assert window.training.controls.toolbar.y() > window.toolbar.y()  # a row of its own


# -- leftovers -------------------------------------------------------------------------------
def test_the_read_out_names_the_card_that_stops_training(open_window):
    window = open_window()
    nodes = window.model.design.nodes
    controls = window.training.controls
    controls._on_loaded(LoadReport(problem="network.nodes[1]: has no input: connect a layer "
                                           "to it\nmore"))
    text = controls.status.text()
    assert text.startswith("Cannot train yet: ") and "network.nodes" not in text
    assert f"{nodes[1]['id']} ({nodes[1]['type']})" in text


class FailingData(LossPanel):
    def set_data(self, dataset):
        raise ValueError("no such column")


def test_a_panel_whose_new_data_raises_says_so_in_place(qtbot, caplog):
    panel = FailingData()
    qtbot.addWidget(panel)
    with caplog.at_level(logging.ERROR):
        panel.receive_data(object())
        panel.receive_data(object())
    assert panel.failure == "ValueError: no such column" and "no such column" in panel.message
    assert len([r for r in caplog.records if r.exc_info]) == 1


class BrokenCanvas:
    def show_neurons(self, neurons):
        raise RuntimeError("thumbnail")


def test_the_panels_carry_on_when_the_neuron_thumbnails_fail(caplog):
    thumbnails = NeuronThumbnails(BrokenCanvas())
    snapshot = SimpleNamespace(fresh=frozenset({"neurons"}), neurons={})
    with caplog.at_level(logging.ERROR):
        thumbnails.show_snapshot(snapshot)  # raises nothing
        thumbnails.show_snapshot(snapshot)
    assert thumbnails.failure == "RuntimeError: thumbnail"
    assert len([r for r in caplog.records if r.exc_info]) == 1
