"""`lespakket serve`: check the catalog and the lessons, warm up, bind the port, and run the app with uvicorn."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

import click

from generators.diagnostics import Diagnostic, Location, Severity
from generators.paths import DEFAULT_OUTPUT

LOOPBACK = ("127.0.0.1", "localhost", "::1")
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
MAX_CONNECTIONS = 256
"""Open connections and requests at once; uvicorn answers more with 503. Why: memory must stay bounded, also
for clients that never send their request."""


class ServeError(click.ClickException):
    """Located Dutch diagnostics that click prints as they are, with exit code 1."""

    def __init__(self, *diagnostics: Diagnostic, after: str = ""):
        super().__init__(diagnostics[0].message)
        self.diagnostics, self.after = diagnostics, after

    def show(self, file=None) -> None:
        for diagnostic in self.diagnostics:
            click.echo(diagnostic.format(), err=True)
        if self.after:
            click.echo(self.after, err=True)


def _port_refused(exc: OSError, port: int, host: str) -> Diagnostic:
    where = Location("--poort")
    if exc.errno == errno.EADDRINUSE:
        return Diagnostic(Severity.ERROR, "poort-bezet", f"Poort {port} is al in gebruik, misschien door een andere "
                          "'lespakket serve'. Stop dat programma, of kies een andere poort met --poort (--poort 0 "
                          "kiest zelf een vrije).", where)
    if exc.errno == errno.EACCES:
        return Diagnostic(Severity.ERROR, "poort-onbruikbaar", f"Poort {port} mag je niet gebruiken; poorten onder "
                          "1024 zijn voor de beheerder. Kies een poort vanaf 1024 met --poort.", where)
    if exc.errno in (errno.EADDRNOTAVAIL, errno.EAFNOSUPPORT) or isinstance(exc, socket.gaierror):
        return Diagnostic(Severity.ERROR, "host-onbruikbaar", f"Op het adres '{host}' kan de server niet luisteren: "
                          "deze computer heeft dat adres niet. Kies 127.0.0.1 (alleen deze computer) of 0.0.0.0 "
                          "(alle netwerken).", Location("--host"))
    return Diagnostic(Severity.ERROR, "poort-onbruikbaar", f"Op poort {port} kan de server niet starten "
                      f"(foutnummer {exc.errno}). Kies een andere poort met --poort.", where)


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    return socket.create_server((host, port), family=family, backlog=2048)


def allowed_hosts(host: str, port: int) -> frozenset[str] | None:
    """The Host headers answered: on this computer only its own names with the port; elsewhere any (see README)."""
    if host.lower() not in LOOPBACK:
        return None
    return frozenset(f"{name}:{port}" for name in LOOPBACK_NAMES)


def _url(host: str, port: int) -> str:
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


def _library(lesson_folder: Path):
    """The checked lessons; None without a lesson folder. Why not an error then: the catalog alone still serves."""
    from generators.app.library import load_library

    if not lesson_folder.is_dir():
        return None
    library, diagnostics = load_library([lesson_folder])
    if library is None:
        raise ServeError(*(d for d in diagnostics.sorted() if d.is_error), after=(
            "De server is niet gestart: de lessen hebben fouten. Los ze op, of start zonder 'Pakket voor jouw school' "
            "met --lessen en een map zonder lessen."))
    return library


def serve(folder: Path, port: int, host: str, jobs: int, lesson_folder: Path) -> None:
    import uvicorn

    from generators.app.web import create_app

    if not (folder / "index.html").is_file():
        build = "lespakket build" if folder == DEFAULT_OUTPUT else f"lespakket build --uit {folder}"
        raise ServeError(Diagnostic(Severity.ERROR, "catalogus-ontbreekt", f"Hier staat nog geen catalogus. Maak "
                                    f"hem eerst met '{build}'.", Location(f"{folder.as_posix()}/index.html")))
    library = _library(lesson_folder)
    try:
        listener = _bind(host, port)
    except OSError as exc:
        raise ServeError(_port_refused(exc, port, host)) from None
    port = listener.getsockname()[1]
    maker = None
    if library is not None:
        from generators.app.school_pack import PackMaker

        maker = PackMaker(library, jobs)  # Why before uvicorn: its warm process is forked while this one has no threads
    app = create_app(folder, maker, allowed_hosts(host, port))
    # Why no access log and no log configuration: nothing a school typed may reach a log; errors of uvicorn and
    # the app go to standard error as Python's logging prints them. Why errors only: uvicorn warns about every
    # malformed request, which anyone on the network can send.
    config = uvicorn.Config(app, access_log=False, log_config=None, log_level="error", server_header=False,
                            proxy_headers=False, lifespan="off", limit_concurrency=MAX_CONNECTIONS,
                            timeout_graceful_shutdown=30)
    click.echo(f"De catalogus staat op {_url(host, port)} (stoppen: Ctrl+C).")
    if maker is None:
        click.echo(f"Zonder lessen in {lesson_folder.as_posix()}/ staat 'Pakket voor jouw school' uit.")
    else:
        click.echo(f"Pakket voor jouw school: {_url(host, port)}school")
    try:
        uvicorn.Server(config).run(sockets=[listener])
    except KeyboardInterrupt:
        pass  # Why: uvicorn stops at Ctrl+C, lets running requests finish, and then raises the signal again
    finally:
        listener.close()
        if maker is not None:
            maker.close()
    click.echo("Gestopt.")
