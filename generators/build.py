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
from typing import Callable, Iterator

from .build_inputs import (
    RECORD, BuildRequest, build_key, document_key, read_record, record_bytes, remember_quick_key, shared_key, stat_key,
)
from .data_model import School
from .diagnostics import BuildAborted, Diagnostic, Diagnostics, Location, did_you_mean, display_path
from .lesson_checks import check_lessons
from .lesson_document import LessonDocument
from .lesson_lint import lint_lessons
from .lesson_reader import discover_lesson_files, read_lessons
from .model_loading import Loaded, load_model
from .paths import ASSETS_DIR, DATA_DIR
from .registry import GENERATORS, Generator, RenderOptions
from .render_pool import RenderPool, render_one
from .resolve import resolve_lesson
from .shared_data import SharedData, load_shared_data
from .source_model import Les

MANIFEST = "manifest.json"
FACTSHEET = "factsheet"  # record key and output folder of the staff poster, built from shared data only


@dataclass
class Project:
    """Everything read and checked, ready to resolve."""

    data: SharedData
    lessons: list[Loaded[Les]]
    school: School | None
    diagnostics: Diagnostics


def load_project(
    lesson_paths: list[Path], school_path: Path | None = None, data_dir: Path = DATA_DIR, lint: bool = True
) -> Project:
    """Read and check shared data, lessons and the school file; all problems land in diagnostics.

    `lint=False` leaves the style warnings to the caller (a build reuses them for unchanged lessons).
    """
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
        if lint:
            lint_lessons(lessons, data, diagnostics, data_dir)
    school = None
    if school_path is not None:
        loaded = load_model(school_path, School, diagnostics, kind="schoolbestand")
        school = loaded.model if loaded else None
    return Project(data, lessons, school, diagnostics)  # type: ignore[arg-type]


@dataclass
class BuildResult:
    entries: list[dict] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    documents: int = 0
    rendered: int = 0


def select_documents(
    project: Project, request: BuildRequest, resolved: list[LessonDocument] | None = None
) -> list[LessonDocument]:
    """The requested (lesson, audience) pairs, from `resolved` when given; unknown ids are diagnostics."""
    known_ids = [l.model.id for l in project.lessons]
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
    return [
        d for d in (resolve_all(project) if resolved is None else resolved)
        if (not request.lesson_ids or d.lesson_id in request.lesson_ids)
        and (not request.audiences or d.audience.id in request.audiences)
    ]


def render_document(document: LessonDocument, options: RenderOptions, generators: tuple[Generator, ...]) -> Iterator[tuple[Generator, str, bytes]]:
    files, _ = render_one(document, options, generators)
    for index, path, content in files:
        yield generators[index], path, content


def renderer_diagnostics(project: Project, template: Path | None = None) -> list[Diagnostic]:
    """Warnings only a renderer can give (text that does not fit a slide), without writing anything."""
    options = RenderOptions(assets_dir=ASSETS_DIR, template=template)
    checks = [d for d in (g.load_diagnose() for g in GENERATORS) if d is not None]
    return [w for document in resolve_all(project) for check in checks for w in check(document, options)]


def resolve_all(project: Project) -> list[LessonDocument]:
    return [
        resolve_lesson(loaded, audience, project.data, project.school)
        for loaded in project.lessons
        for audience in loaded.model.doelgroepen
    ]


def build(
    request: BuildRequest,
    generators: tuple[Generator, ...] = GENERATORS,
    progress: Callable[[LessonDocument], None] = lambda d: None,
    planned: Callable[[int], None] = lambda n: None,
    pool: RenderPool | None = None,
) -> BuildResult:
    """Check everything, then render what changed since the last build into a staging copy and swap it in.

    `pool` lets `watch` keep its warm worker processes from one build to the next.
    """
    from .build_pool import build_pool

    if pool is not None:
        return _build(request, generators, progress, planned, pool)
    with build_pool(request, generators) as own_pool:
        return _build(request, generators, progress, planned, own_pool)


def _build(request: BuildRequest, generators: tuple[Generator, ...], progress: Callable[[LessonDocument], None],
           planned: Callable[[int], None], pool: RenderPool) -> BuildResult:
    from .lint_record import lint_with_record
    from .previews import PREVIEW_KIND
    from .publish import make_catalog, make_factsheets, make_packs, make_previews

    # Why first: a file saved while this build reads must make the next build build again.
    whole_key, quick_key = build_key(request), stat_key(request)
    project = load_project(request.lesson_paths, request.school, lint=False)
    if project.diagnostics.has_errors(request.strict):
        raise BuildAborted(project.diagnostics)
    everything = resolve_all(project)
    documents = select_documents(project, request, everything)
    folders = {l.model.id: l.source.path.parent for l in project.lessons}
    keys = {_doc_id(d): document_key(folders[d.lesson_id], d.audience.id, request) for d in everything}
    keys[FACTSHEET] = shared_key(request)
    result = BuildResult(diagnostics=project.diagnostics, documents=len(documents))
    with _locked(request.output), _staging(request.output, keep_existing=True) as staging:
        record = read_record(staging)
        work = _plan_work(staging, record, request, documents, everything, keys)
        for stored in work.reused.values():
            project.diagnostics.extend(Diagnostic.from_record(d) for d in stored.get("meldingen", []))
        entries = work.kept

        def write(rel_path: str, content: bytes, kind: str, lesson=None, series=None, audience=None) -> None:
            _write_new(staging / rel_path, content)
            entries.append(_entry(rel_path, content, kind, lesson, series, audience))

        done: dict[str, dict] = dict(work.reused)
        factsheet = None if FACTSHEET in work.reused else pool.call(make_factsheets, project.data, project.school, FACTSHEET)
        planned(len(work.to_render))
        rendering = pool.render(work.to_render)
        # Why here: the workers are rendering by now, so linting costs the build no extra time.
        lint = lint_with_record(project.lessons, project.data, project.diagnostics, DATA_DIR, record.get("lint", {}))
        warnings: dict[str, list[Diagnostic]] = {}
        for task in rendering:
            document = task.document
            project.diagnostics.extend(task.warnings)
            warnings.setdefault(_doc_id(document), []).extend(task.warnings)
            for kind, rel_path, content in task.files:
                write(rel_path, content, kind, document.lesson_id, document.series, document.audience.id)
            if task.document_done:
                found = sorted(warnings.pop(_doc_id(document)), key=lambda d: (d.location, d.code, d.message))
                done[_doc_id(document)] = {"sleutel": keys[_doc_id(document)], "meldingen": [w.to_record() for w in found]}
                progress(document)
        if project.diagnostics.has_errors(request.strict):
            raise BuildAborted(project.diagnostics)
        touched = {(d.series, d.audience.id) for d in work.to_render}
        for pack in make_packs(staging, work.to_render, [d for d in everything if (d.series, d.audience.id) in touched], project.data):
            write(pack.path, pack.content, "pakket", pack.lesson, pack.series, pack.audience)
        for document, rel_path, image in make_previews(staging, work.to_render):
            write(rel_path, image, PREVIEW_KIND, document.lesson_id, document.series, document.audience.id)
        if factsheet is not None:
            for rel_path, poster in factsheet().items():
                write(rel_path, poster, FACTSHEET)
            done[FACTSHEET] = {"sleutel": keys[FACTSHEET], "meldingen": []}
        sizes = {e["pad"]: e["bytes"] for e in entries}
        for rel_path, page in make_catalog(staging, everything, sizes, project.data).items():
            write(rel_path, page, "catalogus")
        result.entries = sorted(entries, key=lambda e: e["pad"])
        result.rendered = len(work.to_render)
        manifest = json.dumps({"artefacten": result.entries}, ensure_ascii=False, indent=2) + "\n"
        _write_new(staging / MANIFEST, manifest.encode("utf-8"))
        messages = [d.format() for d in project.diagnostics.sorted()]
        _write_new(staging / RECORD, record_bytes(whole_key, done, messages, lint))
    remember_quick_key(request.output, whole_key, quick_key)
    return result


@dataclass
class _Work:
    to_render: list[LessonDocument]
    kept: list[dict]  # manifest entries still valid
    reused: dict[str, dict]  # record of documents whose output stays


def _plan_work(staging: Path, record: dict, request: BuildRequest, documents: list[LessonDocument],
               everything: list[LessonDocument], keys: dict[str, str]) -> _Work:
    """Which documents to render, and which earlier output stays; stale files are removed from staging."""
    if not record:
        _clear(staging)
        return _Work(list(documents), [], {})
    previous = _read_manifest(staging)
    before = record.get("documenten", {})
    current = {_doc_id(d) for d in everything}
    to_render = [
        d for d in documents
        if request.force
        or before.get(_doc_id(d), {}).get("sleutel") != keys[_doc_id(d)]
        or not _complete(staging, previous, d)
    ]
    rendered = {_doc_id(d) for d in to_render}
    reused = {k: v for k, v in before.items() if k in current and k not in rendered}
    factsheet_files = [e for e in previous if e["soort"] == FACTSHEET]
    if factsheet_files and before.get(FACTSHEET, {}).get("sleutel") == keys[FACTSHEET] and all(
        (staging / e["pad"]).is_file() for e in factsheet_files
    ):
        reused[FACTSHEET] = before[FACTSHEET]
    touched = {(d.series, d.audience.id) for d in to_render}
    series_now = {(d.series, d.audience.id) for d in everything}
    kept = []
    for entry in previous:
        pair = f"{entry['les']}/{entry['doelgroep']}"
        series = (entry["reeks"], entry["doelgroep"])
        drop = (
            entry["soort"] == "catalogus"
            or (entry["soort"] == FACTSHEET and FACTSHEET not in reused)
            or (entry["les"] is not None and (pair in rendered or pair not in current))
            or (entry["les"] is None and entry["soort"] == "pakket" and (series in touched or series not in series_now))
        )
        if drop:
            _remove(staging, entry["pad"])
        else:
            kept.append(entry)
    _prune_empty_folders(staging)
    return _Work(to_render, kept, reused)


def _prune_empty_folders(root: Path) -> None:
    for folder, _, _ in sorted(os.walk(root), key=lambda item: -len(item[0])):
        if folder != str(root) and not os.listdir(folder):
            os.rmdir(folder)


def _write_new(target: Path, content: bytes) -> None:
    """Why unlink first: staging shares inodes with the live output (hard links); writing in place
    would change the live files before the swap."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    target.write_bytes(content)


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


def _doc_id(document: LessonDocument) -> str:
    return f"{document.lesson_id}/{document.audience.id}"


def _complete(staging: Path, previous: list[dict], document: LessonDocument) -> bool:
    """Why: a file deleted by hand from output/ must come back even when its inputs did not change."""
    mine = [e for e in previous if e["les"] == document.lesson_id and e["doelgroep"] == document.audience.id]
    return bool(mine) and all((staging / e["pad"]).is_file() for e in mine)


def _remove(staging: Path, rel_path: str) -> None:
    path = staging / rel_path
    if path.is_file():
        path.unlink()


def _clear(staging: Path) -> None:
    for child in staging.iterdir():
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()


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
            # Why hard links: copying a whole catalog costs more than the edit being rebuilt; files are
            # only ever replaced (unlink + write), never changed in place, so the old tree stays intact.
            shutil.copytree(output, staging, dirs_exist_ok=True, copy_function=os.link)
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
