"""Role-play cards: one A6 card per role, four to an A4 sheet, so each player reads only their own role."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from generators.cards.cut_sheet import CardGrid, DrawCard, Side, cards_pdf, shortened
from generators.lesson.document import Activity, LessonDocument, Role
from generators.pdf.style import BOLD, Colours, house_styles, rich_markup, text_markup
from generators.registry import RenderOptions

A6 = (A4[0] / 2, A4[1] / 2)
GRID = CardGrid(A6, columns=2, rows=2)
PAD = 10 * mm
"""Why 10 mm on every side: half the cards' edges are the paper's edges, where a printer leaves a few mm blank."""
WIDTH = A6[0] - 2 * PAD
BAND = 9 * mm
GAP = 5 * mm  # under the band
RULE_GAP = 4 * mm  # around the rule above the footer
BAND_PT = 10.0
NAME_PT = 18.0
FOOTER_PT = 8.5
SIZES = (14.0, 13.0, 12.0, 11.0, 10.0)
"""The role text: the largest that fits one card; at the smallest, a long text goes on to a second card."""
OWN_ROLE = "Speel een bedachte rol, nooit iets wat je zelf hebt meegemaakt."


@dataclass(frozen=True)
class CardText:
    name: ParagraphStyle
    body: ParagraphStyle
    footer: ParagraphStyle

    @classmethod
    def at(cls, size: float) -> CardText:
        # Why no hyphenation: a player reads the card aloud in pieces while playing; whole words help.
        body = house_styles(size, hyphenate=False).body.clone("role", spaceAfter=size * 0.5)
        name = body.clone("role-name", fontName=BOLD, fontSize=NAME_PT, leading=NAME_PT * 1.15,
                          textColor=Colours.primary, hyphenationLang="", spaceAfter=NAME_PT * 0.5)
        footer = body.clone("role-footer", fontSize=FOOTER_PT, leading=FOOTER_PT * 1.3, textColor=Colours.muted,
                            spaceAfter=0)
        return cls(name, body, footer)


def render_role_cards(document: LessonDocument, options: RenderOptions) -> bytes:
    return cards_pdf(document, options, GRID, lambda: role_card_sides(document), "Rolkaarten",
                     "Rolkaarten voor het rollenspel", ("rolkaarten", "rollenspel", "uitbuiting"))


def role_card_sides(document: LessonDocument) -> list[Side]:
    """Each role play on sheets of its own; a set of one or two roles is repeated to fill the sheet (two pairs)."""
    per_sheet = GRID.columns * GRID.rows
    footer = (OWN_ROLE, document.audience.help_text)
    sides: list[Side] = []
    for activity in document.role_plays:
        cards = [card for role in activity.roles for card in _role_cards(activity, role, footer)]
        if per_sheet % len(cards) == 0:
            cards *= per_sheet // len(cards)
        sides += [Side(cards[i:i + per_sheet]) for i in range(0, len(cards), per_sheet)]
    return sides


def _role_cards(activity: Activity, role: Role, footer: tuple[str, ...]) -> list[DrawCard]:
    """The card of one role; a text too long for one card in the smallest size goes on to more, '(vervolg)'."""
    title = activity.title.plain
    band = title if "rollenspel" in title.casefold() else f"Rollenspel · {title}"
    for size in SIZES:
        text = CardText.at(size)
        notes = [Paragraph(text_markup(line), text.footer) for line in footer]
        room = A6[1] - 2 * PAD - BAND - GAP - sum(n.wrap(WIDTH, A6[1])[1] + 1 for n in notes) - RULE_GAP
        story = [Paragraph(rich_markup(role.name), text.name), *(Paragraph(rich_markup(p), text.body) for p in role.text)]
        if sum(f.wrap(WIDTH, room)[1] + f.getSpaceAfter() for f in story) <= room:
            return [_card(band, story, notes)]
    more = Paragraph(f"{rich_markup(role.name)} (vervolg)", text.name)
    return [_card(band, page, notes) for page in _spread(story, more, room)]


def _spread(story: list[Flowable], more: Paragraph, room: float) -> list[list[Flowable]]:
    """`story` over as many cards as it needs; every card after the first starts with `more`."""
    cards: list[list[Flowable]] = []
    card: list[Flowable] = []
    used = 0.0
    queue = list(story)
    while queue:
        flowable = queue.pop(0)
        height = flowable.wrap(WIDTH, room)[1]
        if used + height <= room:
            card.append(flowable)
            used += height + flowable.getSpaceAfter()
            continue
        parts = flowable.split(WIDTH, room - used)
        if len(parts) == 2:
            card.append(parts[0])
            queue.insert(0, parts[1])
        else:
            queue.insert(0, flowable)
        cards.append(card)
        card = [more]
        used = more.wrap(WIDTH, room)[1] + more.getSpaceAfter()
    return [*cards, card]


def _card(band: str, story: list[Flowable], notes: list[Paragraph]) -> DrawCard:
    def draw(canv: Canvas) -> None:
        top = A6[1] - PAD
        canv.setFillColor(Colours.primary)
        canv.roundRect(PAD, top - BAND, WIDTH, BAND, 1.5 * mm, stroke=0, fill=1)
        canv.setFillColor(Colours.white)
        canv.setFont(BOLD, BAND_PT)
        canv.drawString(PAD + 3 * mm, top - BAND + (BAND - BAND_PT * 0.7) / 2, shortened(band, BOLD, BAND_PT, WIDTH - 6 * mm))
        y = top - BAND - GAP
        for flowable in story:
            height = flowable.wrap(WIDTH, y - PAD)[1]
            flowable.drawOn(canv, PAD, y - height)
            y -= height + flowable.getSpaceAfter()
        y = PAD
        for note in reversed(notes):
            height = note.wrap(WIDTH, A6[1])[1]
            note.drawOn(canv, PAD, y)
            y += height + 1
        canv.setStrokeColor(Colours.rule)
        canv.setLineWidth(0.5)
        canv.line(PAD, y + RULE_GAP / 2, PAD + WIDTH, y + RULE_GAP / 2)
    return draw

