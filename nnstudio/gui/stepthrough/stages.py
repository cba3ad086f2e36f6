"""The stages of one step, in the order step-through walks them: every node forward, the
loss, every node backward (in reverse order), the update."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

FORWARD, LOSS, BACKWARD, UPDATE = "forward", "loss", "backward", "update"


@dataclass(frozen=True)
class Stage:
    """One stage: `phase` (FORWARD, LOSS, BACKWARD or UPDATE) and, forward and backward, the
    node it is at."""

    phase: str
    node: str | None = None


def stages(order: Sequence[str]) -> list[Stage]:
    """The stages for nodes in topological `order`: 2·len(order) + 2 of them."""
    return [*(Stage(FORWARD, n) for n in order), Stage(LOSS),
            *(Stage(BACKWARD, n) for n in reversed(order)), Stage(UPDATE)]


def reached(all_stages: Sequence[Stage], position: int) -> tuple[set[str], set[str]]:
    """The nodes whose output, and those whose gradient, the first `position` + 1 stages
    have shown."""
    shown = all_stages[:position + 1]
    return ({s.node for s in shown if s.phase == FORWARD and s.node is not None},
            {s.node for s in shown if s.phase == BACKWARD and s.node is not None})
