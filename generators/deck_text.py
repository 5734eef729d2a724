"""Placeholder text written straight into the slide XML, as python-pptx's text setters would write it.

Why: python-pptx's run, font and paragraph setters find or add every element through xpath; that
was a third of a deck's cost. These functions make the same elements with the same attributes in
the same order (tests/test_deck_text.py compares them with python-pptx's own setters).
"""

from __future__ import annotations

import re

from lxml import etree
from pptx.util import Pt

from .deck_model import BULLET, NO_BULLET, NUMBER, Para

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
RUN, RUN_PROPERTIES, TEXT, END_PARA = f"{A}r", f"{A}rPr", f"{A}t", f"{A}endParaRPr"
INDENT_EMU = 457200  # the 36 pt hanging indent deck_measure assumes for bullets and numbers
DUTCH = "nl-NL"
_CONTROL = re.compile(r"[\x00-\x08\x0B-\x1F]")
_BOOL = {True: "1", False: "0"}


def text_body(sp):
    """The shape's `p:txBody`, added the way python-pptx's `text_frame` adds it when missing."""
    body = sp.find(f"{P}txBody")
    return body if body is not None else sp.get_or_add_txBody()


def write_title(sp, text: str, size: float) -> None:
    body = text_body(sp)
    _wrap(body)
    _run(_first_p(body), text, {"sz": _centipoints(size), "lang": DUTCH})


def write_paras(sp, paras: tuple[Para, ...]) -> None:
    body = text_body(sp)
    _wrap(body)
    for index, para in enumerate(paras):
        p = _first_p(body) if index == 0 else etree.SubElement(body, f"{A}p")
        _p_pr(p, para)
        size = _centipoints(para.size)
        for source in para.runs:
            attrs = {"sz": size}
            if source.bold is not None:
                attrs["b"] = _BOOL[source.bold]
            if source.italic is not None:
                attrs["i"] = _BOOL[source.italic]
            attrs["lang"] = DUTCH
            _run(p, source.text, attrs)


def write_notes(sp, notes: tuple[str, ...]) -> None:
    body = text_body(sp)
    for index, text in enumerate(notes):
        p = _first_p(body) if index == 0 else etree.SubElement(body, f"{A}p")
        _run(p, text, {"lang": DUTCH})


def _wrap(body) -> None:
    body.find(f"{A}bodyPr").set("wrap", "square")


def _first_p(body):
    """Why: a fresh placeholder's `p:txBody` always holds one empty `a:p`; a missing one is added."""
    p = body.find(f"{A}p")
    return p if p is not None else etree.SubElement(body, f"{A}p")


def _centipoints(points: float) -> str:
    return str(Pt(points).centipoints)


def _p_pr(p, para: Para) -> None:
    """Bullets are written on every paragraph, so a school template's own list style cannot change the measure."""
    indent = INDENT_EMU if para.bullet != NO_BULLET else 0
    p_pr = etree.SubElement(p, f"{A}pPr", marL=str(indent), indent=str(-indent))
    p.insert(0, p_pr)
    spacing = etree.SubElement(p_pr, f"{A}spcBef")
    etree.SubElement(spacing, f"{A}spcPts", val=_centipoints(para.space_before))
    add_bullet(p_pr, para)


def add_bullet(p_pr, para: Para) -> None:
    """The paragraph's bullet, number or explicit no-bullet, appended to its `a:pPr`."""
    if para.bullet == BULLET:
        etree.SubElement(p_pr, f"{A}buFont", typeface="Arial")
        etree.SubElement(p_pr, f"{A}buChar", char="•")
    elif para.bullet == NUMBER:
        etree.SubElement(p_pr, f"{A}buFont", typeface="+mj-lt")
        etree.SubElement(p_pr, f"{A}buAutoNum", type="arabicPeriod", startAt=str(para.number))
    else:
        etree.SubElement(p_pr, f"{A}buNone")


def _run(p, text: str, attrs: dict[str, str]) -> None:
    """One `a:r` with `attrs` on its `a:rPr` in their order; control characters other than tab and
    line feed become `_xHHHH_`, as in python-pptx."""
    end = p.find(END_PARA)
    run = etree.SubElement(p, RUN)
    if end is not None:
        end.addprevious(run)
    etree.SubElement(run, RUN_PROPERTIES, attrs)
    etree.SubElement(run, TEXT).text = _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text


def _escape(match) -> str:
    return f"_x{ord(match.group()):04X}_"
