#!/usr/bin/env python3
"""Schemes like this one: GET /api/v1/schemes/{id}/similar at national scale, beside the same ranking in PostgreSQL.

Usage (after ./mvnw -DskipTests package):  src/bench/likeness.py [scale ...]   (default: 1 33)
Scale 1 is the synthetic national registry (about 3,000 schemes), 33 about 100,000 (src/bench/synthetic-registry.sh).

For each scale, on fresh data (target/bench-likeness-<scale>): the synthetic registry imported and indexed; then, for
200 schemes at work drawn at random (seed 2026), each asked once to warm up, then once timed:
- the API (the engine ranks every scheme at work of the kind, one constant-score clause per part of the likeness; the
  ten found are read from PostgreSQL and their reasons built);
- the same ranking written as one SQL statement (the parts as CASE expressions over the scheme table, themes compared
  as labels, top ten by score), run straight on the directory's PostgreSQL from one JVM (src/bench/DirectClient.java).
Prints p50 and p95 of each, in milliseconds. Goal: the API under 50 ms p95 at 100,000 schemes.
"""
import os
import random
import subprocess
import sys
import time

from directory import ROOT, Directory, percentile, synthetic_registry
from national import LOG_FORMAT, PORT, DirectClient

SAMPLES = 200

# The likeness of README "Schemes like this one", in SQL: each part a CASE over the candidate (s) and the scheme (me).
RANKING = """
with me as (select * from scheme where id = {id})
select string_agg(id::text, ',') from (
  select s.id from scheme s, me
  where s.kind = me.kind and s.status in ('ACTIVE', 'RENEWAL') and s.id <> me.id
  order by
    case when cardinality(me.themes) = 0 then 0
         else 0.4 * (select count(*) from unnest(me.themes) t where t = any(s.themes)) / cardinality(me.themes) end
    + case when me.population > 0 then
        (case when s.population between me.population / 1.25 and me.population * 1.25 then 0.06 else 0 end)
        + (case when s.population between me.population / 2 and me.population * 2 then 0.06 else 0 end)
        + (case when s.population between me.population / 4 and me.population * 4 then 0.05 else 0 end)
        + (case when s.population between me.population / 10 and me.population * 10 then 0.03 else 0 end)
      else 0 end
    + case when s.density = me.density then 0.15 else 0 end
    + case when s.epci_span = me.epci_span then 0.1 else 0 end
    + case when s.cpts_stage = me.cpts_stage then 0.05 else 0 end
    + case when s.generation = me.generation then 0.1 else 0 end
    + case when cardinality(me.qpv_codes) > 0 and least(cardinality(s.qpv_codes), 4) = least(cardinality(me.qpv_codes), 4)
           then 0.1 else 0 end
    desc, s.sort_name
  limit 10) top"""


def main():
    scales = sys.argv[1:] or ["1", "33"]
    os.chdir(ROOT)
    results = {scale: run(scale) for scale in scales}
    print("\n| figure | " + " | ".join(f"{results[s]['schemes']:,} schemes" for s in scales) + " |")
    print("|---|" + "---|" * len(scales))
    for name in ("API", "SQL"):
        print(f"| {name} p50 / p95 (ms) | " + " | ".join(
            f"{percentile(results[s][name], 50):.1f} / {percentile(results[s][name], 95):.1f}" for s in scales) + " |")


def run(scale):
    data_dir = f"target/bench-likeness-{scale}"
    subprocess.run(["rm", "-rf", data_dir], check=True)
    schemes = synthetic_registry(scale)
    print(f"\n== scale {scale}: {len(schemes)} schemes ==")
    log = f"target/bench-likeness-{scale}.log"
    directory = Directory(data_dir, PORT, log, [LOG_FORMAT])
    try:
        imported = directory.import_registry(schemes)
        indexed = directory.wait_indexed(len(schemes))
        print(f"imported in {imported:.1f} s, indexed {indexed:.1f} s later")
        at_work = [s["ref"] for s in schemes if s["status"] in ("ACTIVE", "RENEWAL")]
        ids = [directory.id_of(ref) for ref in random.Random(2026).sample(at_work, SAMPLES)]
        paths = [f"/api/v1/schemes/{i}/similar" for i in ids]
        for path in paths:
            directory.get(path)
        api = [directory.get(path)[0] for path in paths]
        with DirectClient(log) as sql:
            for i in ids:
                sql.ask("exec " + " ".join(RANKING.format(id=i).split()))
            timings = []
            for i in ids:
                start = time.perf_counter()
                sql.ask("exec " + " ".join(RANKING.format(id=i).split()))
                timings.append((time.perf_counter() - start) * 1000)
        figures = {"schemes": len(schemes), "API": api, "SQL": timings}
        for name in ("API", "SQL"):
            print(f"{name}: p50 {percentile(figures[name], 50):.1f} p95 {percentile(figures[name], 95):.1f} ms ({SAMPLES} schemes)")
        return figures
    finally:
        directory.stop()


if __name__ == "__main__":
    main()
