"""The PDF house style shared by every printed artifact: fonts, colours, paragraph styles, safe markup.

Worksheets, answer keys, the teacher guide and the print materials all take their look from here,
so a change of colour or type happens in one place. Page furniture (header, footer, help line,
page numbers) and metadata live in `pdf_pages`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable
from xml.sax.saxutils import escape

import pyphen
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, TableStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from generators.diagnostics import BuildAborted, Diagnostics, Location
from generators.lesson.document import RichText
from generators.pdf.qr_code import qr_rectangles

FONT_FAMILY = "Carlito"
FONT_FILES = {
    "Carlito": "Carlito-Regular.ttf",
    "Carlito-Bold": "Carlito-Bold.ttf",
    "Carlito-Italic": "Carlito-Italic.ttf",
    "Carlito-BoldItalic": "Carlito-BoldItalic.ttf",
}
REGULAR, BOLD, ITALIC, BOLD_ITALIC = FONT_FILES
FIELD_FONT = "Helvetica"
"""Why: reportlab's AcroForm fields only take the standard-14 fonts; fields start empty, so nothing of ours is set in it."""

HYPHENATION_LANG = "nl_NL"


class Colours:
    """The palette: a calm dark teal for structure, a warm accent, and one colour that means 'answer'."""

    ink = colors.HexColor("#1E2A32")
    muted = colors.HexColor("#5B6770")
    primary = colors.HexColor("#1F5C73")
    accent = colors.HexColor("#D9822B")
    tint = colors.HexColor("#EAF2F5")
    tint_warm = colors.HexColor("#FBF1E6")
    rule = colors.HexColor("#9FB3BD")
    writing_line = colors.HexColor("#A9B4BA")
    answer = colors.HexColor("#0B6E4F")
    answer_tint = colors.HexColor("#E6F4EE")
    teacher = colors.HexColor("#B3261E")
    white = colors.white


@lru_cache(maxsize=None)
def register_fonts(fonts_dir: Path) -> str:
    """Register Carlito (four faces) once per process and return the family name for styles.

    Why: TrueType fonts are embedded (subset) by reportlab, unlike the built-in Helvetica, and
    registering the family lets `<b>` and `<i>` in markup pick the right face.
    """
    for name, filename in FONT_FILES.items():
        path = fonts_dir / "carlito" / filename
        if not path.is_file():
            raise FileNotFoundError(f"Lettertype ontbreekt: {path}")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FONT_FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
    return FONT_FAMILY


def fonts_dir(assets_dir: Path) -> Path:
    return assets_dir / "fonts"


def warm_up(options) -> None:
    """Register the fonts, load the Dutch hyphenation patterns, Pillow's image readers and the QR encoder before the first PDF.

    Why the image readers: the first picture a worker puts in a PDF loads five of them (about 10 ms),
    in every worker; loaded here, the workers share them.
    """
    from PIL import Image

    Image.preinit()
    pyphen.Pyphen(lang=HYPHENATION_LANG)  # Why: parsed once here (0.2 s), pyphen keeps it for the workers
    register_fonts(fonts_dir(options.assets_dir))
    Paragraph("Voorbereiding lesmateriaal", house_styles(11).body).wrap(40, 1000)
    qr_rectangles("lespakket", 40.0)  # Why: the QR encoder loads its text codecs on its first code


# --- the glyph check ------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _covered(font_name: str) -> frozenset[int]:
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def missing_glyphs(text: str, font_name: str = REGULAR) -> list[str]:
    """Characters of `text` the (registered) font cannot draw, in order of first appearance."""
    covered = _covered(font_name)
    return list(dict.fromkeys(c for c in text if ord(c) not in covered and c not in "\n\t"))


class MissingGlyph(ValueError):
    """Raised while building the story; `glyph_error` turns it into a located build diagnostic."""

    def __init__(self, characters: list[str], text: str):
        super().__init__(", ".join(describe_character(c) for c in characters))
        self.characters = characters
        self.text = text


def describe_character(char: str) -> str:
    name = unicodedata.name(char, "onbekend teken")
    return f"'{char}' (U+{ord(char):04X} {name})"


@lru_cache(maxsize=None)
def _covered_by_all_faces() -> frozenset[str]:
    common = frozenset.intersection(*(_covered(face) for face in FONT_FILES))
    return frozenset(map(chr, common)) | {"\n", "\t"}


def check_glyphs(text: str) -> str:
    """`text` unchanged if every character is in all four faces; else MissingGlyph."""
    if not set(text) <= _covered_by_all_faces():
        covered = _covered_by_all_faces()
        raise MissingGlyph([c for c in dict.fromkeys(text) if c not in covered], text)
    return text


def glyph_error(error: MissingGlyph, where: str, location: str) -> BuildAborted:
    """A build stop with one Dutch diagnostic that names the characters and where they are."""
    diagnostics = Diagnostics()
    excerpt = error.text if len(error.text) <= 60 else error.text[:57] + "..."
    diagnostics.error(
        "teken-niet-in-lettertype",
        f"{where}: het lettertype {FONT_FAMILY} heeft geen teken voor {error}. "
        f"Haal het teken weg of vervang het (in: \"{excerpt}\").",
        Location(location),
    )
    return BuildAborted(diagnostics)


# --- safe markup ----------------------------------------------------------------------------


def text_markup(text: str) -> str:
    """Plain author text as reportlab paragraph markup: checked for glyphs, every markup character escaped."""
    return escape(check_glyphs(text))


def rich_markup(rich: RichText) -> str:
    """Parsed inline markup as reportlab markup; only our own `<b>`/`<i>` tags reach the parser."""
    parts = []
    for run in rich.runs:
        piece = text_markup(run.text)
        if run.bold:
            piece = f"<b>{piece}</b>"
        if run.italic:
            piece = f"<i>{piece}</i>"
        parts.append(piece)
    return "".join(parts)


def plain_texts(items: Iterable[RichText | str | None]) -> list[str]:
    return [str(item) for item in items if item]


# --- paragraph styles -----------------------------------------------------------------------


@dataclass(frozen=True)
class HouseStyles:
    """Paragraph styles scaled from one body size; the same names serve worksheets and guides."""

    body_pt: float
    body: ParagraphStyle
    body_bold: ParagraphStyle
    small: ParagraphStyle
    small_ink: ParagraphStyle
    instruction: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    label: ParagraphStyle
    answer: ParagraphStyle
    answer_bullet: ParagraphStyle
    bullet: ParagraphStyle
    answer_label: ParagraphStyle
    box_title: ParagraphStyle
    min_pt: float = 8.0  # no text of this set is smaller

    @property
    def leading(self) -> float:
        return self.body.leading


def house_styles(body_pt: float, font_family: str = FONT_FAMILY, *, leading_factor: float = 1.38,
                 hyphenate: bool = True, min_pt: float = 8.0) -> HouseStyles:
    """Build the style set for one body size (an audience's worksheet or guide size).

    Large print asks for more: lines `leading_factor` times the type size apart, no hyphenation, and
    small text (labels, the help box) no smaller than `min_pt`.
    """
    leading = round(body_pt * leading_factor, 2)
    small_leading = max(1.3, leading_factor)

    def style(name: str, **kw) -> ParagraphStyle:
        base = dict(
            fontName=REGULAR,
            fontSize=body_pt,
            leading=leading,
            textColor=Colours.ink,
            alignment=TA_LEFT,
            hyphenationLang=HYPHENATION_LANG if hyphenate else "",
            embeddedHyphenation=int(hyphenate),
            uriWasteReduce=0.3,
            splitLongWords=1,
            allowWidows=0,
            allowOrphans=0,
        )
        base.update(kw)
        return ParagraphStyle(name=name, **base)

    small_pt = max(min_pt, round(body_pt * 0.78, 1))
    small_ink_pt = max(small_pt, body_pt * 0.85)
    return HouseStyles(
        body_pt=body_pt,
        body=style("body"),
        body_bold=style("body-bold", fontName=BOLD),
        small=style("small", fontSize=small_pt, leading=small_pt * small_leading, textColor=Colours.muted),
        small_ink=style("small-ink", fontSize=small_ink_pt, leading=small_ink_pt * small_leading),
        instruction=style("instruction", fontName=ITALIC, textColor=Colours.muted, spaceAfter=body_pt * 0.35),
        title=style(
            "title", fontName=BOLD, fontSize=body_pt * 2.0, leading=body_pt * 2.3, textColor=Colours.primary,
            hyphenationLang="",
        ),
        subtitle=style("subtitle", fontSize=body_pt * 1.05, leading=leading, textColor=Colours.muted),
        heading=style(
            "heading", fontName=BOLD, fontSize=body_pt * 1.3, leading=body_pt * 1.6, textColor=Colours.primary,
            spaceBefore=body_pt * 0.2, spaceAfter=body_pt * 0.15, keepWithNext=1,
        ),
        subheading=style(
            "subheading", fontName=BOLD, fontSize=body_pt * 1.08, leading=leading, textColor=Colours.ink,
            keepWithNext=1,
        ),
        label=style("label", fontName=BOLD, fontSize=small_pt, leading=small_pt * small_leading, textColor=Colours.primary),
        answer=style("answer", textColor=Colours.answer),
        answer_bullet=style(
            "answer-bullet", textColor=Colours.answer, leftIndent=body_pt * 1.1, bulletIndent=body_pt * 0.2,
            bulletFontName=REGULAR, spaceBefore=body_pt * 0.15,
        ),
        bullet=style(
            "bullet", leftIndent=body_pt * 1.1, bulletIndent=body_pt * 0.2, bulletFontName=REGULAR,
            spaceBefore=body_pt * 0.15,
        ),
        answer_label=style(
            "answer-label", fontName=BOLD, fontSize=small_pt, leading=small_pt * 1.35, textColor=Colours.answer,
        ),
        box_title=style("box-title", fontName=BOLD, textColor=Colours.primary),
        min_pt=min_pt,
    )


def table_style(*commands) -> TableStyle:
    """A TableStyle that starts from our regular face.

    Why: reportlab tables otherwise select Helvetica, which then sits unembedded in the file.
    """
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands])


def mm_to_pt(value_mm: float) -> float:
    return value_mm * 72.0 / 25.4
