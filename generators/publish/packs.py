"""Package rendered artifacts into downloadable packs: one per lesson x audience, one per series x audience."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generators.lesson.document import LessonDocument
from generators.publish.pack_zip import PackFile, write_zip
from generators.paths import ASSETS_DIR
from generators.registry import GENERATORS

README_NAME = "LEESMIJ.txt"
OVERVIEW_NAME = "leerlijn.pdf"
OVERVIEW_DESCRIPTION = "Leerlijn: de lessen van deze reeks in volgorde, waarop elke les voortbouwt en de totale tijd"
LICENCE_NAME = "LICENTIE.txt"


@dataclass(frozen=True)
class Pack:
    path: str  # relative to output/, where the zip was written
    series: str
    audience: str
    lesson: str | None


README_TEMPLATE = "leesmij.txt.j2"


@lru_cache(maxsize=1)
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(ASSETS_DIR / "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Why: plain-text README, never served as HTML
        keep_trailing_newline=True,
    )


def compile_templates() -> None:
    """Import jinja2 and compile the README template, so that packing the first lesson does not wait for it."""
    _environment().get_template(README_TEMPLATE)


def described(filenames: list[str]) -> list[tuple[str, str]]:
    """(name, what it is) for each artifact file name (a path ends with one), as LEESMIJ.txt lists them."""
    known = {g.filename: g.description for g in GENERATORS} | {OVERVIEW_NAME: OVERVIEW_DESCRIPTION}
    return [(name, known.get(name.rsplit("/", 1)[-1], "")) for name in filenames]


def readme(title: str, audience: str, lessons: list[LessonDocument], school: str | None,
           files: list[tuple[str, str]], zip_name: str) -> bytes:
    """LEESMIJ.txt of a pack: `files` are (name, what it is); README, licence and manifest are added."""
    text = _environment().get_template(README_TEMPLATE).render(
        titel=title,
        doelgroep=audience,
        lessen=lessons,
        school=school,
        bestanden=files + [(README_NAME, "dit bestand"), (LICENCE_NAME, "de licentie"), ("manifest.json", "controlegetallen")],
        zipnaam=zip_name,
        hulp=lessons[0].teacher_help_routes,
    )
    return text.encode("utf-8")


def _readme(title: str, documents: list[LessonDocument], files: list[str], zip_name: str) -> bytes:
    first = documents[0]
    return readme(title, f"{first.audience.label} ({first.audience.who})", documents,
                  first.school.name if first.school else None, described(files), zip_name)


def licence() -> bytes:
    return (ASSETS_DIR / "templates" / "licentie.txt").read_bytes()


def lesson_pack(output: Path, document: LessonDocument, artifacts: dict[str, Path]) -> Pack:
    """Write the pack of one (lesson, audience) under `output`; `artifacts` maps file names (presentatie.pptx,
    ...) to the files."""
    root = f"{document.lesson_id}_{document.audience.id}"
    names = sorted(artifacts)
    title = f"{document.title.plain} ({document.audience.label})"
    files = [PackFile(name, artifacts[name]) for name in names]
    files += [PackFile(README_NAME, _readme(title, [document], names, root + ".zip")), PackFile(LICENCE_NAME, licence())]
    meta = {"les": document.lesson_id, "reeks": document.series, "doelgroep": document.audience.id}
    pack = Pack(f"pakketten/{root}.zip", document.series, document.audience.id, document.lesson_id)
    write_zip(output / pack.path, root, files, title, meta)
    return pack


def series_pack(output: Path, series_title: str, documents: list[LessonDocument], artifacts: dict[str, dict[str, Path]],
                overview: bytes | None = None) -> Pack:
    """Write the pack of all lessons of one series for one audience; `artifacts` is keyed by lesson id, `overview`
    is the series' learning path (leerlijn.pdf)."""
    first = documents[0]
    root = f"{first.series}_{first.audience.id}"
    files = [PackFile(OVERVIEW_NAME, overview)] if overview is not None else []
    files += [
        PackFile(f"{d.lesson_id}/{name}", path)
        for d in documents for name, path in sorted(artifacts[d.lesson_id].items())
    ]
    title = f"{series_title} ({first.audience.label})"
    names = [f.name for f in files]
    files += [PackFile(README_NAME, _readme(title, documents, names, root + ".zip")), PackFile(LICENCE_NAME, licence())]
    meta = {"reeks": first.series, "doelgroep": first.audience.id}
    pack = Pack(f"pakketten/{root}.zip", first.series, first.audience.id, None)
    write_zip(output / pack.path, root, files, title, meta)
    return pack
