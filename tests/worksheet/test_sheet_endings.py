"""How a worksheet starts and ends: what it asks at the top for each audience, and no last page with only the help box."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import pytest

from generators.lesson.document import Answer, LessonDocument, OpenExercise, Phase
from generators.worksheet.render import ANSWER_KEY, DIGITAL, LARGE_PRINT, PUPIL, Version, worksheet_pdf
from tests.guide_samples import KEYS, OPTIONS, documents
from tests.pdf_checks import body_texts, squash
from tests.worksheet_samples import all_kinds_document, head, plain

VERSIONS = {"werkblad": PUPIL, "antwoorden": ANSWER_KEY, "digitaal": DIGITAL, "groot": LARGE_PRINT}


@lru_cache(maxsize=None)
def pages(key: str, version: str, with_school: bool) -> tuple[str, ...]:
    return tuple(body_texts(worksheet_pdf(documents(with_school)[key], OPTIONS, VERSIONS[version])))


def help_box_texts(document: LessonDocument) -> list[str]:
    """Everything the help box prints, longest first so that no shorter piece cuts a longer one apart."""
    texts = ["Hier kun je terecht", "(anoniem)", document.audience.school_help.lead,
             document.audience.school_help.for_pupils]
    for route in document.help_routes:
        texts += [route.name, route.phone_to_show or "", route.website or ""]
    if document.school:
        texts.append(f"Op school: {document.school.name}")
        for contact in document.school.contacts:
            texts += [contact.name, contact.role, contact.function or "", contact.reach]
    return sorted((squash(t) for t in texts if t), key=len, reverse=True)


def ends_well(page: str, document: LessonDocument) -> bool:
    """A last page with (part of) the help box holds more than that; one without it is the end of an exercise."""
    return squash("Hier kun je terecht") not in squash(page) or holds_more_than_the_help_box(page, document)


def holds_more_than_the_help_box(page: str, document: LessonDocument) -> bool:
    rest = squash(page)
    for text in help_box_texts(document):
        rest = rest.replace(text, "")
    return any(c.isalnum() for c in rest)


@pytest.mark.parametrize("with_school", [False, True], ids=["zonder-school", "met-school"])
@pytest.mark.parametrize("version", list(VERSIONS))
@pytest.mark.parametrize("key", KEYS)
def test_last_page_holds_more_than_the_help_box(key, version, with_school):
    document = documents(with_school)[key]
    texts = pages(key, version, with_school)
    assert squash("Hier kun je terecht") in squash("".join(texts[-2:]))
    assert ends_well(texts[-1], document), f"{key} {version}: the last page holds only the help box"


def test_the_check_sees_a_page_with_only_the_help_box():
    document = documents()[KEYS[0]]
    alone = "Hier kun je terecht\n" + "\n".join(
        f"{r.name} (anoniem)\n{r.phone_to_show or ''} · {r.website or ''}" for r in document.help_routes
    ) + f"\n{document.audience.school_help.lead}: {document.audience.school_help.for_pupils}."
    assert not holds_more_than_the_help_box(alone, document)
    assert holds_more_than_the_help_box(alone + "\nOpdracht 6", document)


def open_question_document(lines: int, body_pt: float) -> LessonDocument:
    """One lesson whose last exercise is an open question with `lines` writing lines."""
    base = all_kinds_document(body_pt=body_pt)
    last = OpenExercise(head(10, "Laatste vraag"), plain("Wat neem je mee uit deze les?"), lines,
                        Answer(plain("Iets wat je geleerd hebt."), ()))
    activity = replace(base.phases[0].activities[0], exercises=(*base.exercises, last))
    return replace(base, phases=(Phase("kern", plain("Kern"), (activity,)),))


@pytest.mark.parametrize("version", [PUPIL, LARGE_PRINT], ids=["werkblad", "groot"])
@pytest.mark.parametrize("lines", range(1, 31, 2))
def test_no_length_of_the_last_exercise_leaves_the_help_box_alone(lines, version: Version):
    """Whatever room the last exercise takes, the help box shares its page with something else."""
    document = open_question_document(lines, 14)
    texts = body_texts(worksheet_pdf(document, OPTIONS, version))
    assert ends_well(texts[-1], document), lines
    help_pages = [i for i, text in enumerate(texts) if squash("Hier kun je terecht") in squash(text)]
    assert all(holds_more_than_the_help_box(texts[i], document) for i in help_pages), lines


@pytest.mark.parametrize("version", list(VERSIONS))
@pytest.mark.parametrize("key", KEYS)
def test_only_a_class_of_pupils_is_asked_for_its_class(key, version):
    document = documents()[key]
    text = "".join(pages(key, version, False))
    if version == "antwoorden":
        assert "Naam:" not in text
    elif document.audience.pupils:
        assert "Naam:" in text and "Klas:" in text and "Datum:" in text
    else:
        assert "Naam:" in text and "Datum:" in text
        assert "Klas:" not in text, f"{key} {version} asks professionals for their class"


def test_professionals_are_a_bundled_audience():
    assert any(not documents()[k].audience.pupils for k in KEYS)
