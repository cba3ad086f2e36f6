"""Presentation mode: what it shows, its keys, leaving it, and a measure of every text it shows:
≥ 24 px at 1920×1080 and ≥ 18 px at 1024×768 (line heights, QFontMetricsF.height())."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QLabel,
    QTabBar,
    QToolBar,
    QWidget,
)

from nnstudio.design import Design
from nnstudio.gui.app import app_font
from nnstudio.gui.canvas import style as canvas_style
from nnstudio.gui.canvas.node_item import NodeItem
from nnstudio.gui.presentation import boost_for
from nnstudio.gui.scale import text_scale

_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(pt|px)")


def font_height(font: QFont) -> float:
    """The height in pixels of a line of `font` on the screen."""
    return QFontMetricsF(font).height()


def css_height(size: str) -> float:
    """The line height of the application font at a CSS size such as "19.2pt"."""
    match = _SIZE.fullmatch(size.strip())
    assert match, size
    font = QFont()
    if match[2] == "pt":
        font.setPointSizeF(float(match[1]))
    else:
        font.setPixelSize(round(float(match[1])))
    return font_height(font)


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isVisible() and widget.width() > 0


def widget_texts(window: QWidget) -> list[tuple[str, float]]:
    """(what, height) of each visible label, button, combo box and tab (not dock titles: the
    style draws them in a font of its own, which does not follow the scale)."""
    found = []
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        widget.ensurePolished()
        if isinstance(widget, QLabel) and widget.text().strip() and widget.pixmap().isNull():
            found.append((f"label {widget.text()[:30]!r}", font_height(widget.font())))
        elif isinstance(widget, QAbstractButton) and widget.text().strip():
            found.append((f"button {widget.text()[:30]!r}", font_height(widget.font())))
        elif isinstance(widget, QComboBox):
            found.append((f"combo {widget.currentText()[:30]!r}", font_height(widget.font())))
        elif isinstance(widget, QTabBar) and widget.count():
            found.append((f"tabs {widget.tabText(0)[:30]!r}", font_height(widget.font())))
    return found


def canvas_texts(window) -> list[tuple[str, float]]:
    """The cards' title and detail fonts, at the canvas zoom (if any card is in view)."""
    canvas = window.canvas
    if not any(isinstance(item, NodeItem) for item in canvas.items()):
        return []
    m = canvas_style.card_metrics()
    zoom = canvas.zoom()
    return [(f"card {name}", font_height(font) * zoom) for name, font in (
        ("title", m.title_font), ("text", m.text_font), ("shape", m.shape_font),
        ("small", m.small_font))]


def plot_texts(window: QWidget) -> list[tuple[str, float]]:
    """Tick fonts, axis labels, titles and legend labels of every visible plot."""
    found = []
    for view in window.findChildren(pg.GraphicsView):
        if not _shown(view, window):
            continue
        for item in view.scene().items():
            if isinstance(item, pg.AxisItem) and item.isVisible() and item.style["showValues"]:
                found.append((f"ticks {item.orientation}", font_height(item.style["tickFont"]
                                                                       or QFont())))
                if item.label.isVisible() and item.labelText:
                    found.append((f"axis label {item.labelText!r}",
                                  css_height(item.labelStyle["font-size"])))
            elif isinstance(item, pg.PlotItem) and item.titleLabel.text:
                found.append((f"title {item.titleLabel.text[:30]!r}",
                              css_height(item.titleLabel.opts["size"])))
            elif isinstance(item, pg.LegendItem) and item.isVisible():
                for _, label in item.items:
                    found.append((f"legend {label.text!r}", css_height(label.opts["size"])))
    return found


def all_texts(window) -> list[tuple[str, float]]:
    return [*widget_texts(window), *canvas_texts(window), *plot_texts(window)]


# -- the tests ---------------------------------------------------------------------------------
ROOT = Path(__file__).resolve().parents[2]
LESSON = ROOT / "resources" / "lessons" / "perceptron_xor.json"
SPIRAL = ROOT / "resources" / "examples" / "spiral.json"
#: the smallest line height allowed at each presentation size
MINIMUM = {(1920, 1080): 24.0, (1024, 768): 18.0}


@pytest.fixture(autouse=True)
def plain_scale(qapp):
    """The text scale is the application's: each test starts and ends at 1, unboosted, on the
    font the app starts with (nnstudio.gui.app.app_font)."""
    scale = text_scale()
    scale.set_boost(1.0)
    scale.reset()
    plain = scale.base_font
    scale.base_font = app_font(plain)
    qapp.setFont(scale.base_font)
    yield scale
    scale.set_boost(1.0)
    scale.reset()
    scale.base_font = plain
    qapp.setFont(plain)


def present(qtbot, window, size):
    window.presentation.enter(QSize(*size))
    qtbot.waitUntil(lambda: window.size() == QSize(*size))
    qtbot.wait(50)
    window.presentation.fit_canvas()
    return window.presentation


def lesson_window(qtbot, open_window, path=LESSON):
    window = open_window()
    assert window.files.open_example(path)
    qtbot.waitUntil(lambda: window.lessons.panel.lesson is not None)
    return window


@pytest.mark.parametrize("size", list(MINIMUM))
@pytest.mark.parametrize("path", [LESSON, SPIRAL], ids=["lesson", "spiral"])
def test_every_text_shown_in_presentation_is_large_enough(qtbot, open_window, size, path,
                                                         capsys):
    window = lesson_window(qtbot, open_window, path) if path == LESSON else open_window(
        Design.load(path))
    present(qtbot, window, size)
    texts = all_texts(window)
    kinds = {what.split()[0] for what, _ in texts}
    assert {"label", "card", "ticks", "axis"} <= kinds, kinds
    smallest = min(texts, key=lambda t: t[1])
    with capsys.disabled():
        print(f"\n{path.stem} {size[0]}×{size[1]}: {len(texts)} texts, smallest "
              f"{smallest[1]:.1f} px ({smallest[0]})")
    too_small = [(what, round(h, 1)) for what, h in texts if h < MINIMUM[size]]
    assert not too_small


def test_presentation_shows_the_canvas_lesson_and_step_panels_only(qtbot, open_window):
    window = lesson_window(qtbot, open_window)
    presentation = present(qtbot, window, (1920, 1080))
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert not window.toolbar.isVisible()
    assert not window.training.controls.toolbar.isVisible()
    assert presentation.toolbar.isVisible()
    assert window.lessons.dock.isVisible()
    shown = {d for d in window.findChildren(type(window.lessons.dock)) if d.isVisible()}
    assert shown == {window.lessons.dock, *presentation.presented_panels()}
    assert not window.palette_dock.isVisible()


def test_presented_docks_have_titles_in_large_type_and_get_their_own_back(qtbot, open_window):
    """Qt's dock title bars keep a small font however large the dock's: presented docks get a
    title label in the boosted font, and their own title bars (float, close) back on leaving."""
    window = lesson_window(qtbot, open_window)
    presentation = present(qtbot, window, (1920, 1080))
    for dock in [window.lessons.dock, *presentation.presented_panels()]:
        title = dock.titleBarWidget()
        assert isinstance(title, QLabel)
        assert title.text() == dock.windowTitle().replace("&&", "&")  # "Loss & accuracy"
        assert "&&" not in title.text()
        assert title.isVisible() and font_height(title.font()) >= 24
    presentation.leave()
    assert all(d.titleBarWidget() is None for d in window.findChildren(QDockWidget))


def test_without_a_lesson_the_loss_and_the_panel_for_the_data_are_shown(qtbot, open_window):
    window = open_window(Design.load(SPIRAL))
    presentation = present(qtbot, window, (1920, 1080))
    names = [d.objectName() for d in presentation.presented_panels()]
    assert names == ["LossPanelDock", "BoundaryPanelDock"]
    assert all(d.isVisible() for d in presentation.presented_panels())
    assert not window.lessons.dock.isVisible()


def test_page_keys_walk_the_lesson_and_the_panels_follow(qtbot, open_window):
    window = lesson_window(qtbot, open_window)
    present(qtbot, window, (1920, 1080))
    panel = window.lessons.panel
    steps = len(panel.lesson.steps)
    assert steps > 1
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageDown)
    assert panel.index == 1
    step_docks = set(window.presentation.presented_panels())
    assert all(d.isVisible() for d in step_docks)
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageUp)
    assert panel.index == 0


@pytest.mark.parametrize("key", [Qt.Key.Key_B, Qt.Key.Key_Space])
def test_b_and_space_play_and_pause(qtbot, open_window, key):
    window = open_window(Design.load(SPIRAL))
    present(qtbot, window, (1024, 768))
    controller = window.training.controller
    with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda r: r):
        qtbot.keyClick(window.canvas, key)
    with qtbot.waitSignal(controller.runningChanged, check_params_cb=lambda r: not r):
        qtbot.keyClick(window.canvas, key)
    assert "Paused" in window.presentation.bar.readout.text()


def test_right_trains_one_step(qtbot, open_window):
    window = open_window(Design.load(SPIRAL))
    present(qtbot, window, (1024, 768))
    controller = window.training.controller
    before = controller.latest.step
    qtbot.keyClick(window.canvas, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: "loss" in window.presentation.bar.readout.text())
    assert controller.latest.step == before + 1


def test_escape_gives_the_window_back_exactly(qtbot, open_window):
    window = lesson_window(qtbot, open_window)
    window.resize(1300, 900)
    window.summary_dock.hide()
    qtbot.wait(50)
    state, geometry = layout(window), window.geometry()
    zoom, points = window.canvas.zoom(), qtbot_font_points(window)
    present(qtbot, window, (1920, 1080))
    assert qtbot_font_points(window) > points
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert not window.presentation.active
    qtbot.waitUntil(lambda: window.geometry() == geometry)
    qtbot.wait(50)
    assert layout(window) == state
    assert window.canvas.zoom() == zoom
    assert qtbot_font_points(window) == points
    assert window.menuBar().isVisible() and window.toolbar.isVisible()
    assert not window.summary_dock.isVisible()
    assert window.windowState() == Qt.WindowState.WindowNoState


def layout(window) -> list[tuple[object, ...]]:
    """Each dock's name, area, visibility, size and tab neighbours; each toolbar's visibility."""
    docks = [(d.objectName(), window.dockWidgetArea(d), d.isVisible(), d.size().toTuple(),
              sorted(t.objectName() for t in window.tabifiedDockWidgets(d)))
             for d in window.findChildren(QDockWidget)]
    bars = [(b.objectName(), b.isVisible()) for b in window.findChildren(QToolBar)]
    return sorted(docks) + sorted(bars)


def qtbot_font_points(window) -> float:
    return window.font().pointSizeF()


def test_f5_enters_full_screen_and_leaves_it(qtbot, open_window):
    window = open_window(Design.load(SPIRAL))
    window.presentation.action.trigger()
    assert window.presentation.active
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    qtbot.keyClick(window.canvas, Qt.Key.Key_F5)
    assert not window.presentation.active
    assert not window.windowState() & Qt.WindowState.WindowFullScreen


def test_the_boost_follows_the_screen_height():
    assert boost_for(1080) == pytest.approx(1.6)
    assert boost_for(2160) == pytest.approx(3.2)
    assert boost_for(768) < boost_for(1080)
    assert boost_for(480) == boost_for(600)


def test_present_on_the_command_line(tmp_path, qapp):
    from nnstudio.gui import app

    args = app.parse_args(["--present", str(SPIRAL)])
    assert args.design == SPIRAL and args.present_file == SPIRAL
    with pytest.raises(SystemExit):
        app.parse_args(["--present", str(SPIRAL), "--open", str(SPIRAL)])
    png = tmp_path / "present.png"
    assert app.main(["--present", str(SPIRAL), "--screenshot", str(png),
                     "--size", "1024x768"]) == 0
    assert png.is_file()
    assert json.loads(SPIRAL.read_text(encoding="utf-8"))  # the design file was only read


def cards_outside(canvas) -> list[str]:
    """The ids of the cards not wholly inside the canvas's viewport."""
    port = canvas.viewport().rect()
    return [node_id for node_id, item in canvas.canvas_scene.nodes.items()
            if not port.contains(canvas.mapFromScene(item.sceneBoundingRect()).boundingRect())]


def test_a_three_card_lesson_shows_every_card_at_1024x768(qtbot, open_window):
    path = ROOT / "resources" / "lessons" / "neurons_vs_boundary.json"
    window = lesson_window(qtbot, open_window, path)
    assert len(window.model.nodes) == 3
    presentation = present(qtbot, window, (1024, 768))
    assert cards_outside(window.canvas) == []
    assert window.canvas.zoom() >= presentation._needed_zoom() - 1e-6  # text as large as ever
    lesson = window.lessons.dock
    assert lesson.isVisible()  # below the canvas, beside the step's panels
    assert window.dockWidgetArea(lesson) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert all(not dock.visibleRegion().isEmpty() for dock in presentation.presented_panels())


def test_at_1920x1080_the_lesson_is_beside_the_canvas_when_the_network_fits_there(
        qtbot, open_window):
    path = ROOT / "resources" / "lessons" / "neurons_vs_boundary.json"
    window = lesson_window(qtbot, open_window, path)
    presentation = present(qtbot, window, (1920, 1080))
    beside = not presentation._lesson_below(1920)
    expected = (Qt.DockWidgetArea.RightDockWidgetArea if beside
                else Qt.DockWidgetArea.BottomDockWidgetArea)
    qtbot.waitUntil(lambda: window.dockWidgetArea(window.lessons.dock) == expected)
    window.presentation.fit_canvas()
    assert cards_outside(window.canvas) == [] and window.lessons.dock.isVisible()
