"""`lespakket watch`: rebuild what changed whenever a lesson, shared data, a template or the school file is saved."""

from __future__ import annotations

import signal
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import click

from generators.build.inputs import BuildRequest
from generators.diagnostics import BuildAborted, Diagnostics
from generators.paths import ASSETS_DIR

if TYPE_CHECKING:  # Why: the pipeline and its renderers load when the first build starts, not before
    from generators.build.pipeline import BuildResult


MAIN_KINDS = ("presentatie", "docentenhandleiding")  # Why these: what an author writing a lesson looks at first


def watched_paths(request: BuildRequest) -> list[Path]:
    paths = [*request.lesson_paths, ASSETS_DIR]
    paths += [p for p in (request.school, request.template) if p is not None]
    return [p for p in paths if p.exists()]


def build_once(request: BuildRequest, report: Callable[[Diagnostics, bool], None], pools: _WarmPools | None = None) -> bool:
    """One incremental build; problems are printed, never raised. True when output/ is up to date."""
    from concurrent.futures.process import BrokenProcessPool

    from generators.build.pipeline import build

    try:
        result = build(request, pool=pools.current() if pools else None)
    except BuildAborted as aborted:
        report(aborted.diagnostics, request.strict)
        click.echo("Niet gebouwd: los de fouten op en sla het bestand opnieuw op. (Ik blijf kijken.)", err=True)
        return False
    except BrokenProcessPool:
        if pools:
            pools.close()
        click.echo("Niet gebouwd: een werkproces stopte onverwacht (te weinig geheugen?). "
                   "Sla het bestand opnieuw op; ik start nieuwe processen. (Ik blijf kijken.)", err=True)
        return False
    report(result.diagnostics, request.strict)
    click.echo(f"Klaar. {result.made_text()}")
    for line in made_lines(result, request.output):
        click.echo(line)
    click.echo(f"Catalogus: {request.output / 'index.html'}")
    return True


def made_lines(result: BuildResult, output: Path, most: int = 12) -> list[str]:
    """The paths of the lesson files just made, so an author can open them; when there are many, the
    presentation and the teacher guide of each, and how many more the manifest lists."""
    from generators.registry import GENERATORS

    paths = result.made_paths(tuple(g.kind for g in GENERATORS))
    if len(paths) > most:
        paths = result.made_paths(MAIN_KINDS)
    shown = [f"  {output / path}" for path in paths[:most]]
    if len(paths) > most:
        shown.append(f"  ... en nog {len(paths) - most} (alle bestanden staan in {output / 'manifest.json'})")
    return shown


def watch(request: BuildRequest, report: Callable[[Diagnostics, bool], None], stop_after: int | None = None) -> None:
    """Build now, then after every save; `stop_after` ends after that many rebuilds (for tests)."""
    from watchfiles import watch as watch_changes

    paths = watched_paths(request)
    pools = _WarmPools(request)
    announced = interrupted = False
    rebuilds = 0
    # Why: `kill` then stops the workers too, as Ctrl+C does (signals can only be caught in the main thread).
    main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if main_thread else None
    try:
        build_once(request, report, pools)
        # Why yield_on_timeout: the first (empty) yield comes once the watcher runs, so the
        # "watching" line is only printed when a save can no longer be missed. Why raise_interrupt:
        # otherwise watchfiles prints an English warning on Ctrl+C; we catch the interrupt below.
        for changes in watch_changes(*paths, debounce=300, step=100, rust_timeout=500,
                                     yield_on_timeout=True, raise_interrupt=True):
            if not changes:
                if not announced:
                    click.echo(f"Ik kijk naar {', '.join(str(p) for p in paths)}. Stoppen: Ctrl+C.", err=True)
                    announced = True
                continue
            click.echo(f"Gewijzigd: {', '.join(changed_names(changes))}", err=True)
            build_once(request, report, pools)
            rebuilds += 1
            if stop_after is not None and rebuilds >= stop_after:
                return
    except KeyboardInterrupt:
        interrupted = True
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
        pools.close()
    click.echo("Gestopt.", err=True)
    if interrupted:
        sys.exit(130)  # Why: how shells report a program stopped by Ctrl+C, as every other command ends then


def changed_names(changes: set[tuple[object, str]]) -> list[str]:
    """The names of the saved files; an editor's temporary files, gone again by now, are left out
    unless nothing else is left (a deleted lesson)."""
    names = {Path(path).name for _, path in changes}
    existing = {Path(path).name for _, path in changes if Path(path).exists()}
    return sorted(existing or names)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


class _WarmPools:
    """Worker processes kept from one build to the next, renewed when code, shared data or templates change.

    Why renew: workers keep fonts, the template and shared lists in memory once loaded.
    """

    def __init__(self, request: BuildRequest):
        self.request = request
        self.pool = None
        self.version = ""

    def current(self):
        from generators.build.inputs import code_and_assets_digest, tree_digest
        from generators.build.pool import build_pool

        code_and_assets_digest.cache_clear()  # Why: the digest is cached per process, and a watch lives long
        template = self.request.template
        version = code_and_assets_digest() + (tree_digest(template) if template and template.exists() else "")
        if self.pool is None or version != self.version:
            self.close()
            self.pool = build_pool(self.request, keep_warm=True)
            self.version = version
        return self.pool

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None
