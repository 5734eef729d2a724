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
    """The parts of one planned slide, with or without their pictogram, and with the text of their `fill` boxes grown."""
    if parts[0].pictogram is not None and not all(_fits(p, text_boxes(boxes, True), measurer) for p in parts):
        parts = [replace(p, pictogram=None) for p in parts]
    if parts[0].fill:
        factor = min(_growth(p, text_boxes(boxes, p.pictogram is not None), measurer) for p in parts)
        parts = [_grown(p, factor) for p in parts]
    return [_with_height(p, boxes, measurer) for p in parts]


def _grown(slide: PlannedSlide, factor: float) -> PlannedSlide:
    return replace(slide, boxes=tuple(_scaled(paras, factor) if i in slide.fill else paras
                                      for i, paras in enumerate(slide.boxes)))


def _with_height(slide: PlannedSlide, boxes: tuple[TextBox, ...], measurer: Measurer) -> PlannedSlide:
    if slide.pictogram is None or not slide.boxes:
        return slide
    return replace(slide, text_height=measurer.height(slide.boxes[0], text_boxes(boxes, True)[0].width))


def _fits(slide: PlannedSlide, boxes: tuple[TextBox, ...], measurer: Measurer) -> bool:
    return all(
        measurer.fits(paras, box) and not any(measurer.too_long_words(p, box.width) for p in paras)
        for paras, box in zip(slide.boxes, boxes)
    )


def _growth(slide: PlannedSlide, boxes: tuple[TextBox, ...], measurer: Measurer) -> float:
    """The largest factor up to MAX_GROWTH at which the text of every `fill` box still fits, in whole-point steps."""
    sizes = [p.size for i in slide.fill if i < len(slide.boxes) for p in slide.boxes[i]]
    if not sizes:
        return 1.0
    base = min(sizes)
    best, size = 1.0, base + STEP_PT
    while size <= base * MAX_GROWTH and _fits(_grown(slide, size / base), boxes, measurer):
        best, size = size / base, size + STEP_PT
    return best


def _scaled(paras: tuple[Para, ...], factor: float) -> tuple[Para, ...]:
    return tuple(replace(p, size=round(p.size * factor), space_before=round(p.space_before * factor)) for p in paras)
