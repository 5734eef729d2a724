"""deck_text writes the same XML as python-pptx's own text setters, for every kind of paragraph and run."""

from __future__ import annotations

from lxml import etree
from pptx import Presentation
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.util import Pt

from generators.deck_model import BULLET, NO_BULLET, NUMBER, Para
from generators.deck_slide_factory import notes_body, placeholder_shapes
from generators.deck_text import INDENT_EMU, add_bullet, write_notes, write_paras, write_title
from generators.lesson_document import Run

TEXTS = ("Gewoon", "tab\tlijn\nbel\x07nul\x00esc\x1b", "", "€ • ‘quote’ <&>", "  spaties  ")
PARAS = (
    Para((Run("Kop", bold=True),), 32.0),
    Para(tuple(Run(t, i % 2 == 0, i % 3 == 0) for i, t in enumerate(TEXTS)), 28.5, BULLET, space_before=12.5),
    Para((Run("twee"), Run("drie", bold=None, italic=None)), 20.0, NUMBER, number=7, space_before=6.0),
    Para((Run("x"),), 17.3, NO_BULLET, space_before=0.0),
)


def _with_python_pptx(frame, paras) -> None:
    frame.word_wrap = True
    for index, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        p_pr = paragraph._p.get_or_add_pPr()
        indented = para.bullet != NO_BULLET
        p_pr.set("marL", str(INDENT_EMU if indented else 0))
        p_pr.set("indent", str(-INDENT_EMU if indented else 0))
        add_bullet(p_pr, para)  # Why ours: python-pptx has no bullet setter; its spcBef and runs are compared
        paragraph.space_before = Pt(para.space_before)
        for source in para.runs:
            run = paragraph.add_run()
            run.text = source.text
            run.font.size = Pt(para.size)
            run.font.bold = source.bold
            run.font.italic = source.italic
            run.font.language_id = MSO_LANGUAGE_ID.DUTCH


def _slide_pair(layout_name: str = "Title and Content"):
    presentation = Presentation()
    layout = presentation.slide_layouts.get_by_name(layout_name)
    return presentation, presentation.slides.add_slide(layout), presentation.slides.add_slide(layout)


def _xml(element) -> bytes:
    return etree.tostring(element)


def test_title_and_paragraphs_match_python_pptx():
    _, ours, theirs = _slide_pair()
    mine, reference = placeholder_shapes(ours.element), {ph.placeholder_format.idx: ph for ph in theirs.placeholders}
    assert mine.keys() == reference.keys()
    write_title(mine[0], "Titel\x0b met verticale tab", 40.5)
    frame = reference[0].text_frame
    frame.word_wrap = True
    run = frame.paragraphs[0].add_run()
    run.text = "Titel\x0b met verticale tab"
    run.font.size = Pt(40.5)
    run.font.language_id = MSO_LANGUAGE_ID.DUTCH
    write_paras(mine[1], PARAS)
    _with_python_pptx(reference[1].text_frame, PARAS)
    assert _xml(ours.element) == _xml(theirs.element)


def test_notes_match_python_pptx():
    _, ours, theirs = _slide_pair()
    notes = ("Eerste notitie", "tweede\x01", "")
    write_notes(notes_body(ours.notes_slide.element), notes)
    frame = theirs.notes_slide.notes_text_frame
    for index, text in enumerate(notes):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = text
        run.font.language_id = MSO_LANGUAGE_ID.DUTCH
    assert _xml(ours.notes_slide.element) == _xml(theirs.notes_slide.element)
