"""The start page, shown when nnstudio starts without a file: Lessons, Examples, New design,
Open… and the recent files, with a "Show at start" choice that is remembered."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nnstudio.gui import settings, theme
from nnstudio.gui.examples import list_examples

_SHOW_AT_START = "ui/showStartPage"
#: the smallest size the page opens at (pixels)
MIN_WIDTH, MIN_HEIGHT = 760, 440


def show_at_start() -> bool:
    """Whether the start page opens when nnstudio starts without a file (default: yes)."""
    value = settings.app_settings().value(_SHOW_AT_START, True)
    return value not in (False, "false", "0", 0)


def set_show_at_start(show: bool) -> None:
    settings.app_settings().setValue(_SHOW_AT_START, bool(show))


class StartPage(QDialog):
    """What to begin with. Each choice is a signal, and closes the page; the window acts on it."""

    lessonsRequested = Signal()
    newRequested = Signal()
    openRequested = Signal()
    #: an example's or a recent file's path
    exampleRequested = Signal(Path)
    recentRequested = Signal(Path)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to nnstudio"))
        title = QLabel(self.tr("See neural networks learn"))
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        self.lessons_button = self._button(self.tr("Lessons"), self.lessonsRequested,
                                           self.tr("The course, one lesson per idea"))
        self.examples_button = self._button(self.tr("Examples"), None,
                                            self.tr("Ready-made designs to train"))
        self.examples_menu = QMenu(self.examples_button)
        for example in list_examples():
            action = self.examples_menu.addAction(example.title)
            action.setToolTip(example.blurb)
            action.triggered.connect(lambda _=False, p=example.path: self._choose(
                self.exampleRequested, p))
        self.examples_button.setMenu(self.examples_menu)
        self.new_button = self._button(self.tr("New design"), self.newRequested,
                                       self.tr("An empty canvas"))
        self.open_button = self._button(self.tr("Open…"), self.openRequested,
                                        self.tr("A design file"))
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        for button in (self.lessons_button, self.examples_button, self.new_button,
                       self.open_button):
            buttons.addLayout(self._captioned(button), 1)
        self.recent = QListWidget()
        self.recent.setWordWrap(True)
        for path in settings.recent_files():
            item = QListWidgetItem(path.name)
            item.setToolTip(str(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.recent.addItem(item)
        self.recent.itemActivated.connect(self._open_recent)
        self.recent.itemClicked.connect(self._open_recent)
        self.show_check = QCheckBox(self.tr("Show at start"))
        self.show_check.setChecked(show_at_start())
        self.show_check.toggled.connect(set_show_at_start)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.show_check)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addLayout(buttons)
        recent_title = QLabel(self.tr("Recent files") if self.recent.count()
                              else self.tr("No recent files"))
        layout.addWidget(recent_title)
        layout.addWidget(self.recent, 1)
        self.recent.setVisible(self.recent.count() > 0)
        layout.addLayout(bottom)
        self.resize(self.sizeHint().expandedTo(QSize(MIN_WIDTH, MIN_HEIGHT)))

    @staticmethod
    def _captioned(button: QPushButton) -> QVBoxLayout:
        """The button with its tooltip written below it, word-wrapped."""
        caption = QLabel(button.toolTip())
        caption.setTextFormat(Qt.TextFormat.PlainText)
        caption.setWordWrap(True)
        caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        caption.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        caption.setMinimumHeight(2 * caption.fontMetrics().height())
        column = QVBoxLayout()
        column.addWidget(button)
        column.addWidget(caption)
        return column

    def _button(self, text: str, signal: SignalInstance | None, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setMinimumHeight(3 * button.fontMetrics().height())
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if signal is not None:
            button.clicked.connect(lambda: self._choose(signal))
        return button

    def _choose(self, signal: SignalInstance, *args: object) -> None:
        self.accept()
        signal.emit(*args)

    def _open_recent(self, item: QListWidgetItem) -> None:
        self._choose(self.recentRequested, Path(item.data(Qt.ItemDataRole.UserRole)))
