"""Render documents, one task per (document, generator), in worker processes that start with the build.

Why start early: a worker spends about half a second importing python-pptx and reportlab and
loading fonts, the template and hyphenation patterns; started before the lessons are read, that
happens while the main process reads and checks them. Why one task per file: the guide of one
lesson and its deck can then be made at the same time, which is what an author editing one
lesson waits for.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .paths import artifact_path

if TYPE_CHECKING:  # Why: imported before the workers start, so it stays light
    from .diagnostics import Diagnostic
    from .lesson_document import LessonDocument
    from .registry import Generator, RenderOptions

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


def render_one(document: LessonDocument, options: RenderOptions, generators: tuple[Generator, ...]
               ) -> tuple[list[tuple[int, str, bytes]], list[Diagnostic]]:
    """Every file of one document in this process, as (generator index, path, content)."""
    files, warnings = [], []
    for index, generator in enumerate(generators):
        if generator.applies_to(document):
            made, found = render_task(document, generator, options, no_extras)
            files += [(index, path, content) for _, path, content in made]
            warnings += found
    return files, warnings


def _cost(document: LessonDocument) -> int:
    return sum(len(a.slides) + 2 * len(a.exercises) + len(a.notes) for a in document.activities)


_WORKER: dict = {}


def _init_worker(options: RenderOptions, generators: tuple[Generator, ...], extras: Extras) -> None:
    _WORKER.update(options=options, generators=generators, extras=extras)
    for warm_up in dict.fromkeys(g.load_warm_up() for g in generators):
        if warm_up is None:
            continue
        try:
            warm_up(options)
        except Exception:  # noqa: BLE001
            pass  # Why: a broken template or font is reported, located, by the task that needs it


def _task_in_worker(document: LessonDocument, index: int) -> tuple[list[Output], list[Diagnostic]]:
    return render_task(document, _WORKER["generators"][index], _WORKER["options"], _WORKER["extras"])


def _as_completed(futures: dict[Future, LessonDocument]) -> Iterator[tuple[LessonDocument, list[Output], list[Diagnostic]]]:
    try:
        for future in as_completed(list(futures)):
            # Why pop: a finished future keeps its files in memory for as long as we hold it.
            document = futures.pop(future)
            yield document, *future.result()
    finally:
        for future in futures:
            future.cancel()


def _marked_done(produced: Iterator[tuple[LessonDocument, list[Output], list[Diagnostic]]], left: dict[int, int]
                 ) -> Iterator[TaskResult]:
    for document, files, warnings in produced:
        left[id(document)] -= 1
        yield TaskResult(document, files, warnings, document_done=left[id(document)] == 0)


class RenderPool:
    """`jobs` worker processes; with 0 everything runs in this process, in order (for debugging and tests).

    Why a worker even for one job: the worker imports python-pptx and reportlab while this process
    reads the lessons, and neither process then holds both sets of libraries in memory.
    """

    def __init__(self, jobs: int, options: RenderOptions, generators: tuple[Generator, ...], extras: Extras = no_extras):
        self.options, self.generators, self.extras = options, generators, extras
        self._executor: ProcessPoolExecutor | None = None
        if jobs >= 1:
            context = multiprocessing.get_context("fork")
            self._executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                                                 initargs=(options, generators, extras))
            self._executor.submit(int)  # Why: with fork, the first task starts every worker, and so their warm-up

    def call(self, function: Callable, *args) -> Callable[[], object]:
        """Run a picklable function in a worker; the returned callable waits for its result."""
        if self._executor is None:
            return lambda: function(*args)
        future = self._executor.submit(function, *args)
        return future.result

    def render(self, documents: list[LessonDocument]) -> Iterator[TaskResult]:
        """All files of `documents`, costliest first, as each is made.

        With workers, every task is submitted before this returns, so the caller can do other work
        (linting) while they render; without, each file is made when the iterator asks for it.
        """
        tasks = sorted(
            ((d, i) for d in documents for i, g in enumerate(self.generators) if g.applies_to(d)),
            key=lambda t: (-_cost(t[0]) * self.generators[t[1]].cost, t[0].lesson_id, t[0].audience.id, t[1]),
        )
        left = {id(d): 0 for d in documents}
        for document, _ in tasks:
            left[id(document)] += 1
        return _marked_done(self._start(tasks), left)

    def _start(self, tasks: list[tuple[LessonDocument, int]]) -> Iterator[tuple[LessonDocument, list[Output], list[Diagnostic]]]:
        if self._executor is None:
            return ((d, *render_task(d, self.generators[i], self.options, self.extras)) for d, i in tasks)
        futures: dict[Future, LessonDocument] = {
            self._executor.submit(_task_in_worker, document, index): document for document, index in tasks
        }
        return _as_completed(futures)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> RenderPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
