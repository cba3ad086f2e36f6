"""A banner across the top of the canvas: what went wrong in training and what to try."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from nnstudio.gui import theme
from nnstudio.gui.training.worker import Divergence

_MARGIN = 12
_WARNING_COLOUR = "#B26A00"


def number_text(x: float) -> str:
    """A number as briefly as a lecturer would write it: 0.01, 3e-5, 1e6."""
    return f"{x:g}".replace("e+0", "e").replace("e+", "e").replace("e-0", "e-")


def loss_text(loss: float) -> str:
    """nan, inf or -inf as a reader expects them."""
    if math.isnan(loss):
        return "NaN"
    return "∞" if loss > 0 else "−∞"


class Banner(QFrame):
    """Floats over the top of `host` (the canvas), as wide as it; hidden until needed."""

    #: the user asked to divide the learning rate by ten
    divideLearningRate = Signal()

    def __init__(self, host: QWidget):
        super().__init__(host)
        self.setObjectName("trainingBanner")
        self.setAutoFillBackground(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.message.font())
        font.setPointSize(theme.BASE_FONT_PT + 2)
        self.message.setFont(font)
        self.action = QPushButton(self.tr("Learning rate ÷ 10"))
        self.action.setFont(font)
        self.action.clicked.connect(self.divideLearningRate)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(self.tr("Hide this message"))
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(_MARGIN + 4, _MARGIN, _MARGIN, _MARGIN)
        layout.setSpacing(_MARGIN)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.action, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        host.installEventFilter(self)
        self.hide()

    def show_divergence(self, divergence: Divergence) -> None:
        """The loss exploded: say when, blame the learning rate, offer to lower it."""
        self._style(theme.ERROR_COLOUR)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setText(self.tr(
            "<b>The loss became {loss} at epoch {epoch}</b> — the learning rate {lr} is too "
            "high. The last good weights were restored; lower the learning rate and press "
            "Play.").format(loss=loss_text(divergence.loss), epoch=divergence.epoch,
                            lr=number_text(divergence.learning_rate)))
        self.action.show()
        self._present()

    def show_warning(self, text: str) -> None:
        """A plain message, with no action to offer."""
        self._style(_WARNING_COLOUR)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setText(text)
        self.action.hide()
        self._present()

    def _style(self, colour: str) -> None:
        self.setStyleSheet(
            f"#trainingBanner {{ background: #FFF6F0; border: 3px solid {colour}; "
            f"border-radius: 8px; }} #trainingBanner QLabel {{ color: {theme.TEXT_COLOUR}; }}")

    def _present(self) -> None:
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        host = self.parentWidget()
        width = host.width() - 2 * _MARGIN
        self.setGeometry(_MARGIN, _MARGIN, width, self.heightForWidth(width)
                         if self.hasHeightForWidth() else self.sizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self._place()
        return False
