"""The stage and the hovered formula in large type over the canvas's lower left corner, so
they read from the back of a lecture hall whatever the zoom (and while presenting, when the
step-through dock is hidden). Plain text only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QVBoxLayout, QWidget

from nnstudio.gui import theme

MARGIN = 12


def _tr(text: str) -> str:
    return QCoreApplication.translate("StepThrough", text)


class Caption(QWidget):
    """Two lines over the lower left of `view`'s viewport: the stage (bold) and the formula."""

    def __init__(self, view: QAbstractScrollArea):
        super().__init__(view.viewport())
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setObjectName("stepThroughCaption")
        self.setStyleSheet("#stepThroughCaption { background: rgba(255, 255, 255, 215); "
                           "border-radius: 6px; }")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.stage = QLabel()
        self.formula = QLabel()
        for label, bold, scale in ((self.stage, True, 1.3), (self.formula, False, 1.3)):
            label.setTextFormat(Qt.TextFormat.PlainText)
            font = QFont(label.font())
            font.setPointSizeF(font.pointSizeF() * scale)
            font.setBold(bold)
            label.setFont(font)
            label.setStyleSheet(f"color: {theme.TEXT_COLOUR}; background: transparent;")
        self.formula.setWordWrap(True)  # a long chain-rule sum wraps instead of running off
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.stage)
        layout.addWidget(self.formula)
        self.set_formula("")
        view.viewport().installEventFilter(self)
        self.hide()

    def set_stage(self, text: str) -> None:
        self.stage.setText(text)
        self._place()

    def set_formula(self, text: str) -> None:
        self.formula.setText(text or _tr("Hover a value or a weight to see its formula."))
        self._place()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.setMaximumWidth(max(100, parent.width() - 2 * MARGIN))
        self.adjustSize()
        self.move(MARGIN, parent.height() - self.height() - MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False
