"""Text from a file is shown as plain text everywhere: a design whose every string holds HTML
(an image 30000 pixels square that would take gigabytes to lay out, and bold) opens with every
dock shown, and no label, text box, tooltip, item, canvas text or message box renders it."""

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGraphicsTextItem,
    QGraphicsView,
    QLabel,
    QMessageBox,
    QTabBar,
    QTextEdit,
    QWidget,
)

from nnstudio.design import Design
from nnstudio.gui import dialogs
from nnstudio.gui.dialogs import ProblemsDialog
from nnstudio.gui.main_window import MainWindow

PAYLOAD = "<img src=x width=30000 height=30000><b>bold</b>"
#: what shows that the payload's markup is there to be rendered, not escaped
MARKUP = ("<img", "<b>bold")
Button = QMessageBox.StandardButton


def hostile_design() -> dict:
    """The default design with the payload in every string a file can hold."""
    doc = Design.default().to_dict()
    doc["name"] = doc["description"] = PAYLOAD
    doc[f"x-{PAYLOAD}"] = PAYLOAD
    network = doc["network"]
    network[f"x-{PAYLOAD}"] = PAYLOAD
    network["nodes"][1]["id"] = PAYLOAD
    network["nodes"][1][f"x-{PAYLOAD}"] = PAYLOAD
    network["edges"] = [["x", PAYLOAD], [PAYLOAD, "h2"], ["h2", "out"]]
    doc["data"] = {"source": "csv", "path": f"{PAYLOAD}.csv", "target": PAYLOAD}
    doc["lesson"] = {"concepts": ["dropout"], "introduction": PAYLOAD,
                     "steps": [{"title": PAYLOAD, "text": PAYLOAD}]}
    return doc


def renders_markup(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    """Whether `text`, shown in `text_format`, lays out the payload as HTML."""
    if text_format == Qt.TextFormat.PlainText or not any(m in text for m in MARKUP):
        return False
    return text_format == Qt.TextFormat.RichText or QtGui.mightBeRichText(text)


def item_tooltips(view: QAbstractItemView | QComboBox) -> list[str]:
    """The tooltips of a view's items (two levels deep: enough for lists, trees and combos)."""
    model = view.model()
    tips = []
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        for index in [parent, *(model.index(r, 0, parent) for r in range(model.rowCount(parent)))]:
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                tips.append(tip)
    return tips


def rendered_markup(root: QWidget) -> list[str]:
    """Every place under `root` that renders the payload's markup, described."""
    found = []
    for label in root.findChildren(QLabel):
        if renders_markup(label.text(), label.textFormat()):
            found.append(f"label {label.objectName() or type(label.parentWidget()).__name__}: "
                         f"{label.text()!r}")
    for edit in root.findChildren(QTextEdit):
        if '<img src="x"' in edit.document().toHtml():
            found.append(f"text box: {edit.toPlainText()!r}")
    for widget in [root, *root.findChildren(QWidget)]:
        if renders_markup(widget.toolTip()):
            found.append(f"tooltip of {type(widget).__name__}: {widget.toolTip()!r}")
    for action in root.findChildren(QAction):
        if renders_markup(action.toolTip()):
            found.append(f"tooltip of action {action.text()!r}: {action.toolTip()!r}")
    for view in [*root.findChildren(QAbstractItemView), *root.findChildren(QComboBox)]:
        found += [f"item tooltip: {tip!r}" for tip in item_tooltips(view) if renders_markup(tip)]
    for bar in root.findChildren(QTabBar):
        found += [f"tab tooltip: {bar.tabToolTip(i)!r}" for i in range(bar.count())
                  if renders_markup(bar.tabToolTip(i))]
    for view in root.findChildren(QGraphicsView):
        for item in view.scene().items() if view.scene() is not None else []:
            if isinstance(item, QGraphicsTextItem) and '<img src="x"' in item.toHtml():
                found.append(f"canvas text: {item.toPlainText()!r}")
            if renders_markup(item.toolTip()):
                found.append(f"canvas tooltip: {item.toolTip()!r}")
    return found


@pytest.fixture
def boxes(monkeypatch):
    """The message boxes the window opens, recorded instead of run."""
    shown: list[QMessageBox] = []

    def record(box):
        shown.append(box)
        return int(Button.Cancel)

    monkeypatch.setattr(QMessageBox, "exec", record)
    monkeypatch.setattr(ProblemsDialog, "exec", lambda dialog: shown.append(dialog))
    return shown


@pytest.fixture
def hostile_window(qtbot, tmp_path, boxes):
    path = tmp_path / f"{PAYLOAD}.json"              # the folder and file names hold it too
    path.parent.mkdir(parents=True)
    Design.from_dict(hostile_design(), draft=True).save(path)
    window = MainWindow(remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.files.open_path(path)
    read_out = window.training.controls.status
    qtbot.waitUntil(lambda: read_out.text().startswith("Cannot train yet"), timeout=20_000)
    qtbot.waitUntil(lambda: not window.data_panel.busy, timeout=10_000)
    for dock in window.findChildren(QDockWidget):
        dock.show()
        dock.raise_()
        QCoreApplication.processEvents()
    window.canvas.select_nodes([PAYLOAD])
    window.show_node(PAYLOAD)
    window.refresh_recent_menu()
    QCoreApplication.processEvents()
    return window


def test_the_payload_reaches_the_window(hostile_window):
    """The test would prove nothing if the hostile strings were not on show."""
    assert PAYLOAD in hostile_window.windowTitle()
    labels = [label.text() for label in hostile_window.findChildren(QLabel)]
    assert any(PAYLOAD in text for text in labels)


def test_no_string_from_a_file_is_rendered_as_rich_text(hostile_window):
    assert rendered_markup(hostile_window) == []


def test_message_boxes_quoting_a_file_show_plain_text(hostile_window, boxes):
    window = hostile_window
    dialogs.ask_save_changes(window, PAYLOAD)
    dialogs.show_error(window, "Could not save", PAYLOAD)
    dialogs.offer_save_as(window, PAYLOAD)
    dialogs.ask_recover(window, PAYLOAD, PAYLOAD)
    window.files.open_path(window.model.path.with_name("missing.json"))
    assert len(boxes) == 5
    for box in boxes:
        if isinstance(box, QMessageBox):
            assert box.textFormat() == Qt.TextFormat.PlainText
            assert not renders_markup(box.informativeText())
        assert rendered_markup(box) == []
