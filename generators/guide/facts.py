"""The guide's list of every fact the lesson uses, with source, scope and year, and the sextortion steps."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from generators.guide.parts import Guide, bullets, sub_heading, titled
from generators.lesson.document import Fact, Protocol
from generators.pdf.style import rich_markup, text_markup

FACTS_INTRO = ("Deze les gebruikt de feiten hieronder. Ze staan één keer in de gedeelde gegevens van lespakket "
               "(assets/data/feiten.yaml), zodat dia's, werkbladen en handleidingen nooit iets anders zeggen. "
               "Let op waar een feit over gaat: gebruik het niet ruimer.")
NO_YEAR = "de bron noemt geen jaar"


def fact_sources(guide: Guide, facts: tuple[Fact, ...]) -> list[Flowable]:
    """'Feiten en hun bronnen': each fact's full wording, then who says it, where, for what and from when."""
    if not facts:
        return []
    small = guide.styles.small_ink.clone("fact-detail", leftIndent=guide.styles.body_pt * 1.1)
    blocks: list[Flowable] = []
    for fact in facts:
        details = [
            f"<b>Bron:</b> {text_markup(fact.source)} ({text_markup(fact.place)})",
            f"<b>Geldt voor:</b> {text_markup(fact.scope)}",
            f"<b>Jaar:</b> {fact.year if fact.year is not None else NO_YEAR}",
        ]
        statement = bullets(guide, [f"<b>{text_markup(fact.text)}</b>"],
                            style=guide.styles.bullet.clone("fact", spaceBefore=guide.styles.body_pt * 0.6))
        blocks.append(KeepTogether([*statement, *(guide.para(d, small) for d in details)]))
    return titled(sub_heading(guide, "Feiten en hun bronnen"), [guide.para(FACTS_INTRO), *blocks], 2)


def protocol_steps(guide: Guide, protocol: Protocol | None) -> list[Flowable]:
    """The sextortion steps as pupils see them on the slide and the worksheet, in the same order, explained."""
    if protocol is None:
        return []
    steps = [f"<b>{rich_markup(step.text)}</b> {text_markup(step.explanation)}" for step in protocol.steps]
    body = [guide.para(text_markup(protocol.intro)), *bullets(guide, steps, numbered=True),
            guide.para(f"<b>Waarom deze volgorde?</b> {rich_markup(protocol.order)}")]
    return titled(sub_heading(guide, "Stappenplan bij chantage met beelden (sextortion)"), body, 2)
