"""Package rendered artifacts into downloadable packs: one per lesson x audience, one per series x audience."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .lesson_document import LessonDocument
from .pack_zip import PackFile, files_to_zip
from .paths import ASSETS_DIR
from .registry import GENERATORS

README_NAME = "LEESMIJ.txt"
LICENCE_NAME = "LICENTIE.txt"


@dataclass(frozen=True)
class Pack:
    path: str  # relative to output/
    content: bytes
    series: str
    audience: str
    lesson: str | None


@lru_cache(maxsize=1)
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(ASSETS_DIR / "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Why: plain-text README, never served as HTML
        keep_trailing_newline=True,
    )


def _descriptions(filenames: list[str]) -> list[tuple[str, str]]:
    known = {g.filename: g.description for g in GENERATORS}
    return [(name, known.get(name.rsplit("/", 1)[-1], "")) for name in filenames]


def _readme(title: str, documents: list[LessonDocument], files: list[str], zip_name: str) -> bytes:
    first = documents[0]
    text = _environment().get_template("leesmij.txt.j2").render(
        titel=title,
        doelgroep=f"{first.audience.label} ({first.audience.who})",
        lessen=documents,
        school=first.school.name if first.school else None,
        bestanden=_descriptions(files)
        + [(README_NAME, "dit bestand"), (LICENCE_NAME, "de licentie"), ("manifest.json", "controlegetallen")],
        zipnaam=zip_name,
        hulp=first.teacher_help_routes,
    )
    return text.encode("utf-8")


def _licence() -> bytes:
    return (ASSETS_DIR / "templates" / "licentie.txt").read_bytes()


def lesson_pack(document: LessonDocument, artifacts: dict[str, bytes]) -> Pack:
    """`artifacts` maps file names (presentatie.pptx, ...) to their bytes."""
    root = f"{document.lesson_id}_{document.audience.id}"
    names = sorted(artifacts)
    title = f"{document.title.plain} ({document.audience.label})"
    files = [PackFile(name, artifacts[name]) for name in names]
    files += [PackFile(README_NAME, _readme(title, [document], names, root + ".zip")), PackFile(LICENCE_NAME, _licence())]
    meta = {"les": document.lesson_id, "reeks": document.series, "doelgroep": document.audience.id}
    return Pack(f"pakketten/{root}.zip", files_to_zip(root, files, title, meta), document.series, document.audience.id, document.lesson_id)


def series_pack(series_title: str, documents: list[LessonDocument], artifacts: dict[str, dict[str, bytes]]) -> Pack:
    """All lessons of one series for one audience; `artifacts` is keyed by lesson id."""
    first = documents[0]
    root = f"{first.series}_{first.audience.id}"
    files = [
        PackFile(f"{d.lesson_id}/{name}", content)
        for d in documents for name, content in sorted(artifacts[d.lesson_id].items())
    ]
    title = f"{series_title} ({first.audience.label})"
    names = [f.name for f in files]
    files += [PackFile(README_NAME, _readme(title, documents, names, root + ".zip")), PackFile(LICENCE_NAME, _licence())]
    meta = {"reeks": first.series, "doelgroep": first.audience.id}
    return Pack(f"pakketten/{root}.zip", files_to_zip(root, files, title, meta), first.series, first.audience.id, None)
