"""Worksheet PDFs for one lesson document: the pupil sheet, the answer key (Docentversie) and the fillable digital sheet."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from generators.diagnostics import BuildAborted
from generators.lesson.document import LessonDocument
from generators.pdf.pages import PageFurniture, PageGeometry, PdfMeta, build_pdf
from generators.pdf.style import (
    Colours, MissingGlyph, fonts_dir, glyph_error, house_styles, mm_to_pt, register_fonts, rich_markup, table_style,
    text_markup,
)
from generators.registry import RenderOptions
from generators.data.school_limits import role_text
from generators.worksheet.exercises import Sheet, exercise_flowables
from generators.worksheet.parts import FillLine

TEACHER_TAG = "Docentversie"


@dataclass(frozen=True)
class Version:
    """Which of the three worksheet PDFs is drawn; the layout is the same for all."""

    label: str
    answers: bool
    fillable: bool


PUPIL = Version("Werkblad", answers=False, fillable=False)
ANSWER_KEY = Version("Werkblad met antwoorden", answers=True, fillable=False)
DIGITAL = Version("Werkblad (digitaal invullen)", answers=False, fillable=True)


def render_worksheet(document: LessonDocument, options: RenderOptions) -> bytes:
    return worksheet_pdf(document, options, PUPIL)


def render_answer_key(document: LessonDocument, options: RenderOptions) -> bytes:
    return worksheet_pdf(document, options, ANSWER_KEY)


def render_digital_worksheet(document: LessonDocument, options: RenderOptions) -> bytes:
    return worksheet_pdf(document, options, DIGITAL)


def worksheet_pdf(document: LessonDocument, options: RenderOptions, version: Version) -> bytes:
    register_fonts(fonts_dir(options.assets_dir))
    try:
        story = worksheet_story(document, version)
        return build_pdf(story, _meta(document, version), _furniture(document, version))
    except MissingGlyph as error:
        raise _located(error, document, "werkblad") from None


def worksheet_story(document: LessonDocument, version: Version) -> list[Flowable]:
    """The flowables of one worksheet version; a MissingGlyph names the exercise it came from."""
    typography = document.audience.typography
    styles = house_styles(typography.worksheet_body_pt)
    spacing = mm_to_pt(typography.worksheet_line_spacing_mm)
    sheet = Sheet(styles, version.answers, version.fillable, spacing, PageGeometry().frame_width)
    story: list[Flowable] = _title_block(document, version, sheet)
    if document.glossary:
        story += [_glossary_box(document, sheet), Spacer(1, styles.body_pt * 1.4)]
    for exercise in document.exercises:
        try:
            story += exercise_flowables(exercise, sheet)
        except MissingGlyph as error:
            raise _located(error, document, f"opdracht {exercise.head.number}") from None
    story += [Spacer(1, styles.body_pt * 1.8), _help_box(document, sheet)]
    return story


def _title_block(document: LessonDocument, version: Version, sheet: Sheet) -> list[Flowable]:
    styles = sheet.styles
    kicker = f"{version.label.upper()}  ·  {text_markup(document.audience.label)}"
    block: list[Flowable] = [
        Paragraph(kicker, styles.label),
        Spacer(1, 2),
        Paragraph(rich_markup(document.title), styles.title),
        Spacer(1, styles.body_pt * 0.6),
    ]
    if version.answers:
        note = (f"<b>{TEACHER_TAG}</b>: met antwoorden en aandachtspunten (in het groen). "
                "Niet uitdelen aan leerlingen.")
        block.append(Paragraph(note, styles.body.clone("teacher-note", textColor=Colours.teacher)))
    else:
        block.append(_name_fields(sheet))
    block.append(Spacer(1, styles.body_pt * 1.4))
    return [KeepTogether(block)]


def _name_fields(sheet: Sheet) -> Table:
    label = sheet.styles.body_bold
    height = max(8 * mm, sheet.styles.leading * 1.5)
    row, widths = [], []
    for name, line_width in (("Naam", None), ("Klas", 24 * mm), ("Datum", 30 * mm)):
        row += [Paragraph(f"{name}:", label), FillLine(height, sheet.field(name.lower()), name)]
        widths += [stringWidth(f"{name}:", label.fontName, label.fontSize) + 8, line_width]
    table = Table([row], colWidths=widths, hAlign="LEFT")
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ))
    return table


def _glossary_box(document: LessonDocument, sheet: Sheet) -> Flowable:
    """The lesson's hard words with their plain explanation, above the exercises: the same words as on the slide.

    Why a tinted box with the term in its own column: a pupil finds a word by scanning the left edge."""
    styles = sheet.styles
    term_style = styles.body_bold
    rows = [[Paragraph(text_markup(document.audience.glossary_title), styles.box_title), ""]]
    rows += [[Paragraph(text_markup(entry.term), term_style), Paragraph(rich_markup(entry.explanation), styles.body)]
             for entry in document.glossary]
    widest = max(stringWidth(entry.term, term_style.fontName, term_style.fontSize) for entry in document.glossary)
    term_width = min(max(widest + 18, 30 * mm), sheet.width * 0.4)
    table = Table(rows, colWidths=[term_width, None], hAlign="LEFT", repeatRows=1, splitInRow=1)
    table.setStyle(_box_style(("SPAN", (0, 0), (-1, 0)), ("LINEBELOW", (0, 1), (-1, -2), 0.5, Colours.white),
                              padding=(8, 4, 5)))
    return table


def _help_box(document: LessonDocument, sheet: Sheet) -> Flowable:
    """Every pupil-facing sheet ends with where to get help, anonymously too, and who at school; two columns keep
    it short, and a long list continues on the next page under the same title."""
    styles = sheet.styles
    routes, school, school_help = document.help_routes, document.school, document.audience.school_help
    cells = []
    for route in routes:
        reach = " · ".join(text_markup(x) for x in (route.phone_to_show, route.website) if x)
        extra = " <i>(anoniem)</i>" if route.anonymous else ""
        cells.append(Paragraph(f"<b>{text_markup(route.name)}</b>{extra}<br/>{reach}", styles.small_ink))
    rows = [[Paragraph("Hier kun je terecht", styles.box_title), ""], *_pairs(cells)]
    spans = [("SPAN", (0, 0), (-1, 0))]
    if school and school.contacts:
        head = styles.small_ink.clone("school-head", fontName=styles.body_bold.fontName, spaceBefore=3)
        spans.append(("SPAN", (0, len(rows)), (-1, len(rows))))
        rows.append([Paragraph(f"Op school: {text_markup(school.name)}", head), ""])
        rows += _pairs([Paragraph(f"<b>{text_markup(c.name)}</b>, {text_markup(role_text(c.role, c.function))}"
                                  f"<br/>{text_markup(c.reach)}", styles.small_ink) for c in school.contacts])
    else:
        spans.append(("SPAN", (0, len(rows)), (-1, len(rows))))
        at_school = f"<b>{text_markup(school_help.lead)}:</b> {text_markup(school_help.for_pupils)}."
        rows.append([Paragraph(at_school, styles.small_ink.clone("school-roles", spaceBefore=3)), ""])
    table = Table(rows, colWidths=["50%", "50%"], hAlign="LEFT", repeatRows=1, splitInRow=1)
    table.setStyle(_box_style(*spans, padding=(6, 3, 3)))
    return KeepTogether([table])


def _box_style(*extra: tuple, padding: tuple[float, float, float]):
    """A tinted box with a title row: `padding` is (right, top, bottom) of the rows; the title and last row get more."""
    right, top, bottom = padding
    return table_style(
        *extra,
        ("BOX", (0, 0), (-1, -1), 1, Colours.primary),
        ("BACKGROUND", (0, 0), (-1, -1), Colours.tint),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), right),
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
        ("TOPPADDING", (0, 0), (-1, 0), 8),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 9),
    )


def _pairs(cells: list) -> list[list]:
    """Cells two to a row, the last row padded."""
    padded = cells + [""] * (len(cells) % 2)
    return [padded[i:i + 2] for i in range(0, len(padded), 2)]


def _meta(document: LessonDocument, version: Version) -> PdfMeta:
    title = f"{document.title.plain} - {version.label} ({document.audience.label})"
    subject = f"{version.label} bij de les '{document.title.plain}' voor {document.audience.who}"
    return PdfMeta(title=title, author=document.publisher, subject=subject,
                   keywords=("werkblad", "uitbuiting", "mensenhandel", document.audience.label))


def _furniture(document: LessonDocument, version: Version) -> PageFurniture:
    right = f"{version.label} · {document.audience.label}"
    if document.school:
        right = f"{document.school.name} · {right}"
    return PageFurniture(
        header_left=document.title.plain,
        header_right=right,
        tag=TEACHER_TAG if version.answers else None,
        help_text=document.audience.help_text,
        help_url=document.audience.help_url,
    )


def _located(error: MissingGlyph, document: LessonDocument, where: str) -> BuildAborted:
    return glyph_error(error, where, f"{document.series}/{document.lesson_id} ({document.audience.id})")
