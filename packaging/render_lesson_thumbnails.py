"""Render the thumbnail of every shipped lesson, the way the app shows it.

    python packaging/render_lesson_thumbnails.py [--steps N] [--only STEM ...] [--out FOLDER]

Each lesson opens offscreen in the main window, trains N steps through the real worker (as
`nnstudio --train-steps N --screenshot` does), and the most telling picture is saved to
resources/lessons/thumbnails/<stem>.png at 320×200: the first dashboard panel its first step
names (loss, boundary, curve …), else the canvas. The gallery shows these files.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from nnstudio.design.lesson import lessons_dir
from nnstudio.gui.app import application, settle, wait_for_training
from nnstudio.gui.lessons.catalog import list_lessons
from nnstudio.gui.lessons.panel import panel_dock
from nnstudio.gui.lessons.thumbnails import THUMBNAIL_FOLDER, THUMBNAIL_SIZE
from nnstudio.gui.main_window import MainWindow

#: panel ids that are settings forms, not pictures: never a thumbnail
FORMS = ("data", "training", "inspector", "summary")
WINDOW_SIZE = (1600, 1000)


def telling_widget(window: MainWindow) -> QWidget:
    """The first picture panel the lesson's current step names, else the canvas."""
    for panel in window.lessons.panel.current_panels():
        dock = panel_dock(window, panel)
        if panel not in FORMS and dock is not None and dock.widget() is not None:
            return dock.widget()
    return window.canvas


def cropped(picture: QPixmap) -> QPixmap:
    """`picture` scaled to cover THUMBNAIL_SIZE, its middle cut out (320×200): a picture
    taken at twice that size loses nothing."""
    scaled = picture.scaled(THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                            Qt.TransformationMode.SmoothTransformation)
    x = (scaled.width() - THUMBNAIL_SIZE.width()) // 2
    y = (scaled.height() - THUMBNAIL_SIZE.height()) // 2
    return scaled.copy(QRect(x, y, THUMBNAIL_SIZE.width(), THUMBNAIL_SIZE.height()))


def render(window: MainWindow, lesson: Path, steps: int, target: Path) -> bool:
    """Open `lesson` in `window`, train `steps` steps, save its thumbnail to `target`."""
    app = application()
    if not window.lessons.open_lesson(lesson):
        return False
    window.training.controller.play(steps)
    wait_for_training(window)
    settle(app, window)
    widget = telling_widget(window)
    if widget is window.canvas:
        window.canvas.fit()  # the whole network, however small its cards
        app.processEvents()
        return cropped(widget.grab()).save(str(target), "PNG")
    return cropped(grab_at_thumbnail_shape(app, widget)).save(str(target), "PNG")


def grab_at_thumbnail_shape(app: QApplication, panel: QWidget) -> QPixmap:
    """The dashboard panel drawn at twice THUMBNAIL_SIZE: its dock floated and sized to that
    shape for the picture, then docked again."""
    dock = panel.parentWidget()
    assert isinstance(dock, QDockWidget)
    dock.setFloating(True)
    dock.resize(2 * THUMBNAIL_SIZE.width(), 2 * THUMBNAIL_SIZE.height() + dock.height()
                - panel.height())
    for _ in range(5):
        app.processEvents()
    picture = panel.grab()
    dock.setFloating(False)
    return picture


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=200, help="training steps (default 200)")
    parser.add_argument("--only", nargs="*", default=[], metavar="STEM",
                        help="render only these lessons (file names without .json)")
    parser.add_argument("--out", type=Path, default=lessons_dir() / THUMBNAIL_FOLDER,
                        help="the folder to write to (default resources/lessons/thumbnails)")
    args = parser.parse_args(argv)
    application("en")
    args.out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(remember_layout=False)
    window.resize(*WINDOW_SIZE)
    window.show()
    failed = []
    for entry in list_lessons():
        stem = entry.path.stem
        if args.only and stem not in args.only:
            continue
        target = args.out / f"{stem}.png"
        if render(window, entry.path, args.steps, target):
            print(f"{target} ({target.stat().st_size // 1024} KB)")
        else:
            failed.append(stem)
    window.undo_stack.setClean()
    window.close()
    for stem in failed:
        print(f"render_lesson_thumbnails: could not render {stem}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
