"""The `lespakket` command: a plain `lespakket build` with nothing changed is answered before click is imported.

Why: importing click and the CLI module cost half of a no-op build; a plain build that finds
nothing to do is the most frequent call (editor save hooks, scripts) and should take well under
a tenth of a second. Every other call goes to the click CLI unchanged. Every call ends without
tearing the interpreter down (`_leave`).
"""

from __future__ import annotations

import gc
import os
import sys

from .gc_pause import pause_while_importing


def main() -> None:
    # Why: Python collects after every 700 new objects. Almost everything this process makes stays
    # (imported libraries, the catalog's outlines), and those collections cost 70-140 ms of CPU a
    # build, 250 ms at ten times our catalog; now 20-50 ms, with the same peak memory. The workers
    # go back to Python's thresholds (warm_pool).
    gc.set_threshold(10_000, 20, 20)
    if sys.argv[1:2] == ["build"]:
        pause_while_importing()
    # Why: to find plugins, pydantic reads the metadata of every installed package (5-10 ms before
    # the first lesson can be checked); the lesson models use none. A user's own setting wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        if sys.argv[1:] == ["build"] and _answered_unchanged():
            return _leave(0)
        from .compile_cache import install

        install()
        if _renders_with_default_jobs(sys.argv[1:]):
            from .build_inputs import default_jobs
            from .warm_pool import start_early

            start_early(default_jobs(), "generators.build_pool:warm_up_for_a_plain_build")
        from .cli import main as cli_main

        cli_main()
    except SystemExit as stop:
        _leave(stop.code)
    except KeyboardInterrupt:
        # Why here too: Ctrl+C can come while the modules load, before the CLI catches it.
        print("Afgebroken.", file=sys.stderr)
        _leave(130)
    _leave(0)


def _leave(code: object) -> None:
    """End the process without tearing the interpreter down, once the command is done and its output flushed.

    Why: after a build, freeing every module and object one by one took about 100 ms, after the
    work was done and the build's worker processes had exited; the operating system frees it all at once.
    Nothing of ours runs at exit: the staging folders and the caches are finished before this. Only
    here: an early warm process that no pool took is ended, and the compile cache written when this
    run compiled enough to be worth it; each only when its module was loaded, since a no-op build
    must not import them (warm_pool brings multiprocessing along).
    """
    for name, finish in (("generators.warm_pool", "discard_early"), ("generators.compile_cache", "save")):
        module = sys.modules.get(name)
        if module is not None:
            getattr(module, finish)()
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def _renders_with_default_jobs(args: list[str]) -> bool:
    """A `build` or `preview` whose workers the command will start itself, as many as there are cores.

    Why only then: an early warm process (warm_pool.start_early) is forked for that many workers.
    It warms up as for a build; a preview needs less of it, and is still made about 2% sooner.
    """
    return args[:1] in (["build"], ["preview"]) and not any(a.startswith(("-j", "--jobs", "--help")) for a in args[1:])


def _answered_unchanged() -> bool:
    from .build_inputs import BuildRequest, unchanged_message, up_to_date
    from .paths import DEFAULT_LESSONS, DEFAULT_OUTPUT

    stored = up_to_date(BuildRequest(lesson_paths=[DEFAULT_LESSONS], output=DEFAULT_OUTPUT))
    if stored is None:
        return False
    from .output_tree import clear_leftovers_when_idle

    clear_leftovers_when_idle(DEFAULT_OUTPUT)
    for line in stored:
        print(line, file=sys.stderr)
    print(unchanged_message(DEFAULT_OUTPUT))
    return True
