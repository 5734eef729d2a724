"""Render documents with every generator, in worker processes when there is more than one to do."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Callable, Iterator

from .diagnostics import Diagnostic
from .lesson_document import LessonDocument
from .paths import artifact_path
from .registry import Generator, RenderOptions

Files = list[tuple[int, str, bytes]]  # (generator index, path under output/, content)
Rendered = tuple[Files, list[Diagnostic]]


def _cost(document: LessonDocument) -> int:
    """Why: starting the largest documents first keeps both workers busy until the end."""
    return sum(len(a.slides) + 2 * len(a.exercises) + len(a.notes) for a in document.activities)


def render_one(document: LessonDocument, options: RenderOptions, generators: tuple[Generator, ...]) -> Rendered:
    files: Files = []
    warnings: list[Diagnostic] = []
    for index, generator in enumerate(generators):
        if not generator.applies_to(document):
            continue
        path = artifact_path(document.series, document.lesson_id, document.audience.id, generator.filename)
        files.append((index, path, generator.load()(document, options)))
        diagnose = generator.load_diagnose()
        if diagnose is not None:
            warnings += diagnose(document, options)
    return files, warnings


_WORKER: dict = {}


def _init_worker(options: RenderOptions, generators: tuple[Generator, ...]) -> None:
    _WORKER["options"], _WORKER["generators"] = options, generators


def _render_in_worker(document: LessonDocument) -> Rendered:
    return render_one(document, _WORKER["options"], _WORKER["generators"])


def render_documents(
    documents: list[LessonDocument],
    options: RenderOptions,
    generators: tuple[Generator, ...],
    jobs: int,
    done: Callable[[LessonDocument], None] = lambda d: None,
) -> Iterator[tuple[LessonDocument, Rendered]]:
    """Yield each document with its rendered files, largest first; order of completion may vary."""
    ordered = sorted(documents, key=lambda d: (-_cost(d), d.lesson_id, d.audience.id))
    workers = min(jobs, len(ordered))
    if workers <= 1:
        for document in ordered:
            rendered = render_one(document, options, generators)
            done(document)
            yield document, rendered
        return
    for generator in generators:
        generator.load()  # Why: import python-pptx/reportlab once before fork; workers inherit them
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                             initargs=(options, generators)) as pool:
        futures = {pool.submit(_render_in_worker, d): d for d in ordered}
        for future in as_completed(list(futures)):
            # Why pop: a finished future keeps its files in memory for as long as we hold it.
            document = futures.pop(future)
            rendered = future.result()
            done(document)
            yield document, rendered
