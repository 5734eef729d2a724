"""Paragraph fragments copied from a template of the markup's shape are exactly the fragments reportlab's parser makes.

Why this matters: the PDFs are drawn from these fragments. If a reportlab update parses our markup
differently, these tests fail instead of the PDFs silently changing.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.colors import HexColor
from reportlab.platypus import paragraph

from generators import pdf_paragraph
from generators.pdf_markup_frags import template_frags
from generators.pdf_style import house_styles
from generators.registry import GENERATORS
from tests.guide_samples import OPTIONS, documents


def _parsed(markup: str, style) -> list[dict]:
    return [vars(f) for f in paragraph.Paragraph(markup, style).frags]


def _templated(markup: str, style) -> list[dict] | None:
    made = template_frags(paragraph.cleanBlockQuotedText(markup), style, 1)
    return None if made is None else [vars(f) for f in made]


@pytest.fixture(scope="module")
def rendered_markup():
    """(markup, style) of every paragraph in every PDF of the bundled lessons, with and without a school."""
    seen = []
    original = pdf_paragraph.template_frags

    def recording(markup, style, case_sensitive):
        seen.append((markup, style))
        return original(markup, style, case_sensitive)

    pdf_paragraph.template_frags = recording
    try:
        for with_school in (False, True):
            for document in documents(with_school).values():
                for generator in GENERATORS:
                    if generator.filename.endswith(".pdf") and generator.applies_to(document):
                        generator.load()(document, OPTIONS)
    finally:
        pdf_paragraph.template_frags = original
    return seen


def test_every_paragraph_of_the_bundled_lessons_gets_the_parsers_fragments(rendered_markup):
    templated = 0
    for markup, style in rendered_markup:
        made = _templated(markup, style)
        if made is not None:
            templated += 1
            assert made == _parsed(markup, style), markup
    assert templated == len(rendered_markup) > 5000, "every paragraph of ours should take the template path"


def test_paragraphs_of_one_shape_share_no_lists():
    """The parser's fragments of one paragraph share their link list; two paragraphs must not."""
    style = house_styles(11).body
    first, second = (template_frags(f"<u>{text}</u> en <b>meer</b>", style, 1) for text in ("een", "twee"))
    before = [(list(f.us_lines), list(f.link)) for f in second]
    first[0].us_lines.append("lijn")
    first[0].link.append("link")
    assert [(f.us_lines, f.link) for f in second] == before
    assert first[0].link is first[1].link, "within one paragraph the lists stay shared, as the parser makes them"


def test_a_style_with_a_value_that_cannot_be_a_key_is_left_to_the_parser():
    style = house_styles(11).body.clone("lijst", bulletAnchor=["start"])
    assert template_frags("tekst", style, 1) is None


@pytest.mark.parametrize("markup", [
    "<a href='https://example.org'>link</a>",  # another tag
    "<b>open",  # a tag left open
    "tekst & meer",  # a stray markup character
    "<para leading='20'>x</para>",
])
def test_other_markup_is_left_to_the_parser(markup):
    assert template_frags(markup, house_styles(11).body, 1) is None


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="<>&"), min_size=1, max_size=12)
_ENTITY = st.sampled_from(["&nbsp;", "&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x2019;"])
_OPEN = st.sampled_from(["b", "i", "u", "font color='0x1e2a32'", "font name='Carlito-Bold' size='9.4'"])


@st.composite
def _markup(draw, depth=0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["text", "entity", "br", "tag"] if depth < 2 else ["text", "entity"]))
        if kind == "text":
            parts.append(draw(_TEXT))
        elif kind == "entity":
            parts.append(draw(_ENTITY))
        elif kind == "br":
            parts.append("<br/>")
        else:
            tag = draw(_OPEN)
            parts.append(f"<{tag}>{draw(_markup(depth + 1))}</{tag.split()[0]}>")
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(markup=_markup(), size=st.sampled_from([9.5, 11, 12.5]), colour=st.sampled_from(["#1e2a32", "#0b6e4f"]))
def test_any_markup_of_our_tags_gets_the_parsers_fragments(markup, size, colour):
    style = house_styles(size).body.clone("proef", textColor=HexColor(colour))
    made = _templated(markup, style)
    assert made is not None
    assert made == _parsed(markup, style)
