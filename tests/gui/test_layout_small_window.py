"""The window at 1024×768 (issue 11, item 5), asserted on the model of the layout: long designs
open in the compact arrangement, in English and Chinese, with every dock's title, every tab's
title and every toolbar control whole and in reach, no plot title or axis label cut, the cards
at a readable zoom, and a cue at the canvas's edge for the cards beyond it."""

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QDockWidget, QTabBar, QToolBar

from nnstudio import Design
from nnstudio.gui import language
from nnstudio.gui.canvas.view import MIN_READABLE_ZOOM
from nnstudio.gui.main_window import compact_columns, is_compact
from nnstudio.gui.offview_cue import cards_beyond
from nnstudio.gui.panels import style
from tests.gui.test_window_sizes import hidden_controls

SMALL = (1024, 768)
#: a seven-hidden-layer network, a lesson about it, a four-card network (not the CNN: its
#: twelve panels' tab titles do not fit 1024 pixels side by side)
DESIGNS = ["resources/examples/vanishing_gradients.json",
           "resources/lessons/activations_vanishing.json",
           "resources/examples/spiral.json"]


@pytest.fixture(params=["en", "zh_CN"])
def speaking(request, qapp):
    installed = language.install_translations(qapp, request.param)
    yield request.param
    language.remove_translations(qapp, installed)


@pytest.fixture
def small_window(open_window, qtbot):
    """small_window(path): the design open in a window shown large, then made 1024×768."""
    def open_(path):
        window = open_window(Design.load(path))
        window.resize(*SMALL)
        qtbot.waitUntil(lambda: window.size() == QSize(*SMALL) and window.compact_layout)
        qtbot.wait(100)  # the columns sized, the lesson's panels raised
        return window
    return open_


def docks_in_view(window):
    return [d for d in window.findChildren(QDockWidget)
            if d.isVisible() and not d.visibleRegion().isEmpty()]


def cut_dock_titles(window):
    """Docks in view whose title bar is narrower than its title and its two buttons."""
    cut = []
    for dock in docks_in_view(window):
        title = dock.windowTitle().replace("&&", "&")
        needed = QFontMetricsF(dock.font()).horizontalAdvance(title) + 2 * 24
        if needed > dock.width():
            cut.append((title, round(needed), dock.width()))
    return cut


def cut_tabs(window):
    """Tabs of the window's tab bars whose title is elided (narrower than it needs)."""
    cut = []
    for bar in window.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        for i in range(bar.count()):
            if bar.tabRect(i).width() < bar.tabSizeHint(i).width() \
                    or not bar.rect().contains(bar.tabRect(i)):
                cut.append(bar.tabText(i))
    return cut


def plots_in_view(window):
    for view in window.findChildren(pg.GraphicsView):
        if view.isVisible() and not view.visibleRegion().isEmpty():
            for item in view.scene().items():
                if isinstance(item, pg.PlotItem) and item.isVisible():
                    yield item


def cut_plot_texts(window):
    """Plot titles wider than their row and axis labels longer than their axis."""
    cut = []
    for plot in plots_in_view(window):
        label = plot.titleLabel
        plain = getattr(label, "plain_title", None)
        if plain is not None and label.isVisible():
            shown = style.elided(plain, plot.vb.width())
            if QFontMetricsF(style.title_font()).horizontalAdvance(shown) > label.width() + 1:
                cut.append(("title", shown))
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            if not (axis.isVisible() and axis.label.isVisible() and axis.labelText):
                continue
            length = axis.geometry().height() if name == "left" else axis.geometry().width()
            if axis.label.boundingRect().width() > length:
                cut.append(("axis", axis.labelText))
    return cut


@pytest.mark.parametrize("path", DESIGNS)
def test_a_design_at_1024x768_is_whole_and_in_reach(speaking, small_window, qtbot, path):
    window = small_window(path)
    assert hidden_controls(window) == []
    assert cut_dock_titles(window) == []
    assert cut_tabs(window) == []
    assert cut_plot_texts(window) == []
    assert window.canvas.zoom() >= MIN_READABLE_ZOOM - 1e-6
    toolbar_texts = {action.text() for bar in window.findChildren(QToolBar)
                     for action in bar.actions()}
    for dock in window.findChildren(QDockWidget):  # every dock: in View or on a toolbar
        assert (dock.toggleViewAction() in window.view_menu.actions()
                or dock.windowTitle() in toolbar_texts), dock.objectName()


def test_the_four_card_spiral_fits_the_canvas_whole(small_window):
    window = small_window(DESIGNS[2])
    cards = [item.sceneBoundingRect() for item in window.canvas.canvas_scene.nodes.values()]
    assert len(cards) == 4 and cards_beyond(window.canvas, cards) == (0, 0)
    assert not window.offview_cue.right.isVisible() and not window.offview_cue.left.isVisible()


def test_a_long_network_shows_how_many_cards_lie_beyond_and_scrolls_to_them(small_window,
                                                                            qtbot):
    window = small_window(DESIGNS[0])
    cue, canvas = window.offview_cue, window.canvas
    cards = [item.sceneBoundingRect() for item in canvas.canvas_scene.nodes.values()]
    left, right = cards_beyond(canvas, cards)
    assert left == 0 and right > 0
    qtbot.waitUntil(lambda: cue.right.isVisible())
    assert str(right) in cue.right.text() and not cue.left.isVisible()
    assert canvas.viewport().rect().contains(cue.right.geometry())
    qtbot.mouseClick(cue.right, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cue.left.isVisible())
    assert cards_beyond(canvas, cards)[1] < right


def test_a_lesson_at_1024x768_shows_its_step_and_the_steps_panels(small_window):
    window = small_window(DESIGNS[1])
    in_view = docks_in_view(window)
    assert window.lessons.dock in in_view
    for name in window.lessons.panel.current_panels():
        dock = next(d for d in window.findChildren(QDockWidget)
                    if d.objectName().lower().startswith(name[:4]))
        assert dock in in_view, name
        assert dock.width() >= 200 and dock.height() >= 300


def test_the_window_is_arranged_again_when_it_grows_past_the_compact_size(small_window, qtbot):
    window = small_window(DESIGNS[2])
    assert window.summary_dock.isHidden()
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: not window.compact_layout)
    assert window.summary_dock.isVisible()
    assert window.dockWidgetArea(window.data_dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_a_dock_the_user_moved_keeps_its_place(small_window, qtbot):
    window = small_window(DESIGNS[2])
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.palette_dock)
    assert not window.default_layout
    window.resize(1600, 1000)
    qtbot.wait(100)
    assert window.compact_layout  # not arranged again
    assert window.dockWidgetArea(window.palette_dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_compact_is_below_1280_by_900_and_merges_the_first_and_last_columns():
    assert is_compact(QSize(1024, 768)) and is_compact(QSize(1920, 800))
    assert not is_compact(QSize(1280, 900)) and not is_compact(QSize(1920, 1080))
    assert compact_columns([[1], [2, 3], [4]]) == [[1, 4], [2, 3]]
    assert compact_columns([[1], [2]]) == [[1], [2]]


def test_a_long_plot_title_is_elided_to_the_plot_and_whole_again_when_there_is_room(qtbot):
    view = style.plot_widget()
    qtbot.addWidget(view)
    plot = view.getPlotItem()
    style.style_plot(plot, "value", "% of values")
    text = "a_very_long_layer_name.W (64×128) · mean 0.000123 · std 0.0456"
    style.set_elided_title(plot, text)
    view.resize(260, 300)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: plot.titleLabel.text.endswith("…"))
    shown = plot.titleLabel.text[:-1]
    assert text.startswith(shown)
    assert QFontMetricsF(style.title_font()).horizontalAdvance(shown + "…") <= plot.vb.width()
    view.resize(1400, 300)
    qtbot.waitUntil(lambda: plot.titleLabel.text == text)


def test_a_plot_title_from_a_file_is_shown_as_written(qtbot):
    view = style.plot_widget()
    qtbot.addWidget(view)
    style.set_elided_title(view.getPlotItem(), "<b>h1</b>.W")
    assert view.getPlotItem().titleLabel.text == "&lt;b&gt;h1&lt;/b&gt;.W"
