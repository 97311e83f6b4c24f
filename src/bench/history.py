#!/usr/bin/env python3
"""Coverage through time at national scale: a région's ten-year history and national coverage on a day, computed.

Usage (after ./mvnw -DskipTests package):  src/bench/history.py [scale ...]   (default: 1 33)
Scale 1 is the synthetic national registry (about 3,000 schemes), 33 about 100,000. Needs Python 3 and the JDK
(src/bench/DirectClient.java moves the registry's version over JDBC, as national.py does).

For each scale, on data of its own (target/bench-history-<scale>, imported once and kept: a second run of the same
scale times again without importing):
1. the synthetic registry imported and indexed (the engine idle before anything is timed);
2. each figure checked once: every row of the région's history equals GET /api/v1/coverage?level=region&at=<that
   1 January> for the région, so that what is timed is the right figure;
3. timed, each after warm-up requests, the registry's version moved before each request so that the kept figure
   cannot serve (computed), then served kept:
   - GET /api/v1/coverage/history?region=84&from=2016&to=2026 (goal: p95 under 500 ms at 100,000 schemes);
   - GET /api/v1/coverage/history (France, 2015 to this year);
   - GET /api/v1/coverage?at=2020-01-01 (national, by département), beside GET /api/v1/coverage (today's, read from
     the per-commune counts the triggers keep).
"""
import os
import subprocess
import sys

from directory import ROOT, Directory, percentile, synthetic_registry
from national import LOG_FORMAT, DirectClient

PORT = 8131  # not national.py's 8095: another benchmark may run beside this one
REGION = "84"
ROUNDS, WARM_UP, KEPT = 25, 5, 50
HISTORY = f"/api/v1/coverage/history?region={REGION}&from=2016&to=2026"
FIGURES = [("région's history 2016-2026", HISTORY),
           ("France's history 2015-now", "/api/v1/coverage/history"),
           ("national coverage at 2020-01-01", "/api/v1/coverage?at=2020-01-01"),
           ("national coverage today", "/api/v1/coverage")]


def main():
    scales = sys.argv[1:] or ["1", "33"]
    os.chdir(ROOT)
    results = {scale: run(scale) for scale in scales}
    print("\n| figure (ms, computed p50 / p95; kept p50) | " + " | ".join(f"scale {s}: {results[s]['schemes']:,} schemes"
                                                                    for s in scales) + " |")
    print("|---|" + "---|" * len(scales))
    for name, _ in FIGURES:
        print(f"| {name} | " + " | ".join(
            f"{percentile(results[s][name][0], 50):.0f} / {percentile(results[s][name][0], 95):.0f}; "
            f"{percentile(results[s][name][1], 50):.1f}" for s in scales) + " |")


def run(scale):
    data_dir = f"target/bench-history-{scale}"
    marker = f"{data_dir}/imported"
    log = f"target/bench-history-{scale}.log"
    fresh = not os.path.exists(marker)
    if fresh:
        subprocess.run(["rm", "-rf", data_dir], check=True)
    schemes = synthetic_registry(scale)
    print(f"\n== scale {scale}: {len(schemes)} schemes ==", flush=True)
    directory = Directory(data_dir, PORT, log, [LOG_FORMAT])
    try:
        if fresh:
            print(f"imported in {directory.import_registry(schemes):.0f} s", flush=True)
        directory.wait_indexed(len(schemes))
        open(marker, "w").write(str(len(schemes)))
        check(directory)
        figures = {"schemes": len(schemes)}
        with DirectClient(log) as sql:
            for name, path in FIGURES:
                figures[name] = computed_and_kept(directory, sql, name, path)
        return figures
    finally:
        directory.stop()


def check(directory):
    """Each row of the région's history is the région's row of /coverage?at= on that day."""
    history = directory.get(HISTORY)[1]
    for row in history:
        day = directory.get(f"/api/v1/coverage?level=region&region={REGION}&at={row['date']}")[1][0]
        expected = {k: day[k] for k in ("population", "coveredPopulation", "coverageRatio", "schemeCount", "unknownStart")}
        if {k: row[k] for k in expected} != expected:
            raise SystemExit(f"history {row} differs from /coverage?at={row['date']}: {expected}")
    print("history: " + ", ".join(f"{row['date'][:4]} {row['coverageRatio']:.1%}" for row in history), flush=True)


def computed_and_kept(directory, sql, name, path):
    """Times of the figure computed (the registry's version moved before each request) and served kept."""
    for _ in range(WARM_UP):
        sql.ask("exec update registry_version set version = version + 1")
        directory.get(path)
    computed = []
    for _ in range(ROUNDS):
        sql.ask("exec update registry_version set version = version + 1")
        computed.append(directory.get(path)[0])
    kept = [directory.get(path)[0] for _ in range(KEPT)]
    print(f"{name} ({path}): computed p50 {percentile(computed, 50):.0f} p95 {percentile(computed, 95):.0f} ms ({ROUNDS}), "
          f"kept p50 {percentile(kept, 50):.1f} p95 {percentile(kept, 95):.1f} ms", flush=True)
    return computed, kept


if __name__ == "__main__":
    main()
