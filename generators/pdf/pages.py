"""Page furniture and document assembly for house-style PDFs: header, help line with QR code, 'pagina x van y', metadata.

Use `build_pdf(story, meta, furniture)` to turn a list of flowables into PDF bytes. Every page gets
the header, an optional tag (e.g. "Docentversie"), the audience's help line with a vector QR code,
and "pagina x van y". Builds are byte-identical for the same input (`invariant=1`).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import partial
from typing import Callable, Mapping, Sequence

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph
from reportlab.lib.styles import ParagraphStyle

from generators.pdf.page_refs import PageRefs
from generators.pdf.style import BOLD, REGULAR, Colours, check_glyphs, text_markup
from generators.pdf.qr_code import qr_rectangles

PAGE_TOTAL_FORM = "lespakket-page-total"
HELP_QR_FORM = "lespakket-help-qr"
HELP_TEXT_FORM = "lespakket-help-text"
HelpText = str | Callable[[Mapping[str, int]], str]  # a callable gets the page of each PageRefs key


@dataclass(frozen=True)
class PdfMeta:
    """Document information; `author` is the publisher, language is always Dutch."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...] = ()
    creator: str = "lespakket"


@dataclass(frozen=True)
class PageFurniture:
    """What is drawn around the story on every page."""

    header_left: str
    header_right: str = ""
    tag: str | None = None
    help_text: HelpText | None = None
    help_url: str | None = None
    show_header_left_on_first_page: bool = False
    show_page_numbers: bool = True  # Why off: a one-page poster saying 'pagina 1 van 1' looks like a print-out


@dataclass(frozen=True)
class PageGeometry:
    size: tuple[float, float] = A4
    margin_left: float = 18 * mm
    margin_right: float = 18 * mm
    margin_top: float = 20 * mm
    margin_bottom: float = 30 * mm
    qr_size: float = 17 * mm
    footer_base: float = 8 * mm

    @property
    def frame_width(self) -> float:
        return self.size[0] - self.margin_left - self.margin_right

    @property
    def frame_height(self) -> float:
        return self.size[1] - self.margin_top - self.margin_bottom


def _footer_style() -> ParagraphStyle:
    return ParagraphStyle(
        "footer", fontName=REGULAR, fontSize=8.5, leading=10.5, textColor=Colours.muted, hyphenationLang="",
    )


class _PageDecorator:
    """The onPage callback: draws furniture; the help text and page total are forms filled in at save time.

    Why forms: the footer is the same on every page, so it is laid out once instead of once a page,
    and its text may name the page of a section that is only drawn later.
    """

    def __init__(self, furniture: PageFurniture, geometry: PageGeometry):
        for text in (furniture.header_left, furniture.header_right, furniture.tag or ""):
            check_glyphs(text)
        self.furniture = furniture
        self.geometry = geometry
        self._qr_defined = False

    def __call__(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        self._header(canv, canv.getPageNumber())
        self._footer(canv, canv.getPageNumber())
        canv.restoreState()

    def _header(self, canv: Canvas, page: int) -> None:
        g, f = self.geometry, self.furniture
        width, height = g.size
        baseline = height - 12 * mm
        right = width - g.margin_right
        if f.tag:
            canv.setFont(BOLD, 10)
            tag_width = canv.stringWidth(f.tag.upper(), BOLD, 10) + 6 * mm
            canv.setFillColor(Colours.teacher)
            canv.roundRect(right - tag_width, baseline - 2.6 * mm, tag_width, 7.4 * mm, 1.6 * mm, stroke=0, fill=1)
            canv.setFillColor(Colours.white)
            canv.drawCentredString(right - tag_width / 2, baseline - 0.2 * mm, f.tag.upper())
            right -= tag_width + 4 * mm
        canv.setFont(REGULAR, 9)
        canv.setFillColor(Colours.muted)
        # Why at most 60%: a school's long name is in header_right, and the lesson title must keep room beside it.
        header_right = _fit(f.header_right, REGULAR, 9, (right - g.margin_left) * 0.6)
        canv.drawRightString(right, baseline, header_right)
        if page > 1 or f.show_header_left_on_first_page:
            canv.setFont(BOLD, 9)
            canv.setFillColor(Colours.primary)
            room = right - g.margin_left - max(60 * mm, stringWidth(header_right, REGULAR, 9) + 6 * mm)
            canv.drawString(g.margin_left, baseline, _fit(f.header_left, BOLD, 9, room))
        canv.setStrokeColor(Colours.rule)
        canv.setLineWidth(0.6)
        canv.line(g.margin_left, baseline - 4 * mm, width - g.margin_right, baseline - 4 * mm)

    def _footer(self, canv: Canvas, page: int) -> None:
        g, f = self.geometry, self.furniture
        width = g.size[0]
        top = g.footer_base + g.qr_size + 2 * mm
        canv.setStrokeColor(Colours.rule)
        canv.setLineWidth(0.6)
        canv.line(g.margin_left, top, width - g.margin_right, top)
        if f.help_url:
            self._draw_qr(canv, g.margin_left, g.footer_base)
        if f.help_text:
            canv.saveState()
            canv.translate(self._help_left(), g.footer_base)
            canv.doForm(HELP_TEXT_FORM)
            canv.restoreState()
        if not f.show_page_numbers:
            return
        number_text = f"pagina {page} van "
        number_x = self._number_left()
        number_y = g.footer_base + g.qr_size / 2 - 3
        canv.setFont(REGULAR, 9)
        canv.setFillColor(Colours.muted)
        canv.drawString(number_x, number_y, number_text)
        canv.saveState()
        canv.translate(number_x + canv.stringWidth(number_text, REGULAR, 9), number_y)
        canv.doForm(PAGE_TOTAL_FORM)
        canv.restoreState()

    def _help_left(self) -> float:
        g = self.geometry
        return g.margin_left + (g.qr_size + 3 * mm if self.furniture.help_url else 0)

    def _number_left(self) -> float:
        return self.geometry.size[0] - self.geometry.margin_right - stringWidth("pagina 00 van 00", REGULAR, 9)

    def define_forms(self, canv: Canvas, pages: Mapping[str, int]) -> None:
        """The help text, once every page is drawn (so it may name the page of any section)."""
        f, g = self.furniture, self.geometry
        if not f.help_text:
            return
        text = f.help_text if isinstance(f.help_text, str) else f.help_text(pages)
        check_glyphs(text)
        shown = text_markup(text)
        if f.help_url:
            shown += f"<br/><font name='{BOLD}' color='{Colours.primary.hexval()}'>{text_markup(_display_url(f.help_url))}</font>"
        width, height = self._number_left() - 6 * mm - self._help_left(), g.qr_size + 4 * mm
        para = Paragraph(shown, _footer_style())
        _, h = para.wrap(width, height)
        canv.beginForm(HELP_TEXT_FORM, 0, 0, width, max(height, h))
        para.drawOn(canv, 0, max(0, (g.qr_size - h) / 2))
        canv.endForm()

    def _draw_qr(self, canv: Canvas, x: float, y: float) -> None:
        """Why: one form XObject drawn on every page keeps the file small (the code has ~600 modules)."""
        if not self._qr_defined:
            canv.beginForm(HELP_QR_FORM, 0, 0, self.geometry.qr_size, self.geometry.qr_size)
            draw_qr(canv, self.furniture.help_url or "", self.geometry.qr_size)
            canv.endForm()
            self._qr_defined = True
        canv.saveState()
        canv.translate(x, y)
        canv.doForm(HELP_QR_FORM)
        canv.restoreState()


def draw_qr(canv: Canvas, url: str, size: float) -> None:
    """A vector QR code (error correction M, quiet zone included) in a `size` square at the origin.

    Why: drawing the widget's rectangles ourselves instead of through renderPDF keeps the
    renderer's default Times-Roman out of the font resources, so every font in the file is embedded.
    """
    canv.saveState()
    canv.setFillColor(Colours.ink)
    for x, y, w, h in qr_rectangles(url, size):
        canv.rect(x, y, w, h, stroke=0, fill=1)
    canv.restoreState()


def _display_url(url: str) -> str:
    return url.removeprefix("https://").removeprefix("http://").rstrip("/")


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class _HouseCanvas(Canvas):
    """Defines the late forms (page total, footer text, page references) just before saving."""

    def __init__(self, *args, late_forms: Sequence[Callable[[Canvas], None]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self._late_forms = late_forms

    def save(self) -> None:
        total = self.getPageNumber() - 1 if not self._code else self.getPageNumber()
        self.beginForm(PAGE_TOTAL_FORM, 0, -4, 40, 12)
        self.setFont(REGULAR, 9)
        self.setFillColor(Colours.muted)
        self.drawString(0, 0, str(total))
        self.endForm()
        for define in self._late_forms:
            define(self)
        super().save()


class HouseDocTemplate(BaseDocTemplate):
    """A4 (or `geometry.size`) with one frame and the house furniture on every page."""

    def __init__(self, buffer: io.BytesIO, meta: PdfMeta, furniture: PageFurniture, geometry: PageGeometry):
        for text in (meta.title, meta.author, meta.subject, *meta.keywords):
            check_glyphs(text)
        super().__init__(
            buffer,
            pagesize=geometry.size,
            leftMargin=geometry.margin_left,
            rightMargin=geometry.margin_right,
            topMargin=geometry.margin_top,
            bottomMargin=geometry.margin_bottom,
            title=meta.title,
            author=meta.author,
            subject=meta.subject,
            keywords=", ".join(meta.keywords),
            creator=meta.creator,
            producer=meta.creator,
            lang="nl-NL",
            displayDocTitle=1,
            invariant=1,
            initialFontName=REGULAR,
        )
        frame = Frame(
            geometry.margin_left, geometry.margin_bottom, geometry.frame_width, geometry.frame_height,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body",
        )
        self.decorator = _PageDecorator(furniture, geometry)
        self.addPageTemplates([PageTemplate(id="house", frames=[frame], onPage=self.decorator)])


def build_pdf(
    story: Sequence[Flowable],
    meta: PdfMeta,
    furniture: PageFurniture,
    geometry: PageGeometry = PageGeometry(),
    refs: PageRefs | None = None,
) -> bytes:
    """Lay out `story` in the house style in one pass and return the PDF bytes.

    `refs` is where the story's page references (PageRefs.line) and recorded places live.
    """
    refs = refs or PageRefs()
    buffer = io.BytesIO()
    doc = HouseDocTemplate(buffer, meta, furniture, geometry)
    late = (partial(_define_help, doc.decorator, refs), refs.define_forms)
    doc.build(list(story), canvasmaker=partial(_HouseCanvas, late_forms=late))
    return buffer.getvalue()


def _define_help(decorator: _PageDecorator, refs: PageRefs, canv: Canvas) -> None:
    decorator.define_forms(canv, refs.pages)
