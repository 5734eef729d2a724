"""Teacher guides of every lesson x audience, resolved and rendered once per test session, with and without a school."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from generators.build.pipeline import load_project
from generators.lesson.document import LessonDocument
from generators.paths import ASSETS_DIR
from generators.registry import RenderOptions
from generators.lesson.resolve import resolve_lesson
from generators.guide.render import render_teacher_guide
from tests.pdf_checks import page_texts

ROOT = Path(__file__).resolve().parent.parent
SCHOOL = ROOT / "tests" / "fixtures" / "school.yaml"
OPTIONS = RenderOptions(assets_dir=ASSETS_DIR)


@lru_cache(maxsize=2)
def documents(with_school: bool = False) -> dict[str, LessonDocument]:
    project = load_project([ROOT / "lessons"], SCHOOL if with_school else None)
    assert not project.diagnostics.has_errors(), [d.format() for d in project.diagnostics.items]
    return {
        f"{loaded.model.id}-{audience}": resolve_lesson(loaded, audience, project.data, project.school)
        for loaded in project.lessons
        for audience in loaded.model.doelgroepen
    }


KEYS = sorted(documents())


@lru_cache(maxsize=None)
def guide(key: str, with_school: bool = False) -> bytes:
    return render_teacher_guide(documents(with_school)[key], OPTIONS)


@lru_cache(maxsize=None)
def guide_text(key: str, with_school: bool = False) -> str:
    """All page text, one string; the running header and footer lines stay in (they repeat harmlessly)."""
    return "\n".join(page_texts(guide(key, with_school)))


def flat(text: str) -> str:
    """Whitespace collapsed and words split by a line-end hyphen joined again."""
    return re.sub(r"\s+", " ", re.sub(r"-\n", "", text))
