"""The help card: bank-card size, ten to an A4 sheet, the lesson's help lines on the front and help at school on the back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table

from generators.cards.cut_sheet import CardGrid, Side, cards_pdf, shortened
from generators.data.school_limits import role_text
from generators.lesson.document import HelpRoute, LessonDocument
from generators.pdf.pages import draw_qr
from generators.pdf.style import BOLD, Colours, house_styles, table_style, text_markup
from generators.registry import RenderOptions
from generators.worksheet.parts import FillLine

CARD = (85.60 * mm, 53.98 * mm)
"""ISO/IEC 7810 ID-1, the size of a bank card: it fits a wallet and a phone case."""
GRID = CardGrid(CARD, columns=2, rows=5)
PAD = 3.5 * mm
BAND = 7.5 * mm
BAND_PT = 10.5
GAP = 1.2 * mm
QR = 14 * mm
SIZES = (12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0)
"""The largest that fits is taken. Why not below 7 pt: smaller type on a card in a wallet is no longer read."""
QR_CAPTION_PT = 7.5
CAPTIONS = ("Hulpkaart: knip langs de lijnen.", "Dubbelzijdig printen: de achterkant staat op pagina 2.")
BACK_CAPTIONS = ("Achterkant van de hulpkaart.",)


@dataclass(frozen=True)
class CardStyles:
    """The card's text at one size: plain, and the heading of a part on the back."""

    text: ParagraphStyle
    head: ParagraphStyle

    @classmethod
    def at(cls, size: float) -> CardStyles:
        # Why no hyphenation: a web address or a phone number must stay whole.
        text = house_styles(size).body.clone("card", leading=round(size * 1.22, 2), hyphenationLang="")
        return cls(text, text.clone("card-head", fontName=BOLD, textColor=Colours.primary))


Item = Callable[[CardStyles], Flowable]
"""One part of a card's text, made at the size the fitting chose."""


@dataclass(frozen=True)
class Fitted:
    """What one side shows: its parts at one size, and what did not fit."""

    styles: CardStyles
    flowables: tuple[Flowable, ...]
    left_over: int


def render_help_card(document: LessonDocument, options: RenderOptions) -> bytes:
    return cards_pdf(document, options, GRID, lambda: help_card_sides(document), "Hulpkaart",
                     "Hulpkaart om uit te knippen", ("hulpkaart", "hulplijnen", "uitbuiting"))


def help_card_sides(document: LessonDocument) -> list[Side]:
    """The front (help lines) and the back (help at school and the audience's help line as a QR code)."""
    width = CARD[0] - 2 * PAD
    room = CARD[1] - BAND - 2 * PAD
    front = _fit([_route(r) for r in document.help_routes], width, room)
    overflow = [_route(r) for r in document.help_routes[len(document.help_routes) - front.left_over:]]
    qr = _qr(document)
    back_width = width - (QR + 2 * mm if qr else 0)
    back = _fit_school(document, overflow, back_width, room - (QR_CAPTION_PT * 2.5 if qr else 0))
    help = document.audience.school_help
    band_back = document.school.name if document.school else f"{help.lead}:"
    return [
        Side([_card(document.audience.closing_title, front, width)] * len(GRID.cells()), CAPTIONS),
        Side([_card(band_back, back, back_width, qr)] * len(GRID.cells()), BACK_CAPTIONS),
    ]


def _qr(document: LessonDocument) -> tuple[str, str] | None:
    """The audience's help line as (address, caption): 'Scan de code: Chat met Fier, anoniem'."""
    url = document.audience.help_url
    if not url:
        return None
    site = url.removeprefix("https://").removeprefix("http://").rstrip("/")
    routes = [r for r in (*document.help_routes, *document.teacher_help_routes) if r.website == site]
    if not routes:
        return url, f"Scan de code: {site}"
    return url, f"Scan de code: {routes[0].name}" + (", anoniem" if routes[0].anonymous else "")


def _route(route: HelpRoute) -> Item:
    """'Chat met Fier · www.chatmetfier.nl · anoniem' (a name that ends with its number shows it once)."""
    def make(styles: CardStyles) -> Flowable:
        parts = [f"<b>{text_markup(route.name)}</b>"]
        parts += [text_markup(x) for x in (route.phone_to_show, route.website) if x]
        if route.anonymous:
            parts.append("<i>anoniem</i>")
        return Paragraph(" · ".join(parts), styles.text)
    return make


def _fit_school(document: LessonDocument, overflow: list[Item], width: float, room: float) -> Fitted:
    """The back: help lines the front had no room for, then the school's contacts, or its help roles to fill in.

    Why contacts may be left out: a school file may name twenty people; the card then says how many more there are.
    """
    school, help = document.school, document.audience.school_help
    also = [_paragraph(f"Of praat met {text_markup(help.also)}.", "text")] if help.also else []
    if not (school and school.contacts):
        return _fit([*overflow, *(_write_in(role) for role in help.roles), *also], width, room)
    lead = _paragraph(f"{text_markup(help.lead)}:", "head")
    contacts = [_contact(c.name, role_text(c.role, c.function), c.reach) for c in school.contacts]
    for shown in range(len(contacts), -1, -1):
        more = len(contacts) - shown
        tail = [_paragraph(f"En nog {more} andere contactpersonen op school.", "text")] if more else []
        fitted = _fit([*overflow, lead, *contacts[:shown], *tail, *also], width, room)
        if not fitted.left_over:
            return fitted
    return fitted


def _paragraph(markup: str, style: str) -> Item:
    return lambda styles: Paragraph(markup, getattr(styles, style))


def _contact(name: str, role: str, reach: str) -> Item:
    markup = f"<b>{text_markup(name)}</b>, {text_markup(role)}<br/>{text_markup(reach)}"
    return _paragraph(markup, "text")


def _write_in(role: str) -> Item:
    """'mentor: ________', for the teacher or the pupil to write a name on."""
    def make(styles: CardStyles) -> Flowable:
        label = f"{role[:1].upper()}{role[1:]}:"
        size = styles.text.fontSize
        table = Table(
            [[Paragraph(text_markup(label), styles.text), FillLine(size * 1.5)]],
            colWidths=[stringWidth(label, styles.text.fontName, size) + 4, None], hAlign="LEFT",
        )
        table.setStyle(table_style(
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            *((side, (0, 0), (-1, -1), 0) for side in ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")),
        ))
        return table
    return make


def _fit(items: Sequence[Item], width: float, room: float) -> Fitted:
    """The largest size at which every item fits; at the smallest, the items that fit and how many did not."""
    for size in SIZES:
        styles = CardStyles.at(size)
        flowables = [item(styles) for item in items]
        heights = [f.wrap(width, room)[1] for f in flowables]
        if sum(heights) + GAP * max(0, len(heights) - 1) <= room:
            return Fitted(styles, tuple(flowables), 0)
    used, shown = 0.0, 0
    for height in heights:
        used += height + (GAP if shown else 0)
        if used > room:
            break
        shown += 1
    return Fitted(styles, tuple(flowables[:shown]), len(flowables) - shown)


def _card(band: str, fitted: Fitted, width: float, qr: tuple[str, str] | None = None) -> Callable[[Canvas], None]:
    def draw(canv: Canvas) -> None:
        card_width, card_height = CARD
        canv.setFillColor(Colours.primary)
        canv.rect(0, card_height - BAND, card_width, BAND, stroke=0, fill=1)
        canv.setFillColor(Colours.white)
        canv.setFont(BOLD, BAND_PT)
        canv.drawString(PAD, card_height - BAND + (BAND - BAND_PT * 0.7) / 2,
                        shortened(band, BOLD, BAND_PT, card_width - 2 * PAD))
        top = card_height - BAND - PAD
        for flowable in fitted.flowables:
            _, height = flowable.wrap(width, top)
            flowable.drawOn(canv, PAD, top - height)
            top -= height + GAP
        if qr:
            url, caption = qr
            canv.saveState()
            canv.translate(card_width - PAD - QR, PAD)
            draw_qr(canv, url, QR)
            canv.restoreState()
            style = CardStyles.at(QR_CAPTION_PT).text.clone("qr-caption", alignment=TA_RIGHT, textColor=Colours.muted)
            note = Paragraph(text_markup(caption), style)
            _, height = note.wrap(width, QR)
            note.drawOn(canv, PAD, PAD + (QR - height) / 2)
    return draw

