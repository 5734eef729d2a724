"""Render documents, one task per (document, generator), in worker processes that start with the build.

Why start early: warming up (importing python-pptx and reportlab, loading fonts, the template and
hyphenation patterns) takes about half a second; started before the lessons are read, that happens
while the main process reads and checks them, in one process whose workers share it (`warm_pool`).
Why one task per file: the guide of one lesson and its deck can then be made at the same time,
which is what an author editing one lesson waits for.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from generators.paths import artifact_path
from generators.build.warm_pool import WarmPool

if TYPE_CHECKING:  # Why: imported before the workers start, so it stays light
    from generators.diagnostics import Diagnostic
    from generators.lesson.document import LessonDocument
    from generators.registry import Generator, RenderOptions

Output = tuple[str, str, bytes]  # (kind, path under output/, content)
Extras = Callable[["LessonDocument", "Generator", bytes], list[Output]]  # more files made from a rendered one


def no_extras(document: LessonDocument, generator: Generator, content: bytes) -> list[Output]:
    return []


@dataclass
class TaskResult:
    document: LessonDocument
    files: list[Output]
    warnings: list[Diagnostic]
    document_done: bool = False  # the last file of its document


def render_task(document: LessonDocument, generator: Generator, options: RenderOptions, extras: Extras
                ) -> tuple[list[Output], list[Diagnostic]]:
    path = artifact_path(document.series, document.lesson_id, document.audience.id, generator.filename)
    content = generator.load()(document, options)
    diagnose = generator.load_diagnose()
    warnings = diagnose(document, options) if diagnose is not None else []
    return [(generator.kind, path, content), *extras(document, generator, content)], warnings


_WORKER: dict = {}


def warm_up_worker(options: RenderOptions, generators: tuple[Generator, ...], extras: Extras,
                   extras_warm_up: Callable[[], None] | None = None) -> None:
    """Load everything a task would load on first use, so that the workers forked afterwards share it.

    Why the render functions too: a worker's first file of each kind used to cost 0.1-0.3 s more
    than the next (its modules, pypdfium2 for the thumbnails), once in every worker.
    """
    _WORKER.update(options=options, generators=generators, extras=extras)
    steps: list[Callable[[], object]] = [partial(w, options) for w in dict.fromkeys(g.load_warm_up() for g in generators) if w]
    steps += [step for g in generators for step in (g.load, g.load_diagnose)]
    if extras_warm_up is not None:
        steps.append(extras_warm_up)
    for step in steps:
        try:
            step()
        except Exception:  # noqa: BLE001
            pass  # Why: a broken template, font or module is reported, located, by the task that needs it


def _task_in_worker(pickled: bytes, index: int) -> tuple[list[Output], list[Diagnostic]]:
    """Why the document comes pickled: this process, which hands every task to a worker, then
    pickles a document once for its five or six files instead of once per file (a cold build of
    the bundled lessons: 16-19 ms instead of 85-130 ms)."""
    return render_task(pickle.loads(pickled), _WORKER["generators"][index], _WORKER["options"], _WORKER["extras"])


class RenderPool:
    """`jobs` worker processes; with 0 everything runs in this process, in order (for debugging and tests).

    Why a worker even for one job: the worker imports python-pptx and reportlab while this process
    reads the lessons, and neither process then holds both sets of libraries in memory.
    """

    def __init__(self, jobs: int, options: RenderOptions, generators: tuple[Generator, ...], extras: Extras = no_extras,
                 extras_warm_up: Callable[[], None] | None = None, keep_warm: bool = False):
        self.options, self.generators, self.extras = options, generators, extras
        self.keep_warm = keep_warm  # workers stay for the next build (watch) instead of leaving when rendering is done
        # Why jobs + 1 documents: about six files each, so no worker waits while this process reads the next lesson.
        self.ahead = jobs + 1
        self._executor: WarmPool | None = None
        if jobs >= 1:
            self._executor = WarmPool(jobs, warm_up_worker, (options, generators, extras, extras_warm_up))

    def call(self, function: Callable, *args) -> Callable[[], object]:
        """Run a picklable function in a worker; the returned callable waits for its result."""
        if self._executor is None:
            return lambda: function(*args)
        future = self._executor.submit(function, *args)
        return future.result

    def render(self, documents: Iterable[LessonDocument]) -> Iterator[TaskResult]:
        """All files of `documents`, each document's costliest file first, as each is made.

        With workers, the next document is taken from `documents` only while fewer than `ahead` are
        being rendered. Why: the build reads, checks and lints a lesson when its documents are asked
        for, so that work happens while the workers render, and memory stays the same however large
        the catalog is. Without workers, each file is made when the iterator asks for it.
        """
        if self._executor is None:
            return self._render_here(documents)
        return self._render_in_workers(iter(documents))

    def _tasks(self, document: LessonDocument) -> list[int]:
        applying = [i for i, g in enumerate(self.generators) if g.applies_to(document)]
        return sorted(applying, key=lambda i: -self.generators[i].cost)

    def _render_here(self, documents: Iterable[LessonDocument]) -> Iterator[TaskResult]:
        for document in documents:
            tasks = self._tasks(document)
            if not tasks:
                yield TaskResult(document, [], [], document_done=True)
            for n, index in enumerate(tasks, 1):
                files, warnings = render_task(document, self.generators[index], self.options, self.extras)
                yield TaskResult(document, files, warnings, document_done=n == len(tasks))

    def _render_in_workers(self, source: Iterator[LessonDocument]) -> Iterator[TaskResult]:
        assert self._executor is not None
        futures: dict[Future, tuple[int, LessonDocument]] = {}  # future -> (submission order, document)
        left: dict[int, int] = {}  # id(document) -> its files not yet made
        submitted = 0
        try:
            while True:
                while len(left) < self.ahead:
                    document = next(source, None)
                    if document is None:
                        break
                    tasks = self._tasks(document)
                    if not tasks:
                        yield TaskResult(document, [], [], document_done=True)
                        continue
                    left[id(document)] = len(tasks)
                    pickled = pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL)
                    for index in tasks:
                        futures[self._executor.submit(_task_in_worker, pickled, index)] = (submitted, document)
                        submitted += 1
                if not futures:
                    return
                finished, _ = wait(futures, return_when=FIRST_COMPLETED)
                for future in sorted(finished, key=lambda f: futures[f][0]):
                    # Why pop: a finished future keeps its files in memory for as long as we hold it.
                    _, document = futures.pop(future)
                    files, warnings = future.result()
                    left[id(document)] -= 1
                    last = left[id(document)] == 0
                    if last:
                        del left[id(document)]
                    yield TaskResult(document, files, warnings, document_done=last)
        finally:
            for future in futures:
                future.cancel()

    def done_rendering(self) -> None:
        """Nothing more will be asked of the workers in this build: unless they are kept warm, they exit now.

        Why now and not at `close`: they then exit while this process packs and writes the catalog,
        instead of after it (20-30 ms at the end of every build).
        """
        if self._executor is not None and not self.keep_warm:
            self._executor.shutdown(cancel_futures=True)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True, wait=5.0)
            self._executor = None

    def __enter__(self) -> RenderPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
