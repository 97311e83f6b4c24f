#!/usr/bin/env python3
"""The CPTS stages at national scale: GET /api/v1/coverage/stages over France, a région and a département, and the
département's stages.geojson, each computed five times (after a write) and then kept, on the synthetic registry alone.

Usage (after ./mvnw -DskipTests package):  src/bench/stages.py [scale] [rounds]   (defaults 33 and 200)

Starts the directory on fresh data (target/bench-stages-<scale>), imports the synthetic registry of this scale (about
100,000 schemes at 33, a third of them CPTS), waits until search has indexed it (so that the engine is idle), then
measures as src/bench/maps.py does. Goal: France computed < 1 s, kept p95 < 50 ms.
"""
import sys

from directory import Directory
from maps import stages

PORT = 8097


def main():
    scale = sys.argv[1] if len(sys.argv) > 1 else "33"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    directory = Directory(f"target/bench-stages-{scale}", PORT, f"target/bench-stages-{scale}.log")
    try:
        schemes = directory.add_synthetic(scale, demo=0)
        missed = stages(directory, directory.connect(), rounds)
        print(f"({rounds} requests each, {schemes} schemes)")
        print("goals met" if not missed else "goals missed: " + "; ".join(missed))
    finally:
        directory.stop()


if __name__ == "__main__":
    main()
