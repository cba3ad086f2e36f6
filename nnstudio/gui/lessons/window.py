"""Lessons in the main window: the Lesson dock, File ▸ Lessons… and the start page.

The window makes one `LessonUi` after its docks, puts `dock` where `arrange_docks` says, adds
`gallery_action` to its File menu and calls `follow_design` once its layout is restored.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from nnstudio.gui.lessons.gallery import LessonGallery
from nnstudio.gui.lessons.panel import LESSON_DOCK, LessonPanel, bring_into_view
from nnstudio.gui.lessons.start_page import StartPage, show_at_start

if TYPE_CHECKING:
    from nnstudio.gui.main_window import MainWindow

#: File ▸ Lessons… (Ctrl+L is Auto Layout's)
GALLERY_SHORTCUT = "Ctrl+Shift+L"
#: the heights (in proportion) of the Lesson dock and the data tabs below it
LESSON_SHARE = (700, 300)


class LessonUi(QObject):
    """The Lesson dock of `window` and the ways to open a lesson."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.panel = LessonPanel(window.model, window.undo_stack, self.show_panels)
        self.dock = QDockWidget(self.tr("Lesson"), window)
        self.dock.setObjectName(LESSON_DOCK)
        self.dock.setWidget(self.panel)
        self.dock.hide()  # until a lesson opens: shown while the window lays out, it crowds it
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                              | QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.gallery_action = QAction(self.tr("&Lessons…"), window)
        self.gallery_action.setShortcut(QKeySequence(GALLERY_SHORTCUT))
        self.gallery_action.setStatusTip(self.tr("Choose a lesson of the course"))
        self.gallery_action.triggered.connect(self.open_gallery)
        self.dock.visibilityChanged.connect(self._make_room)
        window.model.modelReset.connect(self.follow_design)
        # after the window's own reaction, which shows the panels that suit the data
        window.training.controller.loaded.connect(self._raise_step_panels)

    def follow_design(self) -> None:
        """Show the Lesson dock in front when the design has a lesson, hide it otherwise."""
        if self.panel.lesson is None:
            self.dock.hide()
            return
        if self.dock.isFloating() or self.window.dockWidgetArea(
                self.dock) == Qt.DockWidgetArea.NoDockWidgetArea:
            self.dock.setFloating(False)
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.show()
        self.dock.raise_()
        beside = self.window.dockWidgetArea(self.dock) == Qt.DockWidgetArea.RightDockWidgetArea
        if beside and self.dock not in self.window.tabifiedDockWidgets(self.window.data_dock):
            # the lesson takes most of the right column, the data and settings tabs the rest
            self.window.resizeDocks([self.dock, self.window.data_dock], list(LESSON_SHARE),
                                    Qt.Orientation.Vertical)
        self._raise_step_panels()  # the docks may have been arranged anew

    def _make_room(self) -> None:
        """While the Lesson dock is shown the right column runs the window's full height,
        beside the dashboard; without it the dashboard spans the window's width again."""
        area = (Qt.DockWidgetArea.BottomDockWidgetArea if self.dock.isHidden()
                else Qt.DockWidgetArea.RightDockWidgetArea)
        self.window.setCorner(Qt.Corner.BottomRightCorner, area)

    def show_panels(self, panels: tuple[str, ...]) -> None:
        """Bring a step's panels into view; the window sizes its columns to their tabs again
        (a panel may have moved to another group)."""
        bring_into_view(self.window, panels)
        self.window.size_columns()

    def _raise_step_panels(self, *_: object) -> None:
        if self.panel.lesson is not None and self.dock.isVisible():
            self.show_panels(self.panel.current_panels())

    # -- opening lessons ----------------------------------------------------------------------
    def open_gallery(self) -> LessonGallery:
        """Show the gallery (not modal); a chosen lesson opens as a new design."""
        gallery = LessonGallery(self.window)
        gallery.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        gallery.lessonChosen.connect(self.open_lesson)
        gallery.open()
        return gallery

    def open_lesson(self, path: Path) -> bool:
        """Open the lesson in `path` as a new, untitled design (as an example opens)."""
        return self.window.files.open_example(path)

    def start_page(self) -> StartPage:
        """The start page over the window, its choices connected (not shown yet)."""
        page = StartPage(self.window)
        page.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        files = self.window.files
        page.lessonsRequested.connect(self.open_gallery)
        page.newRequested.connect(files.new)
        page.openRequested.connect(files.open)
        page.exampleRequested.connect(files.open_example)
        page.recentRequested.connect(files.open_path)
        return page

    def show_start_page(self) -> StartPage | None:
        """Open the start page unless the user turned it off."""
        if not show_at_start():
            return None
        page = self.start_page()
        page.open()
        return page
