"""The bundled lessons as rendered: help people fit the school type (no 'mentor' for groep 7-8), the professionals'
deck does not speak to pupils, and the lesson's hard words stand on a slide, on the worksheet and in the guide."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from generators.registry import GENERATORS
from tests.deck_helpers import open_deck, text_dump
from tests.guide_samples import KEYS, OPTIONS, documents, guide_text
from tests.pdf_checks import page_texts, squash

PUPIL_ARTIFACTS = ("presentatie", "werkblad", "werkblad-antwoorden", "werkblad-digitaal", "ouderbrief")
YOUNG = [k for k in KEYS if documents()[k].audience.id == "10-12"]
STAFF = [k for k in KEYS if not documents()[k].audience.pupils]
PUPIL_TALK = ("Zit je ergens mee", "Op school kun je terecht", "je mentor", "een volwassene die je vertrouwt",
              "leerlingen je kunnen aanspreken", "terwijl de klas opruimt")


@lru_cache(maxsize=None)
def artifact_text(key: str, kind: str, with_school: bool = False) -> str:
    render = next(g for g in GENERATORS if g.kind == kind).load()
    data = render(documents(with_school)[key], OPTIONS)
    return text_dump(open_deck(data)) if kind == "presentatie" else "\n".join(page_texts(data))


def test_the_bundled_lessons_have_both_kinds_of_audience():
    assert len(YOUNG) >= 3 and STAFF


@pytest.mark.parametrize("kind", PUPIL_ARTIFACTS)
@pytest.mark.parametrize("key", YOUNG)
def test_no_mentor_for_groep_7_8_in_slides_notes_worksheets_or_letter(key, kind):
    """Primary schools have a juf or meester, an intern begeleider and a vertrouwenspersoon; no mentor."""
    text = artifact_text(key, kind)
    assert not re.search(r"mentor", text, re.IGNORECASE), re.findall(r".{0,60}mentor.{0,30}", text, re.IGNORECASE)
    if kind != "werkblad-antwoorden":
        assert squash("juf of meester") in squash(text), kind


def test_secondary_pupils_are_sent_to_their_mentor():
    key = next(k for k in KEYS if documents()[k].audience.id == "12-15")
    for kind in ("presentatie", "werkblad", "ouderbrief"):
        assert "mentor" in artifact_text(key, kind)
        assert not re.search(r"\b(juf|meester|intern begeleider)\b", artifact_text(key, kind)), kind


@pytest.mark.parametrize("with_school", [False, True])
@pytest.mark.parametrize("key", STAFF)
def test_the_professionals_deck_does_not_speak_to_pupils(key, with_school):
    dump = artifact_text(key, "presentatie", with_school)
    found = [phrase for phrase in PUPIL_TALK if phrase.lower() in dump.lower()]
    assert found == []
    closing = dump[dump.rindex("=== dia"):] if not with_school else dump[dump.index("[Afsluiting]"):]
    assert "Op school overleg je met:" in closing and "aandachtsfunctionaris" in closing
    if with_school:
        assert "] Op school overleg je met" in dump  # the school's own people, under the same words


@pytest.mark.parametrize("key", YOUNG)
def test_the_glossary_is_on_a_slide_after_the_goals_on_the_worksheet_and_in_the_guide(key):
    document = documents()[key]
    assert document.glossary, "every bundled lesson for 10-12 explains its hard words"
    slides = text_dump(open_deck(next(g for g in GENERATORS if g.kind == "presentatie").load()(document, OPTIONS)))
    titles = re.findall(r"^=== dia \d+ \[[^\]]+\] (.*)$", slides, re.MULTILINE)
    glossary = next(i for i, t in enumerate(titles) if t.startswith("Moeilijke woorden"))
    assert glossary >= 2 and all(t.startswith("Leerdoelen") for t in titles[1:glossary])
    sheet, guide = squash(artifact_text(key, "werkblad")), squash(guide_text(key))
    for entry in document.glossary:
        assert f"| {entry.term}: {entry.explanation.plain}" in slides
        assert squash(entry.term) in sheet and squash(entry.explanation.plain) in sheet
        assert squash(entry.explanation.plain) in guide
    assert squash("Moeilijke woorden") in sheet and squash("Moeilijke woorden") in guide
