"""The one text scale of the window: View ▸ Larger Text / Smaller Text / Reset Text Size, and the
presentation mode's boost for the screen it fills.

`text_scale()` is the single source of truth. Its `factor` is the user's step (remembered in
the settings) times the presentation boost (1 outside presentation mode). When it changes, the
application font is scaled, every widget that set its own font or a `font-size` in its style
sheet is scaled in proportion (`scale_widgets`), and `changed(factor)` is emitted for what draws
its own text: the panels' plots (`panels.style`) and the canvas (`follow_on_canvas`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QGraphicsView, QWidget

from nnstudio.gui import settings

#: the user's steps of View ▸ Larger / Smaller Text
STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0, 2.25, 2.5)
_SETTING = "ui/textScale"
#: a style sheet holding this already has its font sizes scaled (the panels' own)
SCALED_MARK = "/* scaled */"
_FONT_SIZE = re.compile(r"font-size:\s*(\d+(?:\.\d+)?)\s*(pt|px)")
#: dynamic properties a scaled widget keeps: its font size over the application font's when
#: first seen, the size set last, its unscaled style sheet and the sheet set last
_RATIO, _SET_SIZE, _BASE_SHEET, _SET_SHEET = ("nnsFontRatio", "nnsFontSet", "nnsSheetBase",
                                              "nnsSheetSet")


#: module-level followers (the panels' style): called with the new factor after each change
_FOLLOWERS: list[Callable[[float], None]] = []


def on_change(follower: Callable[[float], None]) -> None:
    """Call `follower(factor)` after every change of the text scale."""
    _FOLLOWERS.append(follower)


def factor() -> float:
    """The current factor (1 before the application has a TextScale)."""
    app = QApplication.instance()
    scale = app.findChild(TextScale) if app is not None else None
    return scale.factor if scale is not None else 1.0


def _tr(text: str) -> str:
    return QCoreApplication.translate("TextScale", text)


class TextScale(QObject):
    """How much larger than designed every text of the application is drawn."""

    #: the new factor
    changed = Signal(float)

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.app = app
        self.base_font = QFont(app.font())
        self.step = self._remembered_step()
        self.boost = 1.0
        if self.factor != 1.0:
            self._apply(1.0)

    @property
    def factor(self) -> float:
        """The user's step times the presentation boost."""
        return STEPS[self.step] * self.boost

    @staticmethod
    def _remembered_step() -> int:
        value = settings.app_settings().value(_SETTING, 1.0)
        try:
            remembered = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            remembered = 1.0
        return min(range(len(STEPS)), key=lambda i: abs(STEPS[i] - remembered))

    # -- changing it --------------------------------------------------------------------------
    def larger(self) -> None:
        self.set_step(self.step + 1)

    def smaller(self) -> None:
        self.set_step(self.step - 1)

    def reset(self) -> None:
        self.set_step(STEPS.index(1.0))

    def set_step(self, step: int) -> None:
        """Use STEPS[step] (clamped to the list) and remember it."""
        step = max(0, min(len(STEPS) - 1, step))
        if step == self.step:
            return
        before = self.factor
        self.step = step
        settings.app_settings().setValue(_SETTING, STEPS[step])
        self._apply(before)

    def set_boost(self, boost: float) -> None:
        """The presentation mode's extra factor (1: none); not remembered."""
        if boost == self.boost:
            return
        before = self.factor
        self.boost = boost
        self._apply(before)

    def points(self, points: float) -> float:
        """`points` at the current factor."""
        return points * self.factor

    def _apply(self, before: float) -> None:
        if before == 1.0:  # unscaled: the app's font is the base, whoever set it since
            self.base_font = QFont(self.app.font())
        font = QFont(self.base_font)
        old_points = font.pointSizeF() * before
        font.setPointSizeF(self.base_font.pointSizeF() * self.factor)
        self.app.setFont(font)
        for window in self.app.topLevelWidgets():
            scale_widgets(window, old_points, font.pointSizeF(), self.factor)
        for follower in _FOLLOWERS:
            follower(self.factor)
        self.changed.emit(self.factor)


def text_scale() -> TextScale:
    """The application's one TextScale (made on first use, after the app font is set)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("the text scale needs a QApplication")
    scale = app.findChild(TextScale)
    return scale if scale is not None else TextScale(app)


def scale_widgets(root: QWidget, old_points: float, new_points: float, factor: float) -> None:
    """Scale the fonts `root` and its children set themselves (in proportion to the application
    font, `old_points` → `new_points`) and the font sizes in their style sheets (to `factor`
    times what they were written with)."""
    for widget in (root, *root.findChildren(QWidget)):
        _scale_sheet(widget, factor)
        if widget.testAttribute(Qt.WidgetAttribute.WA_SetFont) \
                and "font-size" not in widget.styleSheet():
            _scale_font(widget, old_points, new_points)


def _scale_font(widget: QWidget, old_points: float, new_points: float) -> None:
    font = QFont(widget.font())
    size = font.pointSizeF()
    if size <= 0:  # sized in pixels: nothing of nnstudio's, leave it
        return
    ratio, set_size = widget.property(_RATIO), widget.property(_SET_SIZE)
    if ratio is None or set_size is None or abs(float(set_size) - size) > 0.01:
        ratio = size / old_points  # first seen, or it set a new font since
    target = max(1.0, float(ratio) * new_points)
    font.setPointSizeF(target)
    widget.setFont(font)
    widget.setProperty(_RATIO, float(ratio))
    widget.setProperty(_SET_SIZE, QFont(widget.font()).pointSizeF())


def _scale_sheet(widget: QWidget, factor: float) -> None:
    sheet = widget.styleSheet()
    if "font-size" not in sheet or SCALED_MARK in sheet:
        return
    base = widget.property(_BASE_SHEET)
    if base is None or sheet != widget.property(_SET_SHEET):
        base = sheet  # written by its owner with unscaled sizes
    scaled = _FONT_SIZE.sub(lambda m: f"font-size: {float(m[1]) * factor:.1f}{m[2]}", base)
    widget.setProperty(_BASE_SHEET, base)
    widget.setProperty(_SET_SHEET, scaled)
    if scaled != sheet:
        widget.setStyleSheet(scaled)


class _CanvasZoom(QObject):
    """Zooms its parent view by the text scale's changes."""

    def __init__(self, view: QGraphicsView):
        super().__init__(view)
        self.view = view
        self.factor = text_scale().factor
        text_scale().changed.connect(self.follow)

    def follow(self, factor: float) -> None:
        ratio = factor / self.factor
        self.factor = factor
        self.view.scale(ratio, ratio)


def follow_on_canvas(view: QGraphicsView) -> None:
    """Zoom `view` with the text scale: the cards keep their layout and their text grows with
    every other text of the window."""
    _CanvasZoom(view)


def install_text_actions(window: QWidget) -> list[QAction]:
    """Larger Text (Ctrl+=, Ctrl++), Smaller Text (Ctrl+-) and Reset Text Size (Ctrl+0), added
    to `window` so they work with its menus hidden; returns them for a menu."""
    scale = text_scale()
    specs = ((_tr("&Larger Text"), scale.larger, ("Ctrl+=", "Ctrl++")),
             (_tr("S&maller Text"), scale.smaller, ("Ctrl+-",)),
             (_tr("Reset &Text Size"), scale.reset, ("Ctrl+0",)))
    actions = []
    for text, slot, keys in specs:
        action = QAction(text, window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        window.addAction(action)
        actions.append(action)
    return actions
