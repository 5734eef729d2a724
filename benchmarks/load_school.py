"""A bounded load test of 'Pakket voor jouw school' on this computer only: many schools at once against one server.

Usage:  python benchmarks/load_school.py [--klanten 50] [--per-klant 1] [--max-seconden 300] [--werkers 2]

Starts `lespakket serve` on 127.0.0.1 with the bundled lessons, then lets `--klanten` clients post the form at the
same moment, each until it has `--per-klant` packs (one lesson for one audience) or the time is up. The clients
are five schools, so several send the same form. A client that is told to come back later (503) waits the
Retry-After it was given, at most 10 s, and tries again. Reports packs per second, the time a school waited for
its pack (from its first try), how often the server said 503, anything else that went wrong, whether the same
form always got the same bytes, and the peak memory of the server's processes, sampled every 0.2 s. Sends
nothing but to 127.0.0.1, and stops by itself.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import threading
import time
from collections import Counter
from urllib.parse import urlencode

from school_server import SCHOOL, lessons_and_series, memory_mib, post, school_server

SCHOOLS = 5  # Why fewer schools than clients: clients of one school send the same form, and must get the same bytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--klanten", type=int, default=50, help="clients tegelijk (standaard 50)")
    parser.add_argument("--per-klant", type=int, default=1, help="pakketten per client (standaard 1)")
    parser.add_argument("--max-seconden", type=float, default=300, help="stop uiterlijk na zoveel seconden (standaard 300)")
    parser.add_argument("--werkers", type=int, default=2, help="werkprocessen per pakket (standaard 2)")
    options = parser.parse_args()
    lessons, _, _ = lessons_and_series()
    lesson = sorted(lessons)[0]
    statuses: Counter[str] = Counter()
    waits: list[float] = []
    digests: dict[int, set[str]] = {}
    lock = threading.Lock()
    peak = [0.0, 0.0]
    done = threading.Event()

    with school_server(options.werkers) as (port, pid):
        deadline = time.monotonic() + options.max_seconden
        start_line = threading.Barrier(options.klanten + 1)

        def client(number: int) -> None:
            school = [(k, f"{v} {number % SCHOOLS}" if k == "naam" else v) for k, v in SCHOOL]
            body = urlencode(school + [("les", lesson), ("doelgroep", lessons[lesson][0])]).encode()
            start_line.wait()
            for _ in range(options.per_klant):
                asked = time.monotonic()
                while time.monotonic() < deadline:
                    try:
                        status, headers, content = post(port, body, timeout=max(1.0, deadline - time.monotonic()))
                    except OSError as exc:
                        with lock:
                            statuses[type(exc).__name__] += 1
                        break
                    with lock:
                        statuses[str(status)] += 1
                    if status == 200:
                        with lock:
                            waits.append(time.monotonic() - asked)
                            digests.setdefault(number % SCHOOLS, set()).add(hashlib.sha256(content).hexdigest())
                        break
                    if status != 503:
                        break
                    time.sleep(min(10.0, float(headers.get("retry-after", "1"))))

        def sample() -> None:
            while not done.wait(0.2):
                pss, largest = memory_mib(pid)
                peak[0], peak[1] = max(peak[0], pss), max(peak[1], largest)

        idle = memory_mib(pid)
        threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(options.klanten)]
        sampler = threading.Thread(target=sample, daemon=True)
        for thread in threads:
            thread.start()
        sampler.start()
        start_line.wait()
        began = time.monotonic()
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()) + 5)
        elapsed = time.monotonic() - began
        done.set()
        sampler.join()
    made = len(waits)
    print(f"{options.klanten} clients tegelijk, elk {options.per_klant} pakket(ten) van '{lesson}' voor "
          f"{lessons[lesson][0]}; {options.werkers} werkprocessen per pakket")
    print(f"gemaakt: {made} pakketten in {elapsed:.1f} s = {made / elapsed:.2f} pakketten per seconde")
    if waits:
        ordered = sorted(waits)
        print(f"wachttijd per pakket (vanaf de eerste poging): mediaan {statistics.median(ordered):.1f} s, "
              f"95% binnen {ordered[int(0.95 * (len(ordered) - 1))]:.1f} s, langst {ordered[-1]:.1f} s")
    print("antwoorden: " + ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items())))
    print(f"elke school kreeg voor hetzelfde formulier dezelfde bytes: "
          f"{'ja' if all(len(d) == 1 for d in digests.values()) else 'NEE'}")
    print(f"geheugen van de server (PSS van alle processen / grootste proces): rust {idle[0]:.0f} / {idle[1]:.0f} MiB, "
          f"hoogst {peak[0]:.0f} / {peak[1]:.0f} MiB")


if __name__ == "__main__":
    main()
