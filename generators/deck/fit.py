"""Fit a deck plan to the template: split long content over continuation slides, report what still overflows."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from generators.deck.chat_layout import fit_chat
from generators.deck.fill import fill_parts
from generators.deck.measure import LINE_HEIGHT, Measurer, TextBox
from generators.deck.model import FitProblem, Para, PlannedSlide
from generators.deck.room import text_boxes
from generators.deck.template import LayoutGeometry
from generators.lesson.document import Run


def fit_slides(
    slides: tuple[PlannedSlide, ...], geometry: dict[str, LayoutGeometry], measurer: Measurer
) -> tuple[tuple[PlannedSlide, ...], tuple[FitProblem, ...]]:
    fitted: list[PlannedSlide] = []
    chat_problems: list[FitProblem] = []
    for slide in slides:
        if slide.chat is not None:
            parts, found = fit_chat(slide, geometry[slide.layout].area, measurer)
            fitted.extend(parts)
            chat_problems += [FitProblem(slide.title, slide.activity, message) for message in dict.fromkeys(found)]
        else:
            layout = geometry[slide.layout]
            fitted.extend(fill_parts(_split(slide, layout, measurer), layout.boxes, measurer))
    fitted = _unique_titles(fitted)
    problems = [p for slide in fitted for p in _problems(slide, geometry[slide.layout], measurer)]
    return tuple(fitted), tuple(chat_problems + problems)


def _chunks(items: tuple[Para, ...], limit: int | None) -> list[tuple[Para, ...]]:
    """At most `limit` items a slide, spread evenly (5 + 1 becomes 3 + 3)."""
    if not limit or len(items) <= limit:
        return [items]
    parts = math.ceil(len(items) / limit)
    size = math.ceil(len(items) / parts)
    return [items[i:i + size] for i in range(0, len(items), size)]


def _split(slide: PlannedSlide, layout: LayoutGeometry, measurer: Measurer) -> list[PlannedSlide]:
    if slide.flow is None:
        return [slide]
    box = layout.boxes[slide.flow]
    paras = slide.boxes[slide.flow]
    lead, items = paras[:slide.lead], paras[slide.lead:]
    parts: list[tuple[Para, ...]] = []
    for chunk in _chunks(items, slide.max_items):
        while chunk:
            take = len(chunk)
            while take > 1 and not measurer.fits(lead + chunk[:take], box):
                take -= 1
            parts.append(chunk[:take])
            chunk = chunk[take:]
    if len(parts) <= 1:
        return [slide]
    parts = _balanced(parts, lead, box, measurer)
    total = len(parts)
    return [
        slide.with_box(slide.flow, lead + part, f"{slide.title} ({n}/{total})")
        for n, part in enumerate(parts, start=1)
    ]


def _balanced(parts: list[tuple[Para, ...]], lead: tuple[Para, ...], box: TextBox,
              measurer: Measurer) -> list[tuple[Para, ...]]:
    """The same number of parts with the items spread evenly (6 + 1 becomes 4 + 3), when each part still fits."""
    items = tuple(p for part in parts for p in part)
    even = _chunks(items, math.ceil(len(items) / len(parts)))
    if len(even) == len(parts) and all(measurer.fits(lead + part, box) for part in even):
        return even
    return parts


def _unique_titles(slides: list[PlannedSlide]) -> list[PlannedSlide]:
    """Last safety net: a title that still repeats gets ' (2)', ' (3)', ..."""
    seen: Counter[str] = Counter()
    out = []
    for slide in slides:
        seen[slide.title] += 1
        if seen[slide.title] > 1:
            slide = replace(slide, title=f"{slide.title} ({seen[slide.title]})")
        out.append(slide)
    return out


def _problems(slide: PlannedSlide, layout: LayoutGeometry, measurer: Measurer) -> list[FitProblem]:
    found = []

    def problem(message: str) -> None:
        found.append(FitProblem(slide.title, slide.activity, message))

    if not title_fits(slide.title, slide.title_size, layout.title, measurer):
        problem("De titel past niet in het titelvak. Maak de titel korter.")
    boxes = text_boxes(layout.boxes, slide.pictogram is not None)
    for index, paras in enumerate(slide.boxes):
        if not paras:
            continue
        box = boxes[index]
        for para in paras:
            for word in measurer.too_long_words(para, box.width):
                problem(f"Het woord '{word}' is breder dan het tekstvak; het wordt midden in het woord afgebroken.")
        needed = measurer.height(paras, box.width)
        if needed > box.height:
            percent = round(100 * (needed - box.height) / box.height)
            problem(
                f"De tekst past niet op de dia: {percent}% te lang, ook na het verdelen over meer dia's. "
                "Maak de tekst korter of verdeel hem over meer dia's in het lesbestand."
            )
    return found


def title_fits(title: str, size: float, box: TextBox, measurer: Measurer) -> bool:
    lines = measurer.lines(Para((Run(title, bold=True),), size), box.width)
    return lines * size * LINE_HEIGHT <= box.height
