"""How long a school waits for its pack from a warm `lespakket serve`, against the budget of issue 29.

Usage:  python benchmarks/bench_school.py [--herhaal 5] [--werkers 2]

Starts `lespakket serve` with the bundled lessons (its warm-up is not timed), then posts the form of one school,
case after case, round after round: one lesson for all its audiences (the lesson with the most audiences), and
the whole catalog (every series, every audience). Reports min/median/max seconds from sending the form to the
last byte of the zip, the CPU seconds all the server's processes used for it (two cores cannot make it in less
than half of that), whether every answer of a case was byte-identical, the zip's size, and the memory of the
server's processes. As bench_build.py, each round also times the reference import of performance.md (0.29 s on
the machine the budgets were set on); 'geschaald' is each case's time on that machine, estimated from it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import time

from bench_build import REFERENCE_SECONDS, reference_import
from school_server import cpu_used, form, lessons_and_series, memory_mib, post, school_server

BUDGET = {"één les, alle doelgroepen": 2.0, "hele catalogus": 10.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--herhaal", type=int, default=5, help="rondes (standaard 5)")
    parser.add_argument("--werkers", type=int, default=2, help="werkprocessen per pakket (standaard 2)")
    options = parser.parse_args()
    lessons, series, audiences = lessons_and_series()
    widest = max(lessons, key=lambda lesson: len(lessons[lesson]))
    cases = {
        "één les, alle doelgroepen": form([("les", widest)] + [("doelgroep", a) for a in lessons[widest]]),
        "hele catalogus": form([("reeks", s) for s in series] + [("doelgroep", a) for a in audiences]),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    cpus: dict[str, list[float]] = {name: [] for name in cases}
    digests: dict[str, set[str]] = {name: set() for name in cases}
    sizes: dict[str, int] = {}
    references: list[float] = []
    peak = (0.0, 0.0)

    with school_server(options.werkers) as (port, pid):
        idle = memory_mib(pid)
        for _ in range(options.herhaal):
            references.append(reference_import(dict(os.environ)))
            for name, body in cases.items():
                with cpu_used(pid) as cpu:
                    start = time.perf_counter()
                    status, _, content = post(port, body)
                    times[name].append(time.perf_counter() - start)
                cpus[name] += cpu
                if status != 200:
                    raise SystemExit(f"{name}: status {status}")
                digests[name].add(hashlib.sha256(content).hexdigest())
                sizes[name] = len(content)
                peak = max(peak, memory_mib(pid))
    reference = statistics.median(references)
    print(f"les met de meeste doelgroepen: {widest} ({', '.join(lessons[widest])}); {options.werkers} werkprocessen; "
          f"{options.herhaal} rondes; referentie-import {reference:.2f} s (budgetmachine {REFERENCE_SECONDS} s)")
    print(f"{'geval':<28}{'min':>7}{'mediaan':>9}{'max':>7}{'cpu':>7}{'geschaald':>11}{'budget':>8}  zip       gelijk")
    for name, seconds in times.items():
        scaled = statistics.median(t * REFERENCE_SECONDS / r for t, r in zip(seconds, references))
        verdict = "binnen" if scaled <= BUDGET[name] else "BOVEN"
        print(f"{name:<28}{min(seconds):>7.2f}{statistics.median(seconds):>9.2f}{max(seconds):>7.2f}"
              f"{statistics.median(cpus[name]):>7.2f}{scaled:>11.2f}"
              f"{BUDGET[name]:>6.0f} s {verdict:<7}{sizes[name] / 1e6:>5.1f} MB  {'ja' if len(digests[name]) == 1 else 'NEE'}")
    print(f"geheugen van de server (PSS van alle processen / grootste proces): rust {idle[0]:.0f} / {idle[1]:.0f} MiB, "
          f"hoogst gemeten na een pakket {peak[0]:.0f} / {peak[1]:.0f} MiB")


if __name__ == "__main__":
    main()
