"""Figures: the canvas, a panel and the dashboard as PNG of the asked pixel size and as SVG."""

import errno
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from nnstudio.design import Design
from nnstudio.gui import figures
from nnstudio.gui.examples import examples_dir
from nnstudio.gui.figure_dialogs import ExportFigureDialog, FigureActions
from nnstudio.gui.figures import FigureError
from nnstudio.gui.panels.boundary import BoundaryPanel

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def window(open_window):
    return open_window(Design.load(examples_dir() / "spiral.json"))


@pytest.fixture
def trained(qtbot, window):
    """The spiral window after one epoch, every panel showing it."""
    with qtbot.waitSignal(window.training.controller.settled, timeout=20_000):
        window.training.controller.step_epoch()
    return window


def boundary(window):
    return next(p for p in window.training.panels if isinstance(p, BoundaryPanel))


def svg_tree(path):
    return ET.parse(path).getroot()


def texts(root):
    return [(element.text or "").strip() for element in root.iter(SVG + "text")]


@pytest.mark.parametrize("size", [QSize(1920, 1080), QSize(3840, 2160), QSize(600, 800)])
def test_the_canvas_as_png_has_the_asked_size(window, tmp_path, size):
    path = figures.export_figure(figures.scene_subject(window.canvas.scene()),
                                 tmp_path / "canvas.png", size)
    image = QImage(str(path))
    assert (image.width(), image.height()) == (size.width(), size.height())


def test_a_canvas_figure_shows_every_card_inside_its_margin(window):
    image = figures.render_image(figures.scene_subject(window.canvas.scene()), QSize(1920, 1080))
    card = QColor("#FFFFFF").rgb()  # the cards' bodies; the canvas background is grey
    columns = [x for x in range(image.width()) if image.pixel(x, image.height() // 2) == card]
    assert columns, "no card across the middle of the figure"
    assert min(columns) > 20 and max(columns) < image.width() - 20


def test_a_panel_as_png_has_the_asked_size_and_the_panel_keeps_its_own(trained, tmp_path):
    panel = boundary(trained)
    before = panel.size()
    path = figures.export_figure(figures.widget_subject(panel), tmp_path / "b.png",
                                 QSize(1920, 1080))
    image = QImage(str(path))
    assert (image.width(), image.height()) == (1920, 1080)
    assert panel.size() == before
    # drawn, not blank: the plane's colours are there
    colours = {image.pixel(x, y) for x in range(0, 1920, 37) for y in range(0, 1080, 37)}
    assert len(colours) > 20


def test_the_dashboard_is_the_panels_in_view(trained, tmp_path):
    rect = figures.dashboard_rect(trained)
    in_view = [d for d in trained.panel_docks if figures.in_view(d)]
    assert in_view and all(rect.contains(d.geometry()) for d in in_view)
    path = figures.export_figure(figures.dashboard_subject(trained), tmp_path / "d.png",
                                 QSize(2000, 700))
    assert QImage(str(path)).size() == QSize(2000, 700)


def test_no_panel_in_view_is_a_message(window):
    for dock in window.panel_docks:
        dock.hide()
    with pytest.raises(FigureError, match="No dashboard panel"):
        figures.dashboard_subject(window)


def test_the_canvas_as_svg_is_xml_with_the_asked_view_box_and_real_text(window, tmp_path):
    path = figures.export_figure(figures.scene_subject(window.canvas.scene()),
                                 tmp_path / "canvas.svg", QSize(1920, 1080), "Spiral")
    root = svg_tree(path)
    assert root.tag == SVG + "svg"
    assert root.get("viewBox") == "0 0 1920 1080"
    # the cards are text and shapes, not one bitmap per card (their cache is bypassed)
    node_ids = {node["id"] for node in window.model.nodes}
    assert node_ids <= set(texts(root))
    assert any(True for _ in root.iter(SVG + "path"))
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid() and renderer.viewBox().size() == QSize(1920, 1080)


def test_a_panel_as_svg_keeps_its_axes_as_text_and_its_points_as_shapes(trained, tmp_path):
    path = figures.export_figure(figures.widget_subject(boundary(trained)),
                                 tmp_path / "b.svg", QSize(1280, 720))
    root = svg_tree(path)
    assert root.get("viewBox") == "0 0 1280 720"
    assert {"x1", "x2"} <= set(texts(root))
    # the scatter points (hundreds) are drawn as paths, not stamped from pyqtgraph's atlas
    assert sum(1 for _ in root.iter(SVG + "path")) > 100


def test_an_svg_renders_back_to_the_picture(trained, tmp_path):
    subject = figures.dashboard_subject(trained)
    path = figures.export_figure(subject, tmp_path / "d.svg", QSize(960, 540))
    image = QImage(960, 540, QImage.Format.Format_ARGB32)
    image.fill(QColor("magenta"))
    painter = QPainter(image)
    QSvgRenderer(str(path)).render(painter)
    painter.end()
    magenta = QColor("magenta").rgb()
    assert all(image.pixel(x, y) != magenta for x in range(0, 960, 40) for y in range(0, 540, 40))


def test_a_missing_folder_is_a_message_naming_the_file(window, tmp_path):
    path = tmp_path / "no such folder" / "f.png"
    with pytest.raises(FigureError, match="no such folder"):
        figures.export_figure(figures.scene_subject(window.canvas.scene()), path,
                              QSize(320, 200))
    assert not (tmp_path / "no such folder").exists()


def test_a_full_disk_leaves_no_half_file(window, tmp_path, monkeypatch):
    folder = tmp_path / "figures"
    folder.mkdir()

    def no_space(*args):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(figures.os, "replace", no_space)
    with pytest.raises(FigureError, match="No space left"):
        figures.export_figure(figures.scene_subject(window.canvas.scene()),
                              folder / "f.png", QSize(320, 200))
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(("name", "size", "message"), [
    ("f.jpg", QSize(320, 200), r"\.png or \.svg"),
    ("f.png", QSize(8, 200), "pixels wide and high"),
    ("f.svg", QSize(320, 100_000), "pixels wide and high"),
])
def test_a_bad_name_or_size_is_a_message(window, tmp_path, name, size, message):
    with pytest.raises(FigureError, match=message):
        figures.export_figure(figures.scene_subject(window.canvas.scene()), tmp_path / name,
                              size)


def test_the_dialog_exports_the_chosen_panel_at_the_chosen_size(trained, tmp_path):
    actions = trained.findChild(FigureActions)
    dialog = ExportFigureDialog(trained, tmp_path)
    dialog.target.setCurrentIndex(next(i for i, t in enumerate(dialog.targets)
                                       if t.widget is boundary(trained)))
    dialog.preset.setCurrentIndex(dialog.preset.findData("3840x2160"))
    assert dialog.path.text().endswith("-boundary.png")
    dialog.format.setCurrentIndex(dialog.format.findData("svg"))
    assert dialog.path.text().endswith("-boundary.svg")
    dialog.format.setCurrentIndex(dialog.format.findData("png"))
    assert actions.export_from(dialog)
    image = QImage(dialog.path.text())
    assert image.size() == QSize(3840, 2160)
    assert "3840 × 2160" in trained.statusBar().currentMessage()


def test_the_dashboard_keeps_its_shape_by_default(trained, tmp_path):
    dialog = ExportFigureDialog(trained, tmp_path)
    dialog.target.setCurrentIndex(1)
    rect = figures.dashboard_rect(trained)
    assert dialog.keep_shape.isChecked()
    assert dialog.figure_size().height() == pytest.approx(
        1920 * rect.height() / rect.width(), abs=1)


def test_a_failed_export_from_the_dialog_is_shown_not_raised(window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, text: shown.append(text))
    dialog = ExportFigureDialog(window, tmp_path)
    dialog.path.setText(str(tmp_path / "missing" / "f.png"))
    assert not window.findChild(FigureActions).export_from(dialog)
    assert shown and "missing" in shown[0]


def test_the_file_menu_has_export_figure_and_record(window):
    file_menu = window.menuBar().actions()[0].menu()
    assert window.act["export_figure"] in file_menu.actions()
    assert window.act["record"] in file_menu.actions()


def test_a_panel_never_shown_is_laid_out_about_its_size_hint(qtbot, tmp_path):
    panel = BoundaryPanel()
    qtbot.addWidget(panel)
    panel.resize(10, 10)  # a hidden widget's size says nothing
    image = figures.render_image(figures.widget_subject(panel), QSize(1120, 800))
    # its message is drawn at a legible size: two lines of text, tens of pixels high
    rows = {y for y in range(800) for x in range(0, 1120, 3)
            if QColor(image.pixel(x, y)).lightness() < 160}
    assert len(rows) > 40


def test_the_canvas_can_keep_the_shape_of_its_network(window, tmp_path):
    dialog = ExportFigureDialog(window, tmp_path)
    dialog.keep_shape.setChecked(True)
    size = dialog.figure_size()
    assert size.width() == 1920 and size.height() < 1080 / 2  # a row of four cards is wide
    assert dialog.preset.currentData() is None  # Custom
