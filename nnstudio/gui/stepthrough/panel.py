"""The step-through dock: the sample, Back / Next, where the step is, the hovered formula in
large type, the gradient check (analytic beside numerical, their relative error, ε) and a
weight or bias set by hand."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.trace import Trace
from nnstudio.gui.stepthrough.formulas import num

#: the central differences' steps offered
EPSILONS = (1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9)
DEFAULT_EPSILON_INDEX = 4


def _tr(text: str) -> str:
    return QCoreApplication.translate("StepThrough", text)


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class StepPanel(QWidget):
    """The controls and readouts of step-through mode (no state of its own beyond them)."""

    sampleChanged = Signal(int)
    epsilonChanged = Signal(float)
    nextRequested = Signal()
    backRequested = Signal()
    #: (parameter name, flat index, value): set this weight by hand
    weightEdited = Signal(str, int, float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sample = QSpinBox()
        self.sample.setRange(0, 0)
        self.sample.valueChanged.connect(self.sampleChanged)
        self.epsilon = QComboBox()
        for eps in EPSILONS:
            self.epsilon.addItem(f"{eps:g}", eps)
        self.epsilon.setCurrentIndex(DEFAULT_EPSILON_INDEX)
        self.epsilon.currentIndexChanged.connect(
            lambda i: self.epsilonChanged.emit(float(self.epsilon.itemData(i))))
        self.back = QPushButton(_tr("◀ Back"))
        self.next = QPushButton(_tr("Next ▶"))
        self.back.clicked.connect(self.backRequested)
        self.next.clicked.connect(self.nextRequested)
        self.stage = _plain(QLabel(_tr("Waiting for the network…")))
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.25)
        big.setBold(True)
        self.stage.setFont(big)
        self.formula = _plain(QLabel(_tr("Hover a value or a weight to see its formula.")))
        mono = QFont(self.font())
        mono.setPointSizeF(mono.pointSizeF() * 1.2)
        self.formula.setFont(mono)
        self.formula.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.check = QTableWidget(0, 4)
        self.check.setHorizontalHeaderLabels(
            [_tr("Parameter"), _tr("Analytic"), _tr("Numerical"), _tr("Rel. error")])
        self.check.verticalHeader().setVisible(False)
        self.check.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.check.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.param = QComboBox()
        self.index = QSpinBox()
        self.value = QDoubleSpinBox()
        self.value.setDecimals(4)
        self.value.setRange(-1e6, 1e6)
        self.value.setSingleStep(0.1)
        self.set_button = QPushButton(_tr("Set"))
        self.set_button.clicked.connect(self._emit_weight)
        self.param.currentIndexChanged.connect(self._show_weight)
        self.index.valueChanged.connect(self._show_weight)
        self._trace: Trace | None = None

        top = QFormLayout()
        top.addRow(_tr("Sample"), self.sample)
        top.addRow(_tr("ε (numerical gradient)"), self.epsilon)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        edit = QHBoxLayout()
        for widget in (self.param, self.index, self.value, self.set_button):
            edit.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.stage)
        layout.addWidget(self.formula)
        layout.addWidget(_plain(QLabel(_tr("Gradient check: analytic beside numerical"))))
        layout.addWidget(self.check, 1)
        layout.addWidget(_plain(QLabel(_tr("Set a weight or bias by hand (Ctrl+Z undoes)"))))
        layout.addLayout(edit)

    # -- showing ----------------------------------------------------------------------------
    def set_samples(self, count: int) -> None:
        """The training split has `count` samples (0: none loaded)."""
        self.sample.setRange(0, max(0, count - 1))

    def show_trace(self, trace: Trace) -> None:
        """The gradient check and the weight editor for a new trace."""
        self._trace = trace
        self.check.setRowCount(len(trace.params))
        for row, p in enumerate(trace.params.values()):
            err = p.relative_error
            first = (0,) * p.value.ndim
            cells = (p.name + (" ❄" if p.frozen else ""),
                     num(float(p.grad[first])) if p.grad.size else "",
                     "—" if p.numeric_grad is None or not p.grad.size
                     else num(float(p.numeric_grad[first])),
                     _tr("not computed") if err is None
                     else (f"{float(err.max()):.1e}" if err.size else ""))
            for col, text in enumerate(cells):
                self.check.setItem(row, col, QTableWidgetItem(text))
        names = list(trace.params)
        if [self.param.itemText(i) for i in range(self.param.count())] != names:
            self.param.blockSignals(True)
            self.param.clear()
            self.param.addItems(names)
            self.param.blockSignals(False)
        self._show_weight()

    def show_stage(self, text: str, first: bool, last: bool) -> None:
        self.stage.setText(text)
        self.back.setEnabled(not first)
        self.next.setEnabled(not last)

    def show_formula(self, text: str) -> None:
        self.formula.setText(text)

    def _show_weight(self) -> None:
        trace, name = self._trace, self.param.currentText()
        if trace is None or name not in trace.params:
            return
        value = trace.params[name].value
        self.index.blockSignals(True)
        self.index.setRange(0, max(0, value.size - 1))
        self.index.blockSignals(False)
        where = np.unravel_index(self.index.value(), value.shape) if value.ndim else ()
        self.index.setToolTip(f"{name}[{', '.join(str(int(i)) for i in where)}]")
        self.value.setValue(float(value.reshape(-1)[self.index.value()]))

    def _emit_weight(self) -> None:
        name = self.param.currentText()
        if name:
            self.weightEdited.emit(name, self.index.value(), self.value.value())
