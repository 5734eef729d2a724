"""The command's garbage collector: off while a build loads its modules, then what they made is frozen out of its way.

Why: a build imports pydantic, click, ruamel, markdown-it and our models, and keeps all of it until
the process ends. The collector walked those objects again and again while they loaded (five
collections, about 20 ms of CPU before the first document could go to a worker) and freed almost
nothing. Frozen (the recipe of `gc.freeze`), later collections skip them; what the build itself
makes is collected as before.
"""

from __future__ import annotations

import gc

_paused = False


def pause_while_importing() -> None:
    """Switch the collector off until `resume_after_imports`; for the command's own process only."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_after_imports() -> None:
    """Freeze what is loaded and switch the collector back on, once; does nothing unless paused here.

    Why only then: in any other process (tests, `watch`'s later builds) freezing would keep whatever
    garbage is waiting for the collector until the process ends.
    """
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
