"""The Data dock: choosing data and its settings, input features, shapes following the data,
drawing points on the preview and on the decision boundary, importing, and bad data."""

import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QMessageBox

from nnstudio.design import Design
from nnstudio.gui.main_window import MainWindow
from nnstudio.gui.panels.boundary import BoundaryPanel

EXAMPLES = Path(__file__).resolve().parents[2] / "resources" / "examples"
LEFT, RIGHT = Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton
NO_MOD = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def offers():
    """The output/loss offers the window was asked about, and the answer it gets."""
    return {"asked": [], "answer": False}


def make_window(qtbot, monkeypatch, offers, example="spiral.json"):
    window = MainWindow(Design.load(EXAMPLES / example), remember_layout=False)
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "ask_save_changes", lambda: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(window, "ask_discard_weights", lambda: True)

    def ask_fit(text):
        offers["asked"].append(text)
        return offers["answer"]

    monkeypatch.setattr(window, "ask_fit_to_data", ask_fit)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot, window)
    return window


@pytest.fixture
def window(qtbot, monkeypatch, offers):
    return make_window(qtbot, monkeypatch, offers)


def settle(qtbot, window):
    """Wait until the Data panel has loaded whatever it was loading."""
    qtbot.waitUntil(lambda: not window.data_panel.busy, timeout=10_000)


def data(window):
    return window.model.design.section("data")


def input_shape(window):
    return window.model.node("x")["params"]["shape"]


def choose(qtbot, window, title):
    """Pick the chooser entry titled `title`, as a user does."""
    chooser = window.data_panel.chooser
    items = chooser.model()
    row = next(i for i in range(chooser.count())
               if chooser.itemText(i).strip() == title and items.item(i).isEnabled())
    chooser.setCurrentIndex(row)
    chooser.activated.emit(row)
    settle(qtbot, window)


# -- the dock -----------------------------------------------------------------------------------
def test_the_data_dock_is_in_front_on_the_right_and_in_the_view_menu(window):
    dock = window.data_dock
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.inspector_dock in window.tabifiedDockWidgets(dock)
    assert not dock.visibleRegion().isEmpty()
    assert dock.toggleViewAction() in window.view_menu.actions()
    window.inspector_dock.raise_()
    window.arrange_docks()
    assert not dock.visibleRegion().isEmpty()


def test_the_panel_shows_the_designs_data(window):
    panel = window.data_panel
    assert panel.chooser.currentText().strip() == "Spiral"
    assert panel.preview.page == "plot"
    assert panel.features.checked() == ["x1", "x2"]
    assert set(panel.form.widgets) >= {"samples", "noise", "classes", "validation", "test",
                                        "standardize", "seed"}
    assert panel.form.widgets["noise"].toolTip().startswith("How noisy")
    assert panel.draw_box.isVisibleTo(panel)


# -- choosing -----------------------------------------------------------------------------------
def test_choosing_a_dataset_is_one_undoable_step(qtbot, window):
    before = data(window)
    count = window.undo_stack.count()
    choose(qtbot, window, "Two moons")
    assert data(window)["source"] == "toy2d" and data(window)["name"] == "moons"
    assert data(window)["validation"] == before["validation"]
    assert window.undo_stack.count() == count + 1
    assert window.undo_stack.undoText() == "Data: Two moons"
    window.undo_stack.undo()
    assert data(window) == before
    settle(qtbot, window)
    assert window.data_panel.chooser.currentText().strip() == "Spiral"


def test_headings_and_file_sources_cannot_be_chosen(window):
    items = window.data_panel.chooser.model()
    texts = {items.item(r).text().strip(): items.item(r).isEnabled()
             for r in range(items.rowCount())}
    assert texts["2-D classification"] is False and texts["Real tables"] is False
    assert texts["CSV file"] is False and texts["Iris flowers"] is True


def test_a_regression_curve_shows_a_plot_and_its_one_input(qtbot, window, offers):
    offers["answer"] = True
    choose(qtbot, window, "Sine curve")
    panel = window.data_panel
    assert panel.preview.page == "plot" and panel.preview.dataset.kind == "curve1d"
    assert input_shape(window) == [1]
    assert window.model.node("out")["params"]["units"] == 1
    assert window.model.design.training["loss"] == "mse"
    assert not panel.features.boxes["x2"].isEnabled()
    assert panel.features.boxes["sin_x1"].isEnabled()
    assert not panel.draw_box.isVisibleTo(panel)


def test_digits_show_an_image_grid(qtbot, window):
    choose(qtbot, window, "Handwritten digits 8×8")
    panel = window.data_panel
    assert panel.preview.page == "images"
    assert input_shape(window) == [1, 8, 8]
    assert panel.preview.counts.rowCount() == 10
    assert not panel.features_box.isVisibleTo(panel)


# -- settings -----------------------------------------------------------------------------------
def test_a_slider_drag_is_one_undo_step_made_on_release(qtbot, window):
    slider = window.data_panel.form.widgets["noise"]
    count = window.undo_stack.count()
    slider.setSliderDown(True)
    for value in (0.05, 0.1, 0.15, 0.2, 0.25):
        slider.setValue(value)
    assert window.undo_stack.count() == count and data(window)["noise"] == 0.0
    slider.setSliderDown(False)
    settle(qtbot, window)
    assert data(window)["noise"] == pytest.approx(0.25)
    assert window.undo_stack.count() == count + 1
    assert window.undo_stack.undoText() == "Set noise to 0.25"
    window.undo_stack.undo()
    assert data(window)["noise"] == 0.0


def test_a_spin_box_setting_is_one_undo_step(qtbot, window):
    count = window.undo_stack.count()
    window.data_panel.form.widgets["seed"].setValue(7)
    settle(qtbot, window)
    assert data(window)["seed"] == 7 and window.undo_stack.count() == count + 1


def test_spiral_arms_become_classes_and_the_output_follows(qtbot, window, offers):
    offers["answer"] = True
    window.data_panel.form.widgets["classes"].setValue(3)
    settle(qtbot, window)
    assert data(window)["classes"] == 3
    assert len(offers["asked"]) == 1 and "3 classes" in offers["asked"][0]
    assert window.model.node("out")["params"]["units"] == 3
    window.undo_stack.undo()
    assert window.model.node("out")["params"]["units"] == 2 and "classes" not in data(window)


def test_a_setting_the_data_refuses_leaves_the_design_alone(qtbot, window):
    panel = window.data_panel
    panel.form.widgets["validation"].setValue(0.6)
    settle(qtbot, window)
    before, count = data(window), window.undo_stack.count()
    panel.form.widgets["test"].setValue(0.5)
    settle(qtbot, window)
    assert data(window) == before and window.undo_stack.count() == count
    assert "validation + test" in panel.problem.text() and panel.problem.isVisibleTo(panel)
    assert panel.form.widgets["test"].value() == 0.0  # the widget shows the design again


# -- features -----------------------------------------------------------------------------------
def test_toggling_a_feature_changes_the_input_shape_in_one_step(qtbot, window):
    count = window.undo_stack.count()
    window.data_panel.features.boxes["x1^2"].click()
    settle(qtbot, window)
    assert data(window)["features"] == ["x1", "x2", "x1^2"]
    assert input_shape(window) == [3]
    assert window.undo_stack.count() == count + 1
    window.undo_stack.undo()
    assert "features" not in data(window) and input_shape(window) == [2]
    settle(qtbot, window)
    assert window.data_panel.features.checked() == ["x1", "x2"]


def test_the_last_feature_cannot_be_unticked(qtbot, window):
    boxes = window.data_panel.features.boxes
    boxes["x1"].click()
    settle(qtbot, window)
    count = window.undo_stack.count()
    boxes["x2"].click()
    settle(qtbot, window)
    assert boxes["x2"].isChecked() and window.undo_stack.count() == count
    assert data(window)["features"] == ["x2"]
    assert "at least one" in window.data_panel.problem.text()


# -- shapes follow the data ---------------------------------------------------------------------
def test_iris_offers_three_units_and_the_loss_and_applies_them(qtbot, monkeypatch, offers):
    window = make_window(qtbot, monkeypatch, offers, "sine.json")
    offers["answer"] = True
    before_out = window.model.node("out")["params"]
    count = window.undo_stack.count()
    choose(qtbot, window, "Iris flowers")
    assert len(offers["asked"]) == 1
    assert "3 units" in offers["asked"][0] and "cross_entropy" in offers["asked"][0]
    assert input_shape(window) == [4]
    assert window.model.node("out")["params"]["units"] == 3
    assert window.model.design.training["loss"] == "cross_entropy"
    assert window.undo_stack.count() == count + 1
    assert window.data_panel.preview.page == "table"
    window.undo_stack.undo()
    assert input_shape(window) == [1] and window.model.node("out")["params"] == before_out
    assert window.model.design.training["loss"] == "mse"
    assert data(window)["source"] == "regression"


def test_declining_the_offer_still_sets_the_input_shape(qtbot, window, offers):
    choose(qtbot, window, "Iris flowers")
    assert len(offers["asked"]) == 1
    assert input_shape(window) == [4]
    assert window.model.node("out")["params"]["units"] == 2


# -- drawing ------------------------------------------------------------------------------------
def plot_point(plot_widget, x, y) -> QPoint:
    """Where the data point (x, y) is on `plot_widget`'s viewport."""
    scene = plot_widget.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
    return plot_widget.mapFromScene(scene)


def click(qtbot, plot_widget, x, y, button=LEFT):
    qtbot.mouseClick(plot_widget.viewport(), button, NO_MOD, plot_point(plot_widget, x, y))


def test_clicks_on_the_preview_draw_points(qtbot, window):
    panel = window.data_panel
    view = panel.preview.view
    before = data(window)
    n = before["samples"]
    panel.class_picker.setCurrentIndex(1)
    click(qtbot, view, 2.0, -3.0)
    points = data(window)["points"]
    assert data(window)["source"] == "points" and len(points) == n + 1
    x, y, label = points[-1]
    assert label == 1 and x == pytest.approx(2.0, abs=0.1) and y == pytest.approx(-3.0, abs=0.1)
    assert "drawn points" in window.statusBar().currentMessage()
    settle(qtbot, window)

    count = window.undo_stack.count()
    click(qtbot, view, x, y, RIGHT)
    assert len(data(window)["points"]) == n
    assert [x, y, 1] not in data(window)["points"]
    assert window.undo_stack.count() == count + 1
    settle(qtbot, window)

    window.data_panel.clear_button.click()
    assert data(window)["points"] == []
    settle(qtbot, window)
    assert panel.preview.page == "plot" and panel.preview.sizes.text() == "No points yet"
    panel.class_picker.setCurrentIndex(0)
    click(qtbot, view, -1.0, 1.0)
    assert [p[2] for p in data(window)["points"]] == [0]

    for _ in range(4):
        window.undo_stack.undo()
    assert data(window) == before


def test_a_right_click_far_from_every_point_changes_nothing(qtbot, window):
    panel = window.data_panel
    panel.clear_points()
    panel.edit_points(1.0, 1.0, LEFT, 0.3)
    count = window.undo_stack.count()
    panel.edit_points(4.0, 4.0, RIGHT, 0.3)
    assert window.undo_stack.count() == count and len(data(window)["points"]) == 1


def test_a_new_class_grows_the_classes_and_offers_the_output(qtbot, window, offers):
    offers["answer"] = True
    panel = window.data_panel
    panel.class_picker.setCurrentIndex(2)
    panel.edit_points(0.5, 0.5, LEFT, 0.3)
    assert data(window)["classes"] == 3
    assert window.model.node("out")["params"]["units"] == 3
    assert len(offers["asked"]) == 1


def test_regression_data_cannot_be_drawn_on(qtbot, window):
    choose(qtbot, window, "Six bumps")
    before, count = data(window), window.undo_stack.count()
    window.data_panel.edit_points(0.0, 0.0, LEFT, 0.3)
    assert data(window) == before and window.undo_stack.count() == count
    assert "only classified points" in window.data_panel.problem.text()


def boundary_panel(window) -> BoundaryPanel:
    return next(p for p in window.training.panels if isinstance(p, BoundaryPanel))


def test_clicks_on_the_decision_boundary_draw_points(qtbot, window):
    panel = boundary_panel(window)
    qtbot.waitUntil(lambda: panel.message is None and panel.isVisible(), timeout=10_000)
    n = data(window)["samples"]
    window.data_panel.class_picker.setCurrentIndex(0)
    click(qtbot, panel.view, -4.0, 4.0)
    points = data(window)["points"]
    assert len(points) == n + 1
    assert points[-1][0] == pytest.approx(-4.0, abs=0.15)
    assert points[-1][1] == pytest.approx(4.0, abs=0.15) and points[-1][2] == 0
    window.undo_stack.undo()
    assert data(window)["source"] == "toy2d"


def test_training_picks_up_drawn_points(qtbot, window):
    controller = window.training.controller
    qtbot.waitUntil(lambda: controller.latest is not None and not controller.feeder.busy,
                    timeout=10_000)
    window.data_panel.clear_points()
    with qtbot.waitSignal(controller.loaded, timeout=10_000) as blocker:
        for i in range(6):
            window.data_panel.class_picker.setCurrentIndex(i % 2)
            window.data_panel.edit_points(float(i), float(-i), LEFT, 0.3)
    qtbot.waitUntil(lambda: controller.latest is not None, timeout=10_000)
    with qtbot.waitSignal(controller.loaded, timeout=10_000) as blocker:
        window.data_panel.edit_points(3.0, 3.0, LEFT, 0.3)
    dataset = blocker.args[0].dataset
    assert dataset is not None and len(dataset.samples.x) == 7
    assert tuple(dataset.samples.x[-1]) == (3.0, 3.0)


# -- import and broken data ---------------------------------------------------------------------
@pytest.fixture
def fake_imports(monkeypatch):
    """An import module whose one dialog returns `answer["section"]`."""
    answer = {"section": None, "calls": []}
    module = types.ModuleType("nnstudio.gui.imports")
    module.IMPORTERS = (("csv", "CSV table…"),)

    def ask_import(kind, parent, base_dir):
        answer["calls"].append((kind, base_dir))
        return answer["section"]

    module.ask_import = ask_import
    monkeypatch.setitem(sys.modules, "nnstudio.gui.imports", module)
    return answer


def import_csv(qtbot, window):
    menu = window.data_panel.import_menu
    menu.aboutToShow.emit()
    action = next(a for a in menu.actions() if a.text() == "CSV table…")
    action.trigger()
    settle(qtbot, window)


def test_import_applies_the_dialogs_section(qtbot, window, fake_imports, tmp_path, offers):
    offers["answer"] = True
    path = tmp_path / "table.csv"
    rows = [f"{i % 3 + 0.1 * i},{i % 5},{'abc'[i % 3]}" for i in range(60)]
    path.write_text("a,b,kind\n" + "\n".join(rows) + "\n")
    fake_imports["section"] = {"source": "csv", "path": str(path), "target": "kind"}
    import_csv(qtbot, window)
    assert fake_imports["calls"] == [("csv", EXAMPLES)]
    assert data(window)["source"] == "csv" and input_shape(window) == [2]
    assert window.model.node("out")["params"]["units"] == 3
    assert window.undo_stack.undoText() == "Import: CSV table"
    assert window.data_panel.preview.page == "table"
    assert window.data_panel.chooser.currentText().strip() == "CSV file"


def test_a_cancelled_import_changes_nothing(qtbot, window, fake_imports):
    before, count = data(window), window.undo_stack.count()
    import_csv(qtbot, window)
    assert data(window) == before and window.undo_stack.count() == count


def test_a_missing_file_shows_the_message_and_keeps_the_design(qtbot, window, fake_imports,
                                                               tmp_path):
    before, count = data(window), window.undo_stack.count()
    shape = input_shape(window)
    fake_imports["section"] = {"source": "csv", "path": str(tmp_path / "nowhere.csv")}
    import_csv(qtbot, window)
    assert data(window) == before and window.undo_stack.count() == count
    assert input_shape(window) == shape
    problem = window.data_panel.problem.text()
    assert "nowhere.csv" in problem and "Traceback" not in problem
    assert window.data_panel.preview.page == "plot"  # the design's data is still shown


def test_a_design_whose_data_cannot_load_says_why(qtbot, monkeypatch, offers, tmp_path):
    doc = Design.load(EXAMPLES / "iris.json").to_dict()
    doc["data"] = {"source": "csv", "path": str(tmp_path / "gone.csv")}
    path = tmp_path / "broken.json"
    Design.from_dict(doc).save(path)
    window = MainWindow(Design.load(path), remember_layout=False)
    qtbot.addWidget(window)
    monkeypatch.setattr(window, "ask_save_changes", lambda: QMessageBox.StandardButton.Discard)
    window.show()
    settle(qtbot, window)
    preview = window.data_panel.preview
    assert preview.page == "empty" and "gone.csv" in preview.empty.text()
    assert window.data_panel.chooser.currentText().strip() == "CSV file"


def test_choosing_drawn_points_keeps_the_toys_points_to_edit(qtbot, window):
    n = data(window)["samples"]
    choose(qtbot, window, "Drawn points")
    assert data(window)["source"] == "points" and len(data(window)["points"]) == n
    assert window.data_panel.preview.page == "plot"


def test_drawn_points_from_a_table_start_from_an_empty_plane(qtbot, window):
    choose(qtbot, window, "Iris flowers")
    choose(qtbot, window, "Drawn points")
    panel = window.data_panel
    assert data(window)["points"] == [] and input_shape(window) == [2]
    assert panel.preview.page == "plot" and panel.draw_box.isVisibleTo(panel)
    click(qtbot, panel.preview.view, 0.0, 0.0)
    assert len(data(window)["points"]) == 1


def test_a_new_design_shows_its_data(qtbot, monkeypatch, offers):
    window = make_window(qtbot, monkeypatch, offers, "iris.json")
    assert window.data_panel.preview.page == "table"
    window.model.reset(Design.load(EXAMPLES / "digits_cnn.json"))
    settle(qtbot, window)
    assert window.data_panel.preview.page == "images"
    assert window.data_panel.chooser.currentText().strip() == "Handwritten digits 8×8"


def test_after_new_the_dock_previews_the_data_training_uses(qtbot, monkeypatch, offers):
    window = make_window(qtbot, monkeypatch, offers, "circle.json")
    assert window.data_panel.preview.dataset.name == "Circle"
    window.act["new"].trigger()                # an empty design: no data section at all
    settle(qtbot, window)
    trains_on = window.model.design.data["name"]
    assert trains_on == "spiral"
    assert window.data_panel.chooser.currentText().strip() == "Spiral"
    assert window.data_panel.preview.dataset.name == "Spiral"


def test_the_import_menu_lists_the_import_dialogs(window):
    from nnstudio.gui.imports import IMPORTERS

    menu = window.data_panel.import_menu
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()] == [text for _, text in IMPORTERS]


def wheel(widget):
    """One notch of the mouse wheel (down) over the middle of `widget`."""
    from PySide6.QtCore import QPointF as Point
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    middle = Point(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(middle, Point(widget.mapToGlobal(middle)), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton, NO_MOD,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_dock_instead_of_changing_the_data(qtbot, window):
    from PySide6.QtWidgets import QSlider

    panel = window.data_panel
    before, count = data(window), window.undo_stack.count()
    inner = panel.form.widgets["validation"].findChild(QSlider)
    for widget in (inner, panel.form.widgets["seed"], panel.chooser, panel.class_picker):
        assert not widget.hasFocus()
        wheel(widget)
    settle(qtbot, window)
    assert data(window) == before and window.undo_stack.count() == count
    assert panel.chooser.currentText().strip() == "Spiral"
    assert panel.class_picker.currentIndex() == 0


def test_no_validation_split_still_previews(qtbot, window):
    window.data_panel.form.widgets["validation"].setValue(0.0)
    settle(qtbot, window)
    preview = window.data_panel.preview
    assert data(window)["validation"] == 0.0
    assert preview.page == "plot" and len(preview.validation_points.data) == 0
    assert len(preview.train_points.data) == data(window)["samples"]
