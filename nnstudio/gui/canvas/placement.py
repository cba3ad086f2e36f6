"""Where new nodes go: grid snapping and free spots, so added or pasted cards never hide others.

Pure functions over model node dicts (positions are card centres).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from nnstudio.gui import theme

#: steps tried before giving up and accepting an overlap
_MAX_TRIES = 200


def snap(x: float, y: float) -> tuple[float, float]:
    step = theme.GRID_STEP
    return round(x / step) * step, round(y / step) * step


def overlaps(pos: tuple[float, float], nodes: Iterable[dict[str, Any]],
             size: tuple[float, float]) -> bool:
    """True when a card centred at `pos` would overlap a card of `nodes` (cards of `size`)."""
    w, h = size
    return any(abs(n["pos"][0] - pos[0]) < w and abs(n["pos"][1] - pos[1]) < h for n in nodes)


def free_spot(pos: tuple[float, float], nodes: list[dict[str, Any]],
              size: tuple[float, float]) -> tuple[float, float]:
    """`pos`, or the first spot below it where a card overlaps no other."""
    x, y = pos
    step = 2 * theme.GRID_STEP
    for _ in range(_MAX_TRIES):
        if not overlaps((x, y), nodes, size):
            break
        y += step
    return x, y


def paste_offset(fragment_nodes: list[dict[str, Any]], nodes: list[dict[str, Any]]
                 ) -> tuple[float, float]:
    """The smallest diagonal shift that puts no pasted card exactly on top of another."""
    taken = {(round(n["pos"][0]), round(n["pos"][1])) for n in nodes}
    step = 2 * theme.GRID_STEP
    for k in range(1, _MAX_TRIES):
        dx = dy = k * step
        if not any((round(n["pos"][0] + dx), round(n["pos"][1] + dy)) in taken
                   for n in fragment_nodes):
            return float(dx), float(dy)
    return float(step), float(step)
