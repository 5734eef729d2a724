"""A chat in the deck plan: its rows before fitting, and after fitting each row's place on the slide, in points."""

from __future__ import annotations

from dataclasses import dataclass

from generators.lesson.document import MESSAGE, Run

DIVIDER = "kop"  # a row that is a part's heading, centred between the bubbles


@dataclass(frozen=True)
class ChatRow:
    """A message bubble on its side, or a divider; `new_slide` makes the row start a slide (a new part)."""

    runs: tuple[Run, ...]
    line: str  # the row as plain text, for the speaker notes and the screen reader's description
    sender: str | None = None
    time: str | None = None
    right: bool = False
    kind: str = MESSAGE  # MESSAGE, PHOTO, DELETED or DIVIDER
    new_slide: bool = False

    @property
    def bubble_runs(self) -> tuple[Run, ...]:
        """What the bubble shows: the message, and its time at the end as on a phone."""
        return self.runs + ((Run(f"  {self.time}"),) if self.time else ())


@dataclass(frozen=True)
class Rect:
    """A box in points from the slide's top left corner."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class PlacedRow:
    """A row fitted on its slide: the bubble (or divider) and, at the start of a turn, the label with name and time."""

    row: ChatRow
    box: Rect
    label: Rect | None = None
    label_lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChatPlan:
    """One chat, or after fitting the part of it on one slide (`placed`); every text at `size` points."""

    title: str
    rows: tuple[ChatRow, ...]
    size: float
    placed: tuple[PlacedRow, ...] = ()

    @property
    def lines(self) -> tuple[str, ...]:
        return tuple(row.line for row in self.rows)
