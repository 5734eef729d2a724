"""What the teacher guide says must agree with the rest of the pack: help numbers, slides, exercises, minutes."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from ruamel.yaml import YAML

from generators.deck.render import deck_plan
from generators.worksheet.render import render_worksheet
from tests.guide_samples import KEYS, OPTIONS, ROOT, documents, flat, guide_text
from tests.pdf_checks import page_texts, squash

SOURCE = ROOT.parent / "shared" / "sources" / "mensenhandel-wat-doe-jij.txt"
PHONE = re.compile(r"(?<![\d-])\d{3,4}-\d{4}(?![\d-])")
WEB = re.compile(r"www\.[A-Za-z0-9.\-/]+")


@lru_cache(maxsize=1)
def helplines() -> list[dict]:
    return YAML(typ="safe").load((ROOT / "assets" / "data" / "hulplijnen.yaml").read_text(encoding="utf-8"))["hulplijnen"]


@lru_cache(maxsize=1)
def known_sites() -> list[str]:
    """Every web address the guide may print: assets/data, the campaign source and the lessons' own sources."""
    data = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "assets" / "data").glob("*.yaml")))
    sites = set(WEB.findall(data))
    if SOURCE.exists():
        sites |= set(WEB.findall(SOURCE.read_text(encoding="utf-8")))
    for document in documents().values():
        sites |= {s.url.removeprefix("https://").removeprefix("http://") for s in document.sources if s.url}
    return sorted({s.rstrip("./") for s in sites}, key=len, reverse=True)


@pytest.mark.parametrize("key", KEYS)
def test_every_professional_organisation_with_its_exact_number_and_site(key):
    text = flat(guide_text(key))
    for line in (h for h in helplines() if h.get("docent")):
        assert line["naam"] in text, f"{key}: {line['naam']} missing"
        if line.get("telefoon") and not line["naam"].endswith(line["telefoon"]):  # 'Alarmnummer 112' says it
            assert f"Bel {line['telefoon']}" in text
        if line.get("website"):
            assert line["website"] in text


@pytest.mark.parametrize("key", KEYS)
def test_every_phone_number_printed_is_in_assets_data(key):
    numbers = {h["telefoon"] for h in helplines() if h.get("telefoon")}
    printed = set(PHONE.findall(guide_text(key)))
    assert printed, key
    assert printed <= numbers, f"{key}: numbers not in assets/data: {sorted(printed - numbers)}"


@pytest.mark.parametrize("key", KEYS)
def test_every_web_address_printed_is_known(key):
    text = squash(guide_text(key))
    sites = [squash(site) for site in known_sites()]
    for match in re.finditer(r"www\.", text):
        rest = text[match.start():]
        found = next((site for site in sites if rest.startswith(site)), None)
        assert found, f"{key}: unknown web address {rest[:50]}"
        assert not rest[len(found):].startswith("/"), f"{key}: a longer, unknown address: {rest[:60]}"


def expand(numbers: str) -> list[int]:
    """'4-6, 9 en 11' -> [4, 5, 6, 9, 11]."""
    result: list[int] = []
    for part in re.split(r",\s*|\s+en\s+", numbers.strip()):
        low, _, high = part.partition("-")
        result += list(range(int(low), int(high or low) + 1))
    return result


def printed_uses(key: str) -> list[tuple[list[int], list[int]]]:
    """The 'Gebruik' row of each activity, in order: (slide numbers, exercise numbers)."""
    uses = []
    for line in re.findall(r"^Gebruik\n(.+)$", guide_text(key), flags=re.M):
        slides = re.search(r"dia ([\d\-, en]+?)(?: ·|$)", line)
        exercises = re.search(r"opdracht(?:en)? ([\d\-, en]+)$", line)
        uses.append((expand(slides.group(1)) if slides else [], expand(exercises.group(1)) if exercises else []))
    return uses


@pytest.mark.parametrize("key", KEYS)
def test_slide_references_match_the_generated_deck(key):
    document = documents()[key]
    plan = deck_plan(document, OPTIONS)
    expected = []
    for activity in document.activities:
        slides = [n for n, slide in enumerate(plan.slides, 1) if slide.activity == activity.number]
        exercises = [e.head.number for e in activity.exercises]
        if slides or exercises:
            expected.append((slides, exercises))
    assert printed_uses(key) == expected


@pytest.mark.parametrize("key", KEYS)
def test_exercise_references_match_the_worksheet(key):
    document = documents()[key]
    sheet = squash("\n".join(page_texts(render_worksheet(document, OPTIONS))))
    referenced = [n for _, exercises in printed_uses(key) for n in exercises]
    assert referenced == [e.head.number for e in document.exercises]
    for number in referenced:
        assert f"Opdracht{number}" in sheet
    assert f"Opdracht{len(referenced) + 1}" not in sheet


@pytest.mark.parametrize("key", KEYS)
def test_minutes_in_the_lesson_plan_add_up(key):
    document = documents()[key]
    text = guide_text(key)
    minutes = [int(m) for m in re.findall(r"^\s*Opzet\n.*? · (\d+) minu(?:ten|ut)", text, flags=re.M)]
    assert minutes == [a.minutes for a in document.activities]
    total = re.search(r"^Totaal\n\s*(\d+)$", text, flags=re.M)
    assert total and int(total.group(1)) == sum(minutes) == document.duration
    optional = re.findall(r"^\s*Opzet\n.*? · (\d+) minuten \(optioneel\)", text, flags=re.M)
    if document.short_duration < document.duration:
        assert optional
        route = re.search(r"Verkorte route: (\d+) minuten", text)
        assert route and int(route.group(1)) == sum(minutes) - sum(map(int, optional)) == document.short_duration
    else:
        assert not optional and "Verkorte route" not in text


def test_a_lesson_with_optional_activities_has_a_shortened_route():
    document = documents()["online-uitbuiting-15-18"]
    assert document.short_duration < document.duration
    text = flat(guide_text("online-uitbuiting-15-18"))
    for activity in (a for a in document.activities if a.optional):
        assert f"{activity.number}. {activity.title.plain} ({activity.minutes} minuten)" in text


@pytest.mark.parametrize("key", KEYS)
def test_discussion_questions_come_with_what_to_listen_for(key):
    from generators.lesson.document import DiscussionSlide

    document = documents()[key]
    text = squash(guide_text(key))
    for activity in document.activities:
        for slide in (s for s in activity.slides if isinstance(s, DiscussionSlide)):
            assert squash(slide.question.plain) in text
            for point in slide.listen_for:
                assert squash(point.plain) in text
