"""Whole-process timings and peak memory of `lespakket build` against the budget in performance.md.

Usage:  python benchmarks/bench_build.py [--herhaal 3] [--schaal 10] [--alleen-gebundeld]
        python benchmarks/bench_build.py --alleen-gebundeld --code met=../oud --code zonder=.

With `--code NAAM=MAP` (twice or more), every case runs once per checkout of lespakket in each round, and
the report gives each checkout's numbers and, per case, the median per-round ratio against the first:
a change measured with and without in one run, on the same machine at the same moments.

Builds the bundled catalog and a synthetic catalog `--schaal` times larger (copies of the bundled
lessons under new ids) in a temporary folder, and reports min/median/max seconds and the peak
resident memory of the largest process for: a cold build (no output, empty cache) with 2 worker
processes and with 1, a no-op rebuild, one edited lesson, and one lesson for one audience; the
time from saving a lesson to "Klaar" in a running `lespakket watch` (what an author waits for),
for the whole lesson and with `--les --doelgroep` for one audience; `lespakket preview` of one lesson
for one audience (no budget; what an author waits for with the preview sheet); and, for reference, a bare
`python -c pass` (the floor under every whole-process number on this machine) and a fixed pure-Python
loop (how fast the machine ran while it measured; it changes by up to two times within minutes, which
`python -c pass` does not show), and the import that performance.md timed at 0.29 s on the machine
its budget was set on, which gives each build case an estimate for that machine ('geschaald'). The cpu column is
the CPU time of all processes of a run, which two cores have to share. The build cases take turns,
round after round, each in a folder of its own, so that a slow spell of the machine is shared out.
Slide thumbnails through LibreOffice are switched off for the timings (they are cached per deck
and measured once separately). When pandoc is installed, the same decks and guide texts are also
made with pandoc (see pandoc_compare.py).
"""

from __future__ import annotations

import argparse
import compileall
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
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
REFERENCE_LABEL = "referentie-import (0.29 s)"
Row = tuple[str, list[float], int, list[float]]  # (case, seconds, peak MiB of the largest process, CPU seconds)
BUDGET = {
    "koud, 2 werkprocessen": 5.0,
    "niets veranderd": 0.1,
    "één les aangepast": 1.5,
    "één les, één doelgroep": 1.0,
    "watch: één les opgeslagen": 1.5,
    "watch: één les, één doelgroep": 1.0,
}


def lespakket_command(code: Path | None = None) -> list[str]:
    """The console script beside this interpreter, or the command of another checkout `code`.

    Why the script: a shim on PATH (pyenv) adds ~0.3 s of bash. Why `code` first on the path: the
    checkout's own `generators` (and the assets beside it) are imported instead of the installed one.
    """
    if code is not None:
        runner = ("import sys\nsys.path.insert(0, sys.argv.pop(1))\nsys.argv[0] = 'lespakket'\n"
                  "try:\n    from generators.cli.entry import main\n"
                  "except ImportError:  # a checkout from before the stages had folders\n"
                  "    from generators.entry import main\nmain()\n")
        return [sys.executable, "-c", runner, str(code.resolve())]
    script = Path(sys.executable).parent / "lespakket"
    return [str(script)] if script.exists() else [shutil.which("lespakket") or "lespakket"]


def lespakket(workdir: Path, *args: str, env: dict[str, str], code: Path | None = None) -> tuple[float, int, float]:
    """Seconds, peak RSS (MiB) of the largest process and CPU seconds of all processes of one whole `lespakket` run."""
    command = [sys.executable, "-c", LAUNCHER, *lespakket_command(code), *args]
    done = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"lespakket {' '.join(args)} mislukte in {workdir}")
    seconds, rss_kib, cpu = done.stdout.split()
    return float(seconds), int(rss_kib) // 1024, float(cpu)


# Why process time and a fixed count: the same work, so its time is the machine's speed at that moment.
SPEED_GAUGE = "import time\nstart = time.process_time()\nx = 0\nfor i in range(3_000_000):\n    x += i\nprint(time.process_time() - start)\n"


# Why this import: performance.md measured it (0.29 s) on the machine its budget was set on, so a case's
# time times 0.29 / this round's import time estimates the case on that machine.
REFERENCE_IMPORT = ("import time\nstart = time.perf_counter()\nimport pptx, reportlab.platypus, jinja2, yaml\n"
                    "print(time.perf_counter() - start)\n")
REFERENCE_SECONDS = 0.29


def reference_import(env: dict[str, str]) -> float:
    """Seconds to import python-pptx, reportlab.platypus, jinja2 and PyYAML in a fresh process."""
    return float(subprocess.run([sys.executable, "-c", REFERENCE_IMPORT], env=env, capture_output=True, text=True).stdout)


def machine_speed(env: dict[str, str]) -> float:
    """CPU seconds of a fixed pure-Python loop in a fresh process: lower is a faster machine."""
    return float(subprocess.run([sys.executable, "-c", SPEED_GAUGE], env=env, capture_output=True, text=True).stdout)


def python_floor(workdir: Path, env: dict[str, str]) -> tuple[float, int, float]:
    command = [sys.executable, "-c", LAUNCHER, sys.executable, "-c", "pass"]
    seconds, rss_kib, cpu = subprocess.run(command, cwd=workdir, env=env, capture_output=True, text=True).stdout.split()
    return float(seconds), int(rss_kib) // 1024, float(cpu)


def watch_latencies(workdir: Path, lesson: Path, repeat: int, env: dict[str, str], *options: str,
                    code: Path | None = None) -> list[float]:
    """Seconds from saving `lesson` to the 'Klaar' line of a running `lespakket watch` (with `options`)."""
    process = subprocess.Popen([*lespakket_command(code), "watch", *options], cwd=workdir, env=env, text=True,
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
            wait_for("Klaar.")
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


def case_folder(root: Path, label: str) -> Path:
    return root / label.replace(" ", "-").replace(",", "")


class Case:
    """One whole-process case in a folder (and cache) of its own, so that the cases can take turns."""

    def __init__(self, label: str, root: Path, scale: int, env: dict[str, str], args: tuple[str, ...],
                 prepare: Callable[[Case, int], None], cache: str = "gedeeld", code: Path | None = None):
        self.label, self.args, self.prepare, self.code = label, args, prepare, code
        self.workdir = case_folder(root, label)
        self.files = make_catalog(self.workdir, scale)
        self.env = {**env, "XDG_CACHE_HOME": str(root / "cache" / cache)}
        self.times: list[float] = []
        self.cpu: list[float] = []
        self.memory = 0

    @property
    def first(self) -> Path:
        return self.files[0]

    def run(self, round_number: int) -> None:
        self.prepare(self, round_number)
        seconds, rss, used = lespakket(self.workdir, *self.args, env=self.env, code=self.code)
        self.times.append(seconds)
        self.memory = max(self.memory, rss)
        self.cpu.append(used)


def measure(name: str, root: Path, scale: int, repeat: int, env: dict[str, str],
            codes: dict[str, Path | None]) -> list[Row]:
    """Every case `repeat` times, in rounds that take the cases in turn (each round starting one case
    further), then the `watch` latencies.

    Why rounds: this machine's speed changes by a factor of two to three within minutes; measured one
    case after the other, a slow spell lands on one case and reads as a change in that case.
    """

    def cold(case: Case, _: int) -> None:
        # Why the cache too: cold means nothing made before, not even the parsed hyphenation patterns.
        shutil.rmtree(case.workdir / "output", ignore_errors=True)
        shutil.rmtree(case.env["XDG_CACHE_HOME"], ignore_errors=True)

    def edited(offset: int) -> Callable[[Case, int], None]:
        return lambda case, i: edit(case.first, offset + i)

    cases: list[Case] = []
    for variant, code in codes.items():
        def case(label: str, args: tuple[str, ...], prepare: Callable[[Case, int], None], cache: str = "gedeeld") -> Case:
            return Case(_labelled(label, variant), root, scale, env, args, prepare, f"{cache}{variant}", code)

        cases += [
            case("koud, 2 werkprocessen", ("build", "-j", "2"), cold, cache="koud-2"),
            case("koud, 1 werkproces", ("build", "-j", "1"), cold, cache="koud-1"),
            case("niets veranderd", ("build",), lambda case, i: None),
            case("één les aangepast", ("build",), edited(0)),
        ]
        first = cases[-1].first
        audience = "12-15" if "12-15" in first.read_text(encoding="utf-8") else None
        if audience:
            cases.append(case("één les, één doelgroep", ("build", "--les", first.parent.name, "--doelgroep", audience),
                              edited(100)))
            sheet = ("preview", first.parent.name, "--doelgroep", audience, "--uit", "voorbeeld")
            cases.append(case("preview, één doelgroep", sheet, edited(300)))
    floor: Row = ("python -c pass (ondergrens)", [], 0, [])
    speed: Row = ("vaste Python-lus (snelheid)", [], 0, [])
    reference: Row = (REFERENCE_LABEL, [], 0, [])
    for case in cases:
        if case.prepare is not cold:
            lespakket(case.workdir, "build", env=case.env, code=case.code)
            if case.args != ("build",):
                lespakket(case.workdir, *case.args, env=case.env, code=case.code)
    for i in range(repeat):
        turn = i % len(cases)
        for case in cases[turn:] + cases[:turn]:
            case.run(i)
        seconds, rss, used = python_floor(root, env)
        floor = (floor[0], floor[1] + [seconds], max(floor[2], rss), floor[3] + [used])
        speed[1].append(machine_speed(env))
        reference[1].append(reference_import(env))
    rows: list[Row] = [(c.label, c.times, c.memory, c.cpu) for c in cases]
    for variant, code in codes.items():
        watched = next(c for c in cases if c.label == _labelled("één les aangepast", variant))
        lespakket(watched.workdir, "build", env=watched.env, code=code)
        rows.append((_labelled("watch: één les opgeslagen", variant),
                     watch_latencies(watched.workdir, watched.first, repeat, watched.env, code=code), 0, []))
        if audience:
            rows.append((_labelled("watch: één les, één doelgroep", variant), watch_latencies(
                watched.workdir, watched.first, repeat, watched.env, "--les", watched.first.parent.name, "--doelgroep",
                audience, code=code), 0, []))
    rows += [floor, speed, reference]
    print(f"\n{name}: {len(cases[0].files)} lessen")
    return rows


def _labelled(label: str, variant: str) -> str:
    return f"{label} [{variant}]" if variant else label


def _budget(label: str) -> float | None:
    return BUDGET.get(label.split(" [", 1)[0])


def report(rows: list[Row], check_budget: bool) -> None:
    """One line per case; `cpu` is the median CPU time of all its processes (what two cores have to share).

    `geschaald` estimates a build case on the machine of performance.md: per round, its time times
    0.29 s over that round's reference import (the watch cases run after the rounds, so are not scaled).
    The budget column judges both the estimate, which is what the budget is about, and the time measured here.
    """
    reference = next(times for label, times, _, _ in rows if label == REFERENCE_LABEL)
    print(f"{'geval':<30}{'min':>8}{'mediaan':>9}{'max':>8}{'cpu':>8}{'geheugen':>11}{'geschaald':>11}  budget")
    for label, times, memory, cpu in rows:
        median = statistics.median(times)
        budget = _budget(label) if check_budget else None
        shown = f"{memory:>7} MiB" if memory else f"{'-':>11}"
        used = f"{statistics.median(cpu):>7.2f}s" if cpu else f"{'-':>8}"
        scalable = _budget(label) is not None and bool(cpu) and len(times) == len(reference)
        estimate = statistics.median(t * REFERENCE_SECONDS / r for t, r in zip(times, reference)) if scalable else None
        scaled = f"{estimate:>10.2f}s" if estimate is not None else f"{'-':>11}"
        verdict = "" if budget is None else f"<= {budget:g} s: " + (
            f"geschaald {_verdict(estimate, budget)}, gemeten {_verdict(median, budget)}" if estimate is not None
            else _verdict(median, budget))
        print(f"{label:<30}{min(times):>7.2f}s{median:>8.2f}s{max(times):>7.2f}s{used}{shown}{scaled}  {verdict}")
    print(f"{'geheugen (budget)':<30}{'':>52}<= 100 MiB per proces: "
          + ("ok" if all(m <= 100 for _, _, m, _ in rows) else "TE VEEL"))


def report_ratios(rows: list[Row], variants: list[str]) -> None:
    """Per case, the median per-round ratio of each other checkout's time to the first checkout's."""
    times = {label: values for label, values, _, _ in rows}
    first, others = variants[0], variants[1:]
    print(f"\nVerhouding per ronde tegen [{first}] (mediaan; < 1 is sneller):")
    for label in times:
        if not label.endswith(f" [{first}]"):
            continue
        base = label[: -len(f" [{first}]")]
        ratios = [
            f"[{other}] {statistics.median(o / f for o, f in zip(times[_labelled(base, other)], times[label])):.2f}"
            for other in others if _labelled(base, other) in times
        ]
        print(f"  {base:<30}{'  '.join(ratios)}")


def _verdict(seconds: float, budget: float) -> str:
    return "ok" if seconds <= budget else "TE TRAAG"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhaal", type=int, default=3)
    parser.add_argument("--schaal", type=int, default=10)
    parser.add_argument("--alleen-gebundeld", action="store_true")
    parser.add_argument("--code", action="append", default=[], metavar="NAAM=MAP",
                        help="meet deze checkout van lespakket (twee of meer keer: naast elkaar, in dezelfde rondes)")
    options = parser.parse_args()
    codes: dict[str, Path | None] = {"": None}
    if options.code:
        codes = {name: Path(folder) for name, folder in (item.split("=", 1) for item in options.code)}
    # Why: where Python may not write bytecode (PYTHONDONTWRITEBYTECODE) or a module changed since, every
    # run would compile our modules again, and each timing would include that.
    for code in codes.values():
        compileall.compile_dir((code or ROOT) / "generators", quiet=1)
    with tempfile.TemporaryDirectory(prefix="lespakket-bench-") as tmp:
        env = {**os.environ, "LESPAKKET_DIAVOORBEELDEN": "0", "XDG_CACHE_HOME": str(Path(tmp) / "cache")}
        cases = [("gebundelde catalogus", 1)] + ([] if options.alleen_gebundeld else [(f"{options.schaal}x zo groot", options.schaal)])
        results = {}
        for name, scale in cases:
            results[name] = measure(name, Path(tmp) / f"schaal-{scale}", scale, options.herhaal, env, codes)
            report(results[name], check_budget=scale == 1)
            if len(codes) > 1:
                report_ratios(results[name], list(codes))
        if len(codes) > 1:
            return  # Why: the memory growth, pairing and LibreOffice runs below are about one checkout
        if len(results) == 2:
            small, large = (dict((r[0], r[2]) for r in rows) for rows in results.values())
            for case in ("koud, 2 werkprocessen", "koud, 1 werkproces"):
                growth = large[case] / max(1, small[case])
                print(f"\nGeheugen bij {options.schaal}x zoveel lessen, {case}: x{growth:.2f} (budget: hoogstens x1.10)")
        times = dict((r[0], r[1]) for r in results["gebundelde catalogus"])
        # Why per round: the two cold builds of a round ran close together, at about the same machine speed.
        paired = [two / one for two, one in zip(times["koud, 2 werkprocessen"], times["koud, 1 werkproces"])]
        print(f"2 werkprocessen / 1, mediaan per ronde: {statistics.median(paired):.2f} (budget: hoogstens 0.65)")
        if shutil.which("soffice"):
            workdir = case_folder(Path(tmp) / "schaal-1", "niets veranderd")
            shutil.rmtree(workdir / "output", ignore_errors=True)
            slide_env = {**env, "LESPAKKET_DIAVOORBEELDEN": "1"}
            seconds, memory, _ = lespakket(workdir, "build", env=slide_env)
            print(f"Koud met diavoorbeelden via LibreOffice (lege cache): {seconds:.2f} s, {memory} MiB")
        workdir = case_folder(Path(tmp) / "schaal-1", "niets veranderd")
        lespakket(workdir, "build", env=env)
        print("\n".join(compare(workdir)) or "Vergelijking met pandoc: niet gemeten (pandoc is hier niet geïnstalleerd).")


if __name__ == "__main__":
    main()
