"""Facts and the sextortion steps as the pack shows them: sources in the guide, the same steps everywhere."""

from __future__ import annotations

import re

import pytest

from generators.data.protocol import fill_helplines
from generators.guide.facts import NO_YEAR
from generators.worksheet.render import render_answer_key
from tests.deck_helpers import open_deck, render, text_dump
from tests.guide_samples import KEYS, OPTIONS, documents, guide_text
from tests.pdf_checks import page_texts, squash

SEXTORTION_LESSONS = ("online-vriendschap", "online-uitbuiting")


@pytest.mark.parametrize("key", KEYS)
def test_every_fact_used_shows_its_wording_source_scope_and_year_in_the_guide(key):
    document = documents()[key]
    text = squash(guide_text(key))
    assert document.facts, "every guide lists at least the facts of the meldcode's points of attention"
    assert squash("Feiten en hun bronnen") in text
    for fact in document.facts:
        for part in (fact.text, fact.source, fact.place, fact.scope):
            assert squash(part) in text, f"{key}: '{part}' of fact {fact.id} is not in the guide"
        assert squash(str(fact.year) if fact.year else NO_YEAR) in text


def test_the_facts_a_lesson_names_are_the_facts_its_guide_lists():
    facts = {key: [f.id for f in document.facts] for key, document in documents().items()}
    assert {"uitbuiting-strafbaar", "dwang-minderjarigen", "beelden-minderjarigen", "ook-jongens", "lang-onveilig"} \
        <= set(facts["online-uitbuiting-15-18"])
    assert "beelden-minderjarigen" not in facts["online-vriendschap-10-12"]  # its slide is only for 12-15
    assert "beelden-minderjarigen" in facts["online-vriendschap-12-15"]
    assert "bekenden-68" in facts["wat-is-mensenhandel-12-15"]


def test_a_slide_with_a_fact_shows_its_source_line():
    dump = text_dump(open_deck(render(documents()["online-uitbuiting-15-18"])))
    slides = dump.split("=== dia ")[1:]
    rights = [s for s in slides if "Jouw rechten" in s.splitlines()[0]]
    assert rights and all("  Bron| Bron" in s for s in rights)
    assert any("Wetboek van Strafrecht" in s for s in rights)
    plain = [s for s in slides if s.startswith(("1 ", "2 "))]  # title and goals show no fact
    assert plain and not any("Bron|" in s for s in plain)


def _expected_steps(project, audience: str) -> list[str]:
    plan = project.data.sextortie.model
    return [re.sub(r"\*\*|_", "", fill_helplines(s.tekst.for_audience(audience), project.data.helplines))
            for s in plan.stappen]


def _sextortion_keys() -> list[str]:
    return [key for key in KEYS if key.startswith(SEXTORTION_LESSONS)]


def test_both_sextortion_lessons_use_the_steps_for_every_audience():
    keys = _sextortion_keys()
    assert all(any(k.startswith(lesson) for k in keys) for lesson in SEXTORTION_LESSONS)
    for key in keys:
        assert documents()[key].sextortion is not None, key


@pytest.mark.parametrize("key", _sextortion_keys())
def test_slide_and_guide_give_the_same_steps_in_the_same_order(project, key):
    document = documents()[key]
    expected = _expected_steps(project, document.audience.id)
    slides = text_dump(open_deck(render(document))).split("=== dia ")[1:]
    [steps_slide] = [s for s in slides if s.split("\n", 1)[0].endswith(document.sextortion.title)]
    shown = [row.split("| ", 1)[1] for row in steps_slide.splitlines() if row.startswith("  1| ")]
    assert shown == expected
    guide = squash(guide_text(key))
    positions = [guide.find(squash(step)) for step in expected]
    assert -1 not in positions and positions == sorted(positions), key


def test_the_same_audience_gets_the_same_steps_in_both_lessons():
    by_audience: dict[str, set[tuple[str, ...]]] = {}
    for key in _sextortion_keys():
        document = documents()[key]
        steps = tuple(step.text.plain for step in document.sextortion.steps)
        by_audience.setdefault(document.audience.id, set()).add(steps)
    assert by_audience.get("12-15") and len(by_audience["12-15"]) == 1
    assert all(len(variants) == 1 for variants in by_audience.values())


def test_the_order_exercise_takes_its_steps_and_answer_from_the_protocol(project):
    document = documents()["online-vriendschap-10-12"]
    [order] = [e for e in document.exercises if type(e).__name__ == "OrderExercise"]
    expected = _expected_steps(project, "10-12")
    assert [s.plain for s in order.steps] == expected
    assert order.shown_order != tuple(range(len(expected)))
    key_text = squash("\n".join(page_texts(render_answer_key(document, OPTIONS))))
    assert all(squash(step) in key_text for step in expected)
    assert squash(document.sextortion.order.plain) in key_text
