"""What every dashboard panel is: a plot area that gives way to a message when it is empty."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from nnstudio.gui.panels import style


class Panel(QWidget):
    """Base of the panels.

    Subclasses set `title` (a `style.TranslatedText`), put their plots in a widget given to
    `set_content`, and implement `draw(snapshot)` and `reset()`. `show_snapshot` notices a new
    run (the step count went down) and clears the panel first, so a forgotten `clear()` after
    a reset never mixes two runs in one plot.
    """

    title: str

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._stack = QStackedLayout(self)
        self._message = QLabel()
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._message.setStyleSheet(style.message_css())
        self._stack.addWidget(self._message)
        self._content: QWidget | None = None
        self._last_step = -1

    # -- the interface the main window uses ----------------------------------------------------
    def show_snapshot(self, snapshot: Any) -> None:
        """Draw the latest nnstudio.core.monitor.Snapshot (GUI thread, up to 30 times a second)."""
        if snapshot.step < self._last_step:
            self.clear()
        self._last_step = snapshot.step
        self.draw(snapshot)

    def clear(self) -> None:
        """Forget the training run (after a reset or for a new design)."""
        self._last_step = -1
        self.reset()

    def set_data(self, dataset: Any) -> None:
        """The design's nnstudio.data.Dataset, or None; most panels do not need it."""

    # -- for subclasses ------------------------------------------------------------------------
    def draw(self, snapshot: Any) -> None:
        raise NotImplementedError

    def reset(self) -> None:
        raise NotImplementedError

    def set_content(self, widget: QWidget) -> None:
        """The page shown when there is something to draw."""
        self._content = widget
        self._stack.addWidget(widget)

    def show_message(self, text: str) -> None:
        """Show `text` instead of the plots."""
        self._message.setText(text)
        self._stack.setCurrentWidget(self._message)

    def show_content(self) -> None:
        if self._content is not None:
            self._stack.setCurrentWidget(self._content)

    def show_page(self, widget: QWidget) -> None:
        """Show another page than the content (added to the panel the first time)."""
        if self._stack.indexOf(widget) < 0:
            self._stack.addWidget(widget)
        self._stack.setCurrentWidget(widget)

    @property
    def page(self) -> QWidget:
        """The page on show."""
        return self._stack.currentWidget()

    @property
    def message(self) -> str | None:
        """The empty-state text on show, or None when the plots are."""
        return self._message.text() if self._stack.currentWidget() is self._message else None
