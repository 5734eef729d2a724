"""`lespakket watch` rebuilds after a save, shows errors, and keeps running."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from generators.build.inputs import BuildRequest

FIXTURE = Path(__file__).parents[1] / "fixtures" / "varianten" / "lessons"


def _reader(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line.rstrip("\n"))
    lines.put(None)  # the process closed its output: no line will come


def _wait_for(lines: queue.Queue, text: str, seen: list[str], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        if line is None:
            break
        seen.append(line)
        if text in line:
            return
    raise AssertionError(f"{text!r} not seen in:\n" + "\n".join(seen))


def _start_watch(tmp_path: Path, *args: str, **popen) -> tuple[subprocess.Popen, queue.Queue]:
    """`lespakket watch *args` over a copy of the fixture lesson in tmp_path; its output lines arrive in the queue."""
    shutil.copytree(FIXTURE, tmp_path / "lessons")
    env = {**os.environ, "LESPAKKET_DIAVOORBEELDEN": "0", "PYTHONUNBUFFERED": "1"}
    code = "import sys; from generators.cli.commands import main; sys.argv = ['lespakket', *sys.argv[1:]]; main()"
    process = subprocess.Popen([sys.executable, "-c", code, "watch", *args], cwd=tmp_path, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **popen)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(process.stdout, lines), daemon=True).start()
    return process, lines


def test_watch_rebuilds_shows_errors_and_keeps_running(tmp_path):
    process, lines = _start_watch(tmp_path, "-j", "1", "--stop-na", "2")
    lesson = tmp_path / "lessons" / "proef" / "varianten" / "les.yaml"
    seen: list[str] = []
    try:
        _wait_for(lines, "Klaar. Gemaakt: ", seen)
        assert "voor les 'varianten' (10-12, 15-18)." in seen[-1]
        _wait_for(lines, "Ik kijk naar", seen)
        original = lesson.read_text(encoding="utf-8")
        lesson.write_text(original.replace("samenvatting: Test", "samenvating: Test"), encoding="utf-8")
        _wait_for(lines, "[sleutel-onbekend]", seen)
        _wait_for(lines, "Niet gebouwd", seen)
        assert process.poll() is None
        lesson.write_text(original.replace("Eerste alinea.", "Eerste alinea, anders."), encoding="utf-8")
        _wait_for(lines, "Klaar. Gemaakt: ", seen)
        assert "voor les 'varianten' (10-12, 15-18)." in seen[-1]
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    assert not [line for line in seen if "Traceback" in line]


def test_watch_for_one_lesson_and_audience_renders_only_that_document(tmp_path):
    """An author previewing the version for one audience while writing: each save renders just that document, says
    where its files are, and a mistake in that lesson is reported as itself, never as 'no such lesson'."""
    process, lines = _start_watch(tmp_path, "--les", "varianten", "--doelgroep", "15-18", "-j", "1", "--stop-na", "2")
    lesson = tmp_path / "lessons" / "proef" / "varianten" / "les.yaml"
    seen: list[str] = []
    guide = tmp_path / "output" / "proef" / "varianten" / "15-18" / "docentenhandleiding.pdf"
    try:
        _wait_for(lines, "Klaar. Gemaakt: ", seen)
        assert seen[-1].endswith("voor les 'varianten' (15-18).")
        _wait_for(lines, "Catalogus: output/index.html", seen)
        made = seen[seen.index(next(line for line in seen if line.startswith("Klaar."))) + 1:-1]
        assert {"  output/proef/varianten/15-18/presentatie.pptx",
                "  output/proef/varianten/15-18/docentenhandleiding.pdf"} <= set(made)
        _wait_for(lines, "Ik kijk naar", seen)
        before = guide.read_bytes()
        original = lesson.read_text(encoding="utf-8")
        lesson.write_text(original.replace("samenvatting: Test", "samenvating: Test"), encoding="utf-8")
        _wait_for(lines, "Niet gebouwd", seen)
        assert any("[sleutel-onbekend]" in line for line in seen)
        assert not [line for line in seen if "[les-onbekend]" in line or line.startswith("--les")]
        # Saved as many editors do: a temporary file, renamed over the lesson.
        saved = lesson.with_name("les.yaml.tmp1234")
        saved.write_text(original.replace("Eerste alinea.", "Eerste alinea, anders."), encoding="utf-8")
        os.replace(saved, lesson)
        _wait_for(lines, "Gewijzigd:", seen)
        assert seen[-1] == "Gewijzigd: les.yaml"
        _wait_for(lines, "Klaar. Gemaakt: ", seen)
        assert seen[-1].endswith("voor les 'varianten' (15-18).")
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    assert guide.read_bytes() != before
    assert not (tmp_path / "output" / "proef" / "varianten" / "10-12").exists()
    assert not [line for line in seen if "Traceback" in line]


def test_a_chosen_lesson_with_an_error_is_not_called_unknown(workdir):
    """Before, `--les X` added 'Er is geen les met id X' to every error in lesson X, in watch, build and preview."""
    from click.testing import CliRunner

    from generators.cli.commands import cli

    lesson = workdir / "lessons" / "proef" / "varianten" / "les.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("    duur: 45", "    duur: [45]"), encoding="utf-8")
    for args in (["build", "--les", "varianten", "--doelgroep", "10-12"], ["preview", "varianten"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1
        assert "[type]" in result.stderr and "les-onbekend" not in result.stderr, result.stderr
    result = CliRunner().invoke(cli, ["build", "--les", "varianen"])
    assert "--les: fout: Er is geen les met id 'varianen'. Bedoel je 'varianten'? [les-onbekend]" in result.stderr


def test_watch_keeps_its_workers_until_code_or_shared_data_change(monkeypatch, tmp_path):
    from generators.build import inputs as build_inputs
    from generators.build import pool as build_pool
    from generators.build import watch

    class Digest:
        value, cleared = "eerste", 0

        def __call__(self):
            return self.value

        def cache_clear(self):
            self.cleared += 1

    class Pool:
        closed = False

        def __init__(self, keep_warm: bool):
            self.keep_warm = keep_warm

        def close(self):
            self.closed = True

    digest = Digest()
    monkeypatch.setattr(build_inputs, "code_and_assets_digest", digest)
    monkeypatch.setattr(build_pool, "build_pool", lambda request, keep_warm=False: Pool(keep_warm))
    pools = watch._WarmPools(BuildRequest(lesson_paths=[tmp_path], output=tmp_path / "output", jobs=2))
    first = pools.current()
    assert pools.current() is first and not first.closed and first.keep_warm
    digest.value = "na een wijziging in assets/"
    second = pools.current()
    assert second is not first and first.closed
    assert digest.cleared == 3, "the digest must be computed anew for every build of a long watch"
    pools.close()
    assert second.closed


def test_a_crashed_worker_is_reported_and_replaced_on_the_next_save(monkeypatch, tmp_path, capsys):
    from concurrent.futures.process import BrokenProcessPool

    from generators.build import pipeline as build
    from generators.build import watch

    def crashed(request, pool=None):
        raise BrokenProcessPool("werkproces weg")

    class Pools:
        closed = False

        def current(self):
            return object()

        def close(self):
            self.closed = True

    pools = Pools()
    monkeypatch.setattr(build, "build", crashed)
    request = BuildRequest(lesson_paths=[tmp_path], output=tmp_path / "output")
    assert watch.build_once(request, lambda diagnostics, strict: None, pools) is False
    assert pools.closed
    assert "een werkproces stopte onverwacht" in capsys.readouterr().err


def _children(pid: int) -> set[int]:
    """Every process below `pid`: the warm process and the workers it forked."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, todo = set(), [pid]
    while todo:
        above = todo.pop()
        below = {child for child, parent in parents.items() if parent == above}
        todo += below - found
        found |= below
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the worker processes")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL, "ctrl-c"])
def test_workers_stop_when_watch_is_killed(tmp_path, stop):
    """Before, a `kill`ed watch left its workers waiting for work forever, and Ctrl+C printed their tracebacks.

    Ctrl+C in a terminal sends SIGINT to the whole process group: the watch, its warm process and its workers.
    """
    process, lines = _start_watch(tmp_path, "-j", "2", start_new_session=True,
                                  preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    seen: list[str] = []
    try:
        _wait_for(lines, "Ik kijk naar", seen)
        workers = _children(process.pid)
        assert len(workers) >= 3  # the warm process and two workers
        if stop == "ctrl-c":
            os.killpg(process.pid, signal.SIGINT)
        else:
            process.send_signal(stop)
        process.wait(timeout=30)
        deadline = time.monotonic() + 15
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [w for w in workers if _alive(w)]
        if stop != signal.SIGKILL:
            _wait_for(lines, "Gestopt.", seen, timeout=10)
            time.sleep(0.5)
            while not lines.empty():
                line = lines.get()
                if line is not None:
                    seen.append(line)
            assert not [line for line in seen if "Traceback" in line], seen
            assert not [line for line in seen if "KeyboardInterrupt" in line], seen  # watchfiles' English warning
    finally:
        if process.poll() is None:
            process.kill()


def test_files_gone_again_are_named_only_when_nothing_else_changed(tmp_path):
    """A deleted lesson is named; an editor's temporary file beside a saved one is not."""
    from generators.build.watch import changed_names

    kept = tmp_path / "afbeelding.png"
    kept.write_bytes(b"png")
    assert changed_names({(3, str(tmp_path / "les.yaml"))}) == ["les.yaml"]
    assert changed_names({(3, str(tmp_path / "les.yaml")), (1, str(kept))}) == ["afbeelding.png"]
