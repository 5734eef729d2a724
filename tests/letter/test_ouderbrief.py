"""The letter to parents: only for pupil audiences, names the lesson and its goals, B1 text, help from assets/data."""

from __future__ import annotations

import re
import subprocess
from functools import lru_cache

import pytest

from generators.letter import parent_letter
from generators.lesson.lint import flesch_douma, sentences, words
from generators.registry import GENERATORS
from generators.build.render_pool import RenderPool
from tests.guide_samples import KEYS, OPTIONS, documents
from tests.pdf_checks import fonts, page_texts, reader, squash
from tests.system_tools import require_program

PUPIL_KEYS = [k for k in KEYS if documents()[k].audience.pupils]
STAFF_KEYS = [k for k in KEYS if not documents()[k].audience.pupils]
PHONE = re.compile(r"(?<![\d-])(?:0\d{3}-\d{4}|112)(?![\d-])")
SITE = re.compile(r"www\.[a-z0-9.-]+\.[a-z]+(?:/[a-z0-9/-]*[a-z0-9])?")
B1_WORDS_PER_SENTENCE = 15
B1_FLESCH_DOUMA = 60


@lru_cache(maxsize=None)
def letter(key: str, with_school: bool = False) -> bytes:
    return parent_letter.render_parent_letter(documents(with_school)[key], OPTIONS)


def text(key: str, with_school: bool = False) -> str:
    return "\n".join(page_texts(letter(key, with_school)))


def test_registered_for_pupil_audiences_only():
    ours = [g for g in GENERATORS if g.kind == "ouderbrief"]
    assert [(g.filename, g.pupils_only) for g in ours] == [("ouderbrief.pdf", True)]
    assert ours[0].load() is parent_letter.render_parent_letter
    assert PUPIL_KEYS and STAFF_KEYS


@pytest.mark.parametrize("key", STAFF_KEYS)
def test_no_letter_for_a_staff_audience(key):
    with RenderPool(0, OPTIONS, tuple(g for g in GENERATORS if g.kind == "ouderbrief")) as pool:
        files = [f for task in pool.render([documents()[key]]) for f in task.files]
    assert files == []


@pytest.mark.parametrize("key", PUPIL_KEYS)
def test_letter_names_the_lesson_and_its_goals_on_one_or_two_pages(key):
    document = documents()[key]
    pdf = letter(key)
    assert 1 <= len(reader(pdf).pages) <= 2
    flat = squash(text(key))
    assert squash(document.title.plain) in flat
    goals = [*document.goals.knowledge, *document.goals.skills, *document.goals.attitude]
    assert goals
    for goal in goals:
        assert squash(goal.plain) in flat, goal.plain
    for signal in document.signals.items:
        assert squash(signal.title) in flat
    for heading in ("Wat leert uw kind?", "Waarom deze les?", "Praten over de les thuis", "Signalen om op te letten",
                    "Hulp en advies voor u"):
        assert squash(heading) in flat
    assert "anoniem" in text(key)


@pytest.mark.parametrize("key", PUPIL_KEYS)
def test_every_number_and_site_printed_is_in_assets_data(key):
    document = documents()[key]
    printed = text(key)
    routes = {r.id: r for r in (*document.parent_help_routes, *document.help_routes)}
    assert document.parent_help_routes
    for route in routes.values():
        flat = squash(printed)
        for value in (route.name, route.phone, route.website):
            if value:
                assert squash(value) in flat, value
    assert set(PHONE.findall(printed)) <= {r.phone for r in routes.values() if r.phone}
    assert set(SITE.findall(printed)) <= {r.website for r in routes.values() if r.website}


def test_fixed_text_reads_at_b1():
    """Our own sentences: at most 15 words each (the 12-15 limit) and Flesch-Douma 60 or more over the whole."""
    for part in parent_letter.FIXED_TEXTS:
        for _, sentence in sentences(part):
            assert len(words(sentence)) <= B1_WORDS_PER_SENTENCE, sentence
    score, per_sentence, _ = flesch_douma(" ".join(parent_letter.FIXED_TEXTS))
    assert score >= B1_FLESCH_DOUMA, (score, per_sentence)


def test_fixed_text_uses_no_blaming_words():
    from generators.diagnostics import Diagnostics
    from generators.lesson.lint import load_language_rules
    from generators.paths import DATA_DIR

    rules = load_language_rules(DATA_DIR, Diagnostics())
    assert rules
    for part in parent_letter.FIXED_TEXTS:
        for rule in rules:
            assert not rule.pattern.search(part), (rule.rule.id, part)


def test_school_edition_has_school_name_date_line_and_contacts():
    key = PUPIL_KEYS[0]
    with_school = text(key, True)
    flat = squash(with_school)
    for value in ("Voorbeeldschool, Utrecht", "Datum", "Mevrouw De Vries", "vertrouwenspersoon", "Meneer Bakker"):
        assert squash(value) in flat, value
    assert "Voorbeeldschool" not in text(key)
    assert reader(letter(key, True)).metadata.author == "Voorbeeldschool"


@pytest.mark.parametrize("key", PUPIL_KEYS[:2])
def test_metadata_fonts_and_determinism(key):
    pdf = letter(key)
    info = reader(pdf).metadata
    assert info.title.startswith(parent_letter.LABEL) and documents()[key].title.plain in info.title
    assert info.author == "lespakket" and info.subject
    assert b"/Lang (nl-NL)" in pdf
    found = fonts(pdf)
    assert found and all(found.values()), found
    assert parent_letter.render_parent_letter(documents()[key], OPTIONS) == pdf


def test_qpdf_accepts_the_structure(tmp_path):
    qpdf = require_program("qpdf", "qpdf")
    path = tmp_path / "ouderbrief.pdf"
    path.write_bytes(letter(PUPIL_KEYS[0], True))
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("key", PUPIL_KEYS)
def test_the_letter_speaks_to_parents_with_u_and_lists_signals_for_the_childs_age(key):
    """A letter to parents says 'u' throughout; signals meant for teenagers (drugs, crimes) are not in the
    letter about groep 7-8, and the letter does not promise that the lesson teaches signals."""
    document = documents()[key]
    goals = [g.plain for g in (*document.goals.knowledge, *document.goals.skills, *document.goals.attitude)]
    flat = " ".join(text(key).split())
    # Why: the goals are what the child will be able to say, in its own words ("Ik kan ..."), and the title is the
    # lesson's own name ("Wie vertrouw je online?"); both are quoted, not said to the parents.
    for quoted in (*goals, document.title.plain):
        flat = flat.replace(" ".join(quoted.split()), "")
    assert not re.search(r"\b(je|jij|jouw|jou|jezelf)\b", flat, re.IGNORECASE), flat
    teenage = ("Gebruik van drugs of alcohol", "Strafbare feiten")
    young = documents()[key].audience.id == "10-12"
    for signal in teenage:
        assert (squash(signal) in squash(flat)) != young, (key, signal)
    assert "leren we kinderen de signalen" not in flat
