"""The staff factsheet: one poster page (A4 and A3, same layout scaled) for the staff room, from assets/data.

Readable from two metres: a banner with the definition, signals, the five meldcode steps, do and
don't in a conversation, the school's own contact people, and the help map with exact numbers
and websites. Every fact comes from the resolved `Factsheet`; the fixed text here only frames it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Sequence

from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from generators.diagnostics import BuildAborted, Diagnostics, Location
from generators.factsheet.school import band, side_box
from generators.lesson.document import Factsheet, HelpRoute
from generators.pdf.pages import PageFurniture, PageGeometry, PdfMeta, build_pdf
from generators.pdf.style import (
    BOLD, REGULAR, Colours, MissingGlyph, fonts_dir, glyph_error, house_styles, register_fonts, table_style, text_markup,
)

A4_NAME, A3_NAME = "factsheet-a4.pdf", "factsheet-a3.pdf"
PUBLISHER = "lespakket"
TITLE = "Uitbuiting herkennen en in actie komen"
KICKER = "Factsheet voor het schoolteam · uitbuiting van jongeren"
DEFINITION = (
    "Bij uitbuiting dwingt iemand een jongere tot seks, strafbare feiten of werk, om er zelf beter van te worden."
)
SIGNALS_NOTE = "Eén signaal bewijst niets. Zie je er meer, of blijft het knagen? Volg de meldcode."
DO = (
    "Luister met aandacht en begrip",
    "Neem angst serieus en stel gerust",
    "Zeg eerlijk wat je wel en niet gaat doen",
    "Bepaal samen de volgende stap",
    "Vraag (anoniem) advies: je staat er niet alleen voor",
)
DONT = (
    "Forceren of aandringen",
    "Een verhoor afnemen",
    "Oordelen, ook niet in een vraag: nooit 'Je kon toch weggaan?'",
    "Geheimhouding beloven",
    "Labels als 'dader' of 'slachtoffer'",
)
SHARED_SOURCE = "Bron van deze punten"
FOOTER_HELP = "Twijfel je? Je hoeft het niet alleen te doen. Chat anoniem met {name}."
HELP_COLUMNS = 5
SHRINK = (1.0, 0.95, 0.9, 0.85, 0.8)
"""Why down to 0.8: the poster's body type is then 8.2 pt on A4 (11.7 pt on A3), still readable up close."""
BAND_PT, BAND_MIN_PT = 9.5, 7.5
DOES_NOT_FIT = ("De contactpersonen uit het schoolbestand passen niet op de factsheet, ook niet in de kleinste "
                "letter. Maak de teksten bij 'bereikbaar' en 'functie' korter, of noem minder contactpersonen.")


def render_factsheets(sheet: Factsheet, assets_dir: Path) -> dict[str, bytes]:
    """Both posters, keyed by file name; a character the font lacks stops the build with a located message."""
    register_fonts(fonts_dir(assets_dir))
    try:
        return {A4_NAME: render_factsheet(sheet, A4, 1.0), A3_NAME: render_factsheet(sheet, A3, math.sqrt(2))}
    except MissingGlyph as error:
        raise glyph_error(error, "factsheet", "assets/data") from None


def render_factsheet(sheet: Factsheet, size: tuple[float, float], scale: float) -> bytes:
    """One poster on `size`; `scale` multiplies every type size, margin and gap (A3 is A4 times the square root of 2)."""
    geometry = PageGeometry(
        size=size, margin_left=11 * mm * scale, margin_right=11 * mm * scale, margin_top=18 * mm * scale,
        margin_bottom=23.5 * mm * scale, qr_size=14 * mm * scale, footer_base=7 * mm * scale,
    )
    route, school = sheet.footer_route, sheet.school
    furniture = PageFurniture(
        header_left=TITLE, header_right=f"{KICKER} · {PUBLISHER}", help_text=FOOTER_HELP.format(name=route.name),
        help_url="https://" + (route.website or ""), show_page_numbers=False,
    )
    meta = PdfMeta(
        title=f"Factsheet: {TITLE}" + (f" ({school.name})" if school else ""),
        author=school.name if school else PUBLISHER,
        subject="Signalen, de meldcode in vijf stappen, het gesprek met een jongere en de hulpkaart, om op te hangen.",
        keywords=("uitbuiting", "mensenhandel", "meldcode", "signalen", "hulpkaart", "factsheet"),
    )
    return build_pdf(_fitted_story(sheet, geometry, scale), meta, furniture, geometry)


def _fitted_story(sheet: Factsheet, geometry: PageGeometry, scale: float) -> list[Flowable]:
    """The first layout that fits the one page: the school's people beside the conversation tips, else in a band
    across the page, with the poster's type a step smaller each time down to the readable minimum."""
    width = geometry.frame_width
    candidates = [Poster(Look.at(scale), width)]
    if sheet.school and sheet.school.contacts:
        candidates += [Poster(Look.at(scale * shrink), width, band_pt=scale * max(BAND_MIN_PT, BAND_PT * shrink))
                       for shrink in SHRINK]
        candidates.append(Poster(Look.at(scale * SHRINK[-1]), width, band_pt=scale * BAND_MIN_PT))
    else:
        candidates += [Poster(Look.at(scale * shrink), width) for shrink in SHRINK]
    for poster in candidates:
        story = poster.story(sheet)
        if sum(f.wrap(width, geometry.frame_height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
               for f in story) <= geometry.frame_height:
            return story
    diagnostics = Diagnostics()
    diagnostics.error("school-contacten-te-lang", DOES_NOT_FIT, Location("factsheet"))
    raise BuildAborted(diagnostics)


@dataclass(frozen=True)
class Look:
    """Type sizes and gaps for one scale; every style on the poster comes from here."""

    scale: float
    title: ParagraphStyle
    kicker: ParagraphStyle
    lead: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    body_bold: ParagraphStyle
    small: ParagraphStyle
    step_title: ParagraphStyle
    number: ParagraphStyle
    card_name: ParagraphStyle
    url: ParagraphStyle

    @classmethod
    def at(cls, scale: float) -> "Look":
        s = scale
        base = house_styles(10.5 * s)
        white = Colours.white
        return cls(
            scale=s,
            title=base.title.clone("p-title", fontSize=27 * s, leading=30 * s, textColor=white),
            kicker=base.label.clone("p-kicker", fontSize=11 * s, leading=14 * s, textColor=Colours.tint_warm),
            lead=base.body.clone("p-lead", fontSize=12 * s, leading=14.8 * s, textColor=white, hyphenationLang=""),
            heading=base.heading.clone("p-heading", fontSize=15.5 * s, leading=18 * s, spaceBefore=0,
                                       spaceAfter=3 * s, hyphenationLang=""),
            body=base.body.clone("p-body", fontSize=10.3 * s, leading=12.6 * s, hyphenationLang=""),
            body_bold=base.body_bold.clone("p-body-bold", fontSize=10.3 * s, leading=12.6 * s),
            small=base.body.clone("p-small", fontSize=9.5 * s, leading=11.8 * s, textColor=Colours.muted,
                                 hyphenationLang=""),
            step_title=base.body_bold.clone("p-step", fontSize=12 * s, leading=14 * s, textColor=Colours.ink),
            number=base.body_bold.clone("p-number", fontSize=17 * s, leading=19 * s, textColor=white, alignment=1),
            card_name=base.body_bold.clone("p-card-name", fontSize=10.8 * s, leading=12.8 * s, textColor=Colours.ink,
                                           hyphenationLang=""),
            url=base.body_bold.clone("p-url", fontSize=9.6 * s, leading=11.6 * s, textColor=Colours.primary,
                                     hyphenationLang="", splitLongWords=0),
        )

    def pt(self, value: float) -> float:
        return value * self.scale


class Mark(Flowable):
    """A drawn check or cross in front of a do or don't (Carlito has no check-mark glyph)."""

    def __init__(self, positive: bool, size: float):
        super().__init__()
        self.positive = positive
        self.size = size

    def wrap(self, availWidth, availHeight):
        return self.size, self.size

    def draw(self):
        c, s = self.canv, self.size
        c.saveState()
        c.setLineWidth(s * 0.16)
        c.setLineCap(1)
        c.setLineJoin(1)
        if self.positive:
            c.setStrokeColor(Colours.answer)
            path = c.beginPath()
            path.moveTo(s * 0.12, s * 0.5)
            path.lineTo(s * 0.4, s * 0.2)
            path.lineTo(s * 0.9, s * 0.85)
            c.drawPath(path, stroke=1, fill=0)
        else:
            c.setStrokeColor(Colours.teacher)
            c.line(s * 0.18, s * 0.18, s * 0.82, s * 0.82)
            c.line(s * 0.18, s * 0.82, s * 0.82, s * 0.18)
        c.restoreState()


class Poster:
    """`band_pt`: the school's people in a band across the page at this type size, instead of a box beside
    the conversation tips."""

    def __init__(self, look: Look, width: float, band_pt: float | None = None):
        self.look = look
        self.width = width
        self.band_pt = band_pt

    def para(self, markup: str, style: ParagraphStyle) -> Paragraph:
        return Paragraph(markup, style)

    def gap(self, points: float) -> Spacer:
        return Spacer(1, self.look.pt(points))

    def story(self, sheet: Factsheet) -> list[Flowable]:
        gutter = self.look.pt(14)
        half = (self.width - gutter) / 2
        top = self.columns([*self.signals(sheet), self.gap(8), self.attention(sheet, half)],
                           self.meldcode(sheet, half), half, gutter, rule=True)
        school = sheet.school
        if self.band_pt is not None and school is not None:
            people = band(school, self.width, self.look.heading, self.look.body.clone(
                "p-band", fontSize=self.band_pt, leading=self.band_pt * 1.22), self.look.pt)
            middle: list[Flowable] = [*self.conversation(self.width), self.gap(9), people]
        else:
            talk = self.width * 0.62
            box = side_box(school, self.width - talk - gutter, self.look.heading, self.look.body, self.look.pt)
            middle = [self.columns(self.conversation(talk), [box], talk, gutter)]
        return [self.banner(sheet), self.gap(8), top, self.gap(9), *middle, self.gap(9), *self.help_map(sheet)]

    def columns(self, left: list[Flowable], right: list[Flowable], left_width: float, gutter: float,
                rule: bool = False) -> Table:
        right_width = self.width - left_width - gutter
        table = Table([[left, right]], colWidths=[left_width + gutter / 2, right_width + gutter / 2], hAlign="LEFT")
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (0, 0), 0), ("RIGHTPADDING", (0, 0), (0, 0), gutter / 2),
            ("LEFTPADDING", (1, 0), (1, 0), gutter / 2), ("RIGHTPADDING", (1, 0), (1, 0), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
        if rule:
            commands.append(("LINEAFTER", (0, 0), (0, 0), 0.8 * self.look.scale, Colours.rule))
        table.setStyle(table_style(*commands))
        return table

    def source_note(self, source: str, colour, shared: bool = False) -> str:
        """A fact's source in small type at the end of its paragraph ('Bron: ...', as slides show it); `shared`
        when it is the source of the points above too."""
        label = SHARED_SOURCE if shared else "Bron"
        return (f"<font name='{REGULAR}' size='{self.look.pt(8.5)}' color='{colour.hexval()}'>"
                f"&nbsp; {text_markup(f'{label}: {source}')}</font>")

    # -- blocks ---------------------------------------------------------------------------

    def banner(self, sheet: Factsheet) -> Table:
        """Title and definition; the sentence on the law is the fact from feiten.yaml, with its source."""
        look = self.look
        source = self.source_note(sheet.coercion.source, Colours.tint_warm)
        content = [
            self.para(text_markup(KICKER.upper()), look.kicker),
            self.gap(3),
            self.para(text_markup(TITLE), look.title),
            self.gap(7),
            self.para(f"{text_markup(DEFINITION)} {text_markup(sheet.coercion.plain)}{source}", look.lead),
        ]
        table = Table([[content]], colWidths=[self.width], hAlign="LEFT")
        table.setStyle(table_style(
            ("BACKGROUND", (0, 0), (-1, -1), Colours.primary),
            ("LINEBELOW", (0, 0), (-1, -1), look.pt(4), Colours.accent),
            ("LEFTPADDING", (0, 0), (-1, -1), look.pt(14)), ("RIGHTPADDING", (0, 0), (-1, -1), look.pt(14)),
            ("TOPPADDING", (0, 0), (-1, -1), look.pt(9)), ("BOTTOMPADDING", (0, 0), (-1, -1), look.pt(11)),
        ))
        return table

    def signals(self, sheet: Factsheet) -> list[Flowable]:
        look = self.look
        items = sheet.signals.items
        bullet = look.body.clone("p-signal", leftIndent=look.pt(13), bulletIndent=0, spaceBefore=look.pt(2.6),
                                 bulletFontName=BOLD, bulletColor=Colours.accent)
        story: list[Flowable] = [self.para("Signalen", look.heading)]
        story += [Paragraph(text_markup(item.title), bullet, bulletText="●") for item in items]
        story += [self.gap(4), self.para(text_markup(SIGNALS_NOTE), look.small)]
        return story

    def conversation(self, width: float) -> list[Flowable]:
        """Do and don't side by side: what helps a young person keep talking, and what shuts them up."""
        look = self.look
        mark = look.pt(10.5)
        head = look.body_bold.clone("p-do-head", fontSize=look.pt(12.5), leading=look.pt(15))
        column_gap = look.pt(10)
        column = (width - column_gap) / 2

        def side(title: str, colour, texts: Sequence[str], positive: bool) -> Table:
            rows = [["", self.para(f"<font color='{colour.hexval()}'>{text_markup(title)}</font>", head)]]
            rows += [[Mark(positive, mark), self.para(text_markup(t), look.body)] for t in texts]
            table = Table(rows, colWidths=[mark + look.pt(5), column - mark - look.pt(5)], hAlign="LEFT")
            table.setStyle(table_style(
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), look.pt(2)), ("BOTTOMPADDING", (0, 0), (-1, -1), look.pt(1.5)),
                ("LEFTPADDING", (0, 0), (-1, 0), 0),
            ))
            return table

        both = Table([[side("Doe", Colours.answer, DO, True), side("Niet doen", Colours.teacher, DONT, False)]],
                     colWidths=[column + column_gap, column], hAlign="LEFT")
        both.setStyle(table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (0, 0), column_gap),
            ("RIGHTPADDING", (1, 0), (1, 0), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ))
        return [self.para("In gesprek met een jongere", look.heading), both]

    def meldcode(self, sheet: Factsheet, width: float) -> list[Flowable]:
        look = self.look
        steps = sheet.meldcode.items
        badge = look.pt(24)
        rows = [
            [self.para(str(i), look.number), [self.para(text_markup(step.title), look.step_title),
                                              self.para(text_markup(step.text or ""), look.body)]]
            for i, step in enumerate(steps, 1)
        ]
        table = Table(rows, colWidths=[badge, width - badge], hAlign="LEFT")
        table.setStyle(table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (0, -1), 0), ("RIGHTPADDING", (0, 0), (0, -1), 0),
            ("LEFTPADDING", (1, 0), (1, -1), look.pt(8)), ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), look.pt(3.5)), ("BOTTOMPADDING", (0, 0), (-1, -1), look.pt(4.5)),
            ("BACKGROUND", (0, 0), (0, -1), Colours.primary),
            ("LINEBELOW", (0, 0), (-1, -1), look.pt(2.5), Colours.white),
        ))
        first = [self.para(text_markup(sheet.meldcode.intro), look.small)] if sheet.meldcode.intro else []
        return [self.para("De meldcode in 5 stappen", look.heading), *first, table]

    def attention(self, sheet: Factsheet, width: float) -> Table:
        """Points of attention from the meldcode list."""
        look = self.look
        style = look.small.clone("p-attention", textColor=Colours.ink, spaceBefore=look.pt(2.5))
        items = sheet.attention.items
        content: list[Flowable] = [self.para("Let op", look.step_title.clone("p-attention-head", textColor=Colours.accent))]
        # Why one note after facts in a row with the same source: the poster has no line to spare for two.
        for source, group in groupby(items, key=lambda item: item.fact.source if item.fact else None):
            group = list(group)
            for n, item in enumerate(group, 1):
                markup = f"<b>{text_markup(item.title)}.</b> {text_markup(item.text or '')}"
                if source and n == len(group):
                    markup += self.source_note(source, Colours.muted, shared=len(group) > 1)
                content.append(self.para(markup, style))
        box = Table([[content]], colWidths=[width], hAlign="LEFT")
        box.setStyle(table_style(
            ("BACKGROUND", (0, 0), (-1, -1), Colours.tint_warm),
            ("LINEBEFORE", (0, 0), (0, -1), look.pt(3), Colours.accent),
            ("LEFTPADDING", (0, 0), (-1, -1), look.pt(9)), ("RIGHTPADDING", (0, 0), (-1, -1), look.pt(8)),
            ("TOPPADDING", (0, 0), (-1, -1), look.pt(5)), ("BOTTOMPADDING", (0, 0), (-1, -1), look.pt(7)),
        ))
        return box

    def help_map(self, sheet: Factsheet) -> list[Flowable]:
        """Every organisation from hulplijnen.yaml with its exact number and website: advice and reporting first."""
        look = self.look
        routes = sheet.help_routes
        half = len(routes) - len(routes) // 2
        gap = look.pt(14)
        column = (self.width - gap) / 2
        name_width = column * 0.45
        rows = []
        for left, right in zip(routes[:half], [*routes[half:], None]):
            row = [*self.help_row(left, column - name_width), ""]
            row += self.help_row(right, column - name_width) if right else ["", ""]
            rows.append(row)
        table = Table(rows, colWidths=[name_width, column - name_width, gap, name_width, column - name_width],
                      hAlign="LEFT")
        table.setStyle(table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), look.pt(4)),
            ("TOPPADDING", (0, 0), (-1, -1), look.pt(2.5)), ("BOTTOMPADDING", (0, 0), (-1, -1), look.pt(3)),
            ("LINEBELOW", (0, 0), (1, -1), 0.6 * look.scale, Colours.rule),
            ("LINEBELOW", (3, 0), (4, -1 if len(routes) % 2 == 0 else -2), 0.6 * look.scale, Colours.rule),
        ))
        heading = (f"Hulpkaart <font name='{REGULAR}' size='{look.pt(9.5)}' color='{Colours.muted.hexval()}'>"
                   "&nbsp;&nbsp;overleggen, melden en hulp; wat 'anoniem' is, kun je ook aan jongeren noemen</font>")
        return [self.para(heading, look.heading), table]

    def help_row(self, route: HelpRoute, reach_width: float) -> list:
        look = self.look
        name = text_markup(route.name)
        if route.anonymous:
            name += f" <font name='{REGULAR}' size='{look.pt(9.5)}' color='{Colours.answer.hexval()}'>· anoniem</font>"
        reach = []
        if route.phone_to_show:
            reach.append(f"<font size='{look.pt(12.5)}'>{text_markup(route.phone_to_show)}</font>")
        if route.website:
            reach.append(_breakable_url(route.website, reach_width - look.pt(4), look))
        return [self.para(name, look.card_name), self.para("&nbsp;&nbsp; ".join(reach), look.url)]


def _breakable_url(url: str, width: float, look: Look) -> str:
    """The website as markup; when it is wider than the card, break the line after a '/' (never inside a name)."""
    style = look.url
    if stringWidth(url, style.fontName, style.fontSize) <= width:
        return text_markup(url)
    parts = url.split("/")
    lines, current = [], parts[0]
    for part in parts[1:]:
        candidate = f"{current}/{part}"
        if stringWidth(candidate, style.fontName, style.fontSize) <= width:
            current = candidate
        else:
            lines.append(current + "/")
            current = part
    lines.append(current)
    return "<br/>".join(text_markup(line) for line in lines)
