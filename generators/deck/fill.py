"""Full slides: a pictogram stays only where the text still fits beside it, and little text grows to fill the room.

Why after splitting: a pictogram never makes a list need one slide more, and the parts of one list share a size.
"""

from __future__ import annotations

from dataclasses import replace

from generators.deck.measure import Measurer, TextBox
from generators.deck.model import Para, PlannedSlide
from generators.deck.room import text_boxes

MAX_GROWTH = 1.5  # the largest text is at most one and a half times its planned size
STEP_PT = 2.0  # grow in steps of this many points on the smallest paragraph


def fill_parts(parts: list[PlannedSlide], boxes: tuple[TextBox, ...], measurer: Measurer) -> list[PlannedSlide]:
    """The parts of one planned slide, with or without their pictogram, and with the text of the first box grown."""
    if parts[0].pictogram is not None and not all(_fits(p, text_boxes(boxes, True), measurer) for p in parts):
        parts = [replace(p, pictogram=None) for p in parts]
    if parts[0].fill and boxes:
        factor = min(_growth(p.boxes[0], text_boxes(boxes, p.pictogram is not None)[0], measurer) for p in parts)
        parts = [replace(p, boxes=(_scaled(p.boxes[0], factor),) + p.boxes[1:]) for p in parts]
    return [_with_height(p, boxes, measurer) for p in parts]


def _with_height(slide: PlannedSlide, boxes: tuple[TextBox, ...], measurer: Measurer) -> PlannedSlide:
    if slide.pictogram is None or not slide.boxes:
        return slide
    return replace(slide, text_height=measurer.height(slide.boxes[0], text_boxes(boxes, True)[0].width))


def _fits(slide: PlannedSlide, boxes: tuple[TextBox, ...], measurer: Measurer) -> bool:
    return all(
        measurer.fits(paras, box) and not any(measurer.too_long_words(p, box.width) for p in paras)
        for paras, box in zip(slide.boxes, boxes)
    )


def _growth(paras: tuple[Para, ...], box: TextBox, measurer: Measurer) -> float:
    """The largest factor up to MAX_GROWTH at which the paragraphs still fit, in whole-point steps."""
    if not paras:
        return 1.0
    base = min(p.size for p in paras)
    best, size = 1.0, base + STEP_PT
    while size <= base * MAX_GROWTH:
        scaled = _scaled(paras, size / base)
        if not measurer.fits(scaled, box) or any(measurer.too_long_words(p, box.width) for p in scaled):
            break
        best, size = size / base, size + STEP_PT
    return best


def _scaled(paras: tuple[Para, ...], factor: float) -> tuple[Para, ...]:
    return tuple(replace(p, size=round(p.size * factor), space_before=round(p.space_before * factor)) for p in paras)
