"""Where a pictogram stands beside a slide's first text box, and how much room that leaves the text (in points).

Why one module: fitting measures the text in the room that the writer later gives it; both ask here.
"""

from __future__ import annotations

from generators.deck.measure import TextBox

PICTOGRAM_MAX_PT = 180.0  # 2.5 inch: clear from the back of a classroom, still smaller than the text beside it
GAP_PT = 28.0
TEXT_SHARE = 0.6  # the text keeps at least this part of the box's width


def pictogram_side(box: TextBox) -> float:
    """The pictogram's width and height: a square at the right of the box, never taller than the box."""
    return max(min(PICTOGRAM_MAX_PT, box.height, box.width * (1 - TEXT_SHARE) - GAP_PT), 0.0)


def beside_pictogram(box: TextBox) -> TextBox:
    """The room left for the text when the pictogram stands in the same box."""
    return TextBox(box.width - pictogram_side(box) - GAP_PT, box.height)


def text_boxes(boxes: tuple[TextBox, ...], with_pictogram: bool) -> tuple[TextBox, ...]:
    """The room of each text box of a layout; the first is narrower when a pictogram stands beside it."""
    if not with_pictogram or not boxes:
        return boxes
    return (beside_pictogram(boxes[0]),) + boxes[1:]
