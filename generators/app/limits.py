"""How much the app takes on: the size of a posted form, and how many packs are made or wait their turn at once."""

from __future__ import annotations

import math
import statistics
import time
from collections import deque
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager

import anyio
from starlette.requests import Request

MAX_BODY = 64 * 1024
"""Bytes of a posted form. Why 64 KiB: twenty contacts with every field full of two-byte letters, all of them
percent-encoded, are about 35 KiB; the choice of lessons adds a few KiB."""
MAX_FIELDS = 1000
"""Fields of a posted form: twenty contacts have 80, a catalog ten times ours a few hundred lessons."""
BUILDS_AT_ONCE = 2
"""Packs made at the same time. Why 2: while one is zipped and sent, the next one's workers already render."""
WAITING = 8
"""Packs that wait for their turn; the next request is asked to come back later (503 with Retry-After)."""
FIRST_GUESS = 4.0  # seconds a pack takes, until the app has made some


class TooLarge(Exception):
    pass


class Full(Exception):
    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after


async def read_body(request: Request) -> bytes:
    """The request's body; TooLarge as soon as it says or turns out to be longer than MAX_BODY.

    Why read it ourselves: memory must not grow with what a client sends."""
    declared = request.headers.get("content-length", "0")
    if not declared.isdigit() or int(declared) > MAX_BODY:
        raise TooLarge
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise TooLarge
    return bytes(body)


class BuildQueue:
    """At most `running` packs are made at once and `waiting` more wait their turn, first come first served.

    Why in memory, per process: a copy of the app behind a load balancer has its own workers and its own line.
    """

    def __init__(self, running: int = BUILDS_AT_ONCE, waiting: int = WAITING):
        self.running, self.limit = running, running + waiting
        self.admitted = 0
        self._turns: anyio.Semaphore | None = None
        self._durations: deque[float] = deque(maxlen=16)

    def retry_after(self) -> int:
        """Seconds until a place is likely free: the packs ahead, at the median time of the last ones made."""
        typical = statistics.median(self._durations) if self._durations else FIRST_GUESS
        return max(1, min(120, math.ceil(typical * (self.admitted - self.running + 1) / self.running)))

    @contextmanager
    def admitted_or_full(self) -> Iterator[None]:
        """A place in the line for the time of the block; Full when the line is full."""
        if self.admitted >= self.limit:
            raise Full(self.retry_after())
        self.admitted += 1
        try:
            yield
        finally:
            self.admitted -= 1

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Wait for a turn (cancelled with the request), then hold it for the block."""
        if self._turns is None:
            self._turns = anyio.Semaphore(self.running)  # Why here: made in the event loop that uses it
        async with self._turns:
            started = time.monotonic()
            yield
            self._durations.append(time.monotonic() - started)
