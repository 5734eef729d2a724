"""A small local web server for the built catalog, reachable only from this computer."""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click


class _QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".pptx":
                      "application/vnd.openxmlformats-officedocument.presentationml.presentation"}

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        pass


def make_server(folder: Path, port: int) -> ThreadingHTTPServer:
    """Why 127.0.0.1: the catalog is for previewing on this machine, not for the school network."""
    handler = functools.partial(_QuietHandler, directory=str(folder.resolve()))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve_catalog(folder: Path, port: int) -> None:
    if not (folder / "index.html").exists():
        raise click.ClickException(f"{folder}/index.html bestaat niet. Draai eerst 'lespakket build'.")
    server = make_server(folder, port)
    click.echo(f"De catalogus staat op http://127.0.0.1:{server.server_address[1]}/ (stoppen: Ctrl+C).")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Gestopt.")
    finally:
        server.server_close()
