"""The race view: the variants' loss and accuracy curves overlaid, a colour and label each, and
a lane per variant (its decision boundary for 2-D data, epoch, steps/s, Pause and Remove).

The window only draws the worker's RaceSnapshots; every command goes to the RaceSession.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnstudio.core import probes
from nnstudio.design.document import Design
from nnstudio.design.race import MIN_VARIANTS, Variant
from nnstudio.gui.panels import style
from nnstudio.gui.panels.key import KeyEntry, LineKey
from nnstudio.gui.race.worker import EntrantView, RaceSession, RaceSnapshot
from nnstudio.gui.theme import CLASS_COLOURS
from nnstudio.gui.training.banner import Banner

#: a colour per variant, in race order (kept with the variant when another is removed)
RACE_COLOURS = ("#0877BD", "#F59322", "#2E9E5B", "#B279A2")
THUMBNAIL = 168


class RaceWindow(QWidget):
    """A race of `variants` of `design`, trained in its own thread while the window is open."""

    def __init__(self, design: Design, variants: Sequence[Variant],
                 parent: QWidget | None = None,
                 save: Callable[[Sequence[Variant]], None] | None = None):
        """`save`, when given, writes variants into the design (Save in Design)."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Race: {name}").replace("{name}", design.name))
        self.colours = {v.label: RACE_COLOURS[i % len(RACE_COLOURS)]
                        for i, v in enumerate(variants)}
        self.latest: RaceSnapshot | None = None
        self.problem: str | None = None
        self.variants = list(variants)
        self._overrides: dict[str, Variant] = {}  # by the label the race gave each variant
        self._save = save

        self.play_button = QPushButton(self.tr("Play"))
        self.play_button.clicked.connect(self.toggle)
        self.status = QLabel(self.tr("Building the variants…"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.key = LineKey()
        self.lines = QLabel(self.tr("solid: training · dashed: validation"))
        self.lines.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(self.tr("Save in Design"))
        self.save_button.setToolTip(self.tr("Save these variants in the design's race section, "
                                            "to open again with Training ▸ Open Saved Race"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setVisible(save is not None)
        self.save_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.play_button)
        top.addWidget(self.save_button)
        top.addWidget(self.status)
        top.addWidget(self.key, 1)
        top.addWidget(self.lines)

        self.loss_view = style.plot_widget(log_y=True)
        self.accuracy_view = style.plot_widget()
        loss, accuracy = self.loss_view.getPlotItem(), self.accuracy_view.getPlotItem()
        style.style_plot(loss, self.tr("epoch"), self.tr("loss"))
        style.style_plot(accuracy, self.tr("epoch"), self.tr("accuracy (%)"))
        accuracy.setYRange(-3, 105, padding=0)
        accuracy.enableAutoRange(y=False)
        accuracy.setXLink(loss)
        self.curves: dict[str, list] = {}
        plots = QHBoxLayout()
        plots.addWidget(self.loss_view, 1)
        plots.addWidget(self.accuracy_view, 1)

        self.lanes_row = QHBoxLayout()
        self.lanes: dict[str, Lane] = {}
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addLayout(plots, 1)  # the plots take the height the lanes leave
        column.addLayout(self.lanes_row)
        self.banner = Banner(self)

        self.session = RaceSession(self)
        self.session.snapshotReady.connect(self.draw)
        self.session.failed.connect(self._failed)
        self.session.loaded.connect(self._loaded)
        path = str(design.path) if design.path is not None else ""
        self.session.load.emit(design.to_dict(), path, list(variants))

    # -- commands ------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.latest is not None and self.latest.running

    def toggle(self) -> None:
        (self.session.pause if self.running else self.session.play).emit()

    def pause_variant(self, label: str, paused: bool) -> None:
        self.session.pause_variant.emit(self._index(label), paused)

    def remove_variant(self, label: str) -> None:
        self.session.remove_variant.emit(self._index(label))

    def save(self) -> None:
        """Write the variants still in the race into the design (as the race labels them)."""
        if self._save is not None and self.latest is not None:
            self._save([Variant.of(self._overrides[e.label].overrides, e.label)
                        for e in self.latest.entrants])

    def _index(self, label: str) -> int:
        labels = [e.label for e in self.latest.entrants] if self.latest else []
        return labels.index(label) if label in labels else -1

    def closeEvent(self, event: QCloseEvent) -> None:
        self.session.close()
        super().closeEvent(event)

    # -- reports -------------------------------------------------------------------------------
    def _loaded(self, problem: str) -> None:
        if problem:
            self.problem = problem
            self.status.setText(self.tr("The race cannot start."))
            self.banner.show_warning(problem)
            self.play_button.setEnabled(False)

    def _failed(self, message: str) -> None:
        self.problem = message
        self.banner.show_warning(self.tr("The race stopped: {message}")
                                 .replace("{message}", message))

    def draw(self, snapshot: RaceSnapshot) -> None:
        """Draw and paint `snapshot`, then, once the events the drawing posted (layouts,
        repaints) are handled, let the worker train on and send the next: it stands still
        meanwhile, as painting while it trains is slow for both."""
        try:
            self._draw(snapshot)
            self.repaint()
        finally:
            QTimer.singleShot(0, self, self.session.acknowledge.emit)

    def _draw(self, snapshot: RaceSnapshot) -> None:
        if self.latest is None:  # the race's labels, in the order of the variants
            self._overrides = {e.label: v for e, v in zip(snapshot.entrants, self.variants,
                                                          strict=True)}
        self.latest = snapshot
        self.save_button.setEnabled(len(snapshot.entrants) >= MIN_VARIANTS)
        self.play_button.setText(self.tr("Pause") if snapshot.running else self.tr("Play"))
        self.accuracy_view.setVisible(snapshot.classification)
        labels = {e.label for e in snapshot.entrants}
        for label in [k for k in self.lanes if k not in labels]:  # removed variants
            self.lanes.pop(label).deleteLater()
            for item in self.curves.pop(label, []):
                item.getViewBox().removeItem(item)
        for entrant in snapshot.entrants:
            self._draw_entrant(entrant, snapshot)
        self.key.set_entries(tuple(KeyEntry(self.colours[e.label], e.label)
                                   for e in snapshot.entrants))
        epochs = max((e.epoch for e in snapshot.entrants), default=0)
        self.status.setText(self.tr("epoch {n}").replace("{n}", str(epochs)))

    def _draw_entrant(self, entrant: EntrantView, snapshot: RaceSnapshot) -> None:
        colour = self.colours[entrant.label]
        if entrant.label not in self.curves:
            loss, accuracy = self.loss_view.getPlotItem(), self.accuracy_view.getPlotItem()
            self.curves[entrant.label] = [
                style.curve(loss, colour), style.curve(loss, colour, dashed=True),
                style.curve(accuracy, colour), style.curve(accuracy, colour, dashed=True)]
            lane = Lane(entrant.label, colour, self)
            self.lanes[entrant.label] = lane
            self.lanes_row.addWidget(lane)
        for i, item in enumerate(self.curves[entrant.label]):
            values = entrant.curves[:, i] * (100 if i >= 2 else 1)
            if np.isfinite(values).any():
                item.setData(entrant.epochs, values)
        self.lanes[entrant.label].draw(entrant, snapshot)


class Lane(QWidget):
    """One variant: its name in its colour, its boundary (2-D data), its counters, Pause and
    Remove."""

    def __init__(self, label: str, colour: str, window: RaceWindow):
        super().__init__()
        self.label = label
        self._points: QPixmap | None = None  # the training points, drawn once
        self.name = QLabel(label)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setWordWrap(True)
        self.name.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.picture = QLabel()
        self.picture.setFixedSize(THUMBNAIL + 6, THUMBNAIL + 6)
        self.picture.setStyleSheet(f"border: 3px solid {colour};")
        self.caption = QLabel(self.tr("gradient per layer (log scale, 1e-6 to 10)"))
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.caption.hide()
        self.counters = QLabel()
        self.counters.setTextFormat(Qt.TextFormat.PlainText)
        self.counters.setWordWrap(True)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(lambda on: window.pause_variant(label, on))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(lambda: window.remove_variant(label))
        buttons = QHBoxLayout()
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.remove_button)
        column = QVBoxLayout(self)
        column.addWidget(self.name)
        column.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.caption)
        column.addWidget(self.counters)
        column.addLayout(buttons)

    def draw(self, entrant: EntrantView, snapshot: RaceSnapshot) -> None:
        state = (self.tr("stopped: {why}").replace("{why}", entrant.error) if entrant.error
                 else self.tr("finished") if entrant.finished
                 else self.tr("paused") if entrant.paused else "")
        counters = (self.tr("epoch {epoch} · {rate} steps/s")
                    .replace("{epoch}", str(entrant.epoch))
                    .replace("{rate}", f"{entrant.steps_per_second:.0f}"))
        self.counters.setText(counters + (f"\n{state}" if state else ""))
        self.pause_button.blockSignals(True)
        self.pause_button.setChecked(entrant.paused)
        self.pause_button.blockSignals(False)
        self.pause_button.setEnabled(not entrant.finished and entrant.error is None)
        if entrant.grid is not None:
            if self._points is None and snapshot.points is not None \
                    and snapshot.labels is not None:
                self._points = points_pixmap(entrant.grid, snapshot.points, snapshot.labels)
            self.picture.setPixmap(boundary_pixmap(entrant.grid, self._points))
            self.picture.setToolTip(self.tr("Decision boundary"))
            self.caption.hide()
        else:
            self.caption.show()
            self.picture.setPixmap(gradient_pixmap(entrant.gradients))
            self.picture.setToolTip(self.tr("Gradient flow: each layer's gradient norm, on a "
                                            "log scale from 1e-6 to 10 (input first)"))


#: the class colours as RGB rows (classes, 3)
_RGB = np.array([[int(c[i:i + 2], 16) for i in (1, 3, 5)] for c in CLASS_COLOURS],
                dtype=np.float64)


def boundary_pixmap(grid: probes.DecisionGrid, points: QPixmap | None) -> QPixmap:
    """The grid's predicted class in pale class colours (regression: grey by value), with the
    `points` overlay on top, THUMBNAIL pixels a side."""
    if grid.predicted is not None and grid.confidence is not None:
        base = _RGB[grid.predicted % len(_RGB)]
        strength = np.clip((grid.confidence[..., None] - 0.5) * 1.6, 0.15, 0.8)
        rgb = 255 - strength * (255 - base)
    else:
        values = np.asarray(grid.values, dtype=np.float64)
        values = values if values.ndim == 2 else values[..., 0]
        span = np.ptp(values) or 1.0
        rgb = np.repeat((200 - 120 * (values - values.min()) / span)[..., None], 3, axis=2)
    image = np.ascontiguousarray(np.flipud(rgb).astype(np.uint8))
    res = image.shape[0]
    qimage = QImage(image.data, res, res, 3 * res, QImage.Format.Format_RGB888).copy()
    pixmap = QPixmap.fromImage(qimage).scaled(THUMBNAIL, THUMBNAIL)
    if points is not None:
        painter = QPainter(pixmap)
        painter.drawPixmap(0, 0, points)
        painter.end()
    return pixmap


def points_pixmap(grid: probes.DecisionGrid, points: np.ndarray, labels: np.ndarray
                  ) -> QPixmap | None:
    """Every second training point (n, 2) in its class colour (labels (n,)) on a transparent
    THUMBNAIL square over the grid's plane; None for regression."""
    if grid.predicted is None:
        return None
    pixmap = QPixmap(THUMBNAIL, THUMBNAIL)
    pixmap.fill(Qt.GlobalColor.transparent)
    x0, x1, y0, y1 = grid.xs[0], grid.xs[-1], grid.ys[0], grid.ys[-1]
    painter = QPainter(pixmap)
    painter.setPen(Qt.PenStyle.NoPen)
    for (px, py), label in zip(points[::2], labels[::2], strict=True):
        r, g, b = _RGB[int(label) % len(_RGB)]
        painter.setBrush(QColor(int(r), int(g), int(b)))
        u = (px - x0) / (x1 - x0) * THUMBNAIL
        v = (1 - (py - y0) / (y1 - y0)) * THUMBNAIL
        painter.drawEllipse(int(u) - 2, int(v) - 2, 4, 4)
    painter.end()
    return pixmap


#: the gradient bars' log10 range: the same for every variant, so lanes compare
GRADIENT_DECADES = (-6.0, 1.0)


def gradient_pixmap(flows: Sequence[probes.GradientFlow]) -> QPixmap:
    """A bar per weight layer (input first, top down), as long as log10 of its gradient's
    norm over GRADIENT_DECADES, named by its node id; THUMBNAIL pixels a side."""
    pixmap = QPixmap(THUMBNAIL, THUMBNAIL)
    pixmap.fill(QColor("white"))
    if not flows:
        return pixmap
    painter = QPainter(pixmap)
    lo, hi = GRADIENT_DECADES
    row = THUMBNAIL / len(flows)
    label_width = 34
    for i, flow in enumerate(flows):
        norm = flow.grad_norm
        share = 0.0 if not np.isfinite(norm) or norm <= 0 else \
            float(np.clip((np.log10(norm) - lo) / (hi - lo), 0.0, 1.0))
        top = int(i * row + row * 0.15)
        height = max(int(row * 0.7), 1)
        painter.fillRect(label_width, top, int(share * (THUMBNAIL - label_width - 4)), height,
                         QColor(style.TRAIN_COLOUR))
        painter.setPen(QColor(style.AXIS_COLOUR))
        painter.drawText(2, top, label_width - 4, height,
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         flow.node)
    painter.end()
    return pixmap
