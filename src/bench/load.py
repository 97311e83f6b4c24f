#!/usr/bin/env python3
"""Sustained load: 100 connections for 60 s on a mix of search, suggestions, scheme and territory pages and API calls.

Usage (after ./mvnw -DskipTests package; needs Debian's wrk):  src/bench/load.py [scale] [seconds] [connections]
Defaults: 1 (the ~3,000-scheme synthetic national registry on top of the demo), 60, 100.

Starts the directory on fresh data with the demo registry (and the synthetic registry at scale >= 1), waits for the
index, warms up for 15 s, then runs wrk (2 threads, the connections, the seconds) with src/bench/load.lua, which
round-robins over the paths below and counts every answer >= 400 as an error. Prints throughput, p50/p95/p99 and
errors; the goal (issue 8) is zero errors.
"""
import os
import subprocess
import sys

from directory import Directory

PORT = 8096


def main():
    scale = sys.argv[1] if len(sys.argv) > 1 else "1"
    seconds = sys.argv[2] if len(sys.argv) > 2 else "60"
    connections = sys.argv[3] if len(sys.argv) > 3 else "100"
    directory = Directory(f"target/bench-load-{scale}", PORT, f"target/bench-load-{scale}.log", demo=True)
    try:
        expected = directory.add_synthetic(scale)
        ids = [directory.id_of(ref) for ref in ("demo-cpts-sud-est-grenoblois", "demo-cls-echirolles", "demo-clsm-grenoble")]
        paths = [
            "/recherche?q=sant%C3%A9+mentale", "/recherche?q=grenoble&kind=CLS", "/api/v1/search?q=contrat+local",
            "/api/v1/suggest?q=echi", "/api/v1/suggest?q=gre", "/api/v1/territories?q=saint",
            f"/dispositifs/{ids[0]}", f"/dispositifs/{ids[1]}", f"/api/v1/schemes/{ids[2]}", f"/api/v1/schemes/{ids[0]}/overlaps",
            "/territoires/communes/38151", "/territoires/epci/200040715", "/api/v1/territories/communes/38421/schemes",
            "/api/v1/schemes?department=38", "/", "/coordinateurs?territoire=Grenoble",
        ]
        base = f"http://127.0.0.1:{PORT}"
        env = dict(os.environ, LOAD_PATHS=" ".join(paths))
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "load.lua")
        subprocess.run(["wrk", "-t2", f"-c{connections}", "-d15s", "-s", script, base], env=env, check=True,
                       stdout=subprocess.DEVNULL)
        print(f"{expected} schemes, {len(paths)} paths, {connections} connections, {seconds} s:")
        subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "-s", script, base], env=env, check=True)
    finally:
        directory.stop()


if __name__ == "__main__":
    main()
