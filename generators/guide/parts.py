"""Building blocks of the teacher guide: bookmarked headings, bullet lists, label/value tables, boxes, fill-in lines."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from generators.lesson.document import RichText, SharedList
from generators.pdf.page_refs import PageRefs
from generators.pdf.style import Colours, HouseStyles, rich_markup, table_style, text_markup


@dataclass
class Guide:
    """What every section needs: styles, frame width, and the pages of bookmarked headings (`refs`)."""

    styles: HouseStyles
    width: float
    refs: PageRefs = field(default_factory=PageRefs)

    def para(self, markup: str, style=None) -> Paragraph:
        return Paragraph(markup, style or self.styles.body)

    def space(self, lines: float = 1.0) -> Spacer:
        return Spacer(1, self.styles.body_pt * lines)


class Heading(Paragraph):
    """A heading that puts itself in the PDF outline and records its page number when drawn."""

    def __init__(self, markup: str, style, guide: Guide, key: str, outline: str, level: int = 0):
        super().__init__(markup, style)
        self.guide = guide
        self.key = key
        self.outline = outline
        self.level = level

    def draw(self):
        canv = self.canv
        canv.bookmarkHorizontal(self.key, 0, self.height + self.style.fontSize)
        canv.addOutlineEntry(self.outline, self.key, level=self.level, closed=self.level > 0)
        if not self.guide.refs.pages:
            canv.showOutline()
        self.guide.refs.record(self.key, canv.getPageNumber())
        super().draw()


def section_heading(guide: Guide, key: str, title: str) -> Heading:
    style = guide.styles.title.clone("section", fontSize=guide.styles.body_pt * 1.75,
                                     leading=guide.styles.body_pt * 2.1, spaceAfter=guide.styles.body_pt * 0.5,
                                     keepWithNext=1)
    return Heading(text_markup(title), style, guide, key, title, level=0)


def sub_heading(guide: Guide, title_markup: str, *, key: str | None = None, outline: str | None = None,
                before: float = 1.1) -> Paragraph:
    style = guide.styles.heading.clone("sub", spaceBefore=guide.styles.body_pt * before)
    if key and outline:
        return Heading(title_markup, style, guide, key, outline, level=1)
    return Paragraph(title_markup, style)


def minor_heading(guide: Guide, title_markup: str) -> Paragraph:
    return Paragraph(title_markup, guide.styles.subheading.clone("minor", spaceBefore=guide.styles.body_pt * 0.7,
                                                                  spaceAfter=guide.styles.body_pt * 0.2))


def bullets(guide: Guide, items: Iterable[str], *, numbered: bool = False, style=None) -> list[Flowable]:
    """Already-escaped markup as a bullet (or numbered) list."""
    base = style or guide.styles.bullet
    if numbered:
        base = base.clone("numbered", leftIndent=guide.styles.body_pt * 1.5)
    return [Paragraph(item, base, bulletText=f"{i}." if numbered else "•") for i, item in enumerate(items, 1)]


def rich_bullets(guide: Guide, items: Sequence[RichText], **kw) -> list[Flowable]:
    return bullets(guide, [rich_markup(item) for item in items if item], **kw)


def shared_items(guide: Guide, shared: SharedList, *, numbered: bool = False) -> list[Flowable]:
    """A shared list from assets/data: its introduction, then 'title: explanation' items."""
    story: list[Flowable] = []
    if shared.intro:
        story.append(guide.para(text_markup(shared.intro)))
    items = [
        f"<b>{text_markup(item.title)}</b>" + (f". {text_markup(item.text)}" if item.text else "")
        for item in shared.items
    ]
    return story + bullets(guide, items, numbered=numbered)


def facts_table(guide: Guide, rows: Sequence[tuple[str, Flowable | list[Flowable] | str]], label_width: float = 36 * mm,
                ) -> Table:
    """Label/value rows in a light box: the 'in het kort' pattern of Dutch lesson guides."""
    label = guide.styles.label.clone("fact-label", fontSize=guide.styles.body_pt * 0.9,
                                     leading=guide.styles.body_pt * 1.3)
    data = [[Paragraph(text_markup(name), label), guide.para(value) if isinstance(value, str) else value]
            for name, value in rows]
    table = Table(data, colWidths=[label_width, guide.width - label_width], hAlign="LEFT", splitInRow=1)
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, -1), Colours.tint),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, Colours.white),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ))
    return table


def callout(guide: Guide, content: list[Flowable], *, warm: bool = False) -> Table:
    """A bordered, tinted box for what a teacher must not miss (safety, the shortened route)."""
    background, border = (Colours.tint_warm, Colours.accent) if warm else (Colours.tint, Colours.primary)
    table = Table([[content]], colWidths=[guide.width], hAlign="LEFT", splitInRow=1)
    table.setStyle(table_style(
        ("BACKGROUND", (0, 0), (-1, -1), background),
        ("BOX", (0, 0), (-1, -1), 1, border),
        ("LEFTPADDING", (0, 0), (-1, -1), 11),
        ("RIGHTPADDING", (0, 0), (-1, -1), 11),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
    ))
    return table


class WriteLine(Flowable):
    """A thin line to write on by hand, as tall as a comfortable line of handwriting."""

    def __init__(self, height: float = 8 * mm, colour=None):
        super().__init__()
        self.line_height = height
        self.colour = colour or Colours.writing_line

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        return availWidth, self.line_height

    def draw(self):
        self.canv.saveState()
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(0.6)
        self.canv.line(0, 2, self.width, 2)
        self.canv.restoreState()


def grid_table(guide: Guide, header: Sequence[str], rows: list[list], widths: Sequence[float], extra=()) -> Table:
    """A ruled table with a tinted header row that repeats on every page."""
    head_style = guide.styles.label.clone("th", fontSize=guide.styles.body_pt * 0.85, leading=guide.styles.body_pt * 1.15)
    data = [[Paragraph(text_markup(h), head_style) for h in header], *rows]
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(table_style(
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), Colours.tint),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, Colours.rule),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        *extra,
    ))
    return table


def titled(heading: Flowable, body: Sequence[Flowable], keep: int = 2) -> list[Flowable]:
    """A heading kept on one page with the first `keep` flowables under it, so no heading ends a page alone."""
    return [KeepTogether([heading, *body[:keep]]), *body[keep:]]
