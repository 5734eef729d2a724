"""The pipeline: read and check everything, resolve each (lesson, audience), render, and swap output in."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .data_model import School
from .diagnostics import BuildAborted, Diagnostics, Location, did_you_mean, display_path
from .lesson_checks import check_lessons
from .lesson_document import LessonDocument
from .lesson_lint import lint_lessons
from .lesson_reader import discover_lesson_files, read_lessons
from .model_loading import Loaded, load_model
from .paths import ASSETS_DIR, DATA_DIR, artifact_path
from .registry import GENERATORS, Generator, RenderOptions
from .resolve import resolve_lesson
from .shared_data import SharedData, load_shared_data
from .source_model import Les

MANIFEST = "manifest.json"


@dataclass
class Project:
    """Everything read and checked, ready to resolve."""

    data: SharedData
    lessons: list[Loaded[Les]]
    school: School | None
    diagnostics: Diagnostics


def load_project(
    lesson_paths: list[Path], school_path: Path | None = None, data_dir: Path = DATA_DIR
) -> Project:
    """Read and check shared data, lessons and the school file; all problems land in diagnostics."""
    diagnostics = Diagnostics()
    data = load_shared_data(data_dir, diagnostics)
    files = discover_lesson_files(lesson_paths, diagnostics)
    if not files and not diagnostics.has_errors():
        diagnostics.error(
            "geen-lessen",
            "Geen lesbestanden (les.yaml) gevonden.",
            Location(", ".join(display_path(p) for p in lesson_paths)),
        )
    lessons = read_lessons(files, diagnostics)
    if data is not None:
        check_lessons(lessons, data, diagnostics)
        lint_lessons(lessons, data, diagnostics, data_dir)
    school = None
    if school_path is not None:
        loaded = load_model(school_path, School, diagnostics, kind="schoolbestand")
        school = loaded.model if loaded else None
    return Project(data, lessons, school, diagnostics)  # type: ignore[arg-type]


@dataclass(frozen=True)
class BuildRequest:
    lesson_paths: list[Path]
    output: Path
    lesson_ids: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    school: Path | None = None
    template: Path | None = None
    strict: bool = False


@dataclass
class BuildResult:
    entries: list[dict] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    documents: int = 0


def select_documents(project: Project, request: BuildRequest) -> list[LessonDocument]:
    """Resolve the requested (lesson, audience) pairs; unknown ids in the request are diagnostics."""
    lessons = project.lessons
    known_ids = [l.model.id for l in lessons]
    for wanted in request.lesson_ids:
        if wanted not in known_ids:
            project.diagnostics.error(
                "les-onbekend", f"Er is geen les met id '{wanted}'.{did_you_mean(wanted, known_ids)}", Location("--les")
            )
    for wanted in request.audiences:
        if wanted not in project.data.audience_ids:
            project.diagnostics.error(
                "doelgroep-onbekend",
                f"Onbekende doelgroep '{wanted}'.{did_you_mean(wanted, project.data.audience_ids)}",
                Location("--doelgroep"),
            )
    if project.diagnostics.has_errors(request.strict):
        raise BuildAborted(project.diagnostics)
    documents = []
    for loaded in lessons:
        if request.lesson_ids and loaded.model.id not in request.lesson_ids:
            continue
        for audience in loaded.model.doelgroepen:
            if request.audiences and audience not in request.audiences:
                continue
            documents.append(resolve_lesson(loaded, audience, project.data, project.school))
    return documents


def render_document(document: LessonDocument, options: RenderOptions, generators: tuple[Generator, ...]) -> Iterator[tuple[Generator, str, bytes]]:
    for generator in generators:
        path = artifact_path(document.series, document.lesson_id, document.audience.id, generator.filename)
        yield generator, path, generator.load()(document, options)


def resolve_all(project: Project) -> list[LessonDocument]:
    return [
        resolve_lesson(loaded, audience, project.data, project.school)
        for loaded in project.lessons
        for audience in loaded.model.doelgroepen
    ]


def build(request: BuildRequest, generators: tuple[Generator, ...] = GENERATORS) -> BuildResult:
    from .publish import make_catalog, make_packs, make_previews

    project = load_project(request.lesson_paths, request.school)
    if project.diagnostics.has_errors(request.strict):
        raise BuildAborted(project.diagnostics)
    documents = select_documents(project, request)
    partial = bool(request.lesson_ids or request.audiences)
    everything = resolve_all(project) if partial else documents
    options = RenderOptions(assets_dir=ASSETS_DIR, template=request.template)
    result = BuildResult(diagnostics=project.diagnostics, documents=len(documents))
    with _locked(request.output), _staging(request.output, keep_existing=partial) as staging:
        rebuilt = {(d.lesson_id, d.audience.id) for d in documents}
        touched_series = {(d.series, d.audience.id) for d in documents}
        entries = [
            e for e in (_read_manifest(staging) if partial else [])
            if (e["les"], e["doelgroep"]) not in rebuilt
            and e["soort"] != "catalogus"
            and not (e["soort"] == "pakket" and e["les"] is None and (e["reeks"], e["doelgroep"]) in touched_series)
        ]

        def write(rel_path: str, content: bytes, kind: str, lesson=None, series=None, audience=None) -> None:
            target = staging / rel_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            entries.append(_entry(rel_path, content, kind, lesson, series, audience))

        for document in documents:
            folder = staging / artifact_path(document.series, document.lesson_id, document.audience.id, "")
            if folder.exists():
                shutil.rmtree(folder)
            keys = (document.lesson_id, document.series, document.audience.id)
            for generator, rel_path, content in render_document(document, options, generators):
                write(rel_path, content, generator.kind, *keys)
        for pack in make_packs(staging, documents, everything, project.data):
            write(pack.path, pack.content, "pakket", pack.lesson, pack.series, pack.audience)
        for document, rel_path, image in make_previews(staging, documents):
            write(rel_path, image, "voorbeeld", document.lesson_id, document.series, document.audience.id)
        sizes = {e["pad"]: e["bytes"] for e in entries}
        for rel_path, page in make_catalog(staging, everything, sizes, project.data).items():
            write(rel_path, page, "catalogus")
        result.entries = sorted(entries, key=lambda e: e["pad"])
        (staging / MANIFEST).write_text(
            json.dumps({"artefacten": result.entries}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    return result


def _entry(rel_path: str, content: bytes, kind: str, lesson: str | None, series: str | None, audience: str | None) -> dict:
    return {
        "les": lesson,
        "reeks": series,
        "doelgroep": audience,
        "soort": kind,
        "pad": rel_path,
        "sha256": hashlib.sha256(content).hexdigest(),
        "bytes": len(content),
    }


def _read_manifest(folder: Path) -> list[dict]:
    try:
        return list(json.loads((folder / MANIFEST).read_text(encoding="utf-8"))["artefacten"])
    except (OSError, ValueError, KeyError, TypeError):
        return []


@contextmanager
def _locked(output: Path) -> Iterator[None]:
    """Why: two builds at once must not interleave their swaps; the second waits for the first."""
    output.parent.mkdir(parents=True, exist_ok=True)
    lock_path = output.parent / f".{output.name}.lock"
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def _staging(output: Path, keep_existing: bool) -> Iterator[Path]:
    """Build into a sibling temporary folder, then swap it in; on failure the old output stays as it was."""
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.nieuw-", dir=output.parent))
    staging.chmod(0o755)
    try:
        if keep_existing and output.is_dir():
            shutil.copytree(output, staging, dirs_exist_ok=True)
        yield staging
        _swap(staging, output)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, output: Path) -> None:
    if not output.exists():
        os.replace(staging, output)
        return
    retired = Path(tempfile.mkdtemp(prefix=f".{output.name}.oud-", dir=output.parent))
    os.replace(output, retired / "x")
    try:
        os.replace(staging, output)
    except OSError:
        os.replace(retired / "x", output)
        raise
    finally:
        shutil.rmtree(retired, ignore_errors=True)
