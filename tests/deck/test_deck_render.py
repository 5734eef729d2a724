"""Every real lesson's deck, reopened with python-pptx: titles, notes, language, geometry, determinism, golden text."""

from __future__ import annotations

import pytest
from pptx.util import Pt

from generators.deck.render import deck_plan
from generators.deck.template import text_placeholders, title_placeholder

from tests.deck_helpers import GOLDEN_DIR, GOLDEN_LESSONS, all_documents, open_deck, options, render, text_dump
from tests.golden_files import check_golden

SLIDE_W, SLIDE_H = 12192000, 6858000


@pytest.fixture(scope="module")
def decks(project):
    return [(document, render(document)) for document in all_documents(project)]


def _name(document) -> str:
    return f"{document.lesson_id}/{document.audience.id}"


def test_every_deck_is_16_9_with_unique_titles_in_title_placeholders(decks):
    for document, data in decks:
        presentation = open_deck(data)
        assert (presentation.slide_width, presentation.slide_height) == (SLIDE_W, SLIDE_H)
        titles = []
        for slide in presentation.slides:
            title = title_placeholder(slide)
            assert title is not None and title.text_frame.text.strip(), _name(document)
            titles.append(title.text_frame.text)
        assert len(titles) == len(set(titles)), (_name(document), titles)
        assert titles[0] == document.title.plain
        assert titles[-1].startswith(document.audience.closing_title)


def test_closing_slide_names_every_help_route(decks):
    for document, data in decks:
        closing = [s for s in open_deck(data).slides if s.slide_layout.name == "Afsluiting"]
        text = "\n".join(ph.text_frame.text for s in closing for ph in text_placeholders(s))
        for route in document.help_routes:
            assert route.name in text, (_name(document), route.name)
            for detail in (route.phone, route.website):
                assert detail is None or detail in text


def test_notes_on_every_slide_and_activity_minutes_on_content_slides(decks):
    for document, data in decks:
        plan = deck_plan(document, options())
        for planned, slide in zip(plan.slides, open_deck(data).slides):
            notes = slide.notes_slide.notes_text_frame.text
            assert notes.strip(), (_name(document), planned.title)
            if planned.activity is not None:
                activity = next(a for a in document.activities if a.number == planned.activity)
                assert notes.startswith(f"Activiteit {activity.number} · {activity.minutes} minu"), notes


def test_text_is_dutch_large_enough_and_wrapped(decks):
    for document, data in decks:
        for slide in open_deck(data).slides:
            for placeholder in [title_placeholder(slide)] + text_placeholders(slide):
                frame = placeholder.text_frame
                assert frame.word_wrap is True
                for paragraph in frame.paragraphs:
                    for run in paragraph.runs:
                        assert run.font.size is not None and run.font.size >= Pt(20), (_name(document), run.text)
                        assert run._r.get_or_add_rPr().get("lang") == "nl-NL"


def test_no_shape_past_the_slide_edge(decks):
    for document, data in decks:
        for number, slide in enumerate(open_deck(data).slides, start=1):
            for shape in list(slide.shapes) + list(slide.slide_layout.shapes):
                assert shape.left >= 0 and shape.top >= 0, (_name(document), number, shape.name)
                assert shape.left + shape.width <= SLIDE_W, (_name(document), number, shape.name)
                assert shape.top + shape.height <= SLIDE_H, (_name(document), number, shape.name)


def test_no_measured_overflow_in_the_real_lessons(decks):
    for document, _ in decks:
        assert deck_plan(document, options()).problems == (), _name(document)


def test_core_properties(decks):
    document, data = decks[0]
    core = open_deck(data).core_properties
    assert core.title.startswith(document.title.plain)
    assert core.author == document.publisher == core.last_modified_by
    assert core.language == "nl-NL"
    assert core.created == core.modified
    assert document.audience.label in core.keywords


def test_two_renders_are_byte_identical(project):
    document = all_documents(project)[0]
    assert render(document) == render(document)


def test_golden_text_dump():
    """Why a frozen copy of a lesson: the real lessons change with the content; this dump changes with the code."""
    from generators.build.pipeline import load_project

    fixture = load_project([GOLDEN_LESSONS])
    assert not fixture.diagnostics.has_errors()
    for document in all_documents(fixture):
        data = render(document)
        path = GOLDEN_DIR / f"{document.lesson_id}-{document.audience.id}.txt"
        check_golden(path, text_dump(open_deck(data)))
