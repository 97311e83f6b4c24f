#!/usr/bin/env python3
"""Weight and server time of every page type, on the demo registry (or with a synthetic registry added).

Usage (after ./mvnw -DskipTests package):  src/bench/pages.py [rounds] [scale]   (defaults 200 and 0)
Scale 0 is the demo registry alone (twelve schemes); scale 1 adds the synthetic national registry (about 3,000).

Starts the directory on fresh data (target/bench-pages-<scale>) with the demo registry, waits until search has
indexed everything, then for each page: its weight (HTML plus the style sheet and script it loads, uncompressed) and
the time of `rounds` GETs on one keep-alive connection from this machine, after 100 warm-up rounds over all pages.
Times are taken by the client on loopback, so they include HTTP and are an upper bound of the server time.
Goals: p95 under 50 ms (a région's page, with its commune map, under 300 ms); every page under 100 KB, but the coverage map and the pages with a commune map (a scheme's,
a territory's: under 250 KB, a région's under 600 KB; maps.py measures them at their largest).
"""
import json
import re
import sys
import time

from directory import Directory, percentile

PORT = 8095
BUDGET = 100 * 1024
# Pages with a commune map have the maps' budgets; the coverage map's weight is its own (no budget).
MAP_BUDGETS = {"scheme (CPTS)": 250 * 1024, "scheme (CLS)": 250 * 1024, "commune": 250 * 1024, "EPCI": 250 * 1024,
               "département": 250 * 1024, "région": 600 * 1024, "coverage map": None}
GOAL_P95_MS = 50
REGION_GOAL_P95_MS = 300
# Rounds over every page before timing: the JIT compiler is still busy for the first few thousand requests.
WARM_UP = 100


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    scale = sys.argv[2] if len(sys.argv) > 2 else "0"
    directory = Directory(f"target/bench-pages-{scale}", PORT, f"target/bench-pages-{scale}.log", demo=True)
    try:
        expected = directory.add_synthetic(scale)
        ids = {ref: directory.id_of(ref) for ref in ("demo-cpts-sud-est-grenoblois", "demo-cls-echirolles")}
        pages = {
            "home": "/",
            "search": "/recherche?q=sant%C3%A9+mentale",
            "search, filtered": "/recherche?q=&kind=CLS&region=84",
            "scheme (CPTS)": f"/dispositifs/{ids['demo-cpts-sud-est-grenoblois']}",
            "scheme (CLS)": f"/dispositifs/{ids['demo-cls-echirolles']}",
            "commune": "/territoires/communes/38421",
            "EPCI": "/territoires/epci/200040715",
            "département": "/territoires/departements/38",
            "région": "/territoires/regions/84",
            "coordinators": "/coordinateurs?territoire=Grenoble",
            "ending soon": "/echeances?mois=24",
            "coverage map": "/couverture",
            "not found": "/nulle-part",
        }
        connection = directory.connect()
        weights = {}
        for name, path in pages.items():
            html = fetch(connection, path)
            assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html.decode())
            weights[name] = len(html) + sum(len(fetch(connection, a)) for a in set(assets))
        for _ in range(WARM_UP):
            for path in pages.values():
                fetch(connection, path)
        print(f"{'page':<18} {'weight KB':>10} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
        missed = []
        for name, path in pages.items():
            times = []
            for _ in range(rounds):
                start = time.perf_counter()
                fetch(connection, path)
                times.append((time.perf_counter() - start) * 1000)
            p95 = percentile(times, 95)
            print(f"{name:<18} {weights[name] / 1024:>10.1f} {percentile(times, 50):>8.1f} {p95:>8.1f} {percentile(times, 99):>8.1f}")
            if p95 >= (REGION_GOAL_P95_MS if name == "région" else GOAL_P95_MS):
                missed.append(f"{name}: p95 {p95:.1f} ms")
            budget = MAP_BUDGETS.get(name, BUDGET)
            if budget and weights[name] >= budget:
                missed.append(f"{name}: {weights[name] / 1024:.1f} KB")
        print(f"({rounds} requests per page, {expected} schemes)")
        print("goals met" if not missed else "goals missed: " + "; ".join(missed))
    finally:
        directory.stop()


def fetch(connection, path):
    connection.request("GET", path, headers={"Accept": "text/html"})
    response = connection.getresponse()
    body = response.read()
    if response.status not in (200, 404):
        raise SystemExit(f"GET {path}: HTTP {response.status}")
    return body


if __name__ == "__main__":
    main()
