"""Worker processes forked from one process that warmed up first, so the warm-up is paid once, not once per worker.

Why not ProcessPoolExecutor: it forks every worker from the calling process, and each then imports
python-pptx and reportlab and loads fonts on its own (about half a second of CPU each); on two
cores those copies compete with the build's own start. Here one "warm" process does that work
while the build reads its lessons, then forks the workers, which share what it loaded. The
interface is the part of ProcessPoolExecutor the build uses: `submit` returns a Future, a worker
that dies breaks the pool (BrokenProcessPool), and `shutdown` cancels what has not started.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection
from multiprocessing.connection import wait as ready

class WarmPool:
    def __init__(self, jobs: int, initializer: Callable[..., None], initargs: tuple = ()):
        context = multiprocessing.get_context("fork")
        pairs = [context.Pipe() for _ in range(jobs)]
        ours, theirs = [p for p, _ in pairs], [c for _, c in pairs]
        self._warm = context.Process(target=_warm_process, args=(ours, theirs, initializer, initargs),
                                     name="lespakket-warm", daemon=True)
        # Why blocked while forking: Ctrl+C in the child before it ignores it would run the command's own
        # Ctrl+C handling there, a second "Afgebroken." from a copy of this process.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self._warm.start()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        for end in theirs:
            end.close()
        self._lock = threading.Lock()
        self._idle: list[Connection] = list(ours)
        self._running: dict[Connection, Future] = {}
        self._waiting: deque[tuple[Future, Callable, tuple]] = deque()
        self._broken: str | None = None
        self._closing = False
        self._reader = threading.Thread(target=self._read, args=(list(ours),), daemon=True)
        self._reader.start()

    def submit(self, function: Callable, *args) -> Future:
        future: Future = Future()
        with self._lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._closing:
                raise RuntimeError("the pool is shut down")
            self._waiting.append((future, function, args))
            self._start_waiting()
        return future

    def shutdown(self, cancel_futures: bool = True, wait: float = 0.0) -> None:
        """Stop taking work; workers finish their current task and exit. Waits at most `wait` seconds for that.

        Why wait at all: the warm process reaps the workers and this process reaps it, so their CPU time
        and memory count in this process's resource usage (`time`, the benchmark) instead of vanishing.
        """
        with self._lock:
            self._closing = True
            while cancel_futures and self._waiting:
                self._waiting.popleft()[0].cancel()
            for connection in self._idle:
                _send_quietly(connection, None)
            self._idle.clear()
        if wait:
            self._warm.join(wait)

    def _start_waiting(self) -> None:
        """Hand waiting tasks to idle workers (with the lock held)."""
        while self._idle and self._waiting:
            future, function, args = self._waiting.popleft()
            if not future.set_running_or_notify_cancel():
                continue
            connection = self._idle.pop()
            try:
                connection.send((function, args))
            except (OSError, ValueError):
                self._idle.append(connection)  # Why: the reader sees the worker gone and breaks the pool
                future.set_exception(BrokenProcessPool("een werkproces is gestopt"))
                continue
            except Exception as exc:  # noqa: BLE001  Why: arguments that cannot be pickled fail this task only
                self._idle.append(connection)
                future.set_exception(exc)
                continue
            self._running[connection] = future

    def _read(self, connections: list[Connection]) -> None:
        while connections:
            for connection in ready(connections):
                try:
                    ok, value = connection.recv()
                except (EOFError, OSError):
                    connections.remove(connection)
                    connection.close()
                    self._lost(connection)
                    continue
                with self._lock:
                    future = self._running.pop(connection, None)  # None: its future failed when the pool broke
                    if self._closing or self._broken:
                        _send_quietly(connection, None)
                    else:
                        self._idle.append(connection)
                        self._start_waiting()
                if future is None:
                    continue
                if ok:
                    future.set_result(value)
                else:
                    error, remote = value
                    error.__cause__ = RemoteTraceback(remote)
                    future.set_exception(error)

    def _lost(self, connection: Connection) -> None:
        with self._lock:
            future = self._running.pop(connection, None)
            if connection in self._idle:
                self._idle.remove(connection)
            if self._closing and future is None:
                return
            self._broken = "een werkproces stopte onverwacht"
            failed = [future] if future is not None else []
            failed += [f for f, _, _ in self._waiting]
            failed += list(self._running.values())
            self._waiting.clear()
            self._running.clear()
            for other in self._idle:
                _send_quietly(other, None)
            self._idle.clear()
        for future in failed:
            if not future.done():
                future.set_exception(BrokenProcessPool(self._broken))


class RemoteTraceback(Exception):
    """The worker's traceback, shown as the cause of an exception a task raised."""

    def __str__(self) -> str:
        return f"\n\"\"\"\n{self.args[0]}\"\"\""


def _send_quietly(connection: Connection, message) -> None:
    try:
        connection.send(message)
    except (OSError, ValueError):
        pass


def _warm_process(ours: list[Connection], theirs: list[Connection], initializer, initargs) -> None:
    """Warm up, fork one worker per connection, then wait until they have all exited."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # Why: `watch` turns SIGTERM into KeyboardInterrupt; here it just ends
    # Why: Ctrl+C is for the command, which then ends the pool; a warm process interrupted while it
    # warms up would print a traceback. Its workers take Ctrl+C as usual again.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    for end in ours:
        end.close()
    # Why (the recipe in the docs of gc.freeze): the collector spent 40-65 ms walking what the warm-up
    # creates, all of it kept, and every full collection in a worker walked it again: 0.2-0.7 s of
    # CPU per worker in a cold build, writing to (and so copying) memory shared with this process.
    # Frozen, the workers' collections skip it.
    gc.disable()
    try:
        initializer(*initargs)
    except Exception:  # noqa: BLE001
        traceback.print_exc()  # Why: each task then fails on its own, with a located message
    gc.freeze()
    children = []
    for index, end in enumerate(theirs):
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGINT, signal.default_int_handler)
            gc.enable()
            for other, sibling in enumerate(theirs):
                if other != index:
                    sibling.close()
            _watch_parent()
            code = 0
            try:
                serve_tasks(end)
            except BaseException:  # noqa: BLE001
                code = 1
            os._exit(code)
        children.append(pid)
    for end in theirs:
        end.close()
    _watch_parent()  # Why only now: forking while another thread runs can leave a lock held in the child
    for pid in children:
        os.waitpid(pid, 0)


def serve_tasks(connection: Connection) -> None:
    """A worker's loop: run each (function, args) received and send back (True, result) or (False, (exception,
    traceback)); return at the end of input or on None."""
    while True:
        try:
            message = connection.recv()
        except EOFError:
            return
        if message is None:
            return
        function, args = message
        try:
            answer = (True, function(*args))
        except BaseException as exc:  # noqa: BLE001  Why: as ProcessPoolExecutor, every failure goes back to the caller
            answer = (False, (exc, traceback.format_exc()))
        try:
            connection.send(answer)
        except Exception as exc:  # noqa: BLE001  Why: a result or exception that cannot be pickled
            connection.send((False, (RuntimeError(f"{type(exc).__name__}: {exc}"), traceback.format_exc())))


def _watch_parent() -> None:
    """Why: a build that is killed cannot stop its workers, and they would wait for work forever."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
