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
# Why in the lessons folder, two folders above each les.yaml: the first line of a new lesson names it by that
# relative path, so it works wherever the project is, and `new` can refresh it with the shared data of today.
SCHEMA_FILE = "les.schema.json"
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


def write_editor_schema(lessons_dir: Path) -> Path | None:
    """(Re)write lessons_dir/les.schema.json from the shared data.

    None when that data has errors (`check` says which), or when a file of that name is not a schema that
    lespakket wrote: that file stays as it is."""
    import json
    import os

    from generators.data.shared import load_shared_data
    from generators.diagnostics import Diagnostics
    from generators.lesson.schema_export import lesson_json_schema
    from generators.paths import DATA_DIR

    diagnostics = Diagnostics()
    data = load_shared_data(DATA_DIR, diagnostics)
    if data is None or diagnostics.has_errors():
        return None
    schema = lesson_json_schema(data)
    target = lessons_dir / SCHEMA_FILE
    if (target.exists() or target.is_symlink()) and not _is_our_schema(target, schema["title"]):
        return None
    temporary = target.with_name(f".{SCHEMA_FILE}.{os.getpid()}")
    temporary.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, target)
    return target


def _is_our_schema(path: Path, title: str) -> bool:
    """A regular file holding a JSON schema with our title: what `new` or `schema --uit` wrote before."""
    import json

    if path.is_symlink() or not path.is_file():
        return False
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(found, dict) and found.get("title") == title
