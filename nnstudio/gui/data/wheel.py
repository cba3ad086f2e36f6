"""Scrolling the Data dock with the mouse wheel must not change the data: a slider, spin box or
combo box under the pointer takes the wheel only once it has the keyboard focus (a click or
Tab gives it); otherwise the wheel scrolls the dock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QComboBox, QWidget

GUARDED = (QAbstractSlider, QAbstractSpinBox, QComboBox)


class WheelGuard(QObject):
    """Passes wheel events on to the parent (the scroll area) while the widget has no focus."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) \
                and not watched.hasFocus():
            event.ignore()
            return True
        return False


def guard_wheel(root: QWidget, guard: WheelGuard) -> None:
    """Install `guard` on every slider, spin box and combo box inside `root` (and on `root`
    itself), giving each the strong focus policy so a click focuses it."""
    widgets = [w for w in (root, *root.findChildren(QWidget)) if isinstance(w, GUARDED)]
    for widget in widgets:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.removeEventFilter(guard)
        widget.installEventFilter(guard)
