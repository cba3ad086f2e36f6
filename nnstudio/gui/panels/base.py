"""What every dashboard panel is: a plot area that gives way to a message when it is empty,
and says where it belongs on the dashboard (`Placement`)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from nnstudio.core.monitor import Snapshot
from nnstudio.data import Dataset
from nnstudio.gui.panels import style

log = logging.getLogger(__name__)
#: characters of an exception's message a failing panel shows in place of its plots
MAX_ERROR_CHARS = 200


class Column(IntEnum):
    """The dashboard's default columns under the canvas, left to right."""

    #: how training goes: the loss, the confusion matrix
    TRAINING = 0
    #: what the network makes of the data: the decision boundary, the fitted curve, samples
    DATA = 1
    #: inside the network: weights, gradients, filters, feature maps
    NETWORK = 2


@dataclass(frozen=True)
class Placement:
    """Where a panel class belongs on the dashboard.

    `lesson_id` names the panel in lessons' steps (one of nnstudio.design.lesson.PANELS),
    `order` sorts the panels (dashboard order: `create_panels`, the View menu), `column` is its
    default column, and `front_for` lists the kinds of data (`Dataset.kind`) for which it is
    brought to the front of its column ("" for data of a kind no panel names).
    """

    lesson_id: str
    order: int
    column: Column
    front_for: frozenset[str] = frozenset()


#: every panel class that declares its placement, in the order their modules were imported
_REGISTERED: list[type[Panel]] = []


def panel_types() -> list[type[Panel]]:
    """The dashboard's panel classes, in dashboard order."""
    import nnstudio.gui.panels  # noqa: F401  (the package imports every panel module)

    return sorted(_REGISTERED, key=lambda kind: kind.placement.order)


def front_panel_type(kind: str) -> type[Panel] | None:
    """The panel class brought to the front for data of `kind` (else the one for "")."""
    types = panel_types()
    return next((t for t in types if kind in t.placement.front_for), None) or \
        next((t for t in types if "" in t.placement.front_for), None)


class Panel(QWidget):
    """Base of the panels.

    Subclasses set `title` (a `style.TranslatedText`), `probes` and `placement`, put their
    plots in a widget given to `set_content`, and implement `draw(snapshot)` and `reset()`.
    A class that declares its own `placement` is a dashboard panel (`panel_types`); one
    without (a shared base such as the prediction tiles) is not. `show_snapshot` clears the
    panel first when the snapshot belongs to another run (Snapshot.run), so two runs never mix
    in one plot even if nobody called `clear()`. A panel whose drawing raises shows a short
    error in place of its plots and logs the traceback; the other panels carry on.
    """

    title: str
    #: the Snapshot probes the panel draws (see Snapshot.fresh): while training runs, it is
    #: only given snapshots that refresh one of them; None: every snapshot
    probes: frozenset[str] | None = None
    #: where the panel goes on the dashboard; declared by every dashboard panel class
    placement: ClassVar[Placement]
    #: the size the plots are legible at, from the back of a lecture hall
    PREFERRED_SIZE = QSize(560, 400)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "placement" in cls.__dict__:
            _REGISTERED.append(cls)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._stack = QStackedLayout(self)
        self._message = QLabel()
        self._message.setTextFormat(Qt.TextFormat.PlainText)  # messages quote files' strings
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._message_points = style.MESSAGE_PT
        self._message.setStyleSheet(style.message_css(self._message_points))
        self._stack.addWidget(self._message)
        self._content: QWidget | None = None
        self._run: int | None = None
        #: the message of the exception the last drawing raised, or None
        self.failure: str | None = None

    # -- the interface the main window uses ----------------------------------------------------
    def show_snapshot(self, snapshot: Snapshot) -> None:
        """Draw the latest nnstudio.core.monitor.Snapshot (GUI thread, up to 30 times a second)."""
        if snapshot.run != self._run:
            self.clear()
            self._run = snapshot.run
        self.guarded(lambda: self.draw(snapshot))

    def receive_data(self, dataset: Dataset | None) -> None:
        """`set_data(dataset)`, failing the way a drawing fails: in place, the others go on."""
        self.guarded(lambda: self.set_data(dataset))

    def guarded(self, work: Callable[[], object]) -> None:
        """Run `work` (a drawing or new data); if it raises, show a short error in place of the
        plots instead, and log the traceback once per distinct error."""
        failure = run_guarded(work, self.failure, type(self).__name__)
        if failure is None:
            self._recover()
        else:
            self.failure = failure
            self.show_message(self._failure_message())

    def _recover(self) -> None:
        """After work that succeeded: take the error text of an earlier failure away."""
        if self.failure is not None and self.message == self._failure_message():
            self.show_content()
        self.failure = None

    def _failure_message(self) -> str:
        return QCoreApplication.translate(
            "Panel", "This panel could not draw the latest snapshot: {error}").format(
            error=self.failure)

    def clear(self) -> None:
        """Forget the training run (after a reset or for a new design)."""
        self._run = None
        self.reset()

    def set_data(self, dataset: Dataset | None) -> None:
        """The design's nnstudio.data.Dataset, or None; most panels do not need it."""

    def applies(self, dataset: Dataset) -> bool:
        """Whether the panel has something to show for this nnstudio.data.Dataset (the window
        hides the panels that have not, until other data come)."""
        return True

    def sizeHint(self) -> QSize:
        return self.PREFERRED_SIZE

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Shrink the empty-state message with the panel, so a small dock shows all of it."""
        super().resizeEvent(event)
        points = style.message_points(event.size())
        if points != self._message_points:
            self._message_points = points
            self._message.setStyleSheet(style.message_css(points))

    # -- for subclasses ------------------------------------------------------------------------
    def draw(self, snapshot: Snapshot) -> None:
        raise NotImplementedError

    def reset(self) -> None:
        raise NotImplementedError

    def set_content(self, widget: QWidget) -> None:
        """The page shown when there is something to draw."""
        self._content = widget
        self._stack.addWidget(widget)

    def show_message(self, text: str) -> None:
        """Show `text` instead of the plots."""
        self._message.setText(text)
        self._stack.setCurrentWidget(self._message)

    def show_content(self) -> None:
        if self._content is not None:
            self._stack.setCurrentWidget(self._content)

    @property
    def message(self) -> str | None:
        """The empty-state text on show, or None when the plots are."""
        return self._message.text() if self._stack.currentWidget() is self._message else None


def run_guarded(work: Callable[[], object], last_failure: str | None, who: str) -> str | None:
    """Run `work`; None if it returned, else the short text of the exception it raised (its
    traceback logged, unless `last_failure` already was that text: once, not every frame)."""
    try:
        work()
    except Exception as error:  # one failing panel must not stop the rest
        text = f"{type(error).__name__}: {error}"[:MAX_ERROR_CHARS]
        if text != last_failure:
            log.exception("The %s panel could not draw a snapshot", who)
        return text
    return None


def is_fresh(snapshot: Snapshot, probe: str) -> bool:
    """Whether the snapshot's `probe` field was computed for it (see Snapshot.fresh) rather than
    carried over from the previous snapshot."""
    return probe in snapshot.fresh
