"""Fit a chat to slides: bubbles sized to their text, each turn labelled with its sender, continued on next slides.

Every text of a chat (messages, names, times, part headings) is set at the plan's one size, the audience's body
size: a name or a time that the back row cannot read is no help.
"""

from __future__ import annotations

from dataclasses import replace

from generators.deck.chat_model import DIVIDER, ChatPlan, ChatRow, PlacedRow, Rect
from generators.deck.measure import LINE_HEIGHT, WIDTH_MARGIN, Measurer
from generators.deck.model import Para, PlannedSlide
from generators.lesson.document import Run

PAD_X, PAD_Y = 0.45, 0.12  # room inside a bubble, as a share of the type size
RADIUS = 0.4  # a bubble's rounded corners, as a share of the type size
CORNER_INSET = 0.29289  # Why: a rounded rectangle keeps its text this share of the radius away from each edge
GAP_TURN, GAP_SAME = 0.3, 0.12  # between two turns, between two bubbles of one sender
LABEL_GAP = 0.35  # between a name and its bubble
LABEL_SHARE = 0.2  # the widest a column of names may be, as a share of the chat's width
BUBBLE_SHARE = 0.88  # the widest a bubble may be, as a share of the room between the name columns
NOTES_HEAD = "Het gesprek op deze dia:"


def fit_chat(slide: PlannedSlide, area: Rect, measurer: Measurer) -> tuple[list[PlannedSlide], list[str]]:
    """The chat's slides, each with its rows placed in `area`, and what does not fit (Dutch, per problem)."""
    chat = slide.chat
    layout = _Layout(chat, area, measurer)
    pages = [page for part in _parts(chat.rows) for page in _balanced(part, layout)]
    problems = [problem for row in chat.rows for problem in layout.word_problems(row)]
    if any(layout.height(placed) > area.height for page in pages for placed in page):
        problems.append("Een bericht in de chat is te lang voor één dia. Maak het korter, of verdeel het over "
                        "twee berichten.")
    total = len(pages)
    slides = []
    for number, rows in enumerate(pages, start=1):
        title = slide.title if total == 1 else f"{slide.title} ({number}/{total})"
        lines = tuple(placed.row.line for placed in rows)
        part = replace(chat, rows=tuple(placed.row for placed in rows), placed=tuple(rows))
        slides.append(replace(slide, title=title, chat=part, notes=slide.notes + (NOTES_HEAD, *lines)))
    return slides, problems


def _parts(rows: tuple[ChatRow, ...]) -> list[list[ChatRow]]:
    """The rows split where a part of the chat starts a new slide."""
    parts: list[list[ChatRow]] = []
    for row in rows:
        if row.new_slide or not parts:
            parts.append([])
        parts[-1].append(row)
    return parts


def _balanced(rows: list[ChatRow], layout: "_Layout") -> list[list[PlacedRow]]:
    """As few slides as the part needs, filled about evenly: nine messages become 5 + 4, not 8 + 1."""
    pages = _pack(rows, layout, layout.area.height)
    if len(pages) < 2:
        return pages
    limit = layout.area.height * (len(pages) - 1) / len(pages)
    while limit < layout.area.height:
        trial = _pack(rows, layout, limit)
        if len(trial) == len(pages):
            return trial
        limit += layout.size / 2
    return pages


def _pack(rows: list[ChatRow], layout: "_Layout", limit: float) -> list[list[PlacedRow]]:
    """Rows placed top down, a new slide whenever the next row would reach below `limit`."""
    pages: list[list[PlacedRow]] = []
    current: list[PlacedRow] = []
    for row in rows:
        bottom = current[-1].box.y - layout.area.y + layout.height(current[-1]) if current else 0.0
        placed = layout.place(row, current, bottom)
        if current and placed.box.y - layout.area.y + layout.height(placed) > limit:
            pages.append(current)
            current = []
            placed = layout.place(row, current, 0.0)
        current.append(placed)
    return pages + ([current] if current else [])


class _Layout:
    """Sizes that hold for the whole chat: the columns for the names left and right, and the widest bubble."""

    def __init__(self, chat: ChatPlan, area: Rect, measurer: Measurer):
        self.chat, self.area, self.measurer = chat, area, measurer
        self.size = chat.size
        self.line = self.size * LINE_HEIGHT
        corner = CORNER_INSET * RADIUS * self.size
        self.pad_x, self.pad_y = PAD_X * self.size + corner, PAD_Y * self.size + corner
        self.left_column = self._column([r for r in chat.rows if r.sender is not None and not r.right])
        self.right_column = self._column([r for r in chat.rows if r.sender is not None and r.right])
        self.max_bubble = (area.width - self.left_column - self.right_column) * BUBBLE_SHARE

    def _column(self, rows: list[ChatRow]) -> float:
        widths = [self.measurer.width(row.sender, self.size, bold=True) for row in rows if row.sender]
        if not widths:
            return 0.0
        # Why twice the margin: the name's box is measured with the same margin again, and must stay one line
        return min(max(widths) / WIDTH_MARGIN ** 2 + LABEL_GAP * self.size, self.area.width * LABEL_SHARE)

    def _text_box(self, runs: tuple[Run, ...], widest: float) -> tuple[float, float]:
        """Width and height of a bubble for `runs`: as narrow as one line allows, else `widest` and wrapped."""
        inner = widest - 2 * self.pad_x
        natural = sum(self.measurer.width(r.text, self.size, r.bold, r.italic) for r in runs)
        if natural <= inner * WIDTH_MARGIN:
            return natural / WIDTH_MARGIN + 2 * self.pad_x, self.line + 2 * self.pad_y
        lines = self.measurer.lines(Para(runs, self.size), inner)
        return widest, lines * self.line + 2 * self.pad_y

    def place(self, row: ChatRow, current: list[PlacedRow], bottom: float) -> PlacedRow:
        previous = current[-1].row if current else None
        opens_turn = previous is None or previous.sender != row.sender
        gap = 0.0 if previous is None else (GAP_SAME if not opens_turn else GAP_TURN) * self.size
        top = self.area.y + bottom + gap
        if row.kind == DIVIDER:
            width, height = self._text_box(row.runs, self.area.width * BUBBLE_SHARE)
            return PlacedRow(row, Rect(self.area.x + (self.area.width - width) / 2, top, width, height))
        width, height = self._text_box(row.bubble_runs, self.max_bubble)
        lines = (row.sender,) if opens_turn and row.sender else ()
        column = self.right_column if row.right else self.left_column
        label = None
        if lines:
            label_width = column - LABEL_GAP * self.size
            label_x = self.area.x + self.area.width - label_width if row.right else self.area.x
            label = Rect(label_x, top + self.pad_y, label_width, self._label_height(lines, label_width))
        x = self.area.x + self.area.width - self.right_column - width if row.right else self.area.x + self.left_column
        return PlacedRow(row, Rect(x, top, width, height), label, lines)

    def _label_height(self, lines: tuple[str, ...], width: float) -> float:
        return sum(self.measurer.lines(Para((Run(text, bold=True),), self.size), width) for text in lines) * self.line

    def height(self, placed: PlacedRow) -> float:
        """The row's height: its bubble, or its label when a long name or a time makes that taller."""
        label = placed.label.height + self.pad_y if placed.label else 0.0
        return max(placed.box.height, label)

    def word_problems(self, row: ChatRow) -> list[str]:
        widest = self.area.width * BUBBLE_SHARE if row.kind == DIVIDER else self.max_bubble
        words = self.measurer.too_long_words(Para(row.bubble_runs, self.size), widest - 2 * self.pad_x)
        return [f"Het woord '{word}' is breder dan een tekstballon in de chat; het wordt midden in het woord "
                "afgebroken." for word in words]
