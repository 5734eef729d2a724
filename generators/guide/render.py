"""The teacher guide (docentenhandleiding.pdf): a complete Dutch lesbrief for one lesson and one audience.

Sections: cover with contents, 'De les in het kort', 'Veilig lesgeven', 'Lesverloop',
'Achtergrondinformatie' and the worksheet's answers as an appendix, each one a bookmark in the PDF outline.
"""

from __future__ import annotations

from typing import Mapping

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Table

from generators.deck.render import deck_plan
from generators.guide.answers import exercise_answers
from generators.guide.facts import fact_sources, protocol_steps
from generators.guide.lesson_plan import LESSON_PLAN_KEY, References, lesson_plan, minutes_text
from generators.guide.parts import (
    Guide, bullets, callout, facts_table, minor_heading, rich_bullets, section_heading, shared_items, sub_heading, titled,
)
from generators.guide.safety import SAFETY_KEY, safety_section
from generators.lesson.document import LessonDocument
from generators.pdf.pages import PageFurniture, PageGeometry, PdfMeta, build_pdf
from generators.pdf.style import (
    BOLD, Colours, MissingGlyph, fonts_dir, glyph_error, house_styles, register_fonts, rich_markup, table_style, text_markup,
)
from generators.registry import GENERATORS, RenderOptions

LABEL = "Docentenhandleiding"
SUMMARY_KEY, BACKGROUND_KEY, ANSWERS_KEY = "in-het-kort", "achtergrond", "antwoorden"
CONTENTS = (
    (SUMMARY_KEY, "De les in het kort"),
    (SAFETY_KEY, "Veilig lesgeven"),
    (LESSON_PLAN_KEY, "Lesverloop"),
    (BACKGROUND_KEY, "Achtergrondinformatie"),
    (ANSWERS_KEY, "Bijlage: antwoorden"),
)


def render_teacher_guide(document: LessonDocument, options: RenderOptions) -> bytes:
    """Registry entry point; a character the font lacks stops the build with a located message."""
    register_fonts(fonts_dir(options.assets_dir))
    refs = References.of(document, deck_plan(document, options))
    styles = house_styles(document.audience.typography.guide_body_pt)
    guide = Guide(styles, PageGeometry().frame_width)
    try:
        story = guide_story(guide, document, refs)
        return build_pdf(story, _meta(document), _furniture(document), refs=guide.refs)
    except MissingGlyph as error:
        where = f"{document.series}/{document.lesson_id} ({document.audience.id})"
        raise glyph_error(error, "docentenhandleiding", where) from None


def guide_story(guide: Guide, document: LessonDocument, refs: References) -> list[Flowable]:
    story = _cover(guide, document)
    story += [PageBreak(), *_summary(guide, document)]
    story += [PageBreak(), *safety_section(guide, document)]
    story += [PageBreak(), *lesson_plan(guide, document, refs)]
    story += [PageBreak(), *_background(guide, document)]
    story += [PageBreak(), *_answers(guide, document)]
    return story


def _cover(guide: Guide, document: LessonDocument) -> list[Flowable]:
    styles = guide.styles
    audience = document.audience
    kicker = f"{LABEL.upper()}  ·  {text_markup(audience.label)}"
    story: list[Flowable] = [
        guide.space(2.5),
        Paragraph(kicker, styles.label.clone("kicker", fontSize=styles.body_pt, leading=styles.body_pt * 1.3)),
        guide.space(0.3),
        Paragraph(rich_markup(document.title), styles.title.clone("cover-title", fontSize=styles.body_pt * 2.6,
                                                                    leading=styles.body_pt * 3.0)),
        guide.space(0.8),
        Paragraph(rich_markup(document.summary), styles.subtitle.clone("cover-summary", fontSize=styles.body_pt * 1.1,
                                                                        leading=styles.body_pt * 1.55)),
        guide.space(1.6),
    ]
    rows = [("Doelgroep", f"{text_markup(audience.label)}: {text_markup(audience.who)}"),
            ("Onderwijs", text_markup(audience.education)),
            ("Duur", _duration_text(document))]
    if document.school:
        rows.append(("School", text_markup(document.school.name + (f", {document.school.place}" if document.school.place else ""))))
    story += [facts_table(guide, rows), guide.space(1.6)]
    story += [minor_heading(guide, "Inhoud"), _contents(guide)]
    safety = ("<b>Lees vóór de les het deel 'Veilig lesgeven'.</b> "
              "Daar staat hoe je het onderwerp aankondigt, wat je doet als iemand je iets vertelt, "
              "de meldcode en wie je om advies vraagt.")
    where = guide.refs.line(SAFETY_KEY, guide.styles.body.clone("safety-page", fontName=BOLD),
                            prefix="Je vindt dit deel op pagina ", suffix=".")
    story += [guide.space(1.6), callout(guide, [guide.para(safety), where], warm=True)]
    return story


def _duration_text(document: LessonDocument) -> str:
    text = minutes_text(document.duration)
    if document.short_duration < document.duration:
        text += f"; verkorte route zonder de optionele activiteiten: {minutes_text(document.short_duration)}"
    return text


def _contents(guide: Guide) -> Table:
    rows = [[guide.para(text_markup(title)), guide.refs.line(key, guide.styles.body, align="right")]
            for key, title in CONTENTS]
    table = Table(rows, colWidths=[guide.width - 20 * 2.835, 20 * 2.835], hAlign="LEFT")
    table.setStyle(table_style(
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, Colours.rule),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ))
    return table


def _summary(guide: Guide, document: LessonDocument) -> list[Flowable]:
    audience = document.audience
    rows: list[tuple[str, object]] = [
        ("Doelgroep", f"{text_markup(audience.label)}: {text_markup(audience.who)} ({text_markup(audience.education)})"),
        ("Duur", _duration_text(document)),
    ]
    if document.core_goals:
        rows.append(("Kerndoelen", [guide.para(f"<b>{text_markup(g.name)}</b> ({text_markup(g.education)}): "
                                               f"{text_markup(g.description)}") for g in document.core_goals]))
    story: list[Flowable] = [section_heading(guide, SUMMARY_KEY, "De les in het kort"), facts_table(guide, rows)]
    goals = document.goals
    groups = [("Kennis", goals.knowledge), ("Vaardigheden", goals.skills), ("Houding", goals.attitude)]
    if any(items for _, items in groups):
        story += [sub_heading(guide, "Leerdoelen"), guide.para("Na deze les kunnen de deelnemers zeggen:")]
        for name, items in groups:
            if items:
                story.append(KeepTogether([minor_heading(guide, name), *rich_bullets(guide, items)]))
    if document.materials:
        story += titled(sub_heading(guide, "Benodigdheden"), rich_bullets(guide, document.materials))
    if document.preparation:
        story += titled(sub_heading(guide, "Voorbereiding"), rich_bullets(guide, document.preparation, numbered=True))
    story += titled(sub_heading(guide, "In het lespakket"), _pack_files(guide, document))
    if document.glossary:
        note = guide.para("Deze woorden staan ook op een dia aan het begin van de les en op het werkblad.")
        words = bullets(guide, [f"<b>{text_markup(e.term)}</b>: {rich_markup(e.explanation)}" for e in document.glossary])
        # Why all together: a glossary is a few lines, and one word alone at the foot of a page is easy to miss.
        story += titled(sub_heading(guide, text_markup(document.audience.glossary_title)), [note, *words],
                        len(words) + 1)
    return story


def _pack_files(guide: Guide, document: LessonDocument) -> list[Flowable]:
    """Every file of this lesson's pack with what it is for, so a teacher finds the help card and the large print.

    Why from the registry: the files a pack holds are decided there, from data (`applies_to`), never here."""
    files = [g for g in GENERATORS if g.applies_to(document)]
    return bullets(guide, [f"<b>{text_markup(g.filename)}</b>: {text_markup(g.description)}" for g in files])


def _background(guide: Guide, document: LessonDocument) -> list[Flowable]:
    story: list[Flowable] = [section_heading(guide, BACKGROUND_KEY, "Achtergrondinformatie")]
    if document.background:
        body = guide.styles.body.clone("background", spaceAfter=guide.styles.body_pt * 0.5)
        story += titled(sub_heading(guide, "Over deze les", before=0.2),
                        [guide.para(rich_markup(p), body) for p in document.background], 1)
    story += titled(sub_heading(guide, "Kernbegrippen"), shared_items(guide, document.core_concepts), 3)
    story += titled(sub_heading(guide, "Signalen van uitbuiting"), shared_items(guide, document.signals), 3)
    story += protocol_steps(guide, document.sextortion)
    story += fact_sources(guide, document.facts)
    if document.sources:
        items = []
        for source in document.sources:
            text = rich_markup(source.title)
            if source.url:
                text += f" <font color='{Colours.primary.hexval()}'>{text_markup(source.url)}</font>"
            if source.note:
                text += f" – {rich_markup(source.note)}"
            items.append(text)
        story += titled(sub_heading(guide, "Bronnen en meer lezen"), bullets(guide, items))
    return story


def _answers(guide: Guide, document: LessonDocument) -> list[Flowable]:
    story: list[Flowable] = [section_heading(guide, ANSWERS_KEY, "Bijlage: antwoorden")]
    if not any(True for _ in document.exercises):
        return story + [guide.para("Bij deze les hoort geen werkblad.")]
    story.append(guide.para("De antwoorden bij het werkblad, met dezelfde opdrachtnummers. "
                            "Bij open vragen staan punten om op te letten: andere goede antwoorden tellen ook. "
                            "Het ingevulde werkblad zit ook los in het lespakket."))
    return story + [exercise_answers(guide, exercise) for exercise in document.exercises]


def _meta(document: LessonDocument) -> PdfMeta:
    title = f"{document.title.plain} - {LABEL} ({document.audience.label})"
    subject = f"{LABEL} bij de les '{document.title.plain}' voor {document.audience.who}"
    return PdfMeta(title=title, author=document.publisher, subject=subject,
                   keywords=("docentenhandleiding", "lesbrief", "uitbuiting", "mensenhandel", document.audience.label))


def _furniture(document: LessonDocument) -> PageFurniture:
    right = f"{LABEL} · {document.audience.label}"
    if document.school:
        right = f"{document.school.name} · {right}"
    adviser = [r for r in document.teacher_help_routes if r.website and r.website in document.audience.help_url]
    advice = f" Anoniem advies: {adviser[0].name}." if adviser else ""

    def help_text(pages: Mapping[str, int]) -> str:
        return f"Zorgen om een jongere? Lees 'Veilig lesgeven' (pagina {pages[SAFETY_KEY]}).{advice}"

    return PageFurniture(header_left=document.title.plain, header_right=right, help_text=help_text,
                         help_url=document.audience.help_url)
