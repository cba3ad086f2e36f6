"""Histograms over time on one value grid, for a heat map of a changing distribution.

Each histogram arrives with its own bin edges (they follow the values as they spread), so every
one is re-binned onto a shared grid of equal bins. The grid's range only grows: when values leave
it, it widens with a margin and the stored columns are re-binned onto the new grid once.
"""

from __future__ import annotations

import numpy as np

from nnstudio.gui.panels.series import BinnedSeries

#: a new range leaves this share of its width free on each side, so it does not grow every time
MARGIN = 0.15


def rebin_matrix(new_edges: np.ndarray, old_edges: np.ndarray) -> np.ndarray:
    """(new bins, old bins): the share of each old bin's mass that falls in each new bin,
    the mass spread evenly within a bin. new_edges (m + 1,), old_edges (k + 1,), increasing."""
    lo, width = old_edges[:-1], np.diff(old_edges)
    covered = np.clip((new_edges[:, None] - lo[None, :]) / width[None, :], 0.0, 1.0)
    return np.diff(covered, axis=0)


class DensityHistory:
    """Normalised histograms (each column sums to 1 over `bins` equal bins) at times x.

    Columns live in a `BinnedSeries` of `capacity`, so a long run keeps at most that many.
    """

    def __init__(self, bins: int = 64, capacity: int = 300):
        self.bins = bins
        self.columns = BinnedSeries(capacity, bins)
        self.edges: np.ndarray | None = None

    def clear(self) -> None:
        self.columns.clear()
        self.edges = None

    def add(self, x: float, counts: np.ndarray, edges: np.ndarray, lo: float, hi: float) -> None:
        """A histogram counts (k,) over edges (k + 1,) of values whose exact range is [lo, hi]
        (a constant tensor's histogram is spread over a made-up unit range; lo == hi says so)."""
        if not (np.isfinite(lo) and np.isfinite(hi)) or counts.sum() <= 0:
            return
        grid = self._cover(lo, hi)
        if hi > lo:
            column = rebin_matrix(grid, np.asarray(edges, np.float64)) @ counts
        else:
            column = np.zeros(self.bins)
            column[min(int(np.searchsorted(grid, lo, side="right")) - 1, self.bins - 1)] = 1
        self.columns.extend(np.array([x]), (column / column.sum())[None])

    def _cover(self, lo: float, hi: float) -> np.ndarray:
        """The grid's edges, grown if need be to contain [lo, hi] (what is stored re-binned)."""
        if self.edges is not None and self.edges[0] <= lo and hi <= self.edges[-1]:
            return self.edges
        if self.edges is not None:
            lo, hi = min(lo, self.edges[0]), max(hi, self.edges[-1])
        span = hi - lo if hi > lo else max(abs(lo) * 0.2, 1e-3)
        new = np.linspace(lo - MARGIN * span, hi + MARGIN * span, self.bins + 1)
        if self.edges is not None:
            self.columns.remap(rebin_matrix(new, self.edges))
        self.edges = new
        return new

    def image(self, resolution: int, last_width: float) -> tuple[np.ndarray, float, float]:
        """The history as an image (resolution, bins) on an even time axis, each column scaled
        to its peak (1), and the time span [start, end] it covers. A stored column (a mean of
        merged ones, at their mean time) covers the time since the column before it; the first
        one reaches back by one gap (not before time 0); a lone column is `last_width` wide.
        Empty history: a (0, bins) image."""
        x, y = self.columns.points()
        if not len(x):
            return np.zeros((0, self.bins)), 0.0, 0.0
        peak = y.max(axis=1, keepdims=True)
        y = y / np.where(peak > 0, peak, 1)
        # column i covers the time since the column before it, (x[i-1], x[i]]: the history
        # ends at the latest snapshot and starts at 0
        first = x[1] - x[0] if len(x) > 1 else last_width / 2
        start, end = max(min(0.0, float(x[0])), x[0] - first), x[-1] + last_width / 2
        times = start + (np.arange(resolution) + 0.5) * (end - start) / resolution
        index = np.minimum(np.searchsorted(x, times, side="left"), len(x) - 1)
        return y[index], float(start), float(end)
