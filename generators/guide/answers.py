"""The guide's answer appendix: per worksheet exercise only what a teacher checks against, in the answer colour.

Why not the answer key's own layout: that is the pupil sheet with its answer boxes and writing
space filled in, three to four pages per guide that were mostly empty boxes, and a tenth of a
guide's render time. The filled-in sheet is in every pack as its own file; the guide lists the answers.
"""

from __future__ import annotations

from functools import singledispatch

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from generators.guide.parts import Guide, minor_heading
from generators.lesson.document import (
    AgreeExercise, CaseExercise, ChoiceExercise, Exercise, FillInExercise, Gap, MatchExercise,
    OpenExercise, OrderExercise, ReflectionExercise, RichText, TrueFalseExercise,
)
from generators.pdf.style import Colours, rich_markup, text_markup
from generators.worksheet.exercises import answer_paragraphs


def exercise_answers(guide: Guide, exercise: Exercise) -> Flowable:
    """One exercise: its number and title, then its answers; kept on one page."""
    title = f"Opdracht {exercise.head.number}"
    if exercise.head.title:
        title += f"<font color='{Colours.ink.hexval()}'>&nbsp;&nbsp;{rich_markup(exercise.head.title)}</font>"
    # Why only the author's own: the usual instruction of a kind says nothing a teacher needs here
    instruction = [guide.para(rich_markup(exercise.head.instruction), guide.styles.instruction)] \
        if exercise.head.own_instruction else []
    return KeepTogether([minor_heading(guide, title), *instruction, *_answers(exercise, guide)])


def _question(guide: Guide, question: RichText, prefix: str = "") -> Paragraph:
    return guide.para(prefix + rich_markup(question), guide.styles.body.clone("answers-question", spaceBefore=2))


def _note(guide: Guide, label: str, rich: RichText | None, *, under_item: bool = False) -> list[Flowable]:
    style = _under_item(guide, guide.styles.answer) if under_item else guide.styles.answer
    return [Paragraph(f"<b>{label}</b> {rich_markup(rich)}", style)] if rich else []


def _under_item(guide: Guide, style):
    """The style moved right by a numbered item's indent, for what belongs to that item."""
    step = guide.styles.body_pt * 1.5
    return style.clone(f"{style.name}-under-item", leftIndent=style.leftIndent + step, bulletIndent=style.bulletIndent + step)


def _numbered(guide: Guide, number: int, markup: str) -> Paragraph:
    style = guide.styles.bullet.clone("answers-numbered", leftIndent=guide.styles.body_pt * 1.5, spaceBefore=2)
    return Paragraph(markup, style, bulletText=f"{number}.")


def _arrow(answer_markup: str) -> str:
    """Why the no-break space: the arrow never ends a line on its own."""
    return f"<font color='{Colours.answer.hexval()}'>&nbsp;\u2192 {answer_markup}</font>"


def _letter(index: int) -> str:
    return chr(65 + index)


@singledispatch
def _answers(exercise, guide: Guide) -> list[Flowable]:
    raise TypeError(f"no answer layout for {type(exercise).__name__}")


@_answers.register(OpenExercise)
@_answers.register(ReflectionExercise)
def _(exercise: OpenExercise | ReflectionExercise, guide: Guide):
    return [_question(guide, exercise.question), *answer_paragraphs(exercise.answer, guide.styles)]


@_answers.register
def _(exercise: CaseExercise, guide: Guide):
    story: list[Flowable] = [guide.para(rich_markup(p)) for p in exercise.case]
    if exercise.chat:
        story.append(guide.para(f"Bij de chat <b>{rich_markup(exercise.chat.title)}</b>; het hele gesprek staat in "
                                "het lesverloop, onder 'Op de dia's'."))
    if not exercise.on_sheet:
        story.append(guide.para("Dit verhaal staat niet op het werkblad van de leerlingen.", guide.styles.instruction))
    for i, question in enumerate(exercise.questions):
        story.append(_question(guide, question.question, f"<b>{chr(97 + i)}</b>&nbsp;&nbsp;"))
        story += answer_paragraphs(question.answer, guide.styles)
    return story


@_answers.register
def _(exercise: ChoiceExercise, guide: Guide):
    right = [f"<b>{_letter(i)}</b>&nbsp;&nbsp;{rich_markup(exercise.options[i])}" for i in exercise.correct]
    label = "Goed:" if len(right) == 1 else "Goed zijn:"
    return [
        _question(guide, exercise.question),
        *(Paragraph(rich_markup(option), guide.styles.bullet, bulletText=_letter(i))
          for i, option in enumerate(exercise.options)),
        Paragraph(f"<b>{label}</b> " + "; ".join(right), guide.styles.answer),
        *_note(guide, "Uitleg:", exercise.explanation),
    ]


@_answers.register
def _(exercise: TrueFalseExercise, guide: Guide):
    true_label, false_label = exercise.labels
    story: list[Flowable] = []
    for i, statement in enumerate(exercise.statements, 1):
        verdict = true_label if statement.is_true else false_label
        story.append(_numbered(guide, i, rich_markup(statement.text) + _arrow(f"<b>{text_markup(verdict)}</b>")))
        story += _note(guide, "Uitleg:", statement.explanation, under_item=True)
    return story


@_answers.register
def _(exercise: AgreeExercise, guide: Guide):
    story: list[Flowable] = []
    for i, statement in enumerate(exercise.statements, 1):
        story.append(_numbered(guide, i, rich_markup(statement.text)))
        if statement.points:
            story.append(Paragraph("<b>Bespreekpunten:</b>", _under_item(guide, guide.styles.answer)))
            bullet = _under_item(guide, guide.styles.answer_bullet)
            story += [Paragraph(rich_markup(p), bullet, bulletText="•") for p in statement.points]
    return story


@_answers.register
def _(exercise: MatchExercise, guide: Guide):
    story: list[Flowable] = []
    for i, (left, right) in enumerate(exercise.pairs):
        letter = _letter(exercise.shown_order.index(i))
        story.append(_numbered(guide, i + 1, rich_markup(left) + _arrow(f"<b>{letter}</b> ({rich_markup(right)})")))
    return story


@_answers.register
def _(exercise: FillInExercise, guide: Guide):
    parts, gaps = [], 0
    for segment in exercise.segments:
        if isinstance(segment, Gap):
            gaps += 1
            parts.append(f"<font color='{Colours.muted.hexval()}'>({gaps})</font>&nbsp;"
                         f"<u><font color='{Colours.answer.hexval()}'><b>{text_markup(segment.answer)}</b></font></u>")
        else:
            parts.append(rich_markup(segment))
    story = [guide.para("".join(parts), guide.styles.body.clone("answers-fill-in", spaceBefore=2))]
    answers = {segment.answer for segment in exercise.segments if isinstance(segment, Gap)}
    extra = [word for word in exercise.word_bank if word not in answers]
    if extra:
        words = ", ".join(text_markup(word) for word in extra)
        story.append(guide.para(f"<b>Ook in de woordbank</b> (passen in geen gat): {words}"))
    return story


@_answers.register
def _(exercise: OrderExercise, guide: Guide):
    story: list[Flowable] = [Paragraph("<b>De goede volgorde:</b>", guide.styles.answer)]
    story += [_numbered(guide, i, rich_markup(step)) for i, step in enumerate(exercise.steps, 1)]
    return story + _note(guide, "Uitleg:", exercise.explanation)
