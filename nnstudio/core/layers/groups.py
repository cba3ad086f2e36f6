"""The palette groups, in the palette's order, and the colour of each group's swatch and cards.

A layer module names its group with one of these constants (`NodeType.group`).
"""

from __future__ import annotations

CORE = "Core"
ACTIVATIONS = "Activations"
CONVOLUTION = "Convolution"
REGULARISATION = "Regularisation"
MERGE = "Merge"
SEQUENCE = "Sequence"

#: every group in the palette's order, with its colour
GROUP_COLOURS = {
    CORE: "#4C78A8",
    ACTIVATIONS: "#F58518",
    CONVOLUTION: "#54A24B",
    REGULARISATION: "#B279A2",
    MERGE: "#9D755D",
    SEQUENCE: "#72B7B2",
}
GROUPS = tuple(GROUP_COLOURS)
