"""`lespakket new`: write a commented example lesson from assets/templates/nieuwe-les/ into a new lesson folder."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import jinja2

from generators.lesson.checks import WINDOWS_RESERVED
from generators.lesson.reader import LESSON_FILE
from generators.paths import ASSETS_DIR
from generators.lesson.source_model import SLUG_PATTERN

TEMPLATE_DIR = ASSETS_DIR / "templates" / "nieuwe-les"
TEMPLATE_FILE = "les.yaml.j2"
_SLUG = re.compile(SLUG_PATTERN)


class ScaffoldError(Exception):
    """A Dutch message for the author; nothing was written."""


def _check_slug(value: str, what: str) -> None:
    if not _SLUG.match(value):
        raise ScaffoldError(
            f"'{value}' is geen geldige {what}: gebruik alleen kleine letters, cijfers en streepjes "
            "(bijvoorbeeld 'wat-is-mensenhandel')."
        )
    if value in WINDOWS_RESERVED:
        raise ScaffoldError(
            f"'{value}' kan geen {what} zijn: Windows gebruikt die naam zelf, dus een pakket met die naam kan daar "
            f"niet worden uitgepakt. Kies een andere naam, bijvoorbeeld '{value}-les'."
        )


def render_template(series: str, lesson_id: str) -> str:
    """Why jinja: the template stays a readable YAML file; StrictUndefined catches a misspelled placeholder."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR), undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True, autoescape=False,
    )
    return env.get_template(TEMPLATE_FILE).render(reeks=series, les_id=lesson_id)


def new_lesson(lessons_dir: Path, series: str, lesson_id: str) -> Path:
    """Create lessons_dir/<series>/<lesson_id>/les.yaml (+ example image); return the path of les.yaml."""
    _check_slug(series, "naam voor een reeks")
    _check_slug(lesson_id, "les-id")
    folder = lessons_dir / series / lesson_id
    target = folder / LESSON_FILE
    if target.exists():
        raise ScaffoldError(f"De les {target.as_posix()} bestaat al. Kies een andere les-id; er is niets overschreven.")
    if lessons_dir.is_dir():
        for other in sorted(lessons_dir.glob(f"*/{lesson_id}/{LESSON_FILE}")):
            raise ScaffoldError(
                f"De les-id '{lesson_id}' wordt al gebruikt in {other.as_posix()}. Elke les heeft een eigen id."
            )
    text = render_template(series, lesson_id)
    folder.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    for image in sorted((TEMPLATE_DIR / "beeld").glob("*.png")):
        destination = folder / "beeld" / image.name
        if not destination.exists():
            destination.parent.mkdir(exist_ok=True)
            shutil.copyfile(image, destination)
    return target
