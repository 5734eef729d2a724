"""Worksheet, answer key and digital worksheet for every lesson x audience: text, answers, fonts, structure."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest
from reportlab.lib.rl_accel import fp_str

from generators.build.pipeline import load_project
from generators.lesson.document import (
    AgreeExercise, CaseExercise, ChoiceExercise, LessonDocument, OpenExercise, OrderExercise, ReflectionExercise,
    RichText, TrueFalseExercise,
)
from generators.paths import ASSETS_DIR
from generators.pdf.style import Colours
from generators.registry import GENERATORS, RenderOptions
from generators.lesson.resolve import resolve_lesson
from generators.worksheet.render import (
    render_answer_key, render_digital_worksheet, render_large_print_worksheet, render_worksheet,
)
from tests.pdf_checks import content_streams, fonts, page_texts, reader, squash
from tests.golden_files import check_golden
from tests.system_tools import require_program
from tests.worksheet_samples import all_kinds_document

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "worksheet"
GOLDEN_LESSONS = ROOT / "tests" / "fixtures" / "worksheet-lessons"
OPTIONS = RenderOptions(assets_dir=ASSETS_DIR)
RENDERERS = {"werkblad": render_worksheet, "werkblad-antwoorden": render_answer_key, "werkblad-digitaal": render_digital_worksheet,
             "werkblad-groot": render_large_print_worksheet}
A4 = (595.2756, 841.8898)
ANSWER_COLOUR_OP = f"{fp_str(*Colours.answer.rgb())} rg"  # how reportlab writes the fill colour of answers


@lru_cache(maxsize=1)
def documents() -> dict[str, LessonDocument]:
    project = load_project([ROOT / "lessons"])
    assert not project.diagnostics.has_errors()
    return {
        f"{loaded.model.id}-{audience}": resolve_lesson(loaded, audience, project.data)
        for loaded in project.lessons
        for audience in loaded.model.doelgroepen
    }


@lru_cache(maxsize=None)
def rendered(key: str, kind: str) -> bytes:
    return RENDERERS[kind](documents()[key], OPTIONS)


DOCUMENT_KEYS = sorted(documents())


def answer_texts(document: LessonDocument) -> list[str]:
    """Text that only the answer key may show: model answers, aandachtspunten, explanations."""
    texts = []
    for exercise in document.exercises:
        answers = []
        if isinstance(exercise, (OpenExercise, ReflectionExercise)):
            answers.append(exercise.answer)
        if isinstance(exercise, CaseExercise):
            answers += [q.answer for q in exercise.questions]
        for answer in answers:
            texts += [str(answer.text)] if answer.text else []
            texts += [str(p) for p in answer.points]
        if isinstance(exercise, (ChoiceExercise, OrderExercise)) and exercise.explanation:
            texts.append(str(exercise.explanation))
        if isinstance(exercise, TrueFalseExercise):
            texts += [str(s.explanation) for s in exercise.statements if s.explanation]
        if isinstance(exercise, AgreeExercise):
            texts += [str(p) for s in exercise.statements for p in s.points]
    return texts


def test_registry_names_the_four_worksheet_files():
    ours = {g.kind: g.filename for g in GENERATORS if g.kind.startswith("werkblad")}
    assert ours == {k: f"{k}.pdf" for k in RENDERERS}
    for generator in GENERATORS:
        if generator.kind in RENDERERS:
            assert generator.load() is RENDERERS[generator.kind]


@lru_cache(maxsize=1)
def golden_documents() -> dict[str, LessonDocument]:
    """Why a frozen copy of a lesson plus a synthetic one with every exercise kind: the real lessons
    change with the content; these dumps change only with the code."""
    project = load_project([GOLDEN_LESSONS])
    assert not project.diagnostics.has_errors()
    found = {
        f"{loaded.model.id}-{audience}": resolve_lesson(loaded, audience, project.data)
        for loaded in project.lessons
        for audience in loaded.model.doelgroepen
    }
    found["alle-soorten-10-12"] = all_kinds_document()
    return found


@pytest.mark.parametrize("kind", list(RENDERERS))
@pytest.mark.parametrize("key", ["wat-is-mensenhandel-12-15", "wat-is-mensenhandel-15-18", "alle-soorten-10-12"])
def test_golden_text(key, kind):
    pdf = RENDERERS[kind](golden_documents()[key], OPTIONS)
    text = "\n".join(f"--- pagina {i} ---\n{t}" for i, t in enumerate(page_texts(pdf), 1)) + "\n"
    check_golden(GOLDEN / f"{key}-{kind}.txt", text)


ANSWER_FIELDS = {"answer", "explanation", "points", "is_true", "correct"}


def pupil_texts(value) -> list[str]:
    """Every text of an exercise that pupils are meant to see (all fields but the answer fields)."""
    if isinstance(value, RichText):
        return [value.plain]
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple):
        return [t for item in value for t in pupil_texts(item)]
    if dataclasses.is_dataclass(value):
        return [t for f in dataclasses.fields(value) if f.name not in ANSWER_FIELDS for t in pupil_texts(getattr(value, f.name))]
    return []


@pytest.mark.parametrize("key", DOCUMENT_KEYS)
def test_no_answer_reaches_the_pupil_versions(key):
    document = documents()[key]
    visible = squash("".join(t for e in document.exercises for t in pupil_texts(e)))
    expected = [t for t in answer_texts(document) if squash(t) not in visible]
    key_text = squash("".join(page_texts(rendered(key, "werkblad-antwoorden"))))
    for text in expected:
        assert squash(text) in key_text, f"answer missing from the answer key: {text!r}"
    for kind in ("werkblad", "werkblad-digitaal", "werkblad-groot"):
        pdf = rendered(key, kind)
        pupil_text = squash("".join(page_texts(pdf)))
        for text in expected:
            assert squash(text) not in pupil_text, f"answer text in {kind}: {text!r}"
        # Ticks, letters and numbers filled in are drawn in the answer colour: none of it on a pupil sheet.
        assert ANSWER_COLOUR_OP not in content_streams(pdf)
        assert "DOCENTVERSIE" not in "".join(page_texts(pdf))
    assert ANSWER_COLOUR_OP in content_streams(rendered(key, "werkblad-antwoorden"))


@pytest.mark.parametrize("kind", list(RENDERERS))
@pytest.mark.parametrize("key", DOCUMENT_KEYS)
def test_every_page_is_a4_with_page_numbers_and_help(key, kind):
    document = documents()[key]
    pdf = rendered(key, kind)
    pages = reader(pdf).pages
    texts = page_texts(pdf)
    for number, (page, text) in enumerate(zip(pages, texts), 1):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.01)
        assert re.search(rf"pagina {number} van\s*{len(pages)}\b", text), text[-200:]
        assert squash(document.audience.help_text) in squash(text)
        if kind == "werkblad-antwoorden":
            assert "DOCENTVERSIE" in text


@pytest.mark.parametrize("kind", list(RENDERERS))
def test_fonts_are_embedded_and_metadata_is_set(kind):
    key = DOCUMENT_KEYS[0]
    document = documents()[key]
    pdf = rendered(key, kind)
    used = fonts(pdf)
    assert used and all(used.values()), used
    assert all("Carlito" in name for name in used), used
    pdf_reader = reader(pdf)
    meta = pdf_reader.metadata
    assert meta.title.startswith(document.title.plain)
    assert meta.author == document.publisher
    assert document.audience.who in meta.subject
    catalog = pdf_reader.trailer["/Root"]
    assert catalog["/Lang"] == "nl-NL"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]


@pytest.mark.parametrize("kind", list(RENDERERS))
def test_renders_are_byte_identical(kind):
    key = DOCUMENT_KEYS[0]
    document = documents()[key]
    assert RENDERERS[kind](document, OPTIONS) == RENDERERS[kind](document, OPTIONS)


@pytest.mark.parametrize("kind", list(RENDERERS))
@pytest.mark.parametrize("key", DOCUMENT_KEYS)
def test_qpdf_check_passes(key, kind, tmp_path):
    qpdf = require_program("qpdf", "qpdf")
    path = tmp_path / f"{kind}.pdf"
    path.write_bytes(rendered(key, kind))
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("key", DOCUMENT_KEYS)
def test_digital_version_has_unique_fields_and_paper_versions_none(key):
    fields = reader(rendered(key, "werkblad-digitaal")).get_fields()
    assert {name.lower() for name in documents()[key].audience.name_fields} <= set(fields)
    assert any(f.get("/FT") == "/Btn" for f in fields.values()) or not any(
        isinstance(e, (ChoiceExercise, TrueFalseExercise, AgreeExercise)) for e in documents()[key].exercises
    )
    names = []
    for page in reader(rendered(key, "werkblad-digitaal")).pages:
        names += [a.get_object()["/T"] for a in page.get("/Annots") or []]
    assert len(names) == len(set(names)) == len(fields)
    for kind in ("werkblad", "werkblad-antwoorden"):
        assert not reader(rendered(key, kind)).get_fields()
