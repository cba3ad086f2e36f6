"""Marks on the loss curve: the best epoch and where early stopping ended training, and where
training diverged and which weights it went back to.

The facts come typed in the snapshots (`Snapshot.early_stopping`, `best_epoch`,
`stopped_early`, `divergences`); the marks are vertical lines on the loss plot's epoch axis
(step s at s / batches per epoch, as the per-step curve), each labelled in words, so they read
the same on a linear and a logarithmic loss axis. They never widen the plot's range.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication

from nnstudio.core.monitor import DivergenceMark, Snapshot
from nnstudio.gui.panels import style

BEST_COLOUR = "#2E7D32"
STOPPED_COLOUR = style.AXIS_COLOUR
DIVERGED_COLOUR = "#C62828"
#: where along the line (0 bottom, 1 top of the view) each kind of label sits
BEST_AT, STOPPED_AT, DIVERGED_AT = 0.93, 0.8, 0.67
#: successive divergence labels step down by this much, over this many rows, not to overlap
DIVERGED_STEP, DIVERGED_ROWS = 0.13, 3
MARKER_SIZE = 12


def _tr(text: str) -> str:
    return QCoreApplication.translate("LossMarks", text)


def short_number(value: float) -> str:
    """A loss in two significant digits, exponents without '+' or leading zeros: 3.2e4."""
    text = f"{value:.2g}"
    if "e" not in text:
        return text
    mantissa, exponent = text.split("e")
    return f"{mantissa}e{int(exponent)}"


def epoch_number(value: float) -> str:
    """An epoch on the axis (steps / batches per epoch), to three significant digits."""
    return f"{value:.3g}"


def best_text(epoch: int) -> str:
    return _tr("best: epoch {epoch}").format(epoch=epoch)


def stopped_text(patience: int, restored: bool) -> str:
    """Why training stopped, and whether the best epoch's weights came back."""
    text = (_tr("stopped: no improvement for 1 epoch") if patience == 1 else
            _tr("stopped: no improvement for {epochs} epochs").format(epochs=patience))
    return _tr("{stopped}; best weights restored").format(stopped=text) if restored else text


def diverged_text(mark: DivergenceMark, batches_per_epoch: int) -> str:
    """"diverged: loss 3.2e4 → restored epoch 5" (or the starting weights)."""
    loss = short_number(mark.loss)
    if mark.restored_step == 0:
        return _tr("diverged: loss {loss} → restored the starting weights").format(loss=loss)
    epoch = epoch_number(mark.restored_step / max(batches_per_epoch, 1))
    return _tr("diverged: loss {loss} → restored epoch {epoch}").format(loss=loss, epoch=epoch)


class LossMarks:
    """The early-stopping and divergence marks of one loss plot; `draw(snapshot)` with every
    snapshot, `clear()` with the curves."""

    def __init__(self, plot: pg.PlotItem):
        self.plot = plot
        self.best = self._line(BEST_COLOUR, BEST_AT)
        self.stopped = self._line(STOPPED_COLOUR, STOPPED_AT)
        #: (mark, its epoch on the axis, its line, its markers) for every divergence drawn
        self.divergences: list[tuple[DivergenceMark, float, pg.InfiniteLine,
                                     list[pg.PlotDataItem]]] = []
        self.clear()

    def _line(self, colour: str, position: float, dashed: bool = True) -> pg.InfiniteLine:
        """A vertical, unmovable, labelled line on the plot, outside its autorange."""
        line = pg.InfiniteLine(angle=90, movable=False, pen=style.pen(colour, style.THIN_LINE_WIDTH,
                                                                      dashed=dashed),
                               label="", labelOpts={"position": position, "color": colour})
        line.label.setFont(style.font(style.TICK_PT))
        self.plot.addItem(line, ignoreBounds=True)
        return line

    def _marker(self, x: float, y: float, symbol: str, filled: bool) -> pg.PlotDataItem:
        """A marker at (x epoch, y loss): a plot data item, so it follows the log scale."""
        item = pg.PlotDataItem([x], [y], pen=None, symbol=symbol,
                               symbolSize=style.scaled(MARKER_SIZE),
                               symbolPen=style.pen(DIVERGED_COLOUR, style.THIN_LINE_WIDTH),
                               symbolBrush=DIVERGED_COLOUR if filled else None)
        self.plot.addItem(item, ignoreBounds=True)
        return item

    # -- drawing -------------------------------------------------------------------------------
    def clear(self) -> None:
        """No marks (a new run)."""
        self.best.hide()
        self.stopped.hide()
        for _mark, _x, line, markers in self.divergences:
            for item in (line, *markers):
                self.plot.removeItem(item)
        self.divergences.clear()

    def draw(self, snapshot: Snapshot) -> None:
        """Show the marks `snapshot` (a core.monitor.Snapshot) knows of."""
        self._draw_early_stopping(snapshot)
        for mark in snapshot.divergences:
            self._add_divergence(mark, snapshot.batches_per_epoch)

    def _draw_early_stopping(self, snapshot: Snapshot) -> None:
        rule, best = snapshot.early_stopping, snapshot.best_epoch
        self._show(self.best, best, best_text(best) if best is not None else "")
        stopped = snapshot.epoch if rule is not None and snapshot.stopped_early else None
        text = stopped_text(rule.patience, rule.restore_best and best is not None) \
            if stopped is not None and rule is not None else ""
        self._show(self.stopped, stopped, text)

    @staticmethod
    def _show(line: pg.InfiniteLine, epoch: float | None, text: str) -> None:
        """Line at `epoch` labelled `text`, or hidden when epoch is None."""
        if epoch is None:
            line.hide()
            return
        line.show()  # first: a hidden line's label ignores new text
        line.setValue(epoch)
        if line.label.format != text:
            line.label.setFont(style.font(style.TICK_PT))  # the text scale may have changed
            line.label.setFormat(text)

    def _add_divergence(self, mark: DivergenceMark, batches_per_epoch: int) -> None:
        """A red line where it diverged, labelled with the loss and the epoch restored, a cross
        at the loss (when finite) and a ring at the restored weights' loss (when known)."""
        per_epoch = max(batches_per_epoch, 1)
        x = mark.step / per_epoch
        row = len(self.divergences) % DIVERGED_ROWS
        line = self._line(DIVERGED_COLOUR, DIVERGED_AT - DIVERGED_STEP * row, dashed=False)
        self._show(line, x, diverged_text(mark, batches_per_epoch))
        markers = []
        if math.isfinite(mark.loss) and mark.loss > 0:
            markers.append(self._marker(x, mark.loss, "x", filled=True))
        if math.isfinite(mark.restored_loss) and mark.restored_loss > 0:
            markers.append(self._marker(mark.restored_step / per_epoch, mark.restored_loss,
                                        "o", filled=False))
        self.divergences.append((mark, x, line, markers))
