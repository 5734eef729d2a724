"""Any author text reaches the worksheet PDFs intact: escaped, hyphenated, split across pages, never a crash."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generators.diagnostics import BuildAborted
from generators.paths import ASSETS_DIR
from generators.registry import RenderOptions
from generators.worksheet.render import render_answer_key, render_digital_worksheet, render_worksheet
from tests.pdf_checks import body_texts, page_texts, squash
from tests.worksheet_samples import all_kinds_document

OPTIONS = RenderOptions(assets_dir=ASSETS_DIR)
MARKUP = ["<script>", "<img src=\"/etc/passwd\"/>", "&", "&amp;", "<b>", "</i>", "<para>", "<br/>", "]]>", "'\"", "<font size=80>"]
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éëïöüàçñß€’“”–"
COMPOUND = "arbeidsuitbuitingsonderzoeksrapportagecommissievergaderingen"  # 60 letters

word = st.one_of(st.text(alphabet=LETTERS, min_size=1, max_size=12), st.sampled_from(MARKUP), st.just(COMPOUND))
author_text = st.lists(word, min_size=1, max_size=12).map(" ".join)
long_answer = st.lists(word, min_size=300, max_size=450).map(" ".join).filter(lambda t: len(t) >= 3000)


def text_survives(pdf: bytes, *texts: str) -> None:
    extracted = squash("".join(body_texts(pdf)))
    for text in texts:
        assert squash(text) in extracted, text[:80]


def test_markup_characters_are_printed_literally():
    question = 'x <script> y & <img src="/etc/passwd"/> <b>z</b>'
    pdf = render_worksheet(all_kinds_document(question=question), OPTIONS)
    text_survives(pdf, question)


def test_a_60_letter_compound_is_hyphenated_not_cut():
    pdf = render_worksheet(all_kinds_document(question=" ".join([COMPOUND] * 12)), OPTIONS)
    text_survives(pdf, COMPOUND)
    assert any("-\n" in t for t in page_texts(pdf))


def test_a_character_without_glyph_is_a_clear_located_error():
    with pytest.raises(BuildAborted) as caught:
        render_worksheet(all_kinds_document(option="Een cadeau 😀"), OPTIONS)
    message = caught.value.diagnostics.items[0].format()
    assert "opdracht 2" in message and "U+1F600" in message and "Carlito" in message
    assert "[teken-niet-in-lettertype]" in message


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(question=author_text, option=author_text, case=author_text, title=author_text, answer=long_answer)
def test_any_author_text_renders_and_survives_extraction(question, option, case, title, answer):
    document = all_kinds_document(question=question, option=option, case=case, title=title, answer=answer)
    answer_key = render_answer_key(document, OPTIONS)
    text_survives(answer_key, question, option, case, answer)
    assert squash(title) in squash(page_texts(answer_key)[0])
    pupil = render_worksheet(document, OPTIONS)
    text_survives(pupil, question, option, case)
    render_digital_worksheet(document, OPTIONS)


@settings(max_examples=10, deadline=None)
@given(text=author_text, emoji=st.sampled_from(["😀", "🙂", "❤️", "👍🏽"]))
def test_emoji_never_crash_but_stop_the_build_with_a_message(text, emoji):
    with pytest.raises(BuildAborted) as caught:
        render_worksheet(all_kinds_document(question=f"{text} {emoji}"), OPTIONS)
    assert f"U+{ord(emoji[0]):04X}" in caught.value.diagnostics.items[0].message
