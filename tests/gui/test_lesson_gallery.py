"""The lesson gallery: a card for every shipped lesson in the course's order, the concepts still
to come, a thumbnail (or a drawn placeholder); one click opens the lesson as a new design, in
the interface's language."""

import json
import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from nnstudio.design.lesson import COMING, CONCEPTS, concept_title, lessons_dir
from nnstudio.gui import language
from nnstudio.gui.lessons.catalog import coming_concepts, list_lessons
from nnstudio.gui.lessons.gallery import LessonGallery
from nnstudio.gui.lessons.thumbnails import THUMBNAIL_SIZE, thumbnail, thumbnail_file

LESSONS = lessons_dir()


@pytest.fixture
def chinese(qapp):
    installed = language.install_translations(qapp, "zh_CN")
    yield
    language.remove_translations(qapp, installed)


def test_the_gallery_lists_every_shipped_lesson_in_the_course_order(qtbot):
    gallery = LessonGallery()
    qtbot.addWidget(gallery)
    shown = {card.entry.path.name for card in gallery.cards}
    assert shown == {path.name for path in LESSONS.glob("*.json")}
    places = [CONCEPTS.index(card.entry.lesson.concepts[0]) for card in gallery.cards]
    assert places == sorted(places)
    assert gallery.cards[0].title.text() == "The perceptron and XOR"


def test_the_concepts_still_coming_are_listed(qtbot):
    gallery = LessonGallery()
    qtbot.addWidget(gallery)
    assert coming_concepts(list_lessons()) == list(COMING)
    assert [label.text() for label in gallery.coming] == [
        f"{concept_title(c)} — coming" for c in COMING]


def test_each_card_names_its_concepts_and_one_line(qtbot):
    gallery = LessonGallery()
    qtbot.addWidget(gallery)
    card = next(c for c in gallery.cards if c.entry.path.stem == "gradient_check")
    assert card.concepts.text() == (f"Teaches: {concept_title('gradient_check')} · "
                                    f"{concept_title('forward_backward')}")
    assert card.description.text() and "\n" not in card.description.text()
    assert card.title.textFormat() == Qt.TextFormat.PlainText


def test_every_shipped_lesson_has_a_small_rendered_thumbnail():
    for path in LESSONS.glob("*.json"):
        found = thumbnail_file(path)
        assert found is not None, path.name
        image = QImage(str(found))
        assert (image.width(), image.height()) == (THUMBNAIL_SIZE.width(),
                                                   THUMBNAIL_SIZE.height())
        assert found.stat().st_size < 100_000


def test_a_users_lesson_without_a_thumbnail_gets_a_placeholder_and_one_beside_it_is_used(
        qtbot, tmp_path):
    lesson = tmp_path / "mine.json"
    shutil.copy(LESSONS / "dropout.json", lesson)
    assert thumbnail_file(lesson) is None
    drawn = thumbnail(lesson, "Mine")
    assert (drawn.width(), drawn.height()) == (THUMBNAIL_SIZE.width(), THUMBNAIL_SIZE.height())
    shutil.copy(thumbnail_file(LESSONS / "dropout.json"), tmp_path / "mine.png")
    assert thumbnail_file(lesson) == tmp_path / "mine.png"
    gallery = LessonGallery(folder=tmp_path)
    qtbot.addWidget(gallery)
    assert [c.entry.path for c in gallery.cards] == [lesson]


def test_a_broken_file_in_a_lesson_folder_is_left_out(qtbot, tmp_path):
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    (tmp_path / "plain.json").write_text(json.dumps({"name": "no lesson"}), encoding="utf-8")
    shutil.copy(LESSONS / "dropout.json", tmp_path / "dropout.json")
    assert [e.path.stem for e in list_lessons(tmp_path)] == ["dropout"]


def test_clicking_a_card_opens_that_design_with_its_lesson(qtbot, open_window):
    window = open_window()
    gallery = window.lessons.open_gallery()
    card = next(c for c in gallery.cards if c.entry.path.stem == "dropout")
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert not gallery.isVisible()
    assert window.model.design.name == "Dropout" and window.model.path is None
    assert window.lessons.panel.lesson is not None and window.lessons.dock.isVisible()


def test_ctrl_shift_l_opens_the_gallery_and_enter_opens_the_focused_card(qtbot, open_window):
    window = open_window()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    gallery = window.findChild(LessonGallery)
    assert gallery is not None and gallery.isVisible()
    qtbot.keyClick(gallery.cards[1], Qt.Key.Key_Return)
    assert window.lessons.panel.lesson.concepts == gallery.cards[1].entry.lesson.concepts


def test_in_chinese_the_gallery_and_the_lesson_are_chinese(qtbot, open_window, chinese):
    window = open_window()
    gallery = window.lessons.open_gallery()
    card = gallery.cards[0]
    chinese_lesson = card.entry.lesson.localized("zh_CN")
    assert card.title.text() == chinese_lesson.name == "感知机与异或"
    assert concept_title("perceptron_xor", "zh_CN") in card.concepts.text()
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    assert window.model.design.name == chinese_lesson.name
    assert window.model.design.description == chinese_lesson.description
    assert window.lessons.panel.step_title.text() == chinese_lesson.steps[0].title
