"""Each exercise kind laid out as it is done on paper, for the pupil sheet, the answer key and the digital sheet."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import singledispatch
from typing import Sequence

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from generators.lesson.document import (
    AgreeExercise, Answer, CaseExercise, ChoiceExercise, Exercise, ExerciseHead, FillInExercise, Gap,
    MatchExercise, OpenExercise, OrderExercise, ReflectionExercise, RichText, TrueFalseExercise,
)
from generators.pdf.chat import chat_flowables
from generators.pdf.style import Colours, HouseStyles, rich_markup, table_style, text_markup
from generators.worksheet.parts import AnswerArea, TickBox, WriteInBox, WritingLines

GAP_BLANK = "_" * 16
NOT_ON_SHEET = "Het verhaal zie of hoor je in de les."


def answer_paragraphs(answer: Answer, styles: HouseStyles) -> list[Flowable]:
    """A model answer and its points to listen for, in the answer colour (answer key and guide appendix)."""
    paragraphs: list[Flowable] = []
    if answer.text:
        paragraphs.append(Paragraph(rich_markup(answer.text), styles.answer))
    if answer.points:
        label = "Let op:" if answer.text else "Aandachtspunten:"
        paragraphs.append(Paragraph(f"<b>{label}</b>", styles.answer.clone("answer-label-space", spaceBefore=3)))
        paragraphs += [Paragraph(rich_markup(p), styles.answer_bullet, bulletText="•") for p in answer.points]
    return paragraphs


@dataclass
class Sheet:
    """What every layout function needs: styles, which version is drawn, line spacing, field names."""

    styles: HouseStyles
    answers: bool
    fillable: bool
    spacing: float
    width: float
    extra_lines: int = 0  # more room to write than the lesson asks (large print)
    used_names: set[str] = field(default_factory=set)

    def field(self, name: str) -> str | None:
        """A unique AcroForm field name in the digital version, else None."""
        if not self.fillable:
            return None
        if name in self.used_names:
            raise ValueError(f"field name used twice: {name}")
        self.used_names.add(name)
        return name

    @property
    def box(self) -> float:
        return max(4.2 * mm, self.styles.body_pt * 1.05)

    def para(self, markup: str, style=None) -> Paragraph:
        return Paragraph(markup, style or self.styles.body)

    def lines(self, count: int, answer: Answer | None, name: str) -> Flowable:
        """Writing lines for the pupil, a text field in the digital sheet, the answer in the key."""
        if not self.answers or answer is None:
            return WritingLines(count + self.extra_lines, self.spacing, self.field(name))
        return AnswerArea(answer_paragraphs(answer, self.styles), count * self.spacing)

    def note(self, label: str, rich: RichText | None) -> list[Flowable]:
        """An answer-key note (uitleg, bespreekpunten) in the answer colour; nothing on the pupil sheet."""
        if not self.answers or not rich:
            return []
        return [Spacer(1, 2), self.para(f"<b>{label}</b> {rich_markup(rich)}", self.styles.answer)]


def exercise_flowables(exercise: Exercise, sheet: Sheet, tail: Sequence[Flowable] = (),
                       last_part_mark: Flowable | None = None) -> list[Flowable]:
    """The exercise, kept on one page when it fits; one with several parts (a casus) may split between them.

    `tail` stays on the page of the exercise's last part (the sheet's help box after the last exercise);
    `last_part_mark` (a flowable without size) goes after the first flowable of that part, to learn on which page
    it starts. Why not first: a KeepTogether that misjudges its height draws a first flowable without size on the
    page before, and then breaks the page.
    Why: nested KeepTogethers report a huge height and always break the page, so the parts are
    chained with `keepWithNext` instead, which the document template groups into one unit each.
    """
    chunks = _layout(exercise, sheet)
    chunks[0] = _head(exercise.head, sheet) + chunks[0]
    chunks[-1] = chunks[-1][:1] + ([last_part_mark] if last_part_mark else []) + chunks[-1][1:] + list(tail)
    flat: list[Flowable] = []
    for chunk in chunks:
        for i, flowable in enumerate(chunk):
            flowable.keepWithNext = int(i < len(chunk) - 1)
            flat.append(flowable)
    return [KeepTogether(flat)] if len(chunks) == 1 else flat


def _head(head: ExerciseHead, sheet: Sheet) -> list[Flowable]:
    title = f"Opdracht {head.number}"
    if head.title:
        title += f"<font color='{Colours.ink.hexval()}'>&nbsp;&nbsp;{rich_markup(head.title)}</font>"
    heading = sheet.styles.heading.clone("exercise-heading", spaceBefore=sheet.styles.body_pt * 1.8)
    parts: list[Flowable] = [sheet.para(title, heading)]
    if head.instruction:
        parts.append(sheet.para(rich_markup(head.instruction), sheet.styles.instruction))
    return parts


def _table(rows, widths, extra=(), repeat=0) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=repeat, splitInRow=1, hAlign="LEFT")
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        *extra,
    ))
    return table


def _framed(content: list[Flowable], background, bar) -> Table:
    """A full-width box with a coloured bar on the left, for casus, word bank and reflection."""
    table = Table([[content]], colWidths=["100%"], splitInRow=1, hAlign="LEFT")
    table.setStyle(table_style(
        ("BACKGROUND", (0, 0), (-1, -1), background),
        ("LINEBEFORE", (0, 0), (0, -1), 3, bar),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
    ))
    return table


@singledispatch
def _layout(exercise, sheet: Sheet) -> list[list[Flowable]]:
    raise TypeError(f"no worksheet layout for {type(exercise).__name__}")


@_layout.register
def _(exercise: OpenExercise, sheet: Sheet):
    n = exercise.head.number
    return [[sheet.para(rich_markup(exercise.question)), Spacer(1, 2),
             sheet.lines(exercise.lines, exercise.answer, f"opdracht{n}")]]


@_layout.register
def _(exercise: ChoiceExercise, sheet: Sheet):
    n = exercise.head.number
    rows = []
    for i, option in enumerate(exercise.options):
        box = TickBox(sheet.box, sheet.answers and i in exercise.correct, sheet.field(f"opdracht{n}-{chr(65 + i)}"))
        rows.append([box, sheet.para(f"<b>{chr(65 + i)}</b>"), sheet.para(rich_markup(option))])
    table = _table(rows, [sheet.box + 8, sheet.styles.body_pt * 1.6, None])
    return [[sheet.para(rich_markup(exercise.question)), Spacer(1, 3), table, *sheet.note("Uitleg:", exercise.explanation)]]


def _two_column_statements(sheet: Sheet, n: int, labels: tuple[str, str], statements, ticks, notes) -> list[list[Flowable]]:
    column = max(17 * mm, sheet.styles.body_pt * 0.55 * max(len(label) for label in labels) + 6 * mm)
    header = [sheet.para("<b>Stelling</b>", sheet.styles.label)] + [
        sheet.para(f"<b>{text_markup(label)}</b>", sheet.styles.label.clone("label-centre", alignment=TA_CENTER))
        for label in labels
    ]
    rows = [header]
    for i, statement in enumerate(statements):
        cell: list[Flowable] = [sheet.para(f"{i + 1}.&nbsp;&nbsp;{rich_markup(statement)}")] + notes[i]
        boxes = [
            TickBox(sheet.box, ticks[i][k], sheet.field(f"opdracht{n}-{i + 1}-{k + 1}"))
            for k in range(2)
        ]
        rows.append([cell, *boxes])
    style = [
        ("ALIGN", (1, 0), (-1, -1), "CENTER"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, Colours.rule),
        ("BACKGROUND", (1, 0), (-1, 0), Colours.tint),
        ("BACKGROUND", (0, 0), (0, 0), Colours.tint),
        ("TOPPADDING", (0, 1), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 6),
    ]
    return [[_table(rows, [None, column, column], style, repeat=1)]]


@_layout.register
def _(exercise: TrueFalseExercise, sheet: Sheet):
    statements = [s.text for s in exercise.statements]
    ticks = [((s.is_true, not s.is_true) if sheet.answers else (False, False)) for s in exercise.statements]
    notes = [sheet.note("Uitleg:", s.explanation) for s in exercise.statements]
    return _two_column_statements(sheet, exercise.head.number, exercise.labels, statements, ticks, notes)


@_layout.register
def _(exercise: AgreeExercise, sheet: Sheet):
    statements = [s.text for s in exercise.statements]
    ticks = [(False, False)] * len(statements)
    notes = []
    for s in exercise.statements:
        items = []
        if sheet.answers and s.points:
            items = [Spacer(1, 2), sheet.para("<b>Bespreekpunten:</b>", sheet.styles.answer)]
            items += [Paragraph(rich_markup(p), sheet.styles.answer_bullet, bulletText="•") for p in s.points]
        notes.append(items)
    return _two_column_statements(sheet, exercise.head.number, exercise.labels, statements, ticks, notes)


@_layout.register
def _(exercise: MatchExercise, sheet: Sheet):
    n = exercise.head.number
    box_w = sheet.box * 1.7
    rows = []
    for i, (left, _) in enumerate(exercise.pairs):
        letter = chr(65 + exercise.shown_order.index(i))
        shown = exercise.pairs[exercise.shown_order[i]][1]
        rows.append([
            sheet.para(f"<b>{i + 1}</b>"), sheet.para(rich_markup(left)),
            WriteInBox(box_w, sheet.box * 1.4, letter if sheet.answers else None, sheet.field(f"opdracht{n}-{i + 1}"),
                       font_size=sheet.styles.body_pt),
            "",
            sheet.para(f"<b>{chr(65 + i)}</b>"), sheet.para(rich_markup(shown)),
        ])
    number_w = sheet.styles.body_pt * 1.6
    style = [("LINEBELOW", (0, 0), (2, -1), 0.5, Colours.rule), ("LINEBELOW", (4, 0), (5, -1), 0.5, Colours.rule)]
    left_chars = max(len(left.plain) for left, _ in exercise.pairs)
    right_chars = max(len(right.plain) for _, right in exercise.pairs)
    free = sheet.width - 2 * number_w - (box_w + 8) - 12 * mm
    left_w = free * min(0.62, max(0.32, left_chars / (left_chars + right_chars)))
    table = _table(rows, [number_w, left_w, box_w + 8, 12 * mm, number_w, free - left_w], style)
    return [[table]]


@_layout.register
def _(exercise: FillInExercise, sheet: Sheet):
    n = exercise.head.number
    style = sheet.styles.body.clone("fill-in", leading=max(sheet.styles.leading, sheet.spacing * 0.95))
    parts, gaps = [], 0
    for segment in exercise.segments:
        if isinstance(segment, Gap):
            gaps += 1
            number = f"<font size='{max(sheet.styles.min_pt, sheet.styles.body_pt * 0.75):.1f}' color='{Colours.muted.hexval()}'>({gaps})</font>&nbsp;"
            if sheet.answers:
                filled = f"<u><font color='{Colours.answer.hexval()}'><b>{text_markup(segment.answer)}</b></font></u>"
                parts.append(number + filled)
            else:
                parts.append(number + GAP_BLANK)
        else:
            parts.append(rich_markup(segment))
    chunk: list[Flowable] = [Paragraph("".join(parts), style)]
    if sheet.fillable:
        cells = []
        for g in range(1, gaps + 1):
            cells += [sheet.para(f"({g})", sheet.styles.label), WritingLines(1, sheet.spacing * 0.9, sheet.field(f"opdracht{n}-{g}"))]
        per_row = 3
        rows = [cells[i:i + per_row * 2] for i in range(0, len(cells), per_row * 2)]
        rows[-1] += [""] * (per_row * 2 - len(rows[-1]))
        chunk += [Spacer(1, 4), _table(rows, [8 * mm, None] * per_row)]
    if exercise.word_bank:
        # Why &nbsp; inside an item: a line break may fall between items, never inside "Chat met Fier".
        words = "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; ".join(
            f"<b>{text_markup(w).replace(' ', '&nbsp;')}</b>" for w in exercise.word_bank
        )
        bank = _framed([sheet.para("Kies uit:", sheet.styles.label), sheet.para(words)], Colours.tint, Colours.primary)
        chunk += [Spacer(1, 6), bank]
    return [chunk]


@_layout.register
def _(exercise: OrderExercise, sheet: Sheet):
    n = exercise.head.number
    rows = []
    for position, step_index in enumerate(exercise.shown_order):
        number = str(step_index + 1) if sheet.answers else None
        box = WriteInBox(sheet.box * 1.7, sheet.box * 1.5, number, sheet.field(f"opdracht{n}-{position + 1}"),
                         font_size=sheet.styles.body_pt)
        rows.append([box, sheet.para(rich_markup(exercise.steps[step_index]))])
    table = _table(rows, [sheet.box * 1.7 + 10, None], [("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)])
    return [[table, *sheet.note("Uitleg:", exercise.explanation)]]


@_layout.register
def _(exercise: CaseExercise, sheet: Sheet):
    n = exercise.head.number
    chunks = _case_text(exercise, sheet)
    chunks[-1].append(Spacer(1, 6))
    for i, question in enumerate(exercise.questions):
        letter = chr(97 + i)
        chunk = [
            _table([[sheet.para(f"<b>{letter}</b>"), sheet.para(rich_markup(question.question))]],
                   [sheet.styles.body_pt * 1.4, None], [("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")]),
            sheet.lines(question.lines, question.answer, f"opdracht{n}{letter}"),
            Spacer(1, 4),
        ]
        if i == 0:
            chunks[-1] += chunk
        else:
            chunks.append(chunk)
    return chunks


def _case_text(exercise: CaseExercise, sheet: Sheet) -> list[list[Flowable]]:
    """The story and the chat above the questions; left off the pupils' sheet only when the author chose so.

    Why in chunks: a page may break between two messages of a long chat; its first messages stay with the
    story and the exercise's heading, its last ones with the first question.
    """
    if not (exercise.on_sheet or sheet.answers):
        return [[sheet.para(NOT_ON_SHEET, sheet.styles.instruction)]]
    story: list[Flowable] = []
    if exercise.case:
        text = [sheet.para("Casus", sheet.styles.label)] + [sheet.para(rich_markup(p)) for p in exercise.case]
        story.append(_framed(text, Colours.tint_warm, Colours.accent))
    if not exercise.chat:
        return [story]
    heading = sheet.styles.label.clone("chat-label", spaceBefore=sheet.styles.body_pt * 0.6 if story else 0)
    bubbles = chat_flowables(exercise.chat, sheet.styles)
    story.append(sheet.para(f"Chat: {rich_markup(exercise.chat.title)}", heading))
    if len(bubbles) <= 4:
        return [story + bubbles]
    return [story + bubbles[:2], *([bubble] for bubble in bubbles[2:-2]), bubbles[-2:]]


@_layout.register
def _(exercise: ReflectionExercise, sheet: Sheet):
    n = exercise.head.number
    inner = [sheet.para(rich_markup(exercise.question), sheet.styles.body_bold), Spacer(1, 2),
             sheet.lines(exercise.lines, exercise.answer, f"opdracht{n}")]
    return [[_framed(inner, Colours.tint, Colours.primary)]]
