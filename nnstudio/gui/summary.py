"""The model summary: parameter count, input and output shapes, and whether it can train."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFormLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.layers.base import Shape
from nnstudio.gui import theme
from nnstudio.gui.model import DesignModel
from nnstudio.gui.network_text import network_problem_tr


def shape_text(shape: Shape | None) -> str:
    """The shape of one sample as a tuple, "(2,)" or "(1, 28, 28)"; "?" when unknown."""
    if shape is None:
        return "?"
    return "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


class ModelSummary(QWidget):
    """Always-visible facts about the network, from `model.analysis`; clicking the problem
    count asks for the first offending node (`nodeRequested`)."""

    nodeRequested = Signal(str)

    def __init__(self, model: DesignModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.parameters = QLabel()
        self.parameters.setStyleSheet(f"font-size: {theme.BASE_FONT_PT + 4}pt; "
                                      "font-weight: 600;")
        self.input_shape = QLabel()
        self.output_shape = QLabel()
        for label in (self.parameters, self.input_shape, self.output_shape):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QPushButton()
        self.status.setFlat(True)
        self.status.setCursor(Qt.CursorShape.PointingHandCursor)
        self.status.clicked.connect(self._request_first_problem)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.setResizeMode(QListView.ResizeMode.Adjust)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setStyleSheet(f"QListWidget {{ color: {theme.ERROR_COLOUR}; }}")
        self.problems.setToolTip(self.tr("Click a problem to select its layer"))
        self.problems.itemClicked.connect(self._on_problem_clicked)
        facts = QWidget()
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Parameters"), self.parameters)
        form.addRow(self.tr("Input"), self.input_shape)
        form.addRow(self.tr("Output"), self.output_shape)
        column = QVBoxLayout(facts)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addWidget(self.status, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        self._stretch = QWidget()
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.setSpacing(16)
        self._layout.addWidget(facts)
        self._layout.addWidget(self.problems, 1)
        self._layout.addWidget(self._stretch, 1)
        model.analysisChanged.connect(self.refresh)
        self.refresh()

    def set_orientation(self, orientation: Qt.Orientation) -> None:
        """Side by side (docked at the top or bottom) or stacked (docked left or right)."""
        self._layout.setDirection(QBoxLayout.Direction.LeftToRight
                                  if orientation == Qt.Orientation.Horizontal
                                  else QBoxLayout.Direction.TopToBottom)

    def refresh(self) -> None:
        a = self.model.analysis
        self.parameters.setText(f"{a.total_parameters:,}")
        self.input_shape.setText(shape_text(a.shapes.get(a.input_id)) if a.input_id else "—")
        self.output_shape.setText(shape_text(a.shapes.get(a.output_id)) if a.output_id else "—")
        if not self.model.nodes:
            self._set_status(self.tr("Empty: drag layers onto the canvas"), theme.MUTED_TEXT)
        elif a.ok:
            self._set_status(self.tr("✔ ready to train"), theme.OK_COLOUR)
        else:
            count = len(a.problems)
            text = self.tr("✖ 1 problem") if count == 1 else self.tr("✖ {count} problems")
            self._set_status(text.format(count=count), theme.ERROR_COLOUR)
        self.problems.clear()
        listed = a.problems if self.model.nodes else []
        for node, message in listed:
            message = network_problem_tr(message)
            item = QListWidgetItem(f"{node}: {message}" if node else message)
            item.setData(Qt.ItemDataRole.UserRole, node)
            self.problems.addItem(item)
        self.problems.setVisible(bool(listed))
        self._stretch.setVisible(not listed)

    def first_problem_node(self) -> str | None:
        return next((node for node, _ in self.model.analysis.problems
                     if node and self.model.has_node(node)), None)

    def _set_status(self, text: str, colour: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {colour}; font-weight: 600; text-align: left;"
                                  f"font-size: {theme.BASE_FONT_PT + 1}pt; padding: 2px;")
        self.status.setEnabled(self.first_problem_node() is not None)

    def _on_problem_clicked(self, item: QListWidgetItem) -> None:
        node = item.data(Qt.ItemDataRole.UserRole)
        if node and self.model.has_node(node):
            self.nodeRequested.emit(node)

    def _request_first_problem(self) -> None:
        node = self.first_problem_node()
        if node is not None:
            self.nodeRequested.emit(node)
