"""Role-play cards: for lessons with a role play only, one A6 card per role, four to an A4 sheet."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import pytest

from generators.cards.role_cards import render_role_cards
from generators.lesson.document import Role
from generators.registry import GENERATORS
from tests.cards.card_pages import MM, CardPage, card_pages
from tests.guide_samples import KEYS, OPTIONS, documents, guide_text
from tests.pdf_checks import reader, squash
from tests.worksheet_samples import all_kinds_document, plain

ROLE_PLAY_KEYS = [k for k in KEYS if documents()[k].role_plays]
A6_MM = (105.0, 148.5)
MIN_PT = 10.0


@lru_cache(maxsize=None)
def sheets(key: str) -> tuple[CardPage, ...]:
    return tuple(card_pages(render_role_cards(documents()[key], OPTIONS)))


def generator():
    return next(g for g in GENERATORS if g.kind == "rolkaarten")


def test_registered_only_for_lessons_with_a_role_play():
    ours = generator()
    assert (ours.filename, ours.pupils_only) == ("rolkaarten.pdf", False)
    assert ours.load() is render_role_cards
    assert ROLE_PLAY_KEYS, "a bundled lesson has a role play"
    assert any(documents()[k].audience.pupils for k in ROLE_PLAY_KEYS), "pupils play roles too"
    for key in KEYS:
        assert ours.applies_to(documents()[key]) == bool(documents()[key].role_plays), key


def assert_a6_cards(sheet: tuple[CardPage, ...]) -> None:
    for page in sheet:
        assert (round(page.page.right / MM), round(page.page.top / MM)) == (210, 297)
        assert 1 <= len(page.cards) <= 4
        for box in page.cards:
            assert ((box.right - box.left) / MM, (box.top - box.bottom) / MM) == pytest.approx(A6_MM, abs=0.1)
            assert page.page.holds(box)
        for char in page.chars:
            inside = [b for b in page.cards if b.holds(char.box, slack=0.5)]
            assert inside, f"{char.text!r} lies outside the cards"
            assert inside[0].left + 9 * MM <= char.box.left and char.box.right <= inside[0].right - 9 * MM, \
                f"{char.text!r} too close to the edge to print"
            if char.size < 9:
                continue  # the footer: the safety note and the help line
            assert char.size >= MIN_PT, char


def distinct_cards(sheet: tuple[CardPage, ...]) -> list[str]:
    return list(dict.fromkeys(squash(page.text_in(box)) for page in sheet for box in page.cards))


@pytest.mark.parametrize("key", ROLE_PLAY_KEYS)
def test_one_a6_card_per_role_four_to_a_sheet(key):
    document = documents()[key]
    sheet = sheets(key)
    assert_a6_cards(sheet)
    roles = [role for activity in document.role_plays for role in activity.roles]
    cards = distinct_cards(sheet)
    assert len(cards) == len(roles)
    for role in roles:
        text = squash(role.name.plain) + "".join(squash(p.plain) for p in role.text)
        assert sum(text in card for card in cards) == 1, role.name.plain


@pytest.mark.parametrize("key", ROLE_PLAY_KEYS)
def test_every_card_says_play_a_made_up_role_and_where_help_is(key):
    help_text = squash(documents()[key].audience.help_text)
    for card in distinct_cards(sheets(key)):
        assert squash("nooit iets wat je zelf hebt meegemaakt") in card and help_text in card


def test_a_pair_fills_a_sheet_twice():
    key = next(k for k in ROLE_PLAY_KEYS if [len(a.roles) for a in documents()[k].role_plays] == [2])
    (page,) = sheets(key)
    assert len(page.cards) == 4
    texts = [squash(page.text_in(box)) for box in page.cards]
    assert texts[0] == texts[2] and texts[1] == texts[3] and texts[0] != texts[1]


def test_a_long_role_goes_on_to_a_second_card_and_stays_readable():
    base = all_kinds_document()
    long_text = tuple(plain(f"Alinea {i}: " + "Je vertelt rustig wat er gebeurd is, in je eigen woorden. " * 6)
                      for i in range(12))
    activity = replace(base.phases[0].activities[0], roles=(Role(plain("De jongere"), long_text),
                                                            Role(plain("De luisteraar"), (plain("Luister."),))))
    document = replace(base, phases=(replace(base.phases[0], activities=(activity,)),))
    sheet = tuple(card_pages(render_role_cards(document, OPTIONS)))
    assert_a6_cards(sheet)
    cards = distinct_cards(sheet)
    assert any(squash("De jongere (vervolg)") in card for card in cards)
    shown = "".join(cards)
    assert all(f"Alinea{i}:" in shown for i in range(12))
    assert shown.count("woorden.") == 12 * 6, "every sentence, once"
    sizes = {c.size for page in sheet for c in page.chars if c.size >= 9}
    assert min(sizes) >= MIN_PT


@pytest.mark.parametrize("key", ROLE_PLAY_KEYS)
def test_the_guide_has_every_role(key):
    text = squash(guide_text(key))
    assert squash("Rolkaarten (rolkaarten.pdf)") in text
    for activity in documents()[key].role_plays:
        for role in activity.roles:
            assert all(squash(p.plain) in text for p in role.text), role.name.plain


def test_same_input_same_bytes_and_metadata():
    key = ROLE_PLAY_KEYS[0]
    document = documents()[key]
    pdf = render_role_cards(document, OPTIONS)
    assert pdf == render_role_cards(document, OPTIONS)
    assert reader(pdf).metadata.title == f"{document.title.plain} - Rolkaarten ({document.audience.label})"
