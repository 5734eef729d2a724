"""Build progress: a rich progress bar on a terminal, plain lines when output goes to a file or CI log."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator

import click

from .lesson_document import LessonDocument


@contextmanager
def progress_reporter() -> Iterator[tuple[Callable[[int], None], Callable[[LessonDocument], None]]]:
    """Yields (planned(total), done(document)) callbacks for `build`."""
    state = {"total": 0, "done": 0}
    if not sys.stderr.isatty():
        def planned(total: int) -> None:
            state["total"] = total

        def done(document: LessonDocument) -> None:
            state["done"] += 1
            click.echo(f"[{state['done']}/{state['total']}] {document.lesson_id} ({document.audience.label})", err=True)

        yield planned, done
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    # Why started in planned(): the build forks its worker processes first, and a fork must not
    # copy the bar's refresh thread half-way through writing to the terminal.
    bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   transient=True)
    task = None

    def planned(total: int) -> None:
        nonlocal task
        bar.start()
        task = bar.add_task("Bouwen", total=total)

    def done(document: LessonDocument) -> None:
        if task is not None:
            bar.update(task, advance=1, description=f"{document.lesson_id} ({document.audience.label})")

    try:
        yield planned, done
    finally:
        bar.stop()
