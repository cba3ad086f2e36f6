"""A banner across the top of the canvas: what went wrong in training and what to try."""

from __future__ import annotations

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from nnstudio.gui import theme
from nnstudio.gui.training.worker import Divergence, WorkerFailure

_MARGIN = 12
_WARNING_COLOUR = "#B26A00"


def number_text(x: float) -> str:
    """A number as briefly as a lecturer would write it: 0.01, 3e-5, 1e6."""
    return f"{x:g}".replace("e+0", "e").replace("e+", "e").replace("e-0", "e-")


def loss_text(loss: float) -> str:
    """nan, inf or -inf as a reader expects them; a finite loss to 4 significant digits."""
    if math.isnan(loss):
        return "NaN"
    if math.isfinite(loss):
        return number_text(float(f"{loss:.4g}"))
    return "∞" if loss > 0 else "−∞"


#: what the worker was doing when something raised (WorkerFailure.doing), in words
DOING = {
    "step": QT_TRANSLATE_NOOP("Banner", "a training step"),
    "record": QT_TRANSLATE_NOOP("Banner", "noting a step's statistics"),
    "snapshot": QT_TRANSLATE_NOOP("Banner", "computing the dashboards' pictures"),
    "predict": QT_TRANSLATE_NOOP("Banner", "classifying the drawing"),
    "save_weights": QT_TRANSLATE_NOOP("Banner", "saving the weights"),
    "set_data": QT_TRANSLATE_NOOP("Banner", "changing the data"),
    "load": QT_TRANSLATE_NOOP("Banner", "loading the design"),
}
SOMEWHERE = QT_TRANSLATE_NOOP("Banner", "the training thread")


def doing_text(doing: str) -> str:
    """WorkerFailure.doing in the user's language."""
    return QCoreApplication.translate("Banner", str(DOING.get(doing, SOMEWHERE)))


class Banner(QFrame):
    """Floats over the top of `host` (the canvas), as wide as it; hidden until needed."""

    #: the user chose the learning rate the banner offers
    learningRateChosen = Signal(float)

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
        self._offered = math.nan
        self.action = QPushButton()
        self.action.setFont(font)
        self.action.clicked.connect(lambda: self.learningRateChosen.emit(self._offered))
        self.copy = QPushButton(self.tr("Copy details"))
        self.copy.setFont(font)
        self.copy.setToolTip(self.tr("Put the technical details on the clipboard, to report "
                                     "the problem"))
        self.copy.clicked.connect(self._copy_details)
        self.details = ""
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
        layout.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        host.installEventFilter(self)
        self.hide()

    def show_divergence(self, divergence: Divergence) -> None:
        """The loss exploded: say when and what was restored, blame the learning rate, offer
        the one that was tried from there (or a tenth of it)."""
        self._style(theme.ERROR_COLOUR)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setText(self._divergence_text(divergence))
        lr = divergence.suggested_learning_rate
        self._offered = lr if lr is not None else float(f"{divergence.learning_rate / 10:.3g}")
        self.action.setText(self.tr("Use learning rate {lr}").format(
            lr=number_text(self._offered)) if lr is not None else self.tr("Learning rate ÷ 10"))
        self.action.show()
        self._show_details("")
        self._present()

    def _divergence_text(self, d: Divergence) -> str:
        lr = number_text(d.learning_rate)
        if d.blown_up:
            what = self.tr("<b>The loss rose to {loss} at epoch {epoch}</b>, far above its best: "
                           "the learning rate {lr} is too high.")
        else:
            what = self.tr("<b>The loss became {loss} at epoch {epoch}</b> — the learning rate "
                           "{lr} is too high.")
        what = what.format(loss=loss_text(d.loss), epoch=d.epoch, lr=lr)
        if d.restored_step == 0:
            restored = self.tr("The starting weights were restored.")
        elif math.isnan(d.restored_loss):
            restored = self.tr("The weights of step {step} were restored.").format(
                step=d.restored_step)
        else:
            restored = self.tr("The weights of step {step} (loss {loss}) were restored.").format(
                step=d.restored_step, loss=loss_text(d.restored_loss))
        if d.suggested_learning_rate is not None:
            advice = self.tr("The learning rate {lr} was tried from there and lowers the loss: "
                             "use it and press Play.").format(
                lr=number_text(d.suggested_learning_rate))
        else:
            advice = self.tr("Lower the learning rate and press Play.")
        return f"{what} {restored} {advice}"

    def show_failure(self, failure: WorkerFailure) -> None:
        """Something raised in the worker: say what it was doing and that training is paused
        with the weights kept; the traceback goes to the clipboard on request."""
        self._style(theme.ERROR_COLOUR)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setText(self.tr(
            "Training paused: something went wrong in {doing} ({problem}). The weights are "
            "kept; press Play to try again, or Copy details to report it.").format(
            doing=doing_text(failure.doing), problem=failure.summary))
        self.action.hide()
        self._show_details(failure.details)
        self._present()

    def show_warning(self, text: str) -> None:
        """A plain message, with no action to offer."""
        self._style(_WARNING_COLOUR)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setText(text)
        self.action.hide()
        self._show_details("")
        self._present()

    def _show_details(self, details: str) -> None:
        """Offer "Copy details" for `details`, or hide it when there are none."""
        self.details = details
        self.copy.setVisible(bool(details))

    def _copy_details(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.details)

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
        if host is None:
            return
        width = host.width() - 2 * _MARGIN
        self.setGeometry(_MARGIN, _MARGIN, width, self.heightForWidth(width)
                         if self.hasHeightForWidth() else self.sizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget():
            self._place()
        return False
