"""'Op de dia's' in the guide's lesson plan: everything an activity's slides show, so a teacher can teach from paper.

Case texts and chats in full, quotes, both columns of a contrast, statements, quiz questions with every option
and the answer, and each image with its alt text; what to listen for in a discussion in the answer colour.
"""

from __future__ import annotations

from functools import singledispatch

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from generators.guide.parts import Guide, minor_heading, rich_bullets
from generators.lesson.document import (
    Activity, BulletSlide, CaseSlide, ChatSlide, DiscussionSlide, FactSlide, ImageSlide, QuizSlide, QuoteSlide,
    SourcedText, StatementSlide, TwoColumnSlide,
)
from generators.pdf.chat import chat_flowables
from generators.pdf.style import Colours, rich_markup, table_style, text_markup

HEADING = "Op de dia's"
KEEP_BUBBLES = 3  # messages of a chat kept on the page of its title


def slide_contents(guide: Guide, activity: Activity) -> list[Flowable]:
    """One block per slide, in the order of the deck; a long chat may continue on the next page."""
    blocks = [_title(guide, slide.title) + _content(slide, guide) for slide in activity.slides]
    if not blocks:
        return []
    blocks[0].insert(0, minor_heading(guide, HEADING))
    story: list[Flowable] = []
    for block in blocks:
        story += [KeepTogether(block[:KEEP_BUBBLES + 2]), *block[KEEP_BUBBLES + 2:]]
        story.append(guide.space(0.5))
    return story


def _title(guide: Guide, title) -> list[Flowable]:
    style = guide.styles.body_bold.clone("slide-title", textColor=Colours.primary, spaceBefore=guide.styles.body_pt * 0.3)
    return [guide.para(rich_markup(title), style)]


def _label(guide: Guide, label: str, markup: str) -> Paragraph:
    return guide.para(f"<b>{label}</b> {markup}")


def _sourced(rich) -> str:
    """A fact's text with its source, as the slide shows them."""
    source = f" <font color='{Colours.muted.hexval()}'>(Bron: {text_markup(rich.source)})</font>" \
        if isinstance(rich, SourcedText) else ""
    return rich_markup(rich) + source


@singledispatch
def _content(slide, guide: Guide) -> list[Flowable]:
    raise TypeError(f"no guide layout for {type(slide).__name__}")


@_content.register
def _(slide: BulletSlide, guide: Guide):
    style = guide.styles.bullet
    if slide.numbered:
        style = style.clone("numbered-slide", leftIndent=guide.styles.body_pt * 1.5)
    return [Paragraph(_sourced(item), style, bulletText=f"{i}." if slide.numbered else "•")
            for i, item in enumerate(slide.bullets, 1)]


@_content.register
def _(slide: ImageSlide, guide: Guide):
    story = [_label(guide, "Afbeelding:", text_markup(slide.alt))]
    if slide.caption:
        story.append(_label(guide, "Bijschrift:", rich_markup(slide.caption)))
    return story


@_content.register
def _(slide: QuoteSlide, guide: Guide):
    story = [guide.para(f"<i>\u201c{rich_markup(slide.quote)}\u201d</i>")]
    if slide.source:
        story.append(guide.para(f"\u2014 {rich_markup(slide.source)}"))
    return story


@_content.register
def _(slide: StatementSlide, guide: Guide):
    return [_label(guide, "Stelling:", rich_markup(slide.statement))]


@_content.register
def _(slide: CaseSlide, guide: Guide):
    story: list[Flowable] = [guide.para(rich_markup(p)) for p in slide.paragraphs]
    return story + _questions(guide, slide.questions)


@_content.register
def _(slide: ChatSlide, guide: Guide):
    return chat_flowables(slide.chat, guide.styles) + _questions(guide, slide.questions)


def _questions(guide: Guide, questions) -> list[Flowable]:
    if not questions:
        return []
    return [KeepTogether([guide.para("<b>Vragen:</b>"), *rich_bullets(guide, questions)])]


@_content.register
def _(slide: DiscussionSlide, guide: Guide):
    styles = guide.styles
    story = [_label(guide, "Vraag:", rich_markup(slide.question))]
    if slide.listen_for:
        story.append(guide.para("Luister naar:", styles.answer_label))
        story += rich_bullets(guide, slide.listen_for, style=styles.bullet.clone("listen", textColor=Colours.answer))
    return story


@_content.register
def _(slide: QuizSlide, guide: Guide):
    styles = guide.styles
    letters = " en ".join(chr(65 + i) for i in slide.correct)
    right = " / ".join(rich_markup(slide.options[i]) for i in slide.correct if i < len(slide.options))
    story = [_label(guide, "Quiz:", rich_markup(slide.question))]
    story += [Paragraph(_sourced(option), styles.bullet, bulletText=f"{chr(65 + i)}")
              for i, option in enumerate(slide.options)]
    story.append(guide.para(f"<b>Juist: {letters}</b>: {right}", styles.bullet.clone("quiz", textColor=Colours.answer)))
    if slide.explanation:
        story.append(guide.para(_sourced(slide.explanation), styles.bullet.clone("quiz-why")))
    return story


@_content.register
def _(slide: TwoColumnSlide, guide: Guide):
    def column(heading, items) -> list[Flowable]:
        return [guide.para(f"<b>{rich_markup(heading)}</b>")] + rich_bullets(guide, items)

    table = Table([[column(slide.left_heading, slide.left), column(slide.right_heading, slide.right)]],
                  colWidths=[guide.width / 2] * 2, hAlign="LEFT")
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("LINEAFTER", (0, 0), (0, -1), 0.5, Colours.rule),
        ("LEFTPADDING", (1, 0), (1, -1), 8),
    ))
    return [table]


@_content.register
def _(slide: FactSlide, guide: Guide):
    return [guide.para(_sourced(slide.fact))]
