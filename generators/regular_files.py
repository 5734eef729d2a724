"""Open only regular files, and never block: a lesson folder or a school file path may hold anything."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO


class NotRegularFile(Exception):
    """A file that cannot be read: `code` and a Dutch `reason` that ends a sentence about the file,
    such as "Het lesbestand <reason>." or "De afbeelding 'x.png' <reason>."."""

    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        self.code = code
        self.reason = reason


def regular_problem(path: Path) -> tuple[str, str] | None:
    """Why `path` (links followed) cannot be read as a regular file, as (code, reason); None when it can.

    Why stat and no open: opening a FIFO waits for a writer, and opening a device may do anything.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return os_problem(path, exc)
    return kind_problem(mode)


def kind_problem(mode: int) -> tuple[str, str] | None:
    """(code, reason) when `mode` is not that of a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return ("bestand-soort", "is een map, geen bestand")
    if stat.S_ISFIFO(mode):
        return ("bestand-soort", "is een named pipe (FIFO), geen gewoon bestand; lespakket leest alleen gewone bestanden")
    if stat.S_ISSOCK(mode):
        return ("bestand-soort", "is een socket, geen gewoon bestand; lespakket leest alleen gewone bestanden")
    return ("bestand-soort", "is een apparaat (zoals /dev/zero), geen gewoon bestand; lespakket leest alleen gewone bestanden")


def os_problem(path: Path, exc: OSError) -> tuple[str, str]:
    """(code, reason) for an error of the operating system while finding or reading `path`."""
    if exc.errno == errno.ELOOP:
        return ("bestand-link-kapot", "is een snelkoppeling (symbolische link) die via snelkoppelingen weer naar "
                "zichzelf wijst; vervang de snelkoppeling door het bestand zelf")
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return ("bestand-link-kapot", f"is een snelkoppeling (symbolische link) naar '{os.readlink(path)}', maar dat "
                "bestand bestaat niet; vervang de snelkoppeling door het bestand zelf")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return ("bestand-onleesbaar", "mag niet worden gelezen: je hebt er geen leesrechten voor")
    if exc.errno == errno.ENOENT:
        return ("bestand-onleesbaar", "bestaat niet")
    name = errno.errorcode.get(exc.errno or 0, str(exc.errno))
    return ("bestand-onleesbaar", f"kan niet worden gelezen (het systeem meldt {name})")


def open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading when it is a regular file (links followed); else NotRegularFile.

    Why O_NONBLOCK and a second look after opening: the file may be replaced by a FIFO between the
    look and the open; a FIFO opened without blocking is refused at once instead of waiting.
    """
    problem = regular_problem(path)
    if problem is not None:
        raise NotRegularFile(*problem)
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise NotRegularFile(*os_problem(path, exc)) from None
    handle = os.fdopen(descriptor, "rb")
    problem = kind_problem(os.fstat(descriptor).st_mode)
    if problem is not None:
        handle.close()
        raise NotRegularFile(*problem)
    return handle


def read_regular(path: Path, limit: int) -> bytes:
    """At most `limit` bytes of the regular file `path`; NotRegularFile for anything else."""
    with open_regular(path) as handle:
        try:
            return handle.read(limit)
        except OSError as exc:
            raise NotRegularFile(*os_problem(path, exc)) from None
