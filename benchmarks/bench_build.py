"""Whole-process timings and peak memory of `lespakket build` against the budget in performance.md.

Usage:  python benchmarks/bench_build.py [--herhaal 3] [--schaal 10] [--alleen-gebundeld]

Builds the bundled catalog and a synthetic catalog `--schaal` times larger (copies of the bundled
lessons under new ids) in a temporary folder, and reports min/median/max seconds and the peak
resident memory of the largest process for: a cold build (no output, empty cache) with 2 worker
processes and with 1, a no-op rebuild, one edited lesson, and one lesson for one audience; the
time from saving a lesson to "Klaar" in a running `lespakket watch` (what an author waits for),
for the whole lesson and with `--les --doelgroep` for one audience; and, for reference, a bare
`python -c pass` (the floor under every whole-process number on this machine). The cpu column is
the CPU time of all processes of a run, which two cores have to share.
Slide thumbnails through LibreOffice are switched off for the timings (they are cached per deck
and measured once separately). When pandoc is installed, the same decks and guide texts are also
made with pandoc (see pandoc_compare.py).
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from pandoc_compare import compare

ROOT = Path(__file__).resolve().parent.parent
# Why a launcher: it times only the lespakket process (not its own start) and reads that process
# tree's peak memory and CPU time (every process, workers included) from RUSAGE_CHILDREN.
LAUNCHER = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(time.perf_counter() - start, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)\n"
    "sys.exit(code)\n"
)
Row = tuple[str, list[float], int, list[float]]  # (case, seconds, peak MiB of the largest process, CPU seconds)
BUDGET = {
    "koud, 2 werkprocessen": 5.0,
    "niets veranderd": 0.1,
    "één les aangepast": 1.5,
    "één les, één doelgroep": 0.75,
    "watch: één les opgeslagen": 1.5,
    "watch: één les, één doelgroep": 0.75,
}


def lespakket_command() -> list[str]:
    """The console script beside this interpreter. Why: a shim on PATH (pyenv) adds ~0.3 s of bash."""
    script = Path(sys.executable).parent / "lespakket"
    return [str(script)] if script.exists() else [shutil.which("lespakket") or "lespakket"]


def lespakket(workdir: Path, *args: str, env: dict[str, str]) -> tuple[float, int, float]:
    """Seconds, peak RSS (MiB) of the largest process and CPU seconds of all processes of one whole `lespakket` run."""
    command = [sys.executable, "-c", LAUNCHER, *lespakket_command(), *args]
    done = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"lespakket {' '.join(args)} mislukte in {workdir}")
    seconds, rss_kib, cpu = done.stdout.split()
    return float(seconds), int(rss_kib) // 1024, float(cpu)


def python_floor(workdir: Path, env: dict[str, str]) -> tuple[float, int, float]:
    command = [sys.executable, "-c", LAUNCHER, sys.executable, "-c", "pass"]
    seconds, rss_kib, cpu = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True).stdout.split()
    return float(seconds), int(rss_kib) // 1024, float(cpu)


def watch_latencies(workdir: Path, lesson: Path, repeat: int, env: dict[str, str], *options: str) -> list[float]:
    """Seconds from saving `lesson` to the 'Klaar' line of a running `lespakket watch` (with `options`)."""
    process = subprocess.Popen([*lespakket_command(), "watch", *options], cwd=workdir, env=env, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines: queue.Queue[str] = queue.Queue()
    for stream in (process.stdout, process.stderr):
        threading.Thread(target=lambda s=stream: [lines.put(line) for line in s], daemon=True).start()

    def wait_for(text: str) -> None:
        while text not in lines.get(timeout=300):
            pass

    try:
        wait_for("Ik kijk naar")
        latencies = []
        for i in range(repeat):
            time.sleep(0.5)
            start = time.perf_counter()
            edit(lesson, 200 + i)
            wait_for("Klaar:")
            latencies.append(time.perf_counter() - start)
        return latencies
    finally:
        process.terminate()
        process.wait(timeout=30)


def make_catalog(target: Path, scale: int) -> list[Path]:
    """Copy the bundled lessons `scale` times (new ids) into target/lessons; return the lesson files."""
    files = []
    for lesson in sorted((ROOT / "lessons").glob("*/*/les.yaml")):
        series, lesson_id = lesson.parent.parent.name, lesson.parent.name
        for copy in range(scale):
            new_id = lesson_id if copy == 0 else f"{lesson_id}-{copy}"
            folder = target / "lessons" / series / new_id
            shutil.copytree(lesson.parent, folder)
            path = folder / "les.yaml"
            path.write_text(path.read_text(encoding="utf-8").replace(f"id: {lesson_id}\n", f"id: {new_id}\n", 1),
                            encoding="utf-8")
            files.append(path)
    return files


def edit(path: Path, round_number: int) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("samenvatting:", f"# bewerking {round_number}\nsamenvatting:", 1), encoding="utf-8")


def measure(name: str, workdir: Path, files: list[Path], repeat: int, env: dict[str, str]) -> list[Row]:
    rows: list[Row] = []

    def run_case(label: str, prepare, args: tuple[str, ...]) -> None:
        times, memory, cpu = [], 0, []
        for i in range(repeat):
            prepare(i)
            seconds, rss, used = lespakket(workdir, *args, env=env)
            times.append(seconds)
            memory = max(memory, rss)
            cpu.append(used)
        rows.append((label, times, memory, cpu))

    def cold(_: int) -> None:
        # Why the cache too: cold means nothing made before, not even the parsed hyphenation patterns.
        shutil.rmtree(workdir / "output", ignore_errors=True)
        shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)

    first = files[0]
    audience = "12-15" if "12-15" in first.read_text(encoding="utf-8") else None
    run_case("koud, 2 werkprocessen", cold, ("build", "-j", "2"))
    run_case("koud, 1 werkproces", cold, ("build", "-j", "1"))
    lespakket(workdir, "build", env=env)
    run_case("niets veranderd", lambda i: None, ("build",))
    run_case("één les aangepast", lambda i: edit(first, i), ("build",))
    if audience:
        lesson_id = first.parent.name
        args = ("build", "--les", lesson_id, "--doelgroep", audience)
        lespakket(workdir, *args, env=env)
        run_case("één les, één doelgroep", lambda i: edit(first, 100 + i), args)
    lespakket(workdir, "build", env=env)
    rows.append(("watch: één les opgeslagen", watch_latencies(workdir, first, repeat, env), 0, []))
    if audience:
        rows.append(("watch: één les, één doelgroep",
                     watch_latencies(workdir, first, repeat, env, "--les", first.parent.name, "--doelgroep", audience), 0, []))
    floor = [python_floor(workdir, env) for _ in range(repeat)]
    rows.append(("python -c pass (ondergrens)", [t for t, _, _ in floor], max(m for _, m, _ in floor), [c for _, _, c in floor]))
    print(f"\n{name}: {len(files)} lessen")
    return rows


def report(rows: list[Row], check_budget: bool) -> None:
    """One line per case; `cpu` is the median CPU time of all its processes (what two cores have to share)."""
    print(f"{'geval':<30}{'min':>8}{'mediaan':>9}{'max':>8}{'cpu':>8}{'geheugen':>11}  budget")
    for label, times, memory, cpu in rows:
        median = statistics.median(times)
        budget = BUDGET.get(label) if check_budget else None
        verdict = "" if budget is None else (f"<= {budget:g} s " + ("ok" if median <= budget else "TE TRAAG"))
        shown = f"{memory:>7} MiB" if memory else f"{'-':>11}"
        used = f"{statistics.median(cpu):>7.2f}s" if cpu else f"{'-':>8}"
        print(f"{label:<30}{min(times):>7.2f}s{median:>8.2f}s{max(times):>7.2f}s{used}{shown}  {verdict}")
    print(f"{'geheugen (budget)':<30}{'':>41}<= 100 MiB per proces: "
          + ("ok" if all(m <= 100 for _, _, m, _ in rows) else "TE VEEL"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhaal", type=int, default=3)
    parser.add_argument("--schaal", type=int, default=10)
    parser.add_argument("--alleen-gebundeld", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lespakket-bench-") as tmp:
        env = {**os.environ, "LESPAKKET_DIAVOORBEELDEN": "0", "XDG_CACHE_HOME": str(Path(tmp) / "cache")}
        cases = [("gebundelde catalogus", 1)] + ([] if options.alleen_gebundeld else [(f"{options.schaal}x zo groot", options.schaal)])
        results = {}
        for name, scale in cases:
            workdir = Path(tmp) / f"schaal-{scale}"
            files = make_catalog(workdir, scale)
            results[name] = measure(name, workdir, files, options.herhaal, env)
            report(results[name], check_budget=scale == 1)
        if len(results) == 2:
            small, large = (dict((r[0], r[2]) for r in rows) for rows in results.values())
            for case in ("koud, 2 werkprocessen", "koud, 1 werkproces"):
                growth = large[case] / max(1, small[case])
                print(f"\nGeheugen bij {options.schaal}x zoveel lessen, {case}: x{growth:.2f} (budget: hoogstens x1.10)")
        ratio_rows = dict((r[0], statistics.median(r[1])) for r in results["gebundelde catalogus"])
        print(f"2 werkprocessen / 1: {ratio_rows['koud, 2 werkprocessen'] / ratio_rows['koud, 1 werkproces']:.2f} (budget: hoogstens 0.65)")
        if shutil.which("soffice"):
            workdir = Path(tmp) / "schaal-1"
            shutil.rmtree(workdir / "output", ignore_errors=True)
            slide_env = {**env, "LESPAKKET_DIAVOORBEELDEN": "1"}
            seconds, memory, _ = lespakket(workdir, "build", env=slide_env)
            print(f"Koud met diavoorbeelden via LibreOffice (lege cache): {seconds:.2f} s, {memory} MiB")
        workdir = Path(tmp) / "schaal-1"
        lespakket(workdir, "build", env=env)
        print("\n".join(compare(workdir)) or "Vergelijking met pandoc: niet gemeten (pandoc is hier niet geïnstalleerd).")


if __name__ == "__main__":
    main()
