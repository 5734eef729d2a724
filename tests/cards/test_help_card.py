"""The help card: bank-card size, ten to an A4 sheet with cut marks, the lesson's help lines and the school's contacts."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest

from generators.cards.help_card import render_help_card
from generators.lesson.document import Contact, SchoolInfo
from generators.registry import GENERATORS
from tests.cards.card_pages import MM, Box, CardPage, card_pages
from tests.guide_samples import KEYS, OPTIONS, documents
from tests.pdf_checks import reader

BANK_CARD_MM = (85.60, 53.98)
MIN_PT = 7.0


@lru_cache(maxsize=None)
def card(key: str, with_school: bool = False) -> bytes:
    return render_help_card(documents(with_school)[key], OPTIONS)


@lru_cache(maxsize=None)
def pages(key: str, with_school: bool = False) -> tuple[CardPage, ...]:
    return tuple(card_pages(card(key, with_school)))


def squashed(text: str) -> str:
    return "".join(text.split())


def test_registered_for_every_audience():
    ours = [g for g in GENERATORS if g.kind == "hulpkaart"]
    assert [(g.filename, g.pupils_only) for g in ours] == [("hulpkaart.pdf", False)]
    assert ours[0].load() is render_help_card


def assert_cards_fit(sheet: tuple[CardPage, ...]) -> None:
    """Ten bank cards on each A4 page, apart and on the paper; every letter on a card and at least 7 pt."""
    assert len(sheet) == 2, "a front and a back"
    for page in sheet:
        assert (round(page.page.right / MM), round(page.page.top / MM)) == (210, 297)
        assert len(page.cards) == 10
        for box in page.cards:
            assert ((box.right - box.left) / MM, (box.top - box.bottom) / MM) == pytest.approx(BANK_CARD_MM, abs=0.01)
            assert page.page.holds(box)
        corners = {(round(b.left), round(b.bottom)) for b in page.cards}
        assert len(corners) == 10, "no two cards drawn in the same place"
        grid_top = max(b.top for b in page.cards)
        for char in page.chars:
            inside = [b for b in page.cards if b.holds(char.box, slack=0.5)]
            if inside:
                assert char.size >= MIN_PT, char
            else:
                assert char.box.bottom > grid_top, f"{char.text!r} lies across the edge of a card"


@pytest.mark.parametrize("key", KEYS)
def test_card_has_bank_card_size_ten_to_a_sheet(key):
    assert_cards_fit(pages(key))
    assert_cards_fit(pages(key, with_school=True))


@pytest.mark.parametrize("key", KEYS)
def test_front_shows_every_help_line_once_with_number_site_and_anonymous(key):
    document = documents()[key]
    front, back = pages(key)
    shown = squashed(front.text_in(front.cards[0]) + back.text_in(back.cards[0]))
    assert squashed(document.audience.closing_title) in shown
    for route in document.help_routes:
        assert squashed(route.name) in shown, route.name
        for reach in (route.phone_to_show, route.website):
            if reach:
                assert squashed(reach) in shown, reach
    assert shown.count("anoniem") >= sum(r.anonymous for r in document.help_routes)
    assert all(squashed(front.text_in(box)) == squashed(front.text_in(front.cards[0])) for box in front.cards)


def test_a_name_that_ends_with_its_number_shows_it_once():
    key = next(k for k in KEYS if any(r.name == "Alarmnummer 112" for r in documents()[k].help_routes))
    front = pages(key)[0]
    assert front.text_in(front.cards[0]).count("112") == 1


@pytest.mark.parametrize("key", KEYS)
def test_back_without_a_school_file_has_lines_for_the_school_roles(key):
    back = pages(key)[1]
    text = squashed(back.text_in(back.cards[0]))
    for role in documents()[key].audience.school_help.roles:
        assert squashed(role.capitalize()) in text, role


@pytest.mark.parametrize("key", KEYS)
def test_back_with_a_school_file_has_its_contacts(key):
    school = documents(True)[key].school
    assert school and school.contacts
    back = pages(key, with_school=True)[1]
    text = squashed(back.text_in(back.cards[0]))
    assert squashed(school.name) in text
    for contact in school.contacts:
        assert squashed(contact.name) in text and squashed(contact.reach) in text, contact.name


def test_a_long_school_list_stays_on_the_card_and_says_how_many_more():
    document = documents(True)[KEYS[0]]
    contacts = tuple(
        Contact(f"Mevrouw Van den Berg-{i:02d}", "vertrouwenspersoon", None,
                "Kamer 2.14 op de tweede verdieping, elke dag van half negen tot vier, of via de mail")
        for i in range(20)
    )
    crowded = replace(document, school=SchoolInfo("Openbare Scholengemeenschap De Lange Naam", None, None, contacts))
    sheet = tuple(card_pages(render_help_card(crowded, OPTIONS)))
    assert_cards_fit(sheet)
    text = squashed(sheet[1].text_in(sheet[1].cards[0]))
    shown = sum(squashed(c.name) in text for c in contacts)
    assert 1 <= shown < 20
    assert squashed(f"En nog {20 - shown} andere contactpersonen op school.") in text


def test_cut_marks_outside_the_cards_at_every_edge_and_captions_that_say_how_to_print():
    pdf = card(KEYS[0])
    first = pages(KEYS[0])[0]
    left, right = min(b.left for b in first.cards), max(b.right for b in first.cards)
    bottom, top = min(b.bottom for b in first.cards), max(b.top for b in first.cards)
    marks = [Box(*path.get_bounds()) for path in pdfium.PdfDocument(pdf)[0].get_objects(
        filter=[pdfium_raw.FPDF_PAGEOBJ_PATH], max_depth=1)]
    marks = [m for m in marks if m.top < bottom or m.bottom > top or m.right < left or m.left > right]
    for x in {round(b.left, 1) for b in first.cards} | {round(b.right, 1) for b in first.cards}:
        beside = [m for m in marks if m.left <= x <= m.right]
        assert any(m.bottom > top for m in beside) and any(m.top < bottom for m in beside), x
    for y in {round(b.bottom, 1) for b in first.cards} | {round(b.top, 1) for b in first.cards}:
        beside = [m for m in marks if m.bottom <= y <= m.top]
        assert any(m.left > right for m in beside) and any(m.right < left for m in beside), y
    text = reader(pdf).pages[0].extract_text()
    assert "knip langs de lijnen" in text and "Dubbelzijdig" in text


def test_same_input_same_bytes():
    assert render_help_card(documents()[KEYS[0]], OPTIONS) == card(KEYS[0])


def test_metadata_is_dutch_and_names_the_lesson():
    document = documents()[KEYS[0]]
    info = reader(card(KEYS[0])).metadata
    assert info.title == f"{document.title.plain} - Hulpkaart ({document.audience.label})"
    assert info.author == document.publisher
