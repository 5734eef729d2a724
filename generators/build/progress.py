"""Build progress: a rich progress bar on a terminal, plain lines when output goes to a file or CI log."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable, Iterator

import click


@contextmanager
def progress_reporter() -> Iterator[tuple[Callable[[int], None], Callable[[str, list[str]], None]]]:
    """Yields (planned(lesson files), done(lesson id, audiences rendered)) callbacks for `build`.

    Why lessons, not documents: the build reads lessons one at a time, so how many documents it will
    render is only known at the end; the number of lesson files is known at the start.
    """
    state = {"total": 0, "done": 0}
    if not sys.stderr.isatty():
        def planned(total: int) -> None:
            state["total"] = total

        def done(lesson: str, audiences: list[str]) -> None:
            state["done"] += 1
            if audiences:  # Why: an unchanged lesson needs no line of its own in a log
                click.echo(f"[{state['done']}/{state['total']}] {lesson} ({', '.join(audiences)})", err=True)

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
        task = bar.add_task("Lessen", total=total)

    def done(lesson: str, audiences: list[str]) -> None:
        if task is not None:
            bar.update(task, advance=1, description=lesson)

    try:
        yield planned, done
    finally:
        bar.stop()
