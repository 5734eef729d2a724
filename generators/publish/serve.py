"""A small local web server for the built catalog, reachable only from this computer."""

from __future__ import annotations

import errno
import functools
import re
from html.parser import HTMLParser
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import click

from generators.diagnostics import Diagnostic, Location, Severity
from generators.paths import DEFAULT_OUTPUT

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
FALLBACK_POLICY = "default-src 'none'"
_HEADER_TEXT = re.compile(r"[\x20-\x7e]+")  # Why: a line break in a header value would start a header of its own
ANSWERS = {
    HTTPStatus.NOT_FOUND: "Niet gevonden.",
    HTTPStatus.BAD_REQUEST: "Dit verzoek kan deze server niet lezen.",
    HTTPStatus.MISDIRECTED_REQUEST: "Deze server is alleen bereikbaar via 127.0.0.1 of localhost op deze computer.",
    HTTPStatus.NOT_IMPLEMENTED: "Deze server beantwoordt alleen GET en HEAD.",
}


class _PolicyFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.policy: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policy = self.policy or values.get("content")


def catalog_policy(folder: Path) -> str:
    """The Content-Security-Policy of the catalog's own pages (their meta tag), plus frame-ancestors 'none'.

    Why from the built index.html: the policy holds the hashes of the inline style and script the pages were
    built with. frame-ancestors only works in a header, so the pages cannot say it themselves."""
    finder = _PolicyFinder()
    try:
        finder.feed((folder / "index.html").read_text(encoding="utf-8", errors="replace"))
    except OSError:
        pass
    policy = finder.policy if finder.policy and _HEADER_TEXT.fullmatch(finder.policy) else FALLBACK_POLICY
    return f"{policy}; frame-ancestors 'none'"


class _CatalogHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".pptx":
                      "application/vnd.openxmlformats-officedocument.presentationml.presentation"}
    error_message_format = "%(explain)s\n"
    error_content_type = "text/plain; charset=utf-8"
    server: CatalogServer

    def do_GET(self) -> None:
        if self._answerable():
            super().do_GET()

    def do_HEAD(self) -> None:
        if self._answerable():
            super().do_HEAD()

    def _answerable(self) -> bool:
        """Why the Host check: a web page elsewhere can point its own name at 127.0.0.1 (DNS rebinding) and then
        read this server as if it were its own site; the browser still sends that page's name as the Host."""
        hosts = self.headers.get_all("Host") or []
        if len(hosts) != 1:
            self.send_error(HTTPStatus.BAD_REQUEST)
        elif hosts[0].lower() not in self.server.hosts:
            self.send_error(HTTPStatus.MISDIRECTED_REQUEST)
        elif any(part.startswith(".") for part in unquote(urlsplit(self.path).path).split("/")):
            self.send_error(HTTPStatus.NOT_FOUND)  # Why: the build record and other dot files are not for visitors
        else:
            return True
        return False

    def list_directory(self, path):
        self.send_error(HTTPStatus.NOT_FOUND)  # Why: a listing would show what the catalog does not link to
        return None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        super().send_error(code, explain=ANSWERS.get(code, f"Fout {int(code)}."))

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.server.policy)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass


class CatalogServer(ThreadingHTTPServer):
    """Why 127.0.0.1: the catalog is for previewing on this machine, not for the school network."""

    def __init__(self, folder: Path, port: int) -> None:
        super().__init__(("127.0.0.1", port), functools.partial(_CatalogHandler, directory=str(folder.resolve())))
        self.policy = catalog_policy(folder)
        self.hosts = frozenset(f"{name}:{self.server_address[1]}" for name in LOOPBACK_NAMES)


def make_server(folder: Path, port: int) -> CatalogServer:
    return CatalogServer(folder, port)


class ServeError(click.ClickException):
    """A located Dutch diagnostic that click prints as it is, with exit code 1."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic

    def show(self, file=None) -> None:
        click.echo(self.diagnostic.format(), err=True)


def _port_refused(exc: OSError, port: int) -> Diagnostic:
    where = Location("--poort")
    if exc.errno == errno.EADDRINUSE:
        return Diagnostic(Severity.ERROR, "poort-bezet", f"Poort {port} is al in gebruik, misschien door een andere "
                          "'lespakket serve'. Stop dat programma, of kies een andere poort met --poort (--poort 0 "
                          "kiest zelf een vrije).", where)
    if exc.errno == errno.EACCES:
        return Diagnostic(Severity.ERROR, "poort-onbruikbaar", f"Poort {port} mag je niet gebruiken; poorten onder "
                          "1024 zijn voor de beheerder. Kies een poort vanaf 1024 met --poort.", where)
    return Diagnostic(Severity.ERROR, "poort-onbruikbaar", f"Op poort {port} kan de server niet starten "
                      f"(foutnummer {exc.errno}). Kies een andere poort met --poort.", where)


def serve_catalog(folder: Path, port: int) -> None:
    if not (folder / "index.html").is_file():
        build = "lespakket build" if folder == DEFAULT_OUTPUT else f"lespakket build --uit {folder}"
        raise ServeError(Diagnostic(Severity.ERROR, "catalogus-ontbreekt", f"Hier staat nog geen catalogus. Maak "
                                    f"hem eerst met '{build}'.", Location(f"{folder.as_posix()}/index.html")))
    try:
        server = make_server(folder, port)
    except OSError as exc:
        raise ServeError(_port_refused(exc, port)) from None
    click.echo(f"De catalogus staat op http://127.0.0.1:{server.server_address[1]}/ (stoppen: Ctrl+C).")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Gestopt.")
    finally:
        server.server_close()
