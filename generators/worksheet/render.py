"""Worksheet PDFs for one lesson document: the pupil sheet, the answer key (Docentversie) and the fillable digital sheet."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from generators.diagnostics import BuildAborted
from generators.lesson.document import LessonDocument, Typography
from generators.pdf.page_refs import PageRefs
from generators.pdf.pages import PageFurniture, PageGeometry, PdfMeta, build_pdf
from generators.pdf.style import (
    REGULAR, Colours, HouseStyles, MissingGlyph, fonts_dir, glyph_error, house_styles, mm_to_pt, register_fonts,
    rich_markup, table_style, text_markup,
)
from generators.registry import RenderOptions
from generators.data.school_limits import role_text
from generators.worksheet.exercises import Sheet, exercise_flowables
from generators.worksheet.parts import FillLine

TEACHER_TAG = "Docentversie"
LAST_PART, HELP_END = "laatste-deel", "einde-hulpvak"
LARGE_PRINT_PT = 16.0
"""Why 16: large-print guidance asks at least 16 pt for low vision; for dyslexia 12-14 pt is enough, so both are served."""
LARGE_PRINT_MIN_PT = 14.0
LARGE_PRINT_SPACING_MM = 14.0


@dataclass(frozen=True)
class Look:
    """How large and how loose a sheet is set: the audience's own sizes, or large print."""

    body_pt: float
    line_spacing_mm: float  # between writing lines
    leading: float = 1.38  # between lines of text, times the type size
    hyphenate: bool = True
    min_pt: float = 8.0
    extra_lines: int = 0  # writing lines beyond what the exercise asks
    italic_instructions: bool = True
    help_columns: int = 2  # the help box; in one column each help line takes one line


def regular_look(typography: Typography) -> Look:
    return Look(typography.worksheet_body_pt, typography.worksheet_line_spacing_mm)


def large_print_look(typography: Typography) -> Look:
    """For pupils with dyslexia or low vision: 16 pt, 1.5 line spacing, ragged right, whole words, more room to write.

    Why no italics: slanted letters are harder to read for the same pupils; instructions differ by colour only.
    """
    return Look(
        body_pt=max(LARGE_PRINT_PT, typography.worksheet_body_pt),
        line_spacing_mm=max(LARGE_PRINT_SPACING_MM, typography.worksheet_line_spacing_mm + 2),
        leading=1.5, hyphenate=False, min_pt=LARGE_PRINT_MIN_PT, extra_lines=1, italic_instructions=False,
        help_columns=1,
    )


@dataclass(frozen=True)
class Version:
    """Which of the worksheet PDFs is drawn; the layout is the same for all, `look` sets its sizes."""

    label: str
    answers: bool
    fillable: bool
    look: Callable[[Typography], Look] = regular_look


PUPIL = Version("Werkblad", answers=False, fillable=False)
ANSWER_KEY = Version("Werkblad met antwoorden", answers=True, fillable=False)
DIGITAL = Version("Werkblad (digitaal invullen)", answers=False, fillable=True)
LARGE_PRINT = Version("Werkblad in grote letters", answers=False, fillable=False, look=large_print_look)


def render_worksheet(document: LessonDocument, options: RenderOptions) -> bytes:
    return worksheet_pdf(document, options, PUPIL)


def render_answer_key(document: LessonDocument, options: RenderOptions) -> bytes:
    return worksheet_pdf(document, options, ANSWER_KEY)


def render_digital_worksheet(document: LessonDocument, options: RenderOptions) -> bytes:
    return worksheet_pdf(document, options, DIGITAL)


def render_large_print_worksheet(document: LessonDocument, options: RenderOptions) -> bytes:
    return worksheet_pdf(document, options, LARGE_PRINT)


def worksheet_pdf(document: LessonDocument, options: RenderOptions, version: Version) -> bytes:
    """The sheet with the help box after the last exercise, on one page with (the last part of) it; else before it.

    Why a second layout only then: whether they share a page is known once the pages are made, and they do not
    only when the last exercise and the help box are together taller than a page (large print, many contacts).
    Then the help box would start or end a page alone, or with a few writing lines whose question is a page back.
    """
    register_fonts(fonts_dir(options.assets_dir))
    meta, furniture = _meta(document, version), _furniture(document, version)
    try:
        refs = PageRefs()
        pdf = build_pdf(worksheet_story(document, version, refs), meta, furniture, refs=refs)
        if refs.pages.get(HELP_END, 0) > refs.pages.get(LAST_PART, 0) > 0:
            pdf = build_pdf(worksheet_story(document, version, help_before_last=True), meta, furniture)
        return pdf
    except MissingGlyph as error:
        raise _located(error, document, "werkblad") from None


def worksheet_story(document: LessonDocument, version: Version, refs: PageRefs | None = None,
                    help_before_last: bool = False) -> list[Flowable]:
    """The flowables of one worksheet version; a MissingGlyph names the exercise it came from.

    The help box stays on the page of the exercise before it (`refs` records the page where the last exercise's
    last part starts and where the help box ends). Why: a last page with only the help box looks like a print-out
    that went wrong.
    """
    look = version.look(document.audience.typography)
    styles = _styles(look)
    sheet = Sheet(styles, version.answers, version.fillable, mm_to_pt(look.line_spacing_mm), PageGeometry().frame_width,
                  extra_lines=look.extra_lines)
    story: list[Flowable] = _title_block(document, version, sheet)
    if document.glossary:
        story += [_glossary_box(document, sheet), Spacer(1, styles.body_pt * 1.4)]
    help_box = [Spacer(1, styles.body_pt * 1.8), _help_box(document, sheet, look.help_columns)]
    mark = None
    if refs:
        help_box, mark = [*help_box, _Mark(refs, HELP_END)], _Mark(refs, LAST_PART)
    exercises = list(document.exercises)
    carrier = len(exercises) - (2 if help_before_last else 1)
    if carrier < 0:
        story.append(KeepTogether(help_box))
    for i, exercise in enumerate(exercises):
        try:
            if i == carrier:
                story += exercise_flowables(exercise, sheet, help_box, mark)
            else:
                story += exercise_flowables(exercise, sheet)
        except MissingGlyph as error:
            raise _located(error, document, f"opdracht {exercise.head.number}") from None
    return story


class _Mark(Flowable):
    """Takes no room; records the page it lands on."""

    def __init__(self, refs: PageRefs, key: str):
        super().__init__()
        self.refs, self.key = refs, key

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        self.refs.record(self.key, self.canv.getPageNumber())


def _styles(look: Look) -> HouseStyles:
    styles = house_styles(look.body_pt, leading_factor=look.leading, hyphenate=look.hyphenate, min_pt=look.min_pt)
    if look.italic_instructions:
        return styles
    return replace(styles, instruction=styles.instruction.clone("instruction-upright", fontName=REGULAR))


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
        block.append(_name_fields(sheet, document.audience.name_fields))
    block.append(Spacer(1, styles.body_pt * 1.4))
    return [KeepTogether(block)]


def _name_fields(sheet: Sheet, names: tuple[str, ...]) -> Table:
    """'Naam: ____  Klas: ____  Datum: ____': the first line takes the room the others leave."""
    label = sheet.styles.body_bold
    height = max(8 * mm, sheet.styles.leading * 1.5)
    short = 30 * mm * max(1.0, sheet.styles.body_pt / 14)  # Why wider for large print: the handwriting is larger too
    row, widths = [], []
    for i, name in enumerate(names):
        row += [Paragraph(f"{text_markup(name)}:", label), FillLine(height, sheet.field(name.lower()), name)]
        widths += [stringWidth(f"{name}:", label.fontName, label.fontSize) + 8, None if i == 0 else short]
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


def _help_box(document: LessonDocument, sheet: Sheet, columns: int) -> Flowable:
    """Every pupil-facing sheet ends with where to get help, anonymously too, and who at school; two columns keep
    it short, and a long list continues on the next page under the same title.

    Why one column in large print: half the width no longer holds a web address in 14 pt, and an address
    broken in the middle cannot be typed; one line per help line keeps the box short instead."""
    styles = sheet.styles
    routes, school, school_help = document.help_routes, document.school, document.audience.school_help
    cells = []
    for route in routes:
        reach = " · ".join(text_markup(x) for x in (route.phone_to_show, route.website) if x)
        extra = " <i>(anoniem)</i>" if route.anonymous else ""
        between = "<br/>" if columns == 2 else " · " if reach else ""
        cells.append(Paragraph(f"<b>{text_markup(route.name)}</b>{extra}{between}{reach}", styles.small_ink))
    rows = [[Paragraph("Hier kun je terecht", styles.box_title), ""], *_pairs(cells, columns)]
    spans = [("SPAN", (0, 0), (-1, 0))]
    if school and school.contacts:
        head = styles.small_ink.clone("school-head", fontName=styles.body_bold.fontName, spaceBefore=3)
        spans.append(("SPAN", (0, len(rows)), (-1, len(rows))))
        rows.append([Paragraph(f"Op school: {text_markup(school.name)}", head), ""])
        rows += _pairs([Paragraph(f"<b>{text_markup(c.name)}</b>, {text_markup(role_text(c.role, c.function))}"
                                  f"<br/>{text_markup(c.reach)}", styles.small_ink) for c in school.contacts], columns)
    else:
        spans.append(("SPAN", (0, len(rows)), (-1, len(rows))))
        at_school = f"<b>{text_markup(school_help.lead)}:</b> {text_markup(school_help.for_pupils)}."
        rows.append([Paragraph(at_school, styles.small_ink.clone("school-roles", spaceBefore=3)), ""])
    if columns == 1:
        spans = [("SPAN", (0, row), (-1, row)) for row in range(len(rows))]
    table = Table(rows, colWidths=["50%", "50%"], hAlign="LEFT", repeatRows=1, splitInRow=1)
    table.setStyle(_box_style(*spans, padding=(6, 3, 3)))
    return table


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


def _pairs(cells: list, columns: int) -> list[list]:
    """Cells two to a row, the last row padded; in one column, one to a row beside an empty cell."""
    if columns == 1:
        return [[cell, ""] for cell in cells]
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
