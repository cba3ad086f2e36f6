"""Starting the desktop app:
`nnstudio [FILE] [--open FILE | --present FILE] [--train-steps N] [--screenshot PNG
[--figure PANEL]] [--size WxH] [--lang CODE]`.

Exit codes: 0 success, 1 a design that cannot be opened (with --screenshot) or an image that
cannot be written, 2 a usage error.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from nnstudio.data import set_image_decoder
from nnstudio.data.paths import resources_dir
from nnstudio.design import Design, DesignError
from nnstudio.gui import figures, language, settings, theme
from nnstudio.gui.imports.qt_decoder import qt_decode
from nnstudio.gui.lessons.panel import PANEL_DOCKS, bring_into_view, panel_dock
from nnstudio.gui.main_window import MainWindow
from nnstudio.gui.training.blas import limit_blas_threads

#: what --figure renders: the canvas, the dashboard panels in view, or one panel (by its
#: lesson id)
FIGURES = ("canvas", "dashboard", *PANEL_DOCKS)
#: the longest --train-steps may take before the screenshot is taken anyway (seconds)
TRAIN_TIMEOUT = 600
#: fonts that cover Chinese, tried in this order after the platform's own UI font
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei UI", "Microsoft YaHei",
             "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", "Noto Sans SC")


def _size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*[x×X]\s*(\d+)\s*", text)
    if not match or min(int(match[1]), int(match[2])) < 200:
        raise argparse.ArgumentTypeError(
            f"expected WIDTHxHEIGHT of at least 200x200, got {text!r}")
    return int(match[1]), int(match[2])


def _steps(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of steps, got {text!r}")
    return int(text)


def _language(text: str) -> str:
    code = language.normalise(text)
    if code is None:
        raise argparse.ArgumentTypeError(
            f"no translation for {text!r}; choose {', '.join(language.LANGUAGES)} or system")
    return code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nnstudio",
                                     description="See neural networks learn: the desktop app.")
    parser.add_argument("file", nargs="?", type=Path, metavar="FILE",
                        help="a design to open (.json)")
    parser.add_argument("--open", dest="open_file", type=Path, metavar="FILE",
                        help="a design to open (the same as FILE)")
    parser.add_argument("--present", dest="present_file", type=Path, metavar="FILE",
                        help="open a design in presentation mode (full screen, or at --size "
                             "with --screenshot; Esc leaves)")
    parser.add_argument("--screenshot", type=Path, metavar="PNG",
                        help="render the window to this PNG file and exit")
    parser.add_argument("--figure", choices=FIGURES, metavar="PANEL",
                        help="with --screenshot: render only this part of the window, at its "
                             "size on screen (a .svg name writes SVG): "
                             f"{', '.join(FIGURES)}")
    parser.add_argument("--size", type=_size, default=(1600, 1000), metavar="WxH",
                        help="window size for --screenshot (default 1600x1000)")
    parser.add_argument("--train-steps", type=_steps, default=0, metavar="N",
                        help="train N steps, then pause (before the screenshot, if any)")
    parser.add_argument("--lang", type=_language, metavar="CODE",
                        help=f"interface language for this run: {', '.join(language.LANGUAGES)} "
                             f"or system (default: the one chosen in View ▸ Language)")
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The parsed command line; SystemExit(2) on a usage error."""
    parser = build_parser()
    args = parser.parse_args(argv)
    given = [f for f in (args.file, args.open_file, args.present_file) if f is not None]
    if len(given) > 1:
        parser.error("give the design once: as FILE, with --open or with --present")
    if args.figure is not None and args.screenshot is None:
        parser.error("--figure needs --screenshot (the file to render it to)")
    args.design = given[0] if given else None
    return args


def application(lang: str | None = None) -> QApplication:
    """The running QApplication (created if needed), named, with a projector-sized font and
    speaking `lang` (a language code, "" for the system's; None: the remembered choice)."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0] if sys.argv else "nnstudio"])
    if not isinstance(app, QApplication):
        raise RuntimeError("nnstudio needs a QApplication (widgets), not a core application")
    app.setApplicationName(settings.APPLICATION)
    app.setOrganizationName(settings.ORGANISATION)
    # the launcher's name (packaging/linux/nnstudio.desktop: Wayland's app id) and the icon
    app.setDesktopFileName("nnstudio")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "nnstudio.svg")))
    app.setFont(app_font(app.font()))
    _install_translations(app, lang)
    limit_blas_threads()
    set_image_decoder(qt_decode)
    return app


def app_font(base: QFont) -> QFont:
    """`base` at theme.BASE_FONT_PT, falling back to a CJK font for Chinese text."""
    font = QFont(base)
    font.setPointSize(theme.BASE_FONT_PT)
    installed = set(QFontDatabase.families())
    fallbacks = [family for family in CJK_FONTS if family in installed]
    if fallbacks:
        font.setFamilies([base.family(), *fallbacks])
    return font


def _install_translations(app: QApplication, lang: str | None) -> None:
    """nnstudio's own translation and Qt's for `lang` (None: the remembered choice, or else
    the system's language), once per application."""
    if app.property("nnstudioTranslations"):
        return
    app.setProperty("nnstudioTranslations", True)
    language.install_translations(app, settings.language() if lang is None else lang)


def _print_problems(path: Path, error: DesignError) -> None:
    lines = [str(p) for p in error.problems]
    if len(lines) == 1:
        print(f"nnstudio: {path}: {lines[0]}", file=sys.stderr)
        return
    print(f"nnstudio: {path}: {len(lines)} problems:", file=sys.stderr)
    for line in lines:
        print(f"  {line}", file=sys.stderr)


def settle(app: QApplication, window: MainWindow) -> None:
    """Let the shown window lay itself out, then fit the network into the canvas."""
    for _ in range(3):
        app.processEvents()
    window.canvas.fit(readable=True)
    if window.presentation.active:
        window.presentation.fit_canvas()
    app.processEvents()


def wait_for_training(window: MainWindow) -> None:
    """Run the event loop until training has paused and the panels show its final state."""
    loop = QEventLoop()
    window.training.controller.settled.connect(loop.quit)
    QTimer.singleShot(TRAIN_TIMEOUT * 1000, loop.quit)
    loop.exec()


def screenshot(app: QApplication, window: MainWindow, path: Path, figure: str | None = None
               ) -> bool:
    """Render the window (or only its part `figure`, one of FIGURES) to a PNG file (an SVG
    file for a figure named .svg); False, said on stderr, if it cannot be written."""
    if figure is not None and figure not in ("canvas", "dashboard"):
        bring_into_view(window, (figure,))
    settle(app, window)
    if figure is None:
        return window.grab().save(str(path), "PNG")
    try:
        subject, size = figure_subject(window, figure)
        figures.export_figure(subject, path, size)
    except figures.FigureError as error:
        print(f"nnstudio: {error}", file=sys.stderr)
        return False
    return True


def figure_subject(window: MainWindow, figure: str) -> tuple[figures.Subject, QSize]:
    """What --figure `figure` renders, and its size on screen; FigureError if not in view."""
    if figure == "canvas":
        return figures.scene_subject(window.canvas.scene()), window.canvas.viewport().size()
    if figure == "dashboard":
        return figures.dashboard_subject(window), figures.dashboard_rect(window).size()
    dock = panel_dock(window, figure)
    widget = dock.widget() if dock is not None else None
    if widget is None or not figures.in_view(widget):
        raise figures.FigureError(f"the {figure} panel is not in view")
    return figures.widget_subject(widget), widget.size()


def open_window(args: argparse.Namespace) -> MainWindow | None:
    """The shown main window holding the design named on the command line (or the default).

    A design that cannot be opened prints its problems and gives None with --screenshot;
    otherwise the window starts on the default design and lists the problems in a dialog.
    Without --screenshot, designs autosaved before a crash are offered for recovery, and
    started without a file, the start page opens.
    """
    design, error = None, None
    if args.design is not None:
        try:
            design = Design.load(args.design, draft=True)
        except DesignError as exc:
            if args.screenshot is not None:
                _print_problems(args.design, exc)
                return None
            error = exc
    window = MainWindow(design, remember_layout=args.screenshot is None)
    if args.screenshot is not None:
        window.resize(*args.size)
    elif design is not None:
        settings.add_recent_file(args.design)
        window.refresh_recent_menu()
    window.show()
    if args.screenshot is not None:  # again once shown: the toolbars then fit the size
        QApplication.processEvents()
        window.resize(*args.size)
    if getattr(args, "present_file", None) is not None:
        window.presentation.enter(QSize(*args.size) if args.screenshot is not None else None)
    if error is not None:
        QTimer.singleShot(0, window, lambda: window.show_problems(error))
    if args.screenshot is None:
        QTimer.singleShot(0, window, lambda: _greet(window, args.design is None))
    return window


def _greet(window: MainWindow, without_file: bool) -> None:
    """Offer the designs a crash left; started without a file and nothing recovered, show the
    start page (unless the user turned it off)."""
    if not window.offer_recovery() and without_file:
        window.lessons.show_start_page()


def main(argv: list[str]) -> int:
    """Run the app (or render one screenshot); returns the exit code."""
    try:
        args = parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    app = application(args.lang)
    window = open_window(args)
    if window is None:
        return 1
    if args.train_steps:
        window.training.controller.play(args.train_steps)
    if args.screenshot is None:
        return app.exec()
    if args.train_steps:
        wait_for_training(window)
    written = screenshot(app, window, args.screenshot, args.figure)
    window.close()
    window.deleteLater()
    if not written:
        if args.figure is None:
            print(f"nnstudio: cannot write {args.screenshot}", file=sys.stderr)
        return 1
    print(args.screenshot)
    return 0
