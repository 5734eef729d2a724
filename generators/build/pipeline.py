"""The pipeline: read, check and resolve lesson by lesson, render in workers, pack, and swap output in."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, TypeVar

from generators.build.inputs import (
    RECORD, BuildRequest, build_key, document_key, read_record, record_bytes, remember_quick_key, shared_key,
    stat_key, tree_digest,
)
from generators.data.models import School
from generators.diagnostics import BuildAborted, Diagnostic, Diagnostics, Location, did_you_mean, display_path
from generators.lesson.checks import check_lesson
from generators.lesson.document import LessonDocument
from generators.lesson.lint import lint_lessons
from generators.lesson.reader import discover_lesson_files
from generators.build.lint_record import RecordedLint, lint_key
from generators.lesson.model_loading import Loaded, load_model
from generators.build.output_plan import FACTSHEET, MANIFEST, OutputPlan, doc_id
from generators.publish.pack_zip import PackFile, sha256_and_size
from generators.build.output_tree import check_output_folder, locked, owned_folders
from generators.build.output_tree import staging as staging_copy
from generators.paths import ASSETS_DIR, DATA_DIR
from generators.registry import GENERATORS, Generator, RenderOptions
from generators.regular_files import regular_problem
from generators.build.render_pool import RenderPool
from generators.lesson.resolve import resolve_factsheet, resolve_lesson
from generators.data.shared import SharedData, load_shared_data
from generators.lesson.source_model import Les

if TYPE_CHECKING:
    from generators.publish.packs import Pack

Progress = Callable[[str, list[str]], None]  # (lesson id, labels of the audiences rendered), once per lesson file
T = TypeVar("T")
_LINTING = ""  # Why: marks a lesson whose documents are handed over but which is not linted yet; no audience id is empty


@dataclass
class Project:
    """Everything read and checked, ready to resolve."""

    data: SharedData
    lessons: list[Loaded[Les]]
    school: School | None
    diagnostics: Diagnostics
    lesson_ids: list[str] = field(default_factory=list)  # of every lesson read, also those not kept


def load_project(
    lesson_paths: list[Path], school_path: Path | None = None, data_dir: Path = DATA_DIR, lint: bool = True,
    keep: str | None = None,
) -> Project:
    """Read and check shared data, lessons and the school file; all problems land in diagnostics.

    `lint=False` leaves the style warnings to the caller. With `keep` (a lesson id), every lesson is
    read and checked, but only that lesson stays in `lessons` (and is linted). Why: `preview` shows one
    lesson, and its memory must not grow with the catalog.
    """
    diagnostics = Diagnostics()
    data = load_shared_data(data_dir, diagnostics)
    files = discover_lesson_files(lesson_paths, diagnostics)
    _require_lessons(files, lesson_paths, diagnostics)
    lessons, lesson_ids, first_file = [], [], {}
    for path in files:
        loaded = load_model(path, Les, diagnostics, kind="lesbestand")
        if loaded is None:
            lesson_ids.append(unreadable_lesson_id(path))
            continue
        lesson_ids.append(loaded.model.id)
        if data is not None:
            check_lesson(loaded, data, diagnostics, first_file)
        if keep is None or loaded.model.id == keep:
            lessons.append(loaded)
    if data is not None and lint:
        lint_lessons(lessons, data, diagnostics, data_dir)
    school = _load_school(school_path, diagnostics)
    return Project(data, lessons, school, diagnostics, lesson_ids)  # type: ignore[arg-type]


def unreadable_lesson_id(path: Path) -> str:
    """The id of a lesson that did not load: its folder's name, which a lesson's id must equal (les-map).

    Why: `--les` naming a lesson with an error must not also be told that no such lesson exists."""
    return path.parent.name


def _require_lessons(files: list[Path], lesson_paths: list[Path], diagnostics: Diagnostics) -> None:
    if not files and not diagnostics.has_errors():
        diagnostics.error(
            "geen-lessen",
            "Geen lesbestanden (les.yaml) gevonden.",
            Location(", ".join(display_path(p) for p in lesson_paths)),
        )


def _check_template(template: Path | None, diagnostics: Diagnostics) -> None:
    """Why before any worker opens it: python-pptx would wait forever on a FIFO, or read a device without end."""
    problem = regular_problem(template) if template is not None else None
    if problem is not None:
        code, reason = problem
        diagnostics.error(code, f"Het sjabloon '{display_path(template)}' {reason}.", Location("--sjabloon"))


def _load_school(school_path: Path | None, diagnostics: Diagnostics) -> School | None:
    if school_path is None:
        return None
    loaded = load_model(school_path, School, diagnostics, kind="schoolbestand")
    return loaded.model if loaded else None


def _check_requested(request: BuildRequest, lessons: dict[str, tuple[str, ...] | None], data: SharedData,
                     diagnostics: Diagnostics) -> None:
    """Every `--les` and `--doelgroep` names a lesson and an audience; `lessons` gives each lesson's
    audiences (None: not known, for a lesson read but not kept).

    Why a chosen lesson must have a chosen audience, and a chosen audience a lesson: otherwise the
    choice selects nothing, and the build would end with nothing made and no word why.
    """
    for wanted in request.lesson_ids:
        if wanted not in lessons:
            diagnostics.error(
                "les-onbekend", f"Er is geen les met id '{wanted}'.{did_you_mean(wanted, list(lessons))}",
                Location("--les"),
            )
    for wanted in request.audiences:
        if wanted not in data.audience_ids:
            diagnostics.error(
                "doelgroep-onbekend",
                f"Onbekende doelgroep '{wanted}'.{did_you_mean(wanted, data.audience_ids)}",
                Location("--doelgroep"),
            )
    if diagnostics.has_errors() or not request.audiences:
        return
    asked = " of ".join(f"'{a}'" for a in dict.fromkeys(request.audiences))
    for wanted in dict.fromkeys(request.lesson_ids):
        audiences = lessons[wanted]
        if audiences is not None and not set(request.audiences) & set(audiences):
            diagnostics.error(
                "doelgroep-niet-in-les",
                f"De les '{wanted}' is niet voor doelgroep {asked}. Kies uit: {', '.join(audiences)}.",
                Location("--doelgroep"),
            )
    if request.lesson_ids or None in lessons.values():
        return
    offered = {audience for audiences in lessons.values() for audience in audiences or ()}
    if not offered & set(request.audiences):
        choice = ", ".join(a for a in data.audience_ids if a in offered)
        diagnostics.error(
            "doelgroep-zonder-les", f"Geen enkele les is voor doelgroep {asked}. Kies uit: {choice}.",
            Location("--doelgroep"),
        )


@dataclass
class BuildResult:
    entries: list[dict] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    documents: int = 0
    rendered: int = 0
    made: list[dict] = field(default_factory=list)  # manifest entries of the lesson files written by this build

    def made_text(self) -> str:
        """What this build made, per lesson and audience, for the build and watch summaries:
        'Gemaakt: 8 bestanden voor les 'varianten' (10-12, 15-18).'"""
        per_lesson: dict[str, dict[str, int]] = {}
        for entry in self.made:
            counts = per_lesson.setdefault(entry["les"], {})
            counts[entry["doelgroep"]] = counts.get(entry["doelgroep"], 0) + 1
        if not per_lesson:
            return "Niets opnieuw gemaakt: elke les was al bij."
        parts = [f"{_files(sum(counts.values()))} voor les '{lesson}' ({', '.join(counts)})"
                 for lesson, counts in per_lesson.items()]
        text = f"Gemaakt: {_joined(parts)}."
        unchanged = self.documents - self.rendered
        if unchanged:
            versions = "lesversie (een les voor één doelgroep) was niet veranderd en bleef" if unchanged == 1 else \
                "lesversies (een les voor één doelgroep) waren niet veranderd en bleven"
            text += f" {unchanged} andere {versions} staan."
        return text

    def made_paths(self, kinds: tuple[str, ...]) -> list[str]:
        """Paths (in the output folder) of the files of these kinds that this build made."""
        return [entry["pad"] for entry in self.made if entry["soort"] in kinds]


def _files(count: int) -> str:
    return f"{count} {'bestand' if count == 1 else 'bestanden'}"


def _joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{'; '.join(parts[:-1])} en {parts[-1]}"


def select_documents(project: Project, request: BuildRequest) -> list[LessonDocument]:
    """The requested (lesson, audience) pairs, resolved; unknown ids are diagnostics.

    Why resolve only those: `preview` asks for one of the catalog's documents.
    """
    lessons: dict[str, tuple[str, ...] | None] = dict.fromkeys(project.lesson_ids)
    lessons.update((loaded.model.id, tuple(loaded.model.doelgroepen)) for loaded in project.lessons)
    _check_requested(request, lessons, project.data, project.diagnostics)
    if project.diagnostics.has_errors(request.strict):
        raise BuildAborted(project.diagnostics)
    return [
        resolve_lesson(loaded, audience, project.data, project.school)
        for loaded in project.lessons
        for audience in loaded.model.doelgroepen
        if (not request.lesson_ids or loaded.model.id in request.lesson_ids)
        and (not request.audiences or audience in request.audiences)
    ]


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
    progress: Progress = lambda lesson, audiences: None,
    planned: Callable[[int], None] = lambda n: None,
    pool: RenderPool | None = None,
) -> BuildResult:
    """Check every lesson and render what changed since the last build into a staging copy; swap it in only
    when no lesson has an error.

    `pool` lets `watch` keep its warm worker processes from one build to the next.
    """
    from generators.build.pool import build_pool

    if pool is not None:
        return _build(request, progress, planned, pool)
    with build_pool(request, generators) as own_pool:
        return _build(request, progress, planned, own_pool)


def _build(request: BuildRequest, progress: Progress, planned: Callable[[int], None], pool: RenderPool) -> BuildResult:
    from generators.publish.previews import PREVIEW_KIND
    from generators.build.pool import factsheet_files, learning_path_files
    from generators.learning_path.model import learning_paths
    from generators.publish.steps import compile_templates, make_catalog, make_lesson_pack, make_previews, make_series_packs

    # Why first: a file saved while this build reads must make the next build build again.
    whole_key, quick_key = build_key(request), stat_key(request)
    diagnostics = Diagnostics()
    # Why before anything else: an option error, like click's own, comes before the lessons are read.
    check_output_folder(request.output, owned_folders(request.lesson_paths), diagnostics)
    _check_template(request.template, diagnostics)
    if diagnostics.has_errors():
        raise BuildAborted(diagnostics)
    data = load_shared_data(DATA_DIR, diagnostics)
    files = discover_lesson_files(request.lesson_paths, diagnostics)
    _require_lessons(files, request.lesson_paths, diagnostics)
    school = _load_school(request.school, diagnostics)
    result = BuildResult(diagnostics=diagnostics)
    with locked(request.output), staging_copy(request.output) as staging:
        record = read_record(staging)
        plan = OutputPlan(staging, record, request.force)
        lint = RecordedLint(data, diagnostics, DATA_DIR, record.get("lint", {})) if data is not None else None
        stream = _LessonStream(files, data, school, request, plan, lint, diagnostics, progress, record.get("lessen", {}))
        stream.check_all()
        if diagnostics.has_errors(request.strict):
            raise BuildAborted(diagnostics)
        done: dict[str, dict] = {}
        factsheet = None
        sheet_key = shared_key(request)
        if data is not None:
            stored = plan.factsheet_stored(sheet_key)
            if stored is not None:
                done[FACTSHEET] = stored
            else:
                factsheet = pool.call(factsheet_files, resolve_factsheet(data, school), FACTSHEET)
        planned(len(files))
        entries: list[dict] = []

        def write(rel_path: str, content: bytes, kind: str, lesson=None, series=None, audience=None) -> None:
            _write_new(staging / rel_path, content)
            entries.append(_entry(rel_path, hashlib.sha256(content).hexdigest(), len(content), kind, lesson, series, audience))
            if lesson is not None:
                result.made.append(entries[-1])

        def written(pack: Pack) -> None:
            entries.append(_entry(pack.path, *sha256_and_size(PackFile(pack.path, staging / pack.path)), "pakket", pack.lesson, pack.series,
                                  pack.audience))
            if pack.lesson is not None:
                result.made.append(entries[-1])

        warnings: dict[str, list[Diagnostic]] = {}
        rendering = pool.render(_then(stream.documents(), compile_templates))
        for task in rendering:
            if diagnostics.has_errors(request.strict):
                break  # Why: nothing will be written (a lesson changed during the build), so stop rendering
            document, name = task.document, doc_id(task.document)
            diagnostics.extend(task.warnings)
            warnings.setdefault(name, []).extend(task.warnings)
            for kind, rel_path, content in task.files:
                write(rel_path, content, kind, document.lesson_id, document.series, document.audience.id)
            if task.document_done:
                written(make_lesson_pack(staging, document))
                found = sorted(warnings.pop(name), key=lambda d: (d.location, d.code, d.message))
                done[name] = {"sleutel": stream.keys[name], "meldingen": [w.to_record() for w in found]}
                stream.document_done(document)
        rendering.close()
        paths = learning_paths(data, stream.everything) if data is not None else {}
        overviews = pool.call(learning_path_files, {key: p for key, p in paths.items() if key in plan.touched})
        posters = factsheet() if factsheet is not None else {}
        overview_pdfs = overviews()
        pool.done_rendering()
        if lint is not None and not diagnostics.has_errors():
            diagnostics.extend(lint.found)
        if diagnostics.has_errors(request.strict):
            raise BuildAborted(diagnostics)
        done.update(stream.reused)
        entries[:0] = plan.finish(factsheet_kept=FACTSHEET in done)
        for pack in make_series_packs(staging, plan.touched, stream.everything, data, paths, overview_pdfs):
            written(pack)
        for document, rel_path, image in make_previews(staging, stream.rebuilt):
            write(rel_path, image, PREVIEW_KIND, document.lesson_id, document.series, document.audience.id)
        if factsheet is not None:
            for rel_path, poster in posters.items():
                write(rel_path, poster, FACTSHEET)
            done[FACTSHEET] = {"sleutel": sheet_key, "meldingen": []}
        sizes = {e["pad"]: e["bytes"] for e in entries}
        for rel_path, page in make_catalog(staging, stream.everything, sizes, data, paths):
            write(rel_path, page, "catalogus")
        result.entries = sorted(entries, key=lambda e: e["pad"])
        result.documents, result.rendered = stream.selected, len(plan.rendered)
        manifest = json.dumps({"artefacten": result.entries}, ensure_ascii=False, indent=2) + "\n"
        _write_new(staging / MANIFEST, manifest.encode("utf-8"))
        messages = [d.format() for d in diagnostics.sorted()]
        _write_new(staging / RECORD, record_bytes(whole_key, done, messages, lint.record if lint else {}, stream.lessons))
    remember_quick_key(request.output, whole_key, quick_key)
    return result


class _LessonStream:
    """Checks the lessons with something to render first, then reads and resolves one lesson at a time, yielding
    the documents to render.

    Why one at a time: a catalog ten times larger must not need ten times the memory, so a lesson's
    source tree and model are dropped once its documents are handed over; only an outline of each
    document stays, for the packs and the catalog. The lesson is linted after its documents are
    handed over, while the workers render them.

    Why changed lessons first: an error in a lesson that changed must be reported at once, not after
    everything before it has been rendered, and the workers wait for its documents. A lesson whose
    folder and documents are as the build record has them passed its checks with these very inputs,
    so it is read once, after the others, for the catalog, and its check warnings come from the record.
    A changed lesson is read twice (about 10 ms): once to check it, once to resolve it; the first is kept.
    """

    def __init__(self, files: list[Path], data: SharedData | None, school: School | None, request: BuildRequest,
                 plan: OutputPlan, lint: RecordedLint | None, diagnostics: Diagnostics, progress: Progress,
                 recorded: dict[str, dict]):
        self.files, self.data, self.school, self.request = files, data, school, request
        self.plan, self.lint, self.diagnostics, self.progress = plan, lint, diagnostics, progress
        self.recorded = recorded  # the build record's lessons, by file (see `lessons`)
        self.lessons: dict[str, dict] = {}  # for the next build's record: each lesson's folder, id, audiences, checks
        self.everything: list[LessonDocument] = []  # outlines of every document of the catalog
        self.rebuilt: list[LessonDocument] = []  # outlines of the documents rendered again
        self.keys: dict[str, str] = {}
        self.reused: dict[str, dict] = {}  # build record of documents whose output stays
        self.selected = 0
        self._digests: dict[Path, str] = {}  # lesson file -> tree_digest of its folder
        self._checks: dict[Path, list[dict]] = {}  # lessons checked now: their check warnings, as records
        self._unchanged: list[Path] = []  # lessons as the record has them, read only for the catalog
        self._kept: dict[Path, Loaded[Les]] = {}  # the first lesson read, not read again for its documents
        self._left: dict[str, list[str]] = {}  # lesson id -> audiences still rendering
        self._made: dict[str, list[str]] = {}  # lesson id -> audiences rendered

    def check_all(self) -> None:
        """Check every lesson that changed since the build record; its problems land in the diagnostics."""
        lessons: dict[str, tuple[str, ...] | None] = {}  # id -> audiences
        first_file: dict[str, str] = {}
        for path in self.files:
            if self.data is None:
                load_model(path, Les, self.diagnostics, kind="lesbestand")
                continue
            self._digests[path] = tree_digest(path.parent)
            stored = self._as_recorded(path)
            # Why the id check: a lesson id used twice is reported at the second lesson's own line, which needs reading.
            if stored is not None and stored["id"] not in first_file:
                first_file[stored["id"]] = display_path(path)
                lessons.setdefault(stored["id"], tuple(stored["doelgroepen"]))
                self.diagnostics.extend(Diagnostic.from_record(d) for d in stored["meldingen"])
                self._unchanged.append(path)
                continue
            loaded = load_model(path, Les, self.diagnostics, kind="lesbestand")
            if loaded is None:
                lessons.setdefault(unreadable_lesson_id(path), None)
                continue
            checked = Diagnostics()
            check_lesson(loaded, self.data, checked, first_file)
            self.diagnostics.extend(checked.items)
            lessons.setdefault(loaded.model.id, tuple(loaded.model.doelgroepen))
            self._checks[path] = [d.to_record() for d in checked.items]
            if not self._kept:
                self._kept[path] = loaded
        if self.data is not None:
            _check_requested(self.request, lessons, self.data, self.diagnostics)

    def _as_recorded(self, path: Path) -> dict | None:
        """The record's entry of a lesson whose folder, documents and lint are all as the record has them."""
        stored = self.recorded.get(display_path(path))
        digest = self._digests[path]
        if stored is None or stored["map"] != digest or not self.lint.stored_for(stored["id"], lint_key(path, digest)):
            return None
        for audience in stored["doelgroepen"]:
            key = document_key(digest, audience, self.request)
            if not self.plan.is_current(f"{stored['id']}/{audience}", key, self._wanted_ids(stored["id"], audience)):
                return None
        return stored

    def documents(self) -> Iterator[LessonDocument]:
        for path in [*self._checks, *self._unchanged]:
            loaded = self._kept.pop(path, None) or load_model(path, Les, self.diagnostics, kind="lesbestand")
            if loaded is None or self.diagnostics.has_errors(self.request.strict):
                continue  # Why: the file changed since it was checked; the error it has now stops the build
            lesson_id, folder_digest = loaded.model.id, self._digests[path]
            checks = self._checks.pop(path, None)
            if checks is None:
                checks = self.recorded[display_path(path)]["meldingen"]
            self.lessons[display_path(path)] = {"map": folder_digest, "id": lesson_id,
                                                "doelgroepen": list(loaded.model.doelgroepen), "meldingen": checks}
            self._left[lesson_id], self._made[lesson_id] = [_LINTING], []
            # Why the audiences asked for first: with --doelgroep, resolving the others (for the
            # catalog) waits until the workers have the first document.
            for audience in sorted(loaded.model.doelgroepen, key=lambda a: not self._wanted_ids(lesson_id, a)):
                document = resolve_lesson(loaded, audience, self.data, self.school)
                if self._add(document.outline(), document_key(folder_digest, audience, self.request)):
                    self._left[lesson_id].append(audience)
                    self._made[lesson_id].append(document.audience.label)
                    yield document
                del document
            self.lint.lint(loaded, folder_digest)
            self._settle(lesson_id, _LINTING)

    def _wanted(self, document: LessonDocument) -> bool:
        return self._wanted_ids(document.lesson_id, document.audience.id)

    def _wanted_ids(self, lesson_id: str, audience: str) -> bool:
        return (not self.request.lesson_ids or lesson_id in self.request.lesson_ids) and (
            not self.request.audiences or audience in self.request.audiences)

    def _add(self, outline: LessonDocument, key: str) -> bool:
        """Count a document of the catalog in; True when it is to be rendered."""
        self.everything.append(outline)
        wanted = self._wanted(outline)
        self.selected += wanted
        stored = self.plan.decide(outline, key, wanted)
        if stored is None:
            self.keys[doc_id(outline)] = key
            self.rebuilt.append(outline)
            return True
        if stored:
            self.reused[doc_id(outline)] = stored
            self.diagnostics.extend(Diagnostic.from_record(d) for d in stored.get("meldingen", []))
        return False

    def document_done(self, document: LessonDocument) -> None:
        self._settle(document.lesson_id, document.audience.id)

    def _settle(self, lesson_id: str, part: str) -> None:
        left = self._left[lesson_id]
        left.remove(part)
        if not left:
            self.progress(lesson_id, self._made.pop(lesson_id))


def _then(items: Iterable[T], action: Callable[[], None]) -> Iterator[T]:
    """`items`, then `action` once, when they run out.

    Why for the templates: by then the workers are rendering the last documents and this process
    only waits; importing jinja2 and compiling the templates there (about 50 ms) takes that off
    the end of the build, after the last file, where an author editing one lesson waits for it.
    """
    yield from items
    action()


def _write_new(target: Path, content: bytes) -> None:
    """Why unlink first: staging shares inodes with the live output (hard links); writing in place
    would change the live files before the swap."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    target.write_bytes(content)


def _entry(rel_path: str, sha256: str, size: int, kind: str, lesson: str | None, series: str | None,
           audience: str | None) -> dict:
    return {
        "les": lesson,
        "reeks": series,
        "doelgroep": audience,
        "soort": kind,
        "pad": rel_path,
        "sha256": sha256,
        "bytes": size,
    }
