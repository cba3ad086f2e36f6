"""The lesson gallery: a card for every lesson, in the course's order of concepts (thumbnail,
title, the concepts it teaches, its one-line description), then the concepts still to come.
One click on a card chooses its lesson (`lessonChosen`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nnstudio.design.lesson import concept_title
from nnstudio.gui import language, theme
from nnstudio.gui.lessons.catalog import LessonEntry, coming_concepts, list_lessons
from nnstudio.gui.lessons.thumbnails import THUMBNAIL_SIZE, thumbnail

CARD_STYLE = (f"QFrame#lessonCard {{ background: white; border: 1px solid #D5D8DF; "
              f"border-radius: 8px; }}"
              f"QFrame#lessonCard:hover, QFrame#lessonCard:focus {{ border: 2px solid "
              f"{theme.SELECTION_COLOUR}; }}")
#: the gap between cards (pixels)
SPACING = 16
#: the thumbnails' size in a gallery narrower than WIDE (pixels): three columns at 1024×768
SMALL_THUMBNAIL = QSize(232, 145)
WIDE = 1300


def card_width(picture: QSize) -> int:
    """A card's width: its thumbnail and the margins."""
    return picture.width() + 2 * SPACING


def first_line(text: str) -> str:
    """The first line of `text` (a description's one-line summary)."""
    return text.strip().splitlines()[0] if text.strip() else ""


def _plain_label(text: str, point_delta: int = 0, bold: bool = False,
                 muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() + point_delta)
    font.setBold(bold)
    label.setFont(font)
    if muted:
        label.setStyleSheet(f"color: {theme.MUTED_TEXT};")
    return label


class LessonCard(QFrame):
    """One lesson: its thumbnail, title, concepts and description; a click (or Enter / Space
    when focused) emits `clicked`."""

    clicked = Signal()

    def __init__(self, entry: LessonEntry, lang: str, picture: QSize = THUMBNAIL_SIZE,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.entry = entry
        lesson = entry.lesson.localized(lang)
        self.setObjectName("lessonCard")
        self.setStyleSheet(CARD_STYLE)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFixedWidth(card_width(picture))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        self.setToolTip(lesson.description)
        self.picture = QLabel()
        self.picture.setPixmap(thumbnail(entry.path, lesson.name, picture))
        self.picture.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.title = _plain_label(lesson.name, 2, bold=True)
        concepts = " · ".join(concept_title(c, lang) for c in lesson.concepts)
        self.concepts = _plain_label(self.tr("Teaches: {concepts}").format(concepts=concepts),
                                     muted=True)
        self.description = _plain_label(first_line(lesson.description))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        for widget in (self.picture, self.title, self.concepts, self.description):
            layout.addWidget(widget)
        layout.addStretch(1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class CardGrid(QWidget):
    """Cards `width` pixels wide in as many columns as the width holds, re-flowed on resize."""

    def __init__(self, cards: list[QWidget], width: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.cards, self.card_width = cards, width
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(SPACING)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.columns = 0
        self._flow(1)

    def columns_for(self, width: int) -> int:
        margins = self.grid.contentsMargins()
        room = width - margins.left() - margins.right() + SPACING
        return max(1, room // (self.card_width + SPACING))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._flow(self.columns_for(event.size().width()))

    def _flow(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for i, card in enumerate(self.cards):
            self.grid.addWidget(card, i // columns, i % columns)


class LessonGallery(QDialog):
    """Every lesson of `folder` (default: the shipped lessons) as a card; a click chooses it
    (`lessonChosen(path)`) and closes the gallery."""

    lessonChosen = Signal(Path)

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lessons"))
        lang = language.in_use()
        entries = list_lessons(folder)
        room = self._room()
        self.picture = THUMBNAIL_SIZE if room.width() >= WIDE else SMALL_THUMBNAIL
        self.cards = [LessonCard(entry, lang, self.picture) for entry in entries]
        for card in self.cards:
            card.clicked.connect(lambda c=card: self.choose(c.entry.path))
        heading = _plain_label(self.tr("Choose a lesson: it opens as a new design, with its "
                                       "steps in the Lesson panel."), 1)
        self.coming = [_plain_label(self.tr("{concept} — coming").format(
            concept=concept_title(concept, lang)), muted=True)
            for concept in coming_concepts(entries)]
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(CardGrid(list(self.cards), card_width(self.picture)))
        if self.coming:
            column.addWidget(_plain_label(self.tr("Coming soon"), 2, bold=True))
            for label in self.coming:
                column.addWidget(label)
        column.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidget(content)
        self.scroller.setWidgetResizable(True)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(buttons)
        self.resize(self._fitting_size())

    def choose(self, path: Path) -> None:
        self.lessonChosen.emit(path)
        self.accept()

    def _fitting_size(self) -> QSize:
        """Three columns of cards where the window (else the screen) allows, at most 90 % of
        its width and 85 % of its height."""
        room = self._room()
        width = min(3 * (card_width(self.picture) + SPACING) + 6 * SPACING,
                    int(room.width() * 0.9))
        return QSize(width, int(room.height() * 0.85))

    def _room(self) -> QSize:
        """The size of the window over which the gallery opens (else of the screen)."""
        parent = self.parentWidget()
        return parent.size() if parent is not None else self.screen().availableSize()
