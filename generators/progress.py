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

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  transient=True) as bar:
        task = bar.add_task("Bouwen", total=0)

        def planned(total: int) -> None:
            bar.update(task, total=total)

        def done(document: LessonDocument) -> None:
            bar.update(task, advance=1, description=f"{document.lesson_id} ({document.audience.label})")

        yield planned, done
