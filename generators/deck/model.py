"""The deck plan: slides as plain values (layout name, title, paragraphs, notes), before any pptx exists.

Why: like pandoc's Powerpoint writer, converting the lesson (what goes on which slide) is kept apart
from writing XML, so the plan can be measured, split and tested without python-pptx.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from generators.deck.chat_model import ChatPlan
from generators.lesson.document import Run

NO_BULLET, BULLET, NUMBER = "geen", "punt", "nummer"
LETTER = "letter"  # a quiz option: its letter (A for number 1) in bold, then a tab to the hanging indent


@dataclass(frozen=True)
class Para:
    """One paragraph: runs with their own bold/italic, one size, a bullet style and space above."""

    runs: tuple[Run, ...]
    size: float
    bullet: str = NO_BULLET
    number: int = 1
    space_before: float = 0.0
    source: str | None = None  # a fact's source: the slide shows it in a line at the bottom ('Bron: ...')

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class PlannedImage:
    path: Path
    alt: str


@dataclass(frozen=True)
class PlannedSlide:
    """`boxes` fill the layout's text placeholders in reading order (top to bottom, left to right).

    `flow` names the box that may continue on a next slide; its first `lead` paragraphs repeat on
    every part, and at most `max_items` of the others go on one slide.
    """

    layout: str
    title: str
    boxes: tuple[tuple[Para, ...], ...]
    notes: tuple[str, ...] = ()
    activity: int | None = None
    image: PlannedImage | None = None
    flow: int | None = None
    lead: int = 0
    max_items: int | None = None
    title_size: float = 40.0
    pictogram: PlannedImage | None = None  # beside the first box, when the text still fits there (deck_fill)
    fill: tuple[int, ...] = ()  # the boxes whose text may grow to fill the room, all by one factor (deck_fill)
    text_height: float = 0.0  # the first box's text as measured (deck_fill), to set the pictogram level with it
    chat: ChatPlan | None = None  # a conversation drawn as bubbles below the title (layout 'Chat')

    def with_box(self, index: int, paras: tuple[Para, ...], title: str) -> "PlannedSlide":
        boxes = self.boxes[:index] + (paras,) + self.boxes[index + 1:]
        return replace(self, boxes=boxes, title=title)


@dataclass(frozen=True)
class DeckMeta:
    title: str
    subject: str
    author: str
    keywords: str
    lesson_id: str
    series: str
    audience: str


@dataclass(frozen=True)
class DeckPlan:
    meta: DeckMeta
    slides: tuple[PlannedSlide, ...]
    problems: tuple["FitProblem", ...] = field(default=())


@dataclass(frozen=True)
class FitProblem:
    """Something that still does not fit after splitting: where (activity, slide title) and what."""

    slide_title: str
    activity: int | None
    message: str
