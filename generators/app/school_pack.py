"""A school's own pack: the chosen documents and the factsheet with the school's name and contacts, in one zip."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from generators.app.fresh_workers import ForkServer
from generators.app.library import Library
from generators.data.models import School
from generators.lesson.document import SchoolInfo
from generators.lesson.resolve import school_info
from generators.paths import ASSETS_DIR
from generators.publish.pack_zip import PackFile, write_zip
from generators.publish.packs import LICENCE_NAME, README_NAME, described, licence, readme
from generators.registry import GENERATORS, RenderOptions

FOLDER_PREFIX = "lespakket-school-"
FACTSHEET_FOLDER = "factsheet"
FACTSHEETS = [(f"{FACTSHEET_FOLDER}/factsheet-a4.pdf", "Factsheet voor de teamkamer (A4), met jullie contactpersonen"),
              (f"{FACTSHEET_FOLDER}/factsheet-a3.pdf", "Dezelfde factsheet als poster (A3)")]
_OPTIONS = RenderOptions(assets_dir=ASSETS_DIR)
_KEPT: dict[str, Library] = {}  # Why a module global: the workers are forked with it, so no task carries a document


@dataclass
class MadePack:
    file: BinaryIO  # open, already removed from disk: nothing of it stays behind once it is closed
    size: int
    filename: str


def pack_path(lesson: str, audience: str, filename: str) -> str:
    return f"{lesson}/{audience}/{filename}"


def download_name(school_name: str) -> str:
    """'lespakket-obs-de-regenboog': the school's name in plain letters, as a zip and its folder may be named."""
    plain = unicodedata.normalize("NFKD", school_name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-")
    return f"lespakket-{slug or 'school'}"


def warm_up() -> None:
    """Load everything a task loads on first use, in the warm process, so that every fresh worker starts with it."""
    from generators.build.pool import factsheet_files  # noqa: F401
    from generators.build.render_pool import no_extras, warm_up_worker
    from generators.factsheet import render  # noqa: F401

    warm_up_worker(_OPTIONS, GENERATORS, no_extras)


def _write(folder: str, rel_path: str, content: bytes) -> str:
    target = Path(folder) / rel_path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return rel_path


def render_file(index: int, generator: int, school: SchoolInfo, folder: str) -> list[str]:
    """In a worker: one file of one document for this school, written under `folder`."""
    document = replace(_KEPT["library"].documents[index], school=school)
    chosen = GENERATORS[generator]
    content = chosen.load()(document, _OPTIONS)
    return [_write(folder, pack_path(document.lesson_id, document.audience.id, chosen.filename), content)]


def render_factsheets(school: SchoolInfo, folder: str) -> list[str]:
    """In a worker: the factsheet for this school in A4 and A3, written under `folder`."""
    from generators.build.pool import factsheet_files

    sheet = replace(_KEPT["library"].factsheet, school=school)
    return [_write(folder, path, pdf) for path, pdf in factsheet_files(sheet, FACTSHEET_FOLDER).items()]


class PackMaker:
    """Makes packs with `jobs` fresh workers per request, forked from a warm process that holds the library."""

    def __init__(self, library: Library, jobs: int):
        _KEPT["library"] = library  # Why before the fork: the warm process and every worker then have it
        self.library, self.jobs = library, jobs
        self._lock = threading.Lock()
        self._running: set[threading.Event] = set()  # the `given_up` of each pack being made
        remove_leftovers()
        self._forks = ForkServer(warm_up)

    def make(self, school: School, chosen: list[int], given_up: threading.Event) -> MadePack:
        """The pack of the documents `chosen` (indexes into the library) for `school`.

        Why in a temporary folder, removed before the answer is sent: the files hold the contacts' names, and
        nothing a school typed may stay behind; the zip is streamed from a handle opened before the removal.
        GivenUp when `given_up` is set first; the folder is removed then too.
        """
        info = school_info(school)
        name = download_name(school.naam)
        folder = Path(tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-"))
        with self._lock:
            self._running.add(given_up)
        try:
            files = folder / "bestanden"
            documents = [self.library.documents[i] for i in chosen]
            renders = sorted(((render_file, (i, g, info, str(files))) for i, document in zip(chosen, documents)
                              for g, generator in enumerate(GENERATORS) if generator.applies_to(document)),
                             key=lambda task: -GENERATORS[task[1][1]].cost)
            # Why the factsheet first: it is one of the longest tasks, and the workers then finish together.
            tasks = [(render_factsheets, (info, str(files))), *renders]
            workers = self._forks.workers(min(self.jobs, len(tasks)))
            stop = True
            try:
                written = sorted(path for paths in workers.run(tasks, given_up) for path in paths)
                stop = False
            finally:
                workers.close(stop=stop)
            members = [PackFile(path, files / path) for path in written]
            members += [PackFile(README_NAME, self._readme(school, documents, written, name)),
                        PackFile(LICENCE_NAME, licence())]
            target = folder / f"{name}.zip"
            write_zip(target, name, members, f"Lespakket voor {school.naam}", {"school": school.naam})
            handle = target.open("rb")
            return MadePack(handle, target.stat().st_size, f"{name}.zip")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            with self._lock:
                self._running.discard(given_up)

    def _readme(self, school: School, documents: list, written: list[str], name: str) -> bytes:
        lessons: dict = {}
        for document in documents:
            lessons.setdefault(document.lesson_id, document)
        labels = list(dict.fromkeys(d.audience.label for d in documents))
        audience = labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} en {labels[-1]}"
        made = {path.rsplit("/", 1)[-1] for path in written}
        kinds = [g.filename for g in GENERATORS if g.filename in made]
        files = [(f"<les>/<doelgroep>/{filename}", text) for filename, text in described(kinds)] + FACTSHEETS
        return readme(f"Lespakket voor {school.naam}", audience, list(lessons.values()), school.naam, files,
                      f"{name}.zip")

    def close(self, wait: float = 10.0) -> None:
        """Give up the packs still being made (their folders are removed), then let the warm process go.

        Why: the app may stop while a pack is made (Ctrl+C after uvicorn's grace period); a thread left making it
        would end with the process, before it removed its folder."""
        with self._lock:
            for given_up in self._running:
                given_up.set()
        deadline = time.monotonic() + wait
        while self._running and time.monotonic() < deadline:
            time.sleep(0.05)
        self._forks.close()


def remove_leftovers() -> None:
    """Remove the temporary folders of packs whose app process is gone (killed, or the machine stopped).

    Why: they hold what a school typed. A folder of a process that still runs is its own business."""
    for folder in Path(tempfile.gettempdir()).glob(f"{FOLDER_PREFIX}*"):
        owner = folder.name.removeprefix(FOLDER_PREFIX).split("-", 1)[0]
        if not owner.isdigit():
            continue
        try:
            os.kill(int(owner), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except PermissionError:
            pass  # Why: a process of another user runs under that number
