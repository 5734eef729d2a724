"""Cards to cut out: a grid of equal cards on A4 with cut lines and cut marks, each side drawn once and repeated."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Callable, Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from generators.lesson.document import LessonDocument
from generators.pdf.pages import PdfMeta
from generators.pdf.style import REGULAR, Colours, MissingGlyph, check_glyphs, fonts_dir, glyph_error, register_fonts
from generators.registry import RenderOptions

DrawCard = Callable[[Canvas], None]
"""Draws one card with its lower left corner at the origin."""

MARK_GAP = 2 * mm
MARK_LENGTH = 4 * mm
CAPTION_PT = 7.5
CAPTION_FROM_TOP = 8 * mm


@dataclass(frozen=True)
class CardGrid:
    """`columns` x `rows` cards of `card` size (width, height), touching, centred on the page.

    Why touching and centred: one straight cut separates two cards, and a back printed on the
    other side of the sheet lands behind its front whichever edge the printer turns the sheet over.
    """

    card: tuple[float, float]
    columns: int
    rows: int
    page: tuple[float, float] = A4

    @property
    def left(self) -> float:
        return (self.page[0] - self.columns * self.card[0]) / 2

    @property
    def bottom(self) -> float:
        return (self.page[1] - self.rows * self.card[1]) / 2

    def cells(self) -> list[tuple[float, float]]:
        """The lower left corner of every card, row by row from the top, left to right."""
        width, height = self.card
        return [
            (self.left + column * width, self.bottom + (self.rows - 1 - row) * height)
            for row in range(self.rows) for column in range(self.columns)
        ]

    @property
    def has_margin(self) -> bool:
        """Whether there is paper around the grid for cut marks (four A6 cards fill A4 to its edges)."""
        return min(self.left, self.bottom) >= MARK_GAP + MARK_LENGTH


@dataclass(frozen=True)
class Side:
    """One printed page: the cards on it, in the order of `CardGrid.cells`, and captions in the top margin.

    `captions` are centred over the columns, one each at most, so they never cross a cut mark; a grid
    without a margin (A6 on A4) has no room for them.
    """

    cards: Sequence[DrawCard]
    captions: Sequence[str] = ()


def cards_pdf(document: LessonDocument, options: RenderOptions, grid: CardGrid, sides: Callable[[], Sequence[Side]],
              label: str, purpose: str, keywords: tuple[str, ...]) -> bytes:
    """The cards of one lesson for one audience: `label` names them ('Hulpkaart'), `purpose` says what for.

    A character the font lacks stops the build with a message that names the cards and the lesson."""
    register_fonts(fonts_dir(options.assets_dir))
    audience, title = document.audience, document.title.plain
    meta = PdfMeta(
        title=f"{title} - {label} ({audience.label})", author=document.publisher,
        subject=f"{purpose} bij de les '{title}' voor {audience.who}", keywords=(*keywords, audience.label),
    )
    try:
        return cut_sheets_pdf(meta, grid, sides())
    except MissingGlyph as error:
        raise glyph_error(error, label.lower(), f"{document.series}/{document.lesson_id} ({audience.id})") from None


def cut_sheets_pdf(meta: PdfMeta, grid: CardGrid, sides: Sequence[Side]) -> bytes:
    """A PDF with one page per side; the same input gives the same bytes."""
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=grid.page, invariant=1, lang="nl-NL", initialFontName=REGULAR)
    for text in (meta.title, meta.author, meta.subject, *meta.keywords):
        check_glyphs(text)
    canv.setTitle(meta.title)
    canv.setAuthor(meta.author)
    canv.setSubject(meta.subject)
    canv.setKeywords(", ".join(meta.keywords))
    canv.setCreator(meta.creator)
    canv.setProducer(meta.creator)
    canv.setViewerPreference("DisplayDocTitle", "true")
    forms: dict[int, str] = {}
    for side in sides:
        for (x, y), draw in zip(grid.cells(), side.cards):
            name = forms.get(id(draw))
            if name is None:  # Why a form: ten equal cards are drawn once and placed ten times
                name = forms[id(draw)] = f"lespakket-card-{len(forms)}"
                canv.beginForm(name, 0, 0, *grid.card)
                draw(canv)
                canv.endForm()
            canv.saveState()
            canv.translate(x, y)
            canv.doForm(name)
            canv.restoreState()
        _cut_lines(canv, grid)
        _captions(canv, grid, side.captions)
        canv.showPage()
    canv.save()
    return buffer.getvalue()


def _cut_lines(canv: Canvas, grid: CardGrid) -> None:
    """Dashed lines along every edge to cut with scissors, and solid marks outside the grid for a paper cutter."""
    width, height = grid.card
    left, bottom = grid.left, grid.bottom
    right, top = left + grid.columns * width, bottom + grid.rows * height
    xs = [left + i * width for i in range(grid.columns + 1)]
    ys = [bottom + i * height for i in range(grid.rows + 1)]
    inner_xs, inner_ys = (xs, ys) if grid.has_margin else (xs[1:-1], ys[1:-1])
    canv.saveState()
    canv.setStrokeColor(Colours.rule)
    canv.setLineWidth(0.5)
    canv.setDash(3, 2)
    for x in inner_xs:
        canv.line(x, max(bottom, 0), x, min(top, grid.page[1]))
    for y in inner_ys:
        canv.line(max(left, 0), y, min(right, grid.page[0]), y)
    canv.restoreState()
    if not grid.has_margin:
        return
    canv.saveState()
    canv.setStrokeColor(Colours.ink)
    canv.setLineWidth(0.5)
    near, far = MARK_GAP, MARK_GAP + MARK_LENGTH
    for x in xs:
        canv.line(x, top + near, x, top + far)
        canv.line(x, bottom - near, x, bottom - far)
    for y in ys:
        canv.line(left - near, y, left - far, y)
        canv.line(right + near, y, right + far, y)
    canv.restoreState()


def _captions(canv: Canvas, grid: CardGrid, captions: Sequence[str]) -> None:
    if not captions or not grid.has_margin:
        return
    canv.saveState()
    canv.setFont(REGULAR, CAPTION_PT)
    canv.setFillColor(Colours.muted)
    y = grid.page[1] - CAPTION_FROM_TOP
    for column, text in enumerate(captions[:grid.columns]):
        canv.drawCentredString(grid.left + (column + 0.5) * grid.card[0], y, check_glyphs(text))
    canv.restoreState()


def shortened(text: str, font: str, size: float, width: float) -> str:
    """`text` (checked for glyphs), cut with an ellipsis when wider than `width`: a long name in a card's band."""
    check_glyphs(text)
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
