"""The start page: shown when nnstudio starts without a file (unless turned off), its buttons
open the gallery, an example, a new design, a file, or a recent file."""

import pytest
from PySide6.QtCore import Qt

from nnstudio import Design
from nnstudio.gui import settings
from nnstudio.gui.app import open_window, parse_args
from nnstudio.gui.examples import list_examples
from nnstudio.gui.lessons.gallery import LessonGallery
from nnstudio.gui.lessons.start_page import StartPage, set_show_at_start, show_at_start


@pytest.fixture
def window(open_window):
    return open_window()


@pytest.fixture
def page(qtbot, window):
    start = window.lessons.start_page()
    start.show()
    qtbot.waitExposed(start)
    return start


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_lessons_opens_the_gallery(qtbot, window, page):
    click(qtbot, page.lessons_button)
    assert not page.isVisible()
    gallery = window.findChild(LessonGallery)
    assert gallery is not None and gallery.isVisible()


def test_new_design_empties_the_canvas(qtbot, window, page):
    click(qtbot, page.new_button)
    assert window.model.nodes == [] and not page.isVisible()


def test_open_asks_for_a_file_and_opens_it(qtbot, window, page, tmp_path, monkeypatch):
    path = tmp_path / "mine.json"
    Design.default().save(path)
    monkeypatch.setattr(window, "ask_open_path", lambda: path)
    click(qtbot, page.open_button)
    assert window.model.path == path


def test_examples_lists_every_example_and_one_opens(qtbot, window, page):
    actions = page.examples_menu.actions()
    examples = list_examples()
    assert [a.text() for a in actions] == [e.title for e in examples]
    actions[0].trigger()
    assert window.model.design.name == examples[0].title and not page.isVisible()


def test_a_recent_file_opens_with_one_click(qtbot, window, tmp_path):
    path = tmp_path / "recent.json"
    Design.default().save(path)
    settings.add_recent_file(path)
    page = window.lessons.start_page()
    page.show()
    qtbot.waitExposed(page)
    item = page.recent.item(0)
    assert item.text() == "recent.json"
    rect = page.recent.visualItemRect(item)
    qtbot.mouseClick(page.recent.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.model.path == path


def test_show_at_start_is_remembered(qtbot, window, page):
    assert show_at_start() and page.show_check.isChecked()
    click(qtbot, page.show_check)
    assert not show_at_start()
    assert window.lessons.show_start_page() is None
    set_show_at_start(True)
    assert isinstance(window.lessons.show_start_page(), StartPage)


def test_the_app_started_without_a_file_shows_the_start_page(qtbot):
    window = open_window(parse_args([]))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.findChild(StartPage) is not None
                    and window.findChild(StartPage).isVisible(), timeout=5_000)


def test_the_app_started_with_a_file_shows_no_start_page(qtbot, tmp_path):
    path = tmp_path / "given.json"
    Design.default().save(path)
    window = open_window(parse_args([str(path)]))
    qtbot.addWidget(window)
    qtbot.wait(50)
    assert window.findChild(StartPage) is None
