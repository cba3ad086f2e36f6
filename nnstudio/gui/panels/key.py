"""A legend that sits in a panel's row of controls instead of on top of the curves."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from nnstudio.gui.panels import style

SWATCH = QSize(34, 16)


@dataclass(frozen=True)
class KeyEntry:
    """One line of the key: how the curve is drawn, and what it is."""

    colour: str
    text: str
    width: float = style.LINE_WIDTH
    dashed: bool = False


class Swatch(QWidget):
    """A short stretch of line drawn with the curve's own pen."""

    def __init__(self, entry: KeyEntry, parent: QWidget | None = None):
        super().__init__(parent)
        self.entry = entry
        self.setFixedSize(SWATCH)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(style.pen(self.entry.colour, self.entry.width, self.entry.dashed))
        y = self.height() / 2
        p.drawLine(QPointF(2, y), QPointF(self.width() - 2, y))
        p.end()


class LineKey(QWidget):
    """Swatches and names of the curves shown, in one row; `set_entries` replaces them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(12, 0, 0, 0)
        self._row.setSpacing(6)
        self.entries: tuple[KeyEntry, ...] = ()
        # a narrow dock cuts the key short rather than the key widening the dock
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_entries(self, entries: tuple[KeyEntry, ...]) -> None:
        if entries == self.entries:
            return
        self.entries = entries
        while self._row.count():
            widget = self._row.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for i, entry in enumerate(entries):
            label = QLabel(entry.text)
            label.setStyleSheet(f"color: {style.TEXT_COLOUR}; font-size: {style.LEGEND_PT}pt;")
            self._row.addWidget(Swatch(entry))
            self._row.addWidget(label)
            if i < len(entries) - 1:
                self._row.addSpacing(12)
        self._row.setAlignment(Qt.AlignmentFlag.AlignLeft)

    @property
    def texts(self) -> list[str]:
        """The names listed, in order."""
        return [entry.text for entry in self.entries]
