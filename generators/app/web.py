"""The ASGI app: the built catalog, the page 'Pakket voor jouw school' and its zip, with the catalog's safety headers."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qsl

import anyio
from starlette.applications import Starlette
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from generators.app.catalog_files import CatalogFiles
from generators.app.fresh_workers import GivenUp, WorkersGone
from generators.app.limits import MAX_FIELDS, BuildQueue, Full, TooLarge, read_body
from generators.app.pages import page_policy, school_page
from generators.app.school_form import Checked, Typed, check, new_form, read_form

LOG = logging.getLogger("lespakket.app")
FORM_TYPE = "application/x-www-form-urlencoded"
_METHOD_ORDER = ["GET", "HEAD", "POST"]
ANSWERS = {
    400: "Dit verzoek kan deze server niet lezen.",
    404: "Niet gevonden.",
    413: "Dit formulier is te groot voor deze server. Vul het formulier op de pagina in en verstuur het opnieuw.",
    415: "Verstuur het formulier zoals de pagina dat doet.",
    421: "Deze server is alleen bereikbaar via 127.0.0.1 of localhost op deze computer.",
    500: "Er ging iets mis in de server. Probeer het opnieuw; gebeurt het weer, meld het dan aan de beheerder.",
}
BUSY = "Het is nu erg druk: er worden al veel pakketten gemaakt. Probeer het over {seconds} seconden opnieuw."
BROKEN = "Het pakket kon niet worden gemaakt, omdat een werkproces stopte. Probeer het opnieuw."


def answer(status: int, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(ANSWERS[status] + "\n", status, headers)


def _methods(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 405:
        # Why sorted: starlette keeps a route's methods in a set, so its own order changes from run to run.
        names = sorted((m.strip() for m in (exc.headers or {}).get("Allow", "GET, HEAD").split(",")), key=_METHOD_ORDER.index)
        allowed = ", ".join(names)
        return PlainTextResponse(f"Dit adres beantwoordt alleen {_methods(names)}.\n", 405, {"Allow": allowed})
    return answer(exc.status_code if exc.status_code in ANSWERS else 400)


async def _internal_error(request: Request, exc: Exception) -> Response:
    return answer(500)


class SchoolPages:
    """GET: the form; POST: the pack, or the form again with what was typed and a message at each wrong field."""

    def __init__(self, maker, queue: BuildQueue):
        self.maker, self.library, self.queue = maker, maker.library, queue

    def page(self, typed: Typed, errors: dict[str, str], status: int, headers: dict[str, str] | None = None,
             notice: str | None = None) -> Response:
        return Response(school_page(self.library, typed, errors, notice), status, {
            "Content-Security-Policy": page_policy(), "Cache-Control": "no-store", **(headers or {})},
            media_type="text/html")

    async def handle(self, request: Request) -> Response:
        if request.method != "POST":
            return self.page(new_form(self.library, request.query_params.get("les")), {}, 200)
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != FORM_TYPE:
            return answer(415)
        try:
            body = await read_body(request)
            pairs = parse_qsl(body.decode("ascii"), keep_blank_values=True, max_num_fields=MAX_FIELDS,
                              encoding="utf-8", errors="strict")
        except TooLarge:
            return answer(413, {"Connection": "close"})
        except ValueError:  # Why: also UnicodeDecodeError, and more fields than MAX_FIELDS
            return answer(400)
        typed = read_form(pairs)
        if typed.more:
            return self.page(typed, {}, 200)
        checked = check(typed, self.library)
        if checked.errors:
            return self.page(typed, checked.errors, 422)
        try:
            with self.queue.admitted_or_full():
                made = await self._made(request, checked)
        except Full as full:
            return self.page(typed, {}, 503, {"Retry-After": str(full.retry_after)},
                             BUSY.format(seconds=full.retry_after))
        if made is None:
            return Response(status_code=499)  # Why: nobody reads it; the client went away
        if isinstance(made, WorkersGone):
            return self.page(typed, {}, 503, {"Retry-After": "5"}, BROKEN)
        return StreamingResponse(_chunks(made.file), media_type="application/zip", headers={
            "Content-Disposition": f'attachment; filename="{made.filename}"', "Content-Length": str(made.size),
            "Cache-Control": "no-store"})

    async def _made(self, request: Request, checked: Checked):
        """The pack, None when it was given up first, or WorkersGone.

        Why a watch on the connection: a client that gives up must not leave its pack being made; its workers
        are stopped and its files removed. The same when the app stops and cancels the request. Other failures
        are raised (an internal error)."""
        given_up, finished = threading.Event(), threading.Event()
        outcome: list = [None]
        async with anyio.create_task_group() as group:
            async def watch() -> None:
                try:
                    while (await request.receive())["type"] != "http.disconnect":
                        pass
                finally:
                    if not finished.is_set():
                        given_up.set()
                group.cancel_scope.cancel()

            group.start_soon(watch)
            async with self.queue.turn():
                outcome[0] = await anyio.to_thread.run_sync(self._make, checked, given_up)
            finished.set()
            group.cancel_scope.cancel()
        made = outcome[0]
        if isinstance(made, BaseException) and not isinstance(made, WorkersGone):
            raise made
        if given_up.is_set() and made is not None and not isinstance(made, WorkersGone):
            made.file.close()
            return None
        return made

    def _make(self, checked: Checked, given_up: threading.Event):
        """In a thread: the pack, or the exception that stopped it (None when given up).

        Why returned, not raised: raised inside the task group it would come out wrapped in an exception group."""
        try:
            return self.maker.make(checked.school, checked.chosen, given_up)
        except GivenUp:
            return None
        except Exception as exc:  # noqa: BLE001
            return exc


def _chunks(file) -> Iterator[bytes]:
    with file:
        while chunk := file.read(1 << 16):
            yield chunk


class SecurityHeaders:
    """The catalog's headers on every answer: its policy (unless the answer has its own), nosniff, no referrer."""

    def __init__(self, app: ASGIApp, policy: str):
        self.app, self.policy = app, policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", self.policy)
                headers["X-Content-Type-Options"] = "nosniff"
                headers["Referrer-Policy"] = "no-referrer"
                headers.setdefault("Cache-Control", "no-cache")
            await send(message)

        await self.app(scope, receive, with_headers if scope["type"] == "http" else send)


class HostCheck:
    """Why, when bound to this computer only: a web page elsewhere can point its own name at 127.0.0.1 (DNS
    rebinding) and then read this server as if it were its own site; the browser still sends that page's name."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str] | None):
        self.app, self.hosts = app, hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.hosts is not None:
            hosts = [value.decode("latin-1").lower() for name, value in scope["headers"] if name == b"host"]
            if len(hosts) != 1:
                return await answer(400)(scope, receive, send)
            if hosts[0] not in self.hosts:
                return await answer(421)(scope, receive, send)
        await self.app(scope, receive, send)


class QuietErrors:
    """An unexpected error is logged by its kind and place only: its message could hold what a school typed."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracked(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception as exc:  # noqa: BLE001
            places = "".join(traceback.format_list(traceback.extract_tb(exc.__traceback__)))
            LOG.error("Interne fout (%s) bij %s %s:\n%s", type(exc).__name__, scope.get("method"), scope.get("path"), places)
            if not started and scope["type"] == "http":
                await answer(500)(scope, receive, send)


def create_app(catalog: Path, maker=None, hosts: frozenset[str] | None = None, queue: BuildQueue | None = None) -> ASGIApp:
    """The app for the catalog in `catalog`; with a PackMaker, also the school page. `hosts`: the Host headers
    answered (None: any)."""
    files = CatalogFiles(catalog, school_form=maker is not None)

    async def catalog_file(request: Request) -> Response:
        found = files.find(request.scope["path"])
        return answer(404) if found is None else files.response(found)

    routes = [Route("/{path:path}", catalog_file, methods=["GET", "HEAD"])]
    if maker is not None:
        routes.insert(0, Route("/school", SchoolPages(maker, queue or BuildQueue()).handle, methods=["GET", "HEAD", "POST"]))
    app = Starlette(routes=routes, exception_handlers={HTTPException: _http_error, Exception: _internal_error})
    return QuietErrors(SecurityHeaders(HostCheck(app, hosts), files.policy))
