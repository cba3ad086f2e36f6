"""Activations: every layer's output histogram on the probe batch, side by side, with its mean,
standard deviation and saturated (sigmoid, tanh) or dead (zero) share in the title."""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from nnstudio.gui.panels import style
from nnstudio.gui.panels.base import Panel

#: at most this many small plots in a row
MAX_COLUMNS = 5
TITLE_LINES = 3


def grid_columns(count: int) -> int:
    """Columns of a grid of `count` small plots: one row up to `MAX_COLUMNS`, then rows of
    equal length."""
    rows = max(1, math.ceil(count / MAX_COLUMNS))
    return max(1, math.ceil(count / rows))


class ActivationsPanel(Panel):
    """One histogram per node after the input (% of the probe batch's values per bin), their
    % axes linked so layers compare, coloured from cool (input side) to warm (output)."""

    title = style.TranslatedText(QT_TRANSLATE_NOOP("ActivationsPanel", "Activations"))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = style.graphics_widget()
        self.set_content(self.view)
        self.plots: list[pg.PlotItem] = []
        self.histograms: list[pg.PlotDataItem] = []
        self._layers: tuple[tuple[str, str | None], ...] = ()
        self.reset()

    # -- Panel ---------------------------------------------------------------------------------
    def reset(self) -> None:
        self._build(())
        self.show_message(self.tr("Press Play to train"))

    def draw(self, snapshot: Any) -> None:
        stats = snapshot.activations
        if not stats:
            return
        layers = tuple((s.node, s.activation) for s in stats)
        if layers != self._layers:
            self._build(layers)
        for plot, item, s in zip(self.plots, self.histograms, stats, strict=True):
            counts = s.histogram.counts
            item.setData(s.histogram.edges, 100.0 * counts / max(int(counts.sum()), 1),
                         stepMode="center")
            style.set_title(plot, self._title(s), TITLE_LINES)
        self.show_content()

    # -- helpers -------------------------------------------------------------------------------
    def _build(self, layers: tuple[tuple[str, str | None], ...]) -> None:
        """One small plot per (node, activation), in rows of `grid_columns`."""
        self.view.ci.clear()
        self.plots, self.histograms = [], []
        self._layers = layers
        columns = grid_columns(len(layers))
        for i, colour in enumerate(style.layer_colours(len(layers))):
            plot = self.view.ci.addPlot(row=i // columns, col=i % columns)
            style.style_plot(plot, "", self.tr("% of values") if i % columns == 0 else "")
            plot.showGrid(x=False, y=True, alpha=0.18)
            if self.plots:
                plot.setYLink(self.plots[0])
            item = plot.plot(stepMode="center", fillLevel=0, antialias=True,
                             pen=pg.mkPen(colour, width=2),
                             brush=style.translucent(colour.name(), 130))
            self.plots.append(plot)
            self.histograms.append(item)

    def _title(self, s: Any) -> str:
        """Three HTML lines: node and activation; mean and std; saturated or dead share."""
        name = s.node if s.activation in (None, "linear") else f"{s.node} · {s.activation}"
        spread = self.tr("μ {mean:.2f}  σ {std:.2f}").format(mean=s.mean, std=s.std)
        if s.saturated_fraction is not None:
            share = self.tr("saturated {share:.0%}").format(share=s.saturated_fraction)
        elif s.zero_fraction > 0:
            share = self.tr("dead {share:.0%}").format(share=s.dead_fraction)
        else:
            share = "&nbsp;"
        return f"<b>{name}</b><br>{spread}<br>{share}"
