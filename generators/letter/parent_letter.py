"""The letter to parents and carers (ouderbrief.pdf): what the class will learn, how to talk at home, signals, help.

Written at plain-language level B1: the fixed text lives in the constants below so tests can lint it;
the lesson title, goals, signals and help routes come from the resolved document.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Table

from generators.guide.parts import Guide, WriteLine, bullets, callout
from generators.guide.safety import contacts_table, routes_table
from generators.lesson.document import LessonDocument, SchoolInfo
from generators.pdf.pages import PageFurniture, PageGeometry, PdfMeta, build_pdf
from generators.pdf.style import (
    MissingGlyph, fonts_dir, glyph_error, house_styles, register_fonts, rich_markup, table_style, text_markup,
)
from generators.registry import RenderOptions

LABEL = "Brief aan ouders en verzorgers"
BODY_PT = 11.0
GREETING = "Beste ouder of verzorger,"
ANNOUNCE = (
    "Binnenkort krijgt de klas van uw kind een les over uitbuiting van jongeren. "
    "In deze brief leest u wat we gaan doen. En hoe u thuis kunt helpen."
)
WHAT_IS = (
    "Bij uitbuiting dwingt iemand een jongere om dingen te doen. Denk aan drugs vervoeren, een bankpas uitlenen "
    "of seksuele dingen doen. Degene die dwingt, verdient daar zelf aan. "
    "Het begint vaak met aandacht, cadeaus of snel geld. Dat gebeurt ook online, via sociale media en games."
)
WHY = (
    "Uitbuiting is vaak moeilijk te zien. Jongeren schamen zich of zijn bang. "
    "Soms zien ze zelf niet dat iemand misbruik van hen maakt. "
    "Het kan jongens en meisjes overkomen. Vaak is de uitbuiter iemand die de jongere kent en vertrouwt. "
    "Daarom praten we er in de klas over. En we leren kinderen dat ze altijd hulp mogen vragen."
)
GOALS_INTRO = "Na de les kan uw kind zeggen:"
AT_HOME = (
    "Vraag wat uw kind in de les heeft gedaan. Wat vond het ervan?",
    "Luister vooral. Uw kind hoeft niet alles te vertellen.",
    "Zeg dat uw kind altijd bij u mag komen. Ook als het zelf een fout heeft gemaakt.",
    "Maak duidelijk: het is nooit de schuld van de jongere. De schuld ligt bij wie uitbuit.",
    "Praat ook over online contacten. Met wie chat uw kind? Wat doet het als iemand om foto's vraagt?",
    "Vertelt uw kind iets wat u zorgen geeft? Blijf rustig. Bedenk samen wat u gaat doen.",
)
SIGNALS_INTRO = "Eén signaal zegt nog niet veel. Maar let op als u dit ziet bij uw kind:"
SIGNALS_AFTER = "Twijfelt u? Vertrouw op uw gevoel en praat erover, met uw kind of met de school."
HELP_PARENTS = "Hier kunt u zelf terecht voor advies. Bij de organisaties met 'anoniem' hoeft u uw naam niet te noemen."
HELP_CHILD = "Deze hulp noemen we ook in de les. Hier kan uw kind zelf terecht:"
SCHOOL_QUESTIONS = "Hebt u vragen over de les? Of maakt u zich zorgen? Neem dan contact op met:"
NO_SCHOOL_QUESTIONS = ("Hebt u vragen over de les? Of maakt u zich zorgen? Neem dan contact op met de school. "
                       "Bijvoorbeeld met {wie}.")
"""`{wie}`: the school's help people of the audience, worded for parents (doelgroepen.yaml `hulp_op_school`)."""
CLOSING = "Met vriendelijke groet,"

FIXED_TEXTS = (ANNOUNCE, WHAT_IS, WHY, *AT_HOME, SIGNALS_INTRO, SIGNALS_AFTER, HELP_PARENTS, HELP_CHILD,
               SCHOOL_QUESTIONS, NO_SCHOOL_QUESTIONS)
"""Every sentence of the letter that is ours rather than the lesson's: the readability test reads these."""


def render_parent_letter(document: LessonDocument, options: RenderOptions) -> bytes:
    """Registry entry point; a character the font lacks stops the build with a located message."""
    register_fonts(fonts_dir(options.assets_dir))
    guide = Guide(house_styles(BODY_PT), PageGeometry().frame_width)
    try:
        return build_pdf(letter_story(guide, document), _meta(document), _furniture(document))
    except MissingGlyph as error:
        where = f"{document.series}/{document.lesson_id} ({document.audience.id})"
        raise glyph_error(error, "ouderbrief", where) from None


def letter_story(guide: Guide, document: LessonDocument) -> list[Flowable]:
    styles = guide.styles
    heading = styles.heading.clone("letter-heading", spaceBefore=BODY_PT * 0.9)
    title = rich_markup(document.title)
    story: list[Flowable] = [*_letterhead(guide, document.school), guide.space(1.2)]
    story += [
        Paragraph(f"Les over uitbuiting: {title}", styles.title.clone("letter-title", fontSize=BODY_PT * 1.7,
                                                                       leading=BODY_PT * 2.05)),
        guide.space(0.4),
        guide.para(f"Voor {text_markup(document.audience.who)} ({text_markup(document.audience.label)})", styles.subtitle),
        guide.space(0.9),
        guide.para(text_markup(GREETING)),
        guide.space(0.4),
        guide.para(text_markup(ANNOUNCE)),
        Paragraph("Wat is uitbuiting?", heading),
        guide.para(text_markup(WHAT_IS)),
    ]
    goals = [*document.goals.knowledge, *document.goals.skills, *document.goals.attitude]
    if goals:
        story += [KeepTogether([Paragraph("Wat leert uw kind?", heading), guide.para(text_markup(GOALS_INTRO)),
                                *bullets(guide, [rich_markup(g) for g in goals[:1]])]),
                  *bullets(guide, [rich_markup(g) for g in goals[1:]])]
    story += [Paragraph("Waarom deze les?", heading), guide.para(text_markup(WHY))]
    story += [KeepTogether([Paragraph("Praten over de les thuis", heading), *bullets(guide, [text_markup(t) for t in AT_HOME])])]
    story += [KeepTogether([
        Paragraph("Signalen om op te letten", heading), guide.para(text_markup(SIGNALS_INTRO)),
        *bullets(guide, [text_markup(item.title) for item in document.signals.items]),
        guide.space(0.3), guide.para(text_markup(SIGNALS_AFTER)),
    ])]
    story += _help(guide, document, heading)
    story += _contact(guide, document, heading)
    return story


def _letterhead(guide: Guide, school: SchoolInfo | None) -> list[Flowable]:
    """School name and place with a date line; without a school file, lines to fill them in."""
    styles = guide.styles
    label = styles.label.clone("letterhead-label", fontSize=BODY_PT * 0.85)
    if school:
        where = text_markup(school.name) + (f", {text_markup(school.place)}" if school.place else "")
        name: Flowable = Paragraph(f"<b>{where}</b>", styles.body)
    else:
        name = WriteLine(7 * mm)
    rows = [[Paragraph("School", label), name], [Paragraph("Datum", label), WriteLine(7 * mm)]]
    table = Table(rows, colWidths=[22 * mm, 80 * mm], hAlign="LEFT")
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ))
    return [table]


def _help(guide: Guide, document: LessonDocument, heading) -> list[Flowable]:
    parents = document.parent_help_routes
    shown = {route.id for route in parents}
    child = tuple(route for route in document.help_routes if route.id not in shown)
    story: list[Flowable] = []
    if parents:
        story.append(KeepTogether([Paragraph("Hulp en advies voor u", heading), guide.para(text_markup(HELP_PARENTS)),
                                   guide.space(0.3), routes_table(guide, parents)]))
    if child:
        story.append(KeepTogether([Paragraph("Hulp voor uw kind", heading), guide.para(text_markup(HELP_CHILD)),
                                   guide.space(0.3), routes_table(guide, child)]))
    return story


def _contact(guide: Guide, document: LessonDocument, heading) -> list[Flowable]:
    """Who to ask, then the greeting. The school's people are a table that may continue on the next page under its
    header row; the heading moves along only when fewer than a few rows would follow it."""
    styles = guide.styles
    school = document.school
    closing: list[Flowable] = [guide.space(1.0), guide.para(text_markup(CLOSING))]
    if not (school and school.contacts):
        closing.append(WriteLine(8 * mm))
        ask_text = NO_SCHOOL_QUESTIONS.format(wie=document.audience.school_help.for_parents)
        ask = callout(guide, [guide.para(text_markup(ask_text))])
        return [KeepTogether([Paragraph("Vragen?", heading), ask, *closing])]
    closing.append(guide.para(text_markup(school.name), styles.body_bold))
    return [CondPageBreak(BODY_PT * 12), Paragraph("Vragen?", heading), guide.para(text_markup(SCHOOL_QUESTIONS)),
            guide.space(0.3), contacts_table(guide, school), KeepTogether(closing)]


def _meta(document: LessonDocument) -> PdfMeta:
    title = document.title.plain
    return PdfMeta(
        title=f"{LABEL}: {title} ({document.audience.label})",
        author=document.school.name if document.school else document.publisher,
        subject=f"Brief over de les '{title}': wat de leerlingen leren, praten thuis, signalen en hulp.",
        keywords=("ouderbrief", "uitbuiting", document.audience.label),
        creator=document.publisher,
    )


def _furniture(document: LessonDocument) -> PageFurniture:
    """The footer points parents to the first anonymous organisation with a website that the letter names."""
    route = next((r for r in document.parent_help_routes if r.anonymous and r.website), None)
    return PageFurniture(
        header_left=document.title.plain,
        header_right=LABEL,
        help_text=f"Vragen of zorgen over een jongere? Chat anoniem met {route.name}." if route else None,
        help_url=f"https://{route.website}" if route else None,
    )
