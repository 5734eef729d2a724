"""The built catalog's files as the app serves them: regular files inside the folder only, no dot files, no listings."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from starlette.responses import FileResponse, Response

FALLBACK_POLICY = "default-src 'none'"
_HEADER_TEXT = re.compile(r"[\x20-\x7e]+")  # Why: a line break in a header value would start a header of its own
_MEDIA = {".html": "text/html", ".pdf": "application/pdf", ".zip": "application/zip", ".png": "image/png",
          ".jpg": "image/jpeg", ".json": "application/json", ".txt": "text/plain", ".css": "text/css",
          ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}
# Why a comment in the built pages: opened from disk, without the app, a page must not offer what only the app can do.
_MARKER = re.compile(rb"<!--schoolpakket(?::([a-z0-9-]+))?-->")
_INVITATION = (b'<p class="naar-school"><span>Liever met de naam van jullie school en jullie eigen contactpersonen in '
               b'elk bestand?</span> <a class="knop" href="/school%s">%s</a></p>')


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


def _invitation(match: re.Match) -> bytes:
    lesson = match.group(1)
    if lesson:
        return _INVITATION % (b"?les=" + lesson, b"Deze les voor jouw school")
    return _INVITATION % (b"", b"Pakket voor jouw school")


class CatalogFiles:
    def __init__(self, folder: Path, school_form: bool):
        self.root = folder.resolve()
        self.policy = catalog_policy(folder)
        self.school_form = school_form

    def find(self, path: str) -> Path | None:
        """The file for a request path ('/' is index.html); None for a folder, a dot file or anything outside.

        Why no dot files: the build record is not for visitors. Why no folders: a listing would show what the
        catalog does not link to."""
        relative = path.removeprefix("/") or "index.html"
        if "\\" in relative or "\0" in relative or any(not p or p.startswith(".") for p in relative.split("/")):
            return None
        try:
            found = (self.root / relative).resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        return found if found.is_relative_to(self.root) and found.is_file() else None

    def response(self, found: Path) -> Response:
        media = _MEDIA.get(found.suffix, "application/octet-stream")
        if found.suffix != ".html":
            return FileResponse(found, media_type=media)
        page = _MARKER.sub(_invitation if self.school_form else b"", found.read_bytes())
        return Response(page, media_type=media)
