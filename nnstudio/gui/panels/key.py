"""A legend that sits in a panel's row of controls instead of on top of the curves."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from nnstudio.gui import scale
from nnstudio.gui.panels import style


@dataclass(frozen=True)
class KeyEntry:
    """One line of the key: how the curve is drawn, and what it is."""

    colour: str
    text: str
    thin: bool = False
    dashed: bool = False

    @property
    def swatch(self) -> str:
        """The line drawn in text: heavy, thin or dashed box-drawing strokes."""
        return "╍╍" if self.dashed else "──" if self.thin else "━━"


class LineKey(QLabel):
    """Swatches and names of the curves shown, as one line of text that wraps in a narrow
    dock; `set_entries` replaces them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.entries: tuple[KeyEntry, ...] = ()
        self.setWordWrap(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._follow_scale()
        scale.text_scale().changed.connect(self._follow_scale)

    def _follow_scale(self, *_: object) -> None:
        """The key's font size at the text scale."""
        points = style.scaled(style.LEGEND_PT)
        self.setStyleSheet(f"color: {style.TEXT_COLOUR}; font-size: {points:.1f}pt;"
                           f" padding-left: 12px; {scale.SCALED_MARK}")

    def set_entries(self, entries: tuple[KeyEntry, ...]) -> None:
        if entries == self.entries:
            return
        self.entries = entries
        self.setText("&nbsp;&nbsp; ".join(
            f'<span style="color: {e.colour}; font-weight: bold;">{e.swatch}</span>'
            f"&nbsp;{html.escape(e.text)}" for e in entries))

    @property
    def texts(self) -> list[str]:
        """The names listed, in order."""
        return [entry.text for entry in self.entries]
