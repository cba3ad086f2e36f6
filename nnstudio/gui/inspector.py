"""The inspector: edit the selected layer's parameters, or the design's name and description.

The fields are the shared parameter editors (`param_editors`), one per parameter.

Every accepted edit is one undoable `SetParams` (or `SetSection`); a value the catalogue refuses
is shown in red under its field and never reaches the model. The form follows the model, so an
undo shows up here at once.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core.catalog import (
    GROUP_COLOURS,
    NODE_TYPES,
    REQUIRED,
    ParamSpec,
    check_value,
)
from nnstudio.gui import theme
from nnstudio.gui.catalog_text import catalog_tr, layer_title, problem_tr
from nnstudio.gui.commands import SetParams, SetSection
from nnstudio.gui.model import DesignModel
from nnstudio.gui.network_text import network_problem_tr
from nnstudio.gui.param_editors import ParamEditor, make_editor
from nnstudio.gui.stepthrough.freeze import FreezeBox
from nnstudio.gui.summary import shape_text

_INVALID_STYLE = f"border: 2px solid {theme.ERROR_COLOUR}; border-radius: 3px;"


def _html(text: str) -> str:
    """`text` safe inside Qt rich text (which does not know &#x27;)."""
    return escape(text, quote=False)



# -- parsing what the user typed ------------------------------------------------------------------
class _WheelGuard(QObject):
    """Lets the mouse wheel scroll the inspector instead of changing an unfocused field."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) \
                and not watched.hasFocus():
            parent = watched.parentWidget()
            if parent is not None:
                QCoreApplication.sendEvent(parent, event)
                return True
        return False


# -- the pages -------------------------------------------------------------------------------------
def _wrapped(text: str = "", muted: bool = False, rich: bool = False) -> QLabel:
    """A word-wrapped, selectable label of plain `text` (problems quote node ids from the
    file), or of escaped rich text if `rich`."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setStyleSheet(f"color: {theme.MUTED_TEXT};")
    return label


class NodeForm(QWidget):
    """The form for one node: its type's teaching text, shape and problems, one field a param."""

    def __init__(self, model: DesignModel, undo_stack: QUndoStack, node_id: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.model, self.undo_stack, self.node_id = model, undo_stack, node_id
        node = model.node(node_id)
        self.spec = NODE_TYPES[node["type"]]
        self.editors: dict[str, ParamEditor] = {}
        self.errors: dict[str, QLabel] = {}
        self._guard = _WheelGuard(self)

        title = QLabel(f"<span style='font-size:{theme.BASE_FONT_PT + 5}pt; font-weight:600'>"
                       f"{_html(layer_title(self.spec.name))}</span>&nbsp;&nbsp;<span style='color:"
                       f"{theme.MUTED_TEXT}'>{_html(node_id)}</span>")
        bar = QFrame()
        bar.setFixedWidth(8)
        bar.setStyleSheet(f"background: {GROUP_COLOURS[self.spec.group]}; border-radius: 3px;")
        heading = QHBoxLayout()
        heading.addWidget(bar)
        heading.addWidget(title, 1)
        self.info = _wrapped()
        self.problems = _wrapped()
        self.problems.setStyleSheet(f"color: {theme.ERROR_COLOUR};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(_wrapped(f"<b>{_html(catalog_tr(self.spec.summary))}</b>", rich=True))
        layout.addWidget(_wrapped(catalog_tr(self.spec.help), muted=True))
        layout.addWidget(self.info)
        layout.addWidget(self.problems)
        if self.spec.params:
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for p in self.spec.params:
                form.addRow(self._label(p), self._field(p))
            line = QFrame()
            line.setFrameShape(QFrame.Shape.HLine)
            layout.addWidget(line)
            layout.addLayout(form)
        else:
            layout.addWidget(_wrapped(self.tr("This layer has no parameters."), muted=True))
        layout.addWidget(FreezeBox(model, undo_stack, node_id))
        layout.addStretch(1)
        self.refresh()
        model.nodeChanged.connect(self._on_node_changed)
        model.analysisChanged.connect(self.refresh_analysis)

    def _label(self, p: ParamSpec) -> QLabel:
        label = QLabel(p.name)
        label.setToolTip(catalog_tr(p.help))
        return label

    def _field(self, p: ParamSpec) -> QWidget:
        editor = make_editor(p)
        editor.committed.connect(self.commit)
        for child in [editor.widget, *editor.widget.findChildren(QWidget)]:
            if isinstance(child, QAbstractSpinBox | QComboBox):
                child.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                child.installEventFilter(self._guard)
        error = _wrapped()
        error.setStyleSheet(f"color: {theme.ERROR_COLOUR};")
        error.hide()
        self.editors[p.name], self.errors[p.name] = editor, error
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor.widget)
        column.addWidget(error)
        return box

    # -- model → form ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the node's current params (and clear any refused input)."""
        if not self.model.has_node(self.node_id):
            return
        params = self.model.node(self.node_id).get("params", {})
        for p in self.spec.params:
            value = params.get(p.name, p.default)
            if value is not REQUIRED:
                self.editors[p.name].load(value)
            self._set_error(p.name, None)
        self.refresh_analysis()

    def refresh_analysis(self) -> None:
        if not self.model.has_node(self.node_id):
            return
        analysis = self.model.analysis
        shape = analysis.shapes.get(self.node_id)
        parts = [self.tr("Output shape {shape}").format(shape=shape_text(shape))]
        if self.node_id in analysis.param_counts:
            parts.append(self.tr("{count} parameters").format(
                count=f"{analysis.param_counts[self.node_id]:,}"))
        self.info.setText("  ·  ".join(parts))
        problems = analysis.node_problems(self.node_id)
        self.problems.setText("\n".join(f"✖ {network_problem_tr(p)}" for p in problems))
        self.problems.setVisible(bool(problems))

    def _on_node_changed(self, node_id: str) -> None:
        if node_id == self.node_id:
            self.refresh()

    # -- form → model ---------------------------------------------------------------------------
    def commit(self, name: str) -> bool:
        """Validate the field `name`; push one SetParams if it changes the node."""
        if not self.model.has_node(self.node_id):
            return False
        p = self.spec.param(name)
        try:
            value = self.editors[name].value()
        except ValueError as exc:
            self._set_error(name, str(exc))
            return False
        problem = check_value(p, value)
        if problem:
            self._set_error(name, problem_tr(problem))
            return False
        self._set_error(name, None)
        old = self.model.node(self.node_id).get("params", {})
        new = dict(old)
        if not p.required and value == p.default:
            new.pop(name, None)
        else:
            new[name] = value
        if new == old:
            return False
        self.undo_stack.push(SetParams(self.model, self.node_id, new, self.tr(
            "Set {node} {param}").format(node=self.node_id, param=name)))
        return True

    def _set_error(self, name: str, message: str | None) -> None:
        label = self.errors[name]
        label.setText(message or "")
        label.setVisible(bool(message))
        target = self.editors[name].widget
        if isinstance(target, QComboBox | QLineEdit):
            target.setStyleSheet(_INVALID_STYLE if message else "")


class _DescriptionEdit(QPlainTextEdit):
    """A plain-text field that reports when the user leaves it."""

    editingFinished = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


class DesignForm(QWidget):
    """Nothing selected: the design's name and description, and how to get started."""

    def __init__(self, model: DesignModel, undo_stack: QUndoStack,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.model, self.undo_stack = model, undo_stack
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Untitled"))
        self.description = _DescriptionEdit()
        self.description.setPlaceholderText(self.tr("What this network shows, for the gallery"))
        self.description.setMinimumHeight(120)
        heading = QLabel(self.tr("Design"))
        heading.setStyleSheet(f"font-size: {theme.BASE_FONT_PT + 5}pt; font-weight: 600;")
        hint = _wrapped(self.tr(
            "Select a layer on the canvas to edit its settings.\n\n"
            "Drag layers from the palette onto the canvas, or double-click one to add it after "
            "the selected layer. Drag from a layer's output to another layer to connect them."),
            muted=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("Name")))
        layout.addWidget(self.name)
        layout.addWidget(QLabel(self.tr("Description")))
        layout.addWidget(self.description)
        layout.addSpacing(12)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.name.editingFinished.connect(self._commit_name)
        self.description.editingFinished.connect(self._commit_description)
        model.sectionChanged.connect(self._on_section)
        model.modelReset.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.name.setText(self.model.design.name)
        self.description.setPlainText(self.model.design.description)

    def _on_section(self, key: str) -> None:
        if key in ("name", "description"):
            self.refresh()

    def _commit_name(self) -> None:
        self.commit("name", self.name.text())

    def _commit_description(self) -> None:
        self.commit("description", self.description.toPlainText())

    def commit(self, key: str, text: str) -> bool:
        """One undoable SetSection when the text differs from the design's."""
        if text == (self.model.design.section(key) or ""):
            return False
        label = self.tr("Rename design") if key == "name" else self.tr("Edit description")
        self.undo_stack.push(SetSection(self.model, key, text, label))
        return True


class Inspector(QWidget):
    """Shows the design (nothing selected), one node's form, or how many nodes are selected."""

    def __init__(self, model: DesignModel, undo_stack: QUndoStack,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.model, self.undo_stack = model, undo_stack
        self.selection: list[str] = []
        self.form: NodeForm | None = None
        self.design_form = DesignForm(model, undo_stack)
        self.many = QLabel()  # rich text of the translator's, with a count in it
        self.many.setTextFormat(Qt.TextFormat.RichText)
        self.many.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.many.setWordWrap(True)
        self.node_page = QWidget()
        self._node_layout = QVBoxLayout(self.node_page)
        self._node_layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QStackedWidget()
        for page in (self.design_form, self.node_page, self.many):
            self.pages.addWidget(page)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.pages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(scroll)
        model.nodeRemoved.connect(self._on_node_removed)
        model.modelReset.connect(self.clear_selection)

    def clear_selection(self) -> None:
        self.set_selection([])

    def set_selection(self, ids: list[str]) -> None:
        """Follow the canvas selection."""
        ids = [i for i in ids if self.model.has_node(i)]
        if len(ids) == 1 and self.form is not None and self.form.node_id == ids[0] \
                and self.selection == ids:
            return
        self.selection = list(ids)
        self._drop_form()
        if not ids:
            self.design_form.refresh()
            self.pages.setCurrentWidget(self.design_form)
        elif len(ids) == 1:
            self.form = NodeForm(self.model, self.undo_stack, ids[0])
            self._node_layout.addWidget(self.form)
            self.form.show()
            self.pages.setCurrentWidget(self.node_page)
        else:
            self.many.setText(self.tr(
                "<p style='font-size:{pt}pt; font-weight:600'>{count} nodes selected</p>"
                "<p>Select a single layer to edit its settings.</p>").format(
                    pt=theme.BASE_FONT_PT + 5, count=len(ids)))
            self.pages.setCurrentWidget(self.many)

    def _drop_form(self) -> None:
        if self.form is not None:
            self.model.nodeChanged.disconnect(self.form._on_node_changed)
            self.model.analysisChanged.disconnect(self.form.refresh_analysis)
            self.form.hide()
            self.form.deleteLater()
            self.form = None

    def _on_node_removed(self, node_id: str) -> None:
        if node_id in self.selection:
            self.set_selection([i for i in self.selection if i != node_id])
