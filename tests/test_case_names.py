"""The people in the lessons' cases: every one is listed here with a role, and a name keeps one role everywhere.

Why across the whole catalogue and not only within a series: a class of 12-15 gets lessons from 'BUIT in de klas'
and from 'Voortgezet onderwijs', so a name that is the exploiter in one and the victim in the other confuses the
same pupils (the review found Jesse in both roles). Whether the names also vary in background is an editor's
judgement, not something a test can hold.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from tests.test_lesson_library import LESSON_FILES, LESSON_IDS, lesson_texts

EXPLOITER = "uitbuiter"  # also a fake profile behind which an exploiter hides
TARGET = "uitgebuit of onder druk gezet"
BYSTANDER = "vriend of vriendin die zich zorgen maakt"

CASES: dict[str, dict[str, str]] = {
    "buit-in-de-klas/een-klusje-voor-snel-geld": {"Milan": TARGET, "Jesse": EXPLOITER},
    "buit-in-de-klas/online-vriendschap": {"Daan": TARGET, "Rick": EXPLOITER, "Lisa": EXPLOITER},
    "buit-in-de-klas/grenzen-en-hulp": {"Noor": BYSTANDER, "Sara": TARGET},
    "buit-in-de-klas/wie-vertrouw-je-online": {"Yara": TARGET, "Jade": EXPLOITER, "Daan": TARGET, "Rick": EXPLOITER},
    "professionals/het-gesprek-voeren": {"Iris": TARGET, "Bas": TARGET, "Sofia": TARGET},
    "professionals/mensenhandel-wat-doe-jij": {"Luuk": TARGET, "Yasmina": TARGET},
    "voortgezet-onderwijs/de-pooierboymethode": {"Fleur": TARGET, "Dennis": EXPLOITER, "Jayden": TARGET},
    "voortgezet-onderwijs/een-vriend-helpen": {"Nadia": TARGET, "Kevin": TARGET},
    "voortgezet-onderwijs/online-uitbuiting": {"Ravi": TARGET, "Noa": EXPLOITER, "Sara": TARGET, "Mila": TARGET,
                                               "Rayan": TARGET, "Tim": TARGET},
    "voortgezet-onderwijs/signalen-herkennen": {"Daan": TARGET},
    "voortgezet-onderwijs/slachtoffer-of-dader": {"Kim": TARGET, "Roy": EXPLOITER, "Tarik": BYSTANDER},
    "voortgezet-onderwijs/wat-is-mensenhandel": {"Aylin": TARGET, "Dewi": EXPLOITER},
}
"""Per lesson (reeks/id): each person in its cases and their role."""

INTRODUCED = re.compile(r"\b([A-Z][a-z]+) (?:is \d{1,2}\b|\(\d{1,2}\))")
"""How a case brings in a person: 'Milan is 12', 'Luuk (15)'."""

NOT_NAMES = {"Wie", "Dat", "Dit", "Het", "Die", "Hij", "Ze", "Zij"}


def _text(path: Path) -> str:
    return "\n".join(lesson_texts(path))


def _lesson_id(path: Path) -> str:
    return f"{path.parent.parent.name}/{path.parent.name}"


def roles_by_name(cases: dict[str, dict[str, str]]) -> dict[str, dict[str, set[str]]]:
    """Each name with its roles, and for each role the lessons that give it."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for lesson, people in cases.items():
        for name, role in people.items():
            found[name][role].add(lesson)
    return found


def test_every_lesson_is_listed():
    assert set(CASES) == set(LESSON_IDS)


def test_a_name_keeps_one_role_in_the_whole_catalogue():
    mixed = {name: {role: sorted(lessons) for role, lessons in roles.items()}
             for name, roles in roles_by_name(CASES).items() if len(roles) > 1}
    assert not mixed, f"a name with more than one role: {mixed}"


def test_the_rule_catches_an_exploiter_who_is_a_victim_elsewhere():
    cases = {"a/een": {"Jesse": EXPLOITER}, "b/twee": {"Jesse": TARGET}, "a/drie": {"Jesse": EXPLOITER}}
    assert set(roles_by_name(cases)["Jesse"]) == {EXPLOITER, TARGET}


@pytest.mark.parametrize("path", LESSON_FILES, ids=LESSON_IDS)
def test_every_person_a_case_introduces_is_listed(path: Path):
    introduced = {m.group(1) for m in INTRODUCED.finditer(_text(path))} - NOT_NAMES
    missing = introduced - set(CASES[_lesson_id(path)])
    assert not missing, f"{path}: add these people with their role to CASES in {Path(__file__).name}: {missing}"


@pytest.mark.parametrize("path", LESSON_FILES, ids=LESSON_IDS)
def test_a_name_known_from_another_lesson_is_listed_here_too(path: Path):
    """A name reused without an age ('Jesse schrijft ...') still has to state its role in this lesson."""
    text = _text(path)
    known = {name for people in CASES.values() for name in people}
    used = {name for name in known if re.search(rf"\b{name}\b", text)}
    assert used == set(CASES[_lesson_id(path)]), (
        f"{path}: names in the text {sorted(used)}, listed {sorted(CASES[_lesson_id(path)])}"
    )


def test_the_introduction_pattern_finds_names_and_not_ages_alone():
    sample = "Milan is 12 en zit in groep 8. Luuk (15) komt te laat. Het is 10 uur. Groep 2: Rayan (16)."
    assert {m.group(1) for m in INTRODUCED.finditer(sample)} - NOT_NAMES == {"Milan", "Luuk", "Rayan"}
