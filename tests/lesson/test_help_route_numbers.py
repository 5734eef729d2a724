"""A help line whose name already ends with its number ('Alarmnummer 112') never shows that number twice."""

from __future__ import annotations

import re

import pytest

from generators.lesson.document import HelpRoute
from tests.deck_helpers import all_documents, open_deck, render, text_dump, options
from tests.pdf_checks import page_texts


def _route(name: str, phone: str | None) -> HelpRoute:
    return HelpRoute(id="x", name=name, for_whom="iedereen", description="Hulp.", phone=phone, website=None,
                     hours=None, anonymous=False)


@pytest.mark.parametrize("name,phone,shown", [
    ("Alarmnummer 112", "112", None),
    ("Alarmnummer 112 ", "112", None),
    ("Meld Misdaad Anoniem", "0800-7000", "0800-7000"),
    ("Lijn 1112", "112", "112"),  # ends with the digits, but is another number
    ("Keerpunt", None, None),
])
def test_the_number_is_shown_only_when_the_name_lacks_it(name, phone, shown):
    assert _route(name, phone).phone_to_show == shown


@pytest.fixture(scope="module")
def emergency_document(project):
    """A pupil lesson that names the emergency number among its help lines."""
    document = next(d for d in all_documents(project) if any(r.id == "spoed-112" for r in d.help_routes)
                    and d.audience.pupils)
    route = next(r for r in document.help_routes if r.id == "spoed-112")
    assert route.phone and route.name.endswith(route.phone), "the test needs a name that ends with its number"
    return document, route


def _doubled(route: HelpRoute) -> re.Pattern[str]:
    """The name followed by its own number again: right after it, or after the line's description (the guide)."""
    between = rf"[\s·:|]*(?:\(?anoniem\)?[\s·]*)?(?:{re.escape(route.description)}[\s·]*)?(?:Bel\s+)?"
    return re.compile(re.escape(route.name) + between + re.escape(route.phone))


def test_the_closing_slide_shows_the_emergency_number_once(emergency_document):
    document, route = emergency_document
    dump = text_dump(open_deck(render(document)))
    assert route.name in dump
    assert not _doubled(route).search(dump), "the closing slide repeats the number after the name"


def test_the_worksheet_help_box_shows_the_emergency_number_once(emergency_document):
    from generators.worksheet.render import render_worksheet

    document, route = emergency_document
    text = "\n".join(page_texts(render_worksheet(document, options())))
    assert route.name in text
    assert not _doubled(route).search(text), "the worksheet's help box repeats the number after the name"


def test_the_guide_shows_the_emergency_number_once(emergency_document):
    from generators.guide.render import render_teacher_guide

    document, route = emergency_document
    text = "\n".join(page_texts(render_teacher_guide(document, options())))
    assert route.name in text
    assert not _doubled(route).search(text), "the guide's table of organisations repeats the number"
