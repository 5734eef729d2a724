"""The warm pool: one warm-up, workers forked from it, results and failures as ProcessPoolExecutor gives them."""

from __future__ import annotations

import gc
import os
import signal
import time
from concurrent.futures import FIRST_COMPLETED, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from generators.build import warm_pool
from generators.build.warm_pool import RemoteTraceback, WarmPool

WARMED: list[int] = []


def _warm_up(log: Path) -> None:
    WARMED.append(os.getpid())
    with log.open("a") as out:
        out.write(f"{os.getpid()}\n")


def _who(pause: float = 0.0) -> tuple[int, list[int]]:
    time.sleep(pause)
    return os.getpid(), list(WARMED)


WARM_OBJECTS: list[list[dict]] = []


def _warm_up_objects() -> None:
    WARM_OBJECTS.append([{"geladen": i} for i in range(100)])


def _gc_state() -> tuple[bool, bool, bool, tuple[int, int, int]]:
    """(collector on, the warm-up's list among what the collector walks, that list tracked at all, thresholds)."""
    walked = {id(o) for o in gc.get_objects()}
    return gc.isenabled(), id(WARM_OBJECTS[0]) in walked, gc.is_tracked(WARM_OBJECTS[0]), gc.get_threshold()


def _fail(message: str) -> None:
    raise ValueError(message)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        waited, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True  # not ours to reap: it exists
    return waited == 0


def _gone(pids, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(_alive(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return False


def test_workers_share_one_warm_up_and_run_in_parallel(tmp_path):
    log = tmp_path / "warm.txt"
    pool = WarmPool(2, _warm_up, (log,))
    try:
        futures = [pool.submit(_who, 0.3) for _ in range(4)]
        results = [f.result(timeout=30) for f in futures]
    finally:
        pool.shutdown()
    warm_pids = log.read_text().split()
    assert len(warm_pids) == 1, "the warm-up must run once, not once per worker"
    workers = {pid for pid, _ in results}
    assert len(workers) == 2 and os.getpid() not in workers and int(warm_pids[0]) not in workers
    assert all(warmed == [int(warm_pids[0])] for _, warmed in results), "workers inherit what the warm-up loaded"


def test_a_failing_task_raises_its_own_exception_with_the_workers_traceback(tmp_path):
    pool = WarmPool(1, _warm_up, (tmp_path / "warm.txt",))
    try:
        future = pool.submit(_fail, "kapot")
        with pytest.raises(ValueError, match="kapot") as caught:
            future.result(timeout=30)
        assert isinstance(caught.value.__cause__, RemoteTraceback)
        assert "_fail" in str(caught.value.__cause__)
        assert pool.submit(_who).result(timeout=30), "one failing task does not break the pool"
    finally:
        pool.shutdown()


def test_a_killed_worker_breaks_the_pool(tmp_path):
    pool = WarmPool(2, _warm_up, (tmp_path / "warm.txt",))
    try:
        victim_pid, _ = pool.submit(_who).result(timeout=30)
        slow = [pool.submit(_who, 5) for _ in range(2)]
        waiting = pool.submit(_who)
        time.sleep(0.5)
        os.kill(victim_pid, signal.SIGKILL)
        done, _ = wait([*slow, waiting], timeout=30, return_when=FIRST_COMPLETED)
        assert done
        with pytest.raises(BrokenProcessPool):
            waiting.result(timeout=30)
        with pytest.raises(BrokenProcessPool):
            pool.submit(_who)
    finally:
        pool.shutdown()


def test_shutdown_cancels_waiting_tasks_and_every_process_exits(tmp_path):
    pool = WarmPool(2, _warm_up, (tmp_path / "warm.txt",))
    running = [pool.submit(_who, 0.5) for _ in range(2)]
    waiting = [pool.submit(_who) for _ in range(3)]
    time.sleep(0.2)
    warm = pool._warm.pid
    pool.shutdown(cancel_futures=True)
    assert all(f.cancelled() for f in waiting)
    workers = [f.result(timeout=30)[0] for f in running]
    assert _gone([warm, *workers]), "the warm process and its workers must exit after shutdown"


def test_shutdown_with_wait_reaps_the_warm_process_so_worker_usage_is_counted(tmp_path):
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    pool = WarmPool(2, _warm_up, (tmp_path / "warm.txt",))
    assert len({pool.submit(_busy).result(timeout=30) for _ in range(4)}) >= 1
    pool.shutdown(wait=10)
    assert pool._warm.exitcode == 0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    assert used >= 0.5, "the workers' CPU time (4 x 0.15 s) must reach this process"


def _busy() -> int:
    end = time.process_time() + 0.15
    while time.process_time() < end:
        pass
    return os.getpid()


def test_workers_collect_garbage_but_not_over_what_the_warm_up_loaded():
    pool = WarmPool(2, _warm_up_objects)
    try:
        states = [f.result(timeout=30) for f in [pool.submit(_gc_state) for _ in range(4)]]
    finally:
        pool.shutdown(wait=10)
    assert gc.isenabled() and not WARM_OBJECTS
    # Frozen: tracked, yet in no generation the collector walks; new garbage collected as often as Python does.
    assert set(states) == {(True, False, True, gc.get_threshold())}
