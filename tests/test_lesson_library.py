"""The lesson library as a whole: facts only from the source or shared data, own words, every lesson builds."""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML


ROOT = Path(__file__).resolve().parent.parent
LESSONS = ROOT / "lessons"
DATA_DIR = ROOT / "assets" / "data"
SOURCE_NAME = "mensenhandel-wat-doe-jij.txt"
COPY_RUN = 12
"""Why: twelve words in a row from the source is copying, not writing in our own words."""

LESSON_FILES = sorted(LESSONS.glob("*/*/les.yaml"))
LESSON_IDS = [f"{p.parent.parent.name}/{p.parent.name}" for p in LESSON_FILES]

PHONE = re.compile(r"(?<![\w/.-])(?:\+31[\s-]?|0)\d{1,3}[\s-]?\d{2,4}(?:[\s-]?\d{2,4})?(?![\w/-])")
CALL = re.compile(r"\b(?:bel|bellen|belt|nummer|telefoon)\s+(\d[\d\s-]*\d|\d)\b", re.IGNORECASE)
URL = re.compile(
    r"(?:https?://)?(?:[a-z0-9-]+\.)+(?:nl|com|org|net|eu|be|info|chat|io|app)\b(?:/[^\s)\"'<>,;]*)?",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*(?:%|procent\b)", re.IGNORECASE)
NUMBER = re.compile(r"\d+(?:[\s-]\d+)*")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def source_dir() -> Path | None:
    """The shared source texts: beside the repository (as in CI), or where LESPAKKET_SOURCES points."""
    candidates = [Path(os.environ["LESPAKKET_SOURCES"])] if os.environ.get("LESPAKKET_SOURCES") else []
    candidates.append(ROOT.parent / "shared" / "sources")
    return next((c for c in candidates if (c / SOURCE_NAME).is_file()), None)


@lru_cache(maxsize=None)
def source_text() -> str:
    folder = source_dir()
    if folder is None:
        reason = f"source text {SOURCE_NAME} not found beside the repository (../shared/sources)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return (folder / SOURCE_NAME).read_text(encoding="utf-8")


def strings(value: Any) -> Iterator[str]:
    """Every text in a YAML tree (keys too, so a mistyped variant key cannot hide a fact)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(key)
            yield from strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from strings(item)


@lru_cache(maxsize=None)
def lesson_texts(path: Path) -> tuple[str, ...]:
    return tuple(strings(YAML(typ="safe").load(path.read_text(encoding="utf-8"))))


@lru_cache(maxsize=None)
def reference_text() -> str:
    """What facts may come from: the source text plus everything in assets/data."""
    data = "\n".join(p.read_text(encoding="utf-8") for p in sorted(DATA_DIR.glob("*.yaml")))
    return source_text() + "\n" + data


def phone_numbers(text: str) -> set[str]:
    found = {m.group(0) for m in PHONE.finditer(text)} | {m.group(1) for m in CALL.finditer(text)}
    return {re.sub(r"\D", "", n) for n in found}


def known_numbers(text: str) -> set[str]:
    """Every number in the reference text, also where no 'bel' stands before it ('telefoon: "112"')."""
    return phone_numbers(text) | {re.sub(r"\D", "", m) for m in NUMBER.findall(text)}


def web_addresses(text: str) -> set[str]:
    text = EMAIL.sub(lambda m: " " + m.group(0).replace(".", "·") + " ", text)  # keep mail hosts out of URL
    return {normalise_url(m.group(0)) for m in URL.finditer(text)}


def normalise_url(url: str) -> str:
    url = re.sub(r"^https?://", "", url.lower()).rstrip("/.")
    return url.removeprefix("www.")


def emails(text: str) -> set[str]:
    return {m.group(0).lower().rstrip(".") for m in EMAIL.finditer(text)}


def percentages(text: str) -> set[str]:
    return {m.group(1).replace(",", ".") for m in PERCENT.finditer(text)}


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    return WORD.findall(text)


def ngrams(tokens: list[str], n: int = COPY_RUN) -> Iterator[tuple[str, ...]]:
    for i in range(len(tokens) - n + 1):
        yield tuple(tokens[i : i + n])


@lru_cache(maxsize=None)
def source_ngrams() -> frozenset[tuple[str, ...]]:
    return frozenset(ngrams(words(source_text())))


def allowed_urls() -> set[str]:
    urls = web_addresses(reference_text())
    return urls | {u.split("/", 1)[0] for u in urls}  # the site of a known page is known too


# --- the helpers themselves ------------------------------------------------------------------


def test_fact_extractors_find_what_the_source_holds():
    sample = "Bel 0800-2000 of kijk op www.veiligthuis.nl/ of https://www.Keerpunt.chat. In 68% van de gevallen; bel 112."
    assert phone_numbers(sample) == {"08002000", "112"}
    assert web_addresses(sample) == {"veiligthuis.nl", "keerpunt.chat"}
    assert percentages(sample) == {"68"}
    assert emails("mail naar elearningmensenhandel@fier.nl.") == {"elearningmensenhandel@fier.nl"}
    assert web_addresses("mail naar elearningmensenhandel@fier.nl.") == set()
    assert phone_numbers("leerjaar 1-3, 12-15 jaar, 50 minuten, 3 oktober 2024") == set()


def test_an_invented_fact_is_caught():
    assert "08001234" not in known_numbers(reference_text())
    assert "112" in known_numbers(reference_text())
    assert "voorbeeld-hulplijn.nl" not in allowed_urls()
    assert "chatmetfier.nl" in allowed_urls() and "comensha.nl" in allowed_urls()
    assert percentages(reference_text()) == {"68"}


def test_copy_check_ignores_case_and_punctuation():
    tokens = words("Een Mensenhandelaar, dwingt zijn slachtoffer!")
    assert tokens == ["een", "mensenhandelaar", "dwingt", "zijn", "slachtoffer"]


def test_there_are_lessons():
    assert LESSON_FILES, "no lessons/<reeks>/<id>/les.yaml found"


# --- every lesson --------------------------------------------------------------------------


@pytest.mark.parametrize("path", LESSON_FILES, ids=LESSON_IDS)
def test_phone_numbers_come_from_source_or_data(path: Path):
    allowed = known_numbers(reference_text())
    unknown = {n for text in lesson_texts(path) for n in phone_numbers(text)} - allowed
    assert not unknown, f"{path}: phone numbers not in the source or assets/data: {sorted(unknown)}"


@pytest.mark.parametrize("path", LESSON_FILES, ids=LESSON_IDS)
def test_web_addresses_come_from_source_or_data(path: Path):
    allowed = allowed_urls()
    found = {u for text in lesson_texts(path) for u in web_addresses(text)}
    found |= {u for text in lesson_texts(path) for u in emails(text)}
    unknown = found - allowed - emails(reference_text())
    assert not unknown, f"{path}: web addresses not in the source or assets/data: {sorted(unknown)}"


@pytest.mark.parametrize("path", LESSON_FILES, ids=LESSON_IDS)
def test_percentages_come_from_source_or_data(path: Path):
    allowed = percentages(reference_text())
    unknown = {p for text in lesson_texts(path) for p in percentages(text)} - allowed
    assert not unknown, f"{path}: percentages not in the source or assets/data: {sorted(unknown)}"


@pytest.mark.parametrize("path", LESSON_FILES, ids=LESSON_IDS)
def test_no_long_run_copied_from_the_source(path: Path):
    copied = []
    for text in lesson_texts(path):
        tokens = words(text)
        hits = [i for i, gram in enumerate(ngrams(tokens)) if gram in source_ngrams()]
        if hits:
            copied.append(" ".join(tokens[hits[0] : hits[-1] + COPY_RUN]))
    assert not copied, f"{path}: runs of {COPY_RUN}+ words copied from the source: {copied}"


def test_copy_check_catches_a_copied_sentence():
    copied = "Mensenhandel bij jongeren is vaak lastig te herkennen. Dat komt doordat uitbuiting zich vaak verborgen afspeelt."
    assert any(g in source_ngrams() for g in ngrams(words(copied)))


# --- every lesson x audience builds --------------------------------------------------------


@pytest.fixture(scope="module")
def documents(project):
    from generators.lesson.resolve import resolve_lesson

    return {
        (f"{loaded.model.reeks}/{loaded.model.id}", audience): resolve_lesson(loaded, audience, project.data)
        for loaded in project.lessons
        for audience in loaded.model.doelgroepen
    }


def test_every_lesson_and_audience_resolves(project, documents):
    expected = {
        (f"{l.model.reeks}/{l.model.id}", a) for l in project.lessons for a in l.model.doelgroepen
    }
    assert set(documents) == expected
    for (lesson, audience), document in documents.items():
        assert document.phases, f"{lesson} ({audience}) has no phases"
        assert sum(a.minutes for p in document.phases for a in p.activities) == document.duration
        assert any(a.slides for p in document.phases for a in p.activities), f"{lesson} ({audience}) has no slides"


def test_every_pupil_lesson_names_anonymous_help(project, documents):
    for (lesson, audience), document in documents.items():
        if not project.data.audience(audience).leerlingen:
            continue
        assert any(r.anonymous for r in document.help_routes), f"{lesson} ({audience}) names no anonymous help"


def test_every_lesson_and_audience_renders(documents):
    from generators.paths import ASSETS_DIR
    from generators.registry import GENERATORS, RenderOptions

    if not GENERATORS:
        pytest.skip("no generators registered yet in generators/registry.py")
    options = RenderOptions(assets_dir=ASSETS_DIR)
    for (lesson, audience), document in documents.items():
        for generator in GENERATORS:
            data = generator.load()(document, options)
            assert data, f"{generator.kind} wrote nothing for {lesson} ({audience})"


# --- the author's command ------------------------------------------------------------------


def test_check_strict_is_clean_on_the_library(monkeypatch):
    from generators.cli.commands import cli

    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["check", "--strict", "lessons"])
    assert result.exit_code == 0, result.output
