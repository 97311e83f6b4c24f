#!/usr/bin/env python3
"""Where a first start's territory indexing goes: the CPU each process used while it ran.

Usage (after ./mvnw -DskipTests package):  src/bench/first-start.py [runs]      (default 3)

Each run starts the directory on an empty data directory (target/bench-first-start, demo data off), reads the CPU time
of the application's JVM, the engine's JVM (by thread kind: JIT compiler, GC, the rest) and PostgreSQL's processes
from /proc at the log's "COG ... loaded" line and again at "Territories indexed in", and prints the indexing time
with that CPU, then the median of the runs. CPU-seconds over two cores say how short the indexing could be on this
machine: it cannot take less wall time than the CPU it needs divided by the cores.
"""
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time

from directory import ROOT, TOKEN, services

PORT = 8093
DATA = "target/bench-first-start"
HZ = os.sysconf("SC_CLK_TCK")


def ticks(stat_path):
    with open(stat_path) as f:
        text = f.read()
    fields = text[text.rindex(")") + 2:].split()
    return text[text.index("(") + 1:text.rindex(")")], int(fields[11]) + int(fields[12])


def jvm(pid):
    """CPU ticks of a JVM by thread kind; threads ended since start count as 'ended threads'."""
    kinds = {"jit": 0, "gc": 0, "rest": 0}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            name, used = ticks(f"/proc/{pid}/task/{tid}/stat")
        except OSError:
            continue
        kind = "jit" if "Compiler" in name else "gc" if name.startswith(("GC", "G1")) or "Conc" in name else "rest"
        kinds[kind] += used
    kinds["ended threads"] = ticks(f"/proc/{pid}/stat")[1] - sum(kinds.values())
    return kinds


def snapshot(app, data_dir):
    postgres, engines = services(app, data_dir)
    used = 0
    for pid in postgres:
        try:
            used += ticks(f"/proc/{pid}/stat")[1]
        except OSError:
            pass  # a backend gone since
    return {"application": jvm(app), "engine": jvm(engines[0]), "postgres": {"all": used}}


def one_run():
    shutil.rmtree(DATA, ignore_errors=True)
    data_dir = os.path.abspath(DATA)
    env = dict(os.environ, DIRECTORY_ADMIN_TOKEN=TOKEN, DIRECTORY_DEMO_DATA_ENABLED="false",
               DIRECTORY_EMBEDDED_DATA_DIR=data_dir, QUARKUS_HTTP_PORT=str(PORT))
    log = "target/bench-first-start.log"
    app = subprocess.Popen(["java", "-jar", "target/quarkus-app/quarkus-run.jar"], env=env, stdout=open(log, "w"),
                           stderr=subprocess.STDOUT)
    try:
        before = after = None
        deadline = time.time() + 600
        while after is None and time.time() < deadline and app.poll() is None:
            time.sleep(0.05)
            text = open(log).read()
            if before is None and re.search(r"COG \d+ loaded", text):
                before = snapshot(app.pid, data_dir)
            if before is not None and "Territories indexed in" in text:
                after = snapshot(app.pid, data_dir)
        if after is None:
            raise SystemExit(f"no territory indexing seen: see {log}")
        indexed = int(re.search(r"Territories indexed in (\d+) ms", text).group(1)) / 1000
        cpu = {who: {kind: (after[who][kind] - before[who][kind]) / HZ for kind in after[who]} for who in after}
        return indexed, cpu
    finally:
        app.send_signal(signal.SIGTERM)
        app.wait(120)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    os.chdir(ROOT)
    results = []
    for run in range(runs):
        indexed, cpu = one_run()
        total = sum(sum(kinds.values()) for kinds in cpu.values())
        results.append((indexed, total))
        print(f"run {run + 1}: territory indexing {indexed:.1f} s, {total:.1f} CPU-seconds: "
              + json.dumps({who: {k: round(v, 1) for k, v in kinds.items()} for who, kinds in cpu.items()}))
    print(f"median of {runs}: territory indexing {statistics.median(r[0] for r in results):.1f} s, "
          f"{statistics.median(r[1] for r in results):.1f} CPU-seconds (at least half that in wall time on 2 cores)")


if __name__ == "__main__":
    main()
