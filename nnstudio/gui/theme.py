"""Sizes and colours chosen for a projector at the back of a lecture hall."""

from nnstudio.core.catalog import GROUP_COLOURS

#: application base font size in points (Qt's default is 9–10: too small for a projector)
BASE_FONT_PT = 12
#: node cards on the canvas
CARD_WIDTH = 190
CARD_TITLE_PT = 13
CARD_TEXT_PT = 11
CARD_RADIUS = 10
PORT_RADIUS = 7
GRID_STEP = 20

CANVAS_BACKGROUND = "#F7F7F9"
CANVAS_GRID = "#E4E4EA"
EDGE_COLOUR = "#5B6270"
SELECTION_COLOUR = "#2F80ED"
ERROR_COLOUR = "#D64545"
OK_COLOUR = "#2E9E5B"
TEXT_COLOUR = "#1F2430"
MUTED_TEXT = "#5F6675"
#: the two classes of a binary problem (and the first two of more), as TensorFlow Playground
CLASS_COLOURS = ("#F59322", "#0877BD", "#2E9E5B", "#B279A2", "#D64545", "#9D755D",
                 "#4C78A8", "#E1C340", "#72B7B2", "#7F7F7F")

__all__ = ["GROUP_COLOURS"]
