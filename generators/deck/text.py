"""Slide text through python-pptx's text API: titles, paragraphs with bullets or numbers, and speaker notes."""

from __future__ import annotations

from string import ascii_uppercase

from lxml import etree
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.util import Pt

from generators.deck.measure import bullet_indent_pt
from generators.deck.model import BULLET, LETTER, NO_BULLET, NUMBER, Para

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def write_title(frame, text: str, size: float) -> None:
    frame.word_wrap = True
    _add_run(frame.paragraphs[0], text, size)


def write_paras(frame, paras: tuple[Para, ...]) -> None:
    frame.word_wrap = True
    for index, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        _bullet(paragraph, para)
        paragraph.space_before = Pt(para.space_before)
        if para.bullet == LETTER:
            _add_run(paragraph, f"{ascii_uppercase[para.number - 1]}\t", para.size, bold=True)
        for source in para.runs:
            _add_run(paragraph, source.text, para.size, source.bold, source.italic)


def write_source_line(frame, text: str, size: float) -> None:
    """A small italic line in the theme's accent colour, such as 'Bron: CoMensha'."""
    frame.word_wrap = True
    _add_run(frame.paragraphs[0], text, size, italic=True)
    frame.paragraphs[0].runs[0].font.color.theme_color = MSO_THEME_COLOR.ACCENT_1


def write_notes(frame, notes: tuple[str, ...]) -> None:
    for index, text in enumerate(notes):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        _add_run(paragraph, text)


def _add_run(paragraph, text: str, size: float | None = None, bold: bool | None = None,
             italic: bool | None = None) -> None:
    """Why the language on every run: teachers who edit the deck get Dutch spelling checks."""
    run = paragraph.add_run()
    run.text = text
    if size is not None:
        run.font.size = Pt(size)
    run.font.bold, run.font.italic = bold, italic
    run.font.language_id = MSO_LANGUAGE_ID.DUTCH


def _bullet(paragraph, para: Para) -> None:
    """The paragraph's hanging indent and its bullet, number or explicit no-bullet.

    Why XML: python-pptx has no API for bullets or indents (only `level`). Why on every paragraph:
    a school template's own list style then cannot change what deck_measure measured.
    """
    indent = Pt(bullet_indent_pt(para.size)) if para.bullet != NO_BULLET else 0
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.set("marL", str(indent))
    p_pr.set("indent", str(-indent))
    if para.bullet == BULLET:
        etree.SubElement(p_pr, f"{A}buFont", typeface="Arial")
        etree.SubElement(p_pr, f"{A}buChar", char="•")
    elif para.bullet == NUMBER:
        etree.SubElement(p_pr, f"{A}buFont", typeface="+mj-lt")
        etree.SubElement(p_pr, f"{A}buAutoNum", type="arabicPeriod", startAt=str(para.number))
    else:
        etree.SubElement(p_pr, f"{A}buNone")
