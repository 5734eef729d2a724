"""A running `lespakket serve` for the school-pack benchmarks: start it, post a form, measure its processes' memory."""

from __future__ import annotations

import http.client
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
SCHOOL = [("naam", "OBS De Regenboog"), ("plaats", "Utrecht"),
          ("contact-1-naam", "Mevrouw De Vries"), ("contact-1-rol", "vertrouwenspersoon"),
          ("contact-1-bereikbaar", "Kamer 1.12, of via de mail"),
          ("contact-2-naam", "Meneer Bakker"), ("contact-2-rol", "mentor"), ("contact-2-bereikbaar", "Lokaal 3.04")]


@contextmanager
def school_server(workers: int) -> Iterator[tuple[int, int]]:
    """(port, process id) of `lespakket serve` on 127.0.0.1 with the bundled lessons and a stand-in catalog page.

    Why a stand-in page: the school pack does not read the built catalog, and building it would take a minute."""
    with tempfile.TemporaryDirectory(prefix="lespakket-bank-") as folder:
        Path(folder, "index.html").write_text("<!DOCTYPE html><title>Catalogus</title>\n", encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, "-c", "from generators.cli.commands import main; main()", "serve", "--uit", folder,
             "--poort", "0", "--werkers", str(workers), "--lessen", str(ROOT / "lessons")],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            line = process.stdout.readline()
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if not found:
                raise SystemExit(f"lespakket serve startte niet: {line}{process.stderr.read()}")
            process.stdout.readline()
            yield int(found.group(1)), process.pid
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()


def lessons_and_series() -> tuple[dict[str, list[str]], list[str], list[str]]:
    """{lesson id: its audiences}, the series ids and the audience ids of the bundled catalog."""
    sys.path.insert(0, str(ROOT))
    from generators.app.library import load_library

    library, _ = load_library([ROOT / "lessons"])
    lessons: dict[str, list[str]] = {}
    for document in library.documents:
        lessons.setdefault(document.lesson_id, []).append(document.audience.id)
    return lessons, [s.id for s in library.series], [a.id for a in library.audiences]


def form(choice: list[tuple[str, str]]) -> bytes:
    return urlencode(SCHOOL + choice).encode()


def post(port: int, body: bytes, timeout: float = 300) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", "/school", body, {"Content-Type": "application/x-www-form-urlencoded"})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def tree(pid: int) -> list[int]:
    """`pid` and all its descendants (the app, its warm process and the workers of the moment)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def memory_mib(pid: int) -> tuple[float, float]:
    """(proportional set size of the whole tree, resident size of its largest process), in MiB.

    Why PSS for the tree: the workers share most of their memory with the warm process they are forked from;
    adding up their resident sizes would count it again for every worker."""
    total, largest = 0, 0
    for member in tree(pid):
        try:
            fields = dict(line.split(":", 1) for line in Path(f"/proc/{member}/smaps_rollup").read_text().splitlines()[1:])
        except OSError:
            continue
        total += int(fields["Pss"].split()[0])
        largest = max(largest, int(fields["Rss"].split()[0]))
    return total / 1024, largest / 1024


def _cpu_ticks(pid: int) -> int | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[11]) + int(fields[12])  # utime, stime


@contextmanager
def cpu_used(pid: int) -> Iterator[list[float]]:
    """CPU seconds that the server's processes used during the block (the list holds them afterwards).

    Why sampled: the workers exit when their pack is made, and nobody collects their times; each is read every
    20 ms, so a worker's last 20 ms or less go uncounted."""
    first: dict[int, int] = {p: t for p in tree(pid) if (t := _cpu_ticks(p)) is not None}
    last: dict[int, int] = dict(first)
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.02):
            for member in tree(pid):
                ticks = _cpu_ticks(member)
                if ticks is not None:
                    last[member] = ticks

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    result: list[float] = []
    try:
        yield result
    finally:
        stop.set()
        sampler.join()
        result.append(sum(ticks - first.get(p, 0) for p, ticks in last.items()) / os.sysconf("SC_CLK_TCK"))
