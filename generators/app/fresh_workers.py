"""Render workers forked afresh for each school's pack from one warm process, so nothing typed outlives its request.

Why not the build's WarmPool, whose workers live as long as the pool: renderers keep caches keyed on the text
they set (word widths, parsed markup, pyphen's hyphenated words), so a school's contact names would stay in
a worker's memory after the answer, and those caches would grow with every school. Here a warm process
imports, loads fonts and templates once, and never sees a request; for each request it forks workers that
start warm, render that request's files and exit, taking whatever they learnt with them. Forking costs a
few milliseconds.
"""

from __future__ import annotations

import gc
import os
import signal
import socket
import threading
import traceback
from collections import deque
from collections.abc import Callable
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait

from generators.build.warm_pool import RemoteTraceback, serve_tasks

_POLL = 0.1  # seconds between looks at whether the request was given up


class WorkersGone(Exception):
    """The warm process or a worker stopped before the work was done."""


class GivenUp(Exception):
    """The request was given up (the client went away); its workers were stopped."""


class ForkServer:
    def __init__(self, initializer: Callable[..., None], initargs: tuple = ()):
        self._initializer, self._initargs = initializer, initargs
        self._lock = threading.Lock()
        self._start()

    def _start(self) -> None:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        process = get_context("fork").Process(target=_warm_process, args=(theirs, ours, self._initializer, self._initargs),
                                              name="lespakket-warm", daemon=True)
        # Why blocked while forking: Ctrl+C in the child before it ignores it would run the app's own handling there.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        theirs.close()
        self._control, self._process = ours, process

    def workers(self, count: int) -> Workers:
        """`count` fresh workers for one request.

        Why a warm process that stopped is started again: a request must not fail for good because one did.
        """
        with self._lock:
            if not self._process.is_alive():
                self._control.close()
                self._start()
            try:
                self._control.send(bytes([count]))
                _, fds, _, _ = socket.recv_fds(self._control, 1, 2 * count)
            except OSError as exc:
                raise WorkersGone("het warme proces antwoordt niet") from exc
        if len(fds) != 2 * count:
            for fd in fds:
                os.close(fd)
            raise WorkersGone("het warme proces maakte geen werkprocessen")
        return Workers([Connection(fd) for fd in fds[0::2]], fds[1::2])

    def close(self) -> None:
        with self._lock:
            self._control.close()  # Why enough: the warm process reads the end of its input and exits
            self._process.join(5)


class Workers:
    """One request's workers: `run` hands them tasks; `close` lets them go, or stops them at once."""

    def __init__(self, connections: list[Connection], pidfds: list[int]):
        self._connections, self._pidfds = connections, pidfds

    def run(self, tasks: list[tuple[Callable, tuple]], given_up: threading.Event) -> list:
        """Every task's result, in the order of `tasks`; GivenUp as soon as `given_up` is set."""
        waiting = deque(enumerate(tasks))
        idle, busy = list(self._connections), {}
        results: list = [None] * len(tasks)
        while waiting or busy:
            while idle and waiting:
                connection = idle.pop()
                index, task = waiting.popleft()
                try:
                    connection.send(task)
                except OSError as exc:
                    raise WorkersGone("een werkproces is gestopt") from exc
                busy[connection] = index
            for connection in wait(list(busy), timeout=_POLL):
                try:
                    ok, value = connection.recv()
                except (EOFError, OSError) as exc:
                    raise WorkersGone("een werkproces stopte onverwacht") from exc
                index = busy.pop(connection)
                idle.append(connection)
                if not ok:
                    error, remote = value
                    error.__cause__ = RemoteTraceback(remote)
                    raise error
                results[index] = value
            if given_up.is_set():
                raise GivenUp
        return results

    def close(self, stop: bool = False) -> None:
        """Why a pidfd to stop them: it names exactly this process, even after it exited and its number was reused."""
        for pidfd in self._pidfds:
            if stop:
                try:
                    signal.pidfd_send_signal(pidfd, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            os.close(pidfd)
        for connection in self._connections:
            connection.close()  # Why enough when not stopped: an idle worker reads the end of its input and exits
        self._pidfds, self._connections = [], []


def _warm_process(control: socket.socket, other: socket.socket, initializer: Callable, initargs: tuple) -> None:
    """Warm up, then fork the asked number of workers for each request, until the app closes `control`."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # Why ignored, also in the workers: Ctrl+C is for the app, which finishes its requests and then lets them go.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # Why: the kernel then reaps the workers; nobody waits for them
    other.close()
    gc.disable()  # Why, and gc.freeze below: as in the build's warm process (warm_pool)
    try:
        initializer(*initargs)
    except Exception:  # noqa: BLE001
        traceback.print_exc()  # Why: at start-up, before any request; each task then fails on its own
    gc.freeze()
    while True:
        try:
            asked = control.recv(1)
        except OSError:
            break
        if not asked:
            break
        handed: list[int] = []
        for _ in range(asked[0]):
            mine, theirs = socket.socketpair()
            pid = os.fork()
            if pid == 0:
                control.close()
                mine.close()
                for fd in handed:
                    os.close(fd)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                gc.enable()
                code = 0
                try:
                    serve_tasks(Connection(theirs.detach()))
                except BaseException:  # noqa: BLE001
                    code = 1
                os._exit(code)
            theirs.close()
            handed += [mine.detach(), os.pidfd_open(pid)]
        try:
            socket.send_fds(control, [b"w"], handed)
        except OSError:
            break
        finally:
            for fd in handed:
                os.close(fd)
