"""A complete guide: every text an author wrote in a bundled lesson is in the teacher guide of each audience that
sees it, so a teacher working from paper has the case texts, chats, slides and exercises in full."""

from __future__ import annotations

from functools import lru_cache

import pytest

from generators.build.pipeline import load_project
from generators.lesson.checks import walk
from generators.lesson.inline_markup import parse_paragraphs
from generators.lesson.placeholders import fill_placeholders, placeholder_values
from generators.lesson.school_help import school_help_of
from generators.lesson.source_model import GAP, Minutes, PerAudience
from tests.guide_samples import ROOT, guide
from tests.pdf_checks import body_texts, squash

PLAIN_TEXT_FIELDS = frozenset({"term", "extra_woorden", "naam", "tijd", "url"})
"""Fields of one plain text (no variants per audience) that the documents show."""


@lru_cache(maxsize=1)
def project():
    loaded = load_project([ROOT / "lessons"], lint=False)
    assert not loaded.diagnostics.has_errors()
    return loaded


def _field(loc: tuple) -> str:
    return next((part for part in reversed(loc) if isinstance(part, str)), "")


def author_texts(lesson) -> list[tuple[str, str, str]]:
    """(audience, where, text as the audience reads it) for every text of the lesson, placeholders filled in."""
    data = project().data
    values = {a: placeholder_values(school_help_of(data.audience(a), data.doelgroepen.model.rollen))
              for a in lesson.doelgroepen}
    found = []
    for visit in walk(lesson, (), frozenset(lesson.doelgroepen)):
        where = "/".join(str(part) for part in visit.loc)
        if isinstance(visit.value, PerAudience) and not isinstance(visit.value, Minutes):
            for audience in sorted(visit.active):
                text = visit.value.for_audience(audience)
                if isinstance(text, str):
                    found.append((audience, where, fill_placeholders(text, values[audience])))
        elif isinstance(visit.value, str) and _field(visit.loc) in PLAIN_TEXT_FIELDS:
            found += [(audience, where, visit.value) for audience in sorted(visit.active)]
    return found


CASES = [(loaded.model.id, loaded.model) for loaded in sorted(project().lessons, key=lambda l: l.model.id)]


@lru_cache(maxsize=None)
def guide_body(key: str) -> str:
    """The guide's text without its running headers and footers, so a paragraph across a page break is whole."""
    return squash("".join(body_texts(guide(key))))


@pytest.mark.parametrize(("lesson_id", "lesson"), CASES, ids=[c[0] for c in CASES])
def test_every_text_of_the_lesson_is_in_the_guide(lesson_id, lesson):
    missing = []
    for audience, where, text in author_texts(lesson):
        body = guide_body(f"{lesson_id}-{audience}")
        for paragraph in parse_paragraphs(text):
            # Why in pieces: a fill-in text shows each gap's word after its number, '(1) bankpas'
            for piece in GAP.split(paragraph.plain):
                if squash(piece) not in body:
                    missing.append(f"{audience} {where}: {piece[:70]}")
    assert missing == [], "not in the teacher guide:\n" + "\n".join(missing)


def test_the_walk_finds_chats_quotes_columns_and_images():
    """Why: the test above proves nothing for a kind of text it never walks (chats, columns, options, word banks)."""
    wheres = [where for _, lesson in CASES for _, where, _ in author_texts(lesson)]
    for part in ("/berichten/", "/deelnemers/", "/links/kop", "/opties/", "/extra_woorden/", "/casus",
                 "/instructie", "/luisterpunten/"):
        assert any(part in where for where in wheres), part
