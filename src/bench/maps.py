#!/usr/bin/env python3
"""Commune maps and GeoJSON on the synthetic national registry: time, weight raw and gzipped, geometry memory.

Usage (after ./mvnw -DskipTests package):  src/bench/maps.py [rounds] [scale]   (defaults 200 and 1)

Starts the directory on fresh data (target/bench-maps-<scale>) with the demo registry and the synthetic registry of
this scale (about 3,000 schemes at 1). Measures the heap the commune outlines take (live heap after a full GC, before
and after the first map), then for each map page: its weight uncompressed and gzipped (as a browser gets it), and the
time of `rounds` GETs on one keep-alive connection asking for gzip, after 50 warm-up rounds over all pages. Then three
GeoJSON exports of the whole registry, and the CPTS stages (GET /api/v1/coverage/stages over France, a région and a
département, and the département's stages.geojson): each computed (after a write, which moves the registry's version
the kept figures follow) five times, then kept, `rounds` times. Times are the client's on loopback (an upper bound of
the server's).
Goals: Pas-de-Calais's map and the largest perimeter's page p95 < 100 ms, < 250 KB raw and < 80 KB gzipped;
Auvergne-Rhône-Alpes's map p95 < 300 ms, < 600 KB and < 200 KB gzipped; the GeoJSON export < 5 s; the CPTS stages of
France computed < 1 s, kept p95 < 50 ms.
"""
import gzip
import json
import re
import subprocess
import sys
import time

from directory import TOKEN, Directory, percentile, timed

PORT = 8096
WARM_UP = 50


def live_heap_mb(pid):
    """Heap in use right after a full collection, from jcmd (the JDK's own tool)."""
    subprocess.run(["jcmd", str(pid), "GC.run"], check=True, stdout=subprocess.DEVNULL)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], check=True, capture_output=True, text=True).stdout
    used = re.search(r"used (\d+)K", info)
    return int(used.group(1)) / 1024


def get(connection, path, compressed, accept="text/html"):
    headers = {"Accept": accept, "Accept-Encoding": "gzip" if compressed else "identity"}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"GET {path}: HTTP {response.status}")
    return body, response.getheader("Content-Encoding")


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    scale = sys.argv[2] if len(sys.argv) > 2 else "1"
    directory = Directory(f"target/bench-maps-{scale}", PORT, f"target/bench-maps-{scale}.log", demo=True)
    try:
        expected = directory.add_synthetic(scale)
        before = live_heap_mb(directory.process.pid)
        connection = directory.connect()
        get(connection, "/territoires/communes/38185", False)   # the first map reads the outlines
        after = live_heap_mb(directory.process.pid)
        logged = re.search(r"Commune outlines read from .*", open(directory.log).read()).group(0)

        export = json.loads(timed(directory.api, "GET", "/api/v1/schemes/export.json")[1])
        items = export["items"] if isinstance(export, dict) else export
        largest = max(items, key=lambda s: s.get("communeCount") or 0)
        pages = {
            "Pas-de-Calais (62)": ("/territoires/departements/62", 100, 250, 80),
            "Pas-de-Calais, CPTS": ("/territoires/departements/62?kind=CPTS", 100, 250, 80),
            f"largest perimeter ({largest['communeCount']} communes)": (f"/dispositifs/{largest['id']}", 100, 250, 80),
            "Auvergne-Rhône-Alpes (84)": ("/territoires/regions/84", 300, 600, 200),
            "Auvergne-Rhône-Alpes, CPTS": ("/territoires/regions/84?kind=CPTS", 300, 600, 200),
            "France, CPTS (départements)": ("/couverture?kind=CPTS", 100, 250, 80),
        }
        weights = {}
        for name, (path, *_) in pages.items():
            raw, _ = get(connection, path, False)
            packed, encoding = get(connection, path, True)
            if encoding != "gzip":
                raise SystemExit(f"{path} was not compressed (Content-Encoding: {encoding})")
            weights[name] = (len(raw), len(packed), len(re.findall(rb"<a href=\"[^\"]*\"[^>]*><title>", raw)))
        for _ in range(WARM_UP):
            for path, *_ in pages.values():
                get(connection, path, True)
        print(f"{'page':<38} {'shapes':>6} {'KB':>7} {'KB gz':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}")
        missed = []
        for name, (path, goal_ms, goal_kb, goal_gz) in pages.items():
            times = []
            for _ in range(rounds):
                start = time.perf_counter()
                get(connection, path, True)
                times.append((time.perf_counter() - start) * 1000)
            raw, packed, shapes = weights[name]
            p95 = percentile(times, 95)
            print(f"{name:<38} {shapes:>6} {raw / 1024:>7.1f} {packed / 1024:>7.1f} {percentile(times, 50):>7.1f} {p95:>7.1f} "
                  f"{percentile(times, 99):>7.1f}")
            if p95 >= goal_ms:
                missed.append(f"{name}: p95 {p95:.1f} ms")
            if raw >= goal_kb * 1024 or packed >= goal_gz * 1024:
                missed.append(f"{name}: {raw / 1024:.0f} / {packed / 1024:.0f} KB")

        seconds = []
        for _ in range(3):
            start = time.perf_counter()
            raw, _ = get(connection, "/api/v1/schemes/export.geojson", False, "application/geo+json")
            seconds.append(time.perf_counter() - start)
        features = len(json.loads(raw)["features"])
        print(f"GeoJSON export: {features} features, {len(raw) / 1e6:.1f} MB ({len(gzip.compress(raw)) / 1e6:.1f} MB gzipped), "
              f"{', '.join(f'{s:.2f}' for s in seconds)} s")
        if max(seconds) >= 5:
            missed.append(f"GeoJSON export: {max(seconds):.2f} s")
        missed += stages(directory, connection, rounds)
        print(f"live heap after a full GC: {before:.0f} MB before the first map, {after:.0f} MB after ({after - before:+.0f} MB)")
        print(logged)
        print(f"({rounds} requests per page, {expected} schemes)")
        print("goals met" if not missed else "goals missed: " + "; ".join(missed))
    finally:
        directory.stop()


def stages(directory, connection, rounds):
    """The CPTS stages: computed (after a write) five times, then kept; answers the goals missed."""
    missed = []
    write = {"ref": "bench-stages-write", "name": "Écriture du banc", "kind": "CLS", "status": "DRAFT",
             "perimeter": {"communes": ["38151"]}}
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    print(f"{'CPTS stages':<38} {'KB':>7} {'computed ms':>22} {'kept p50':>9} {'kept p95':>9}")
    for name, path in [("France", "/api/v1/coverage/stages"), ("Auvergne-Rhône-Alpes", "/api/v1/coverage/stages?region=84"),
                       ("Pas-de-Calais", "/api/v1/coverage/stages?department=62"),
                       ("Pas-de-Calais, GeoJSON", "/api/v1/coverage/stages.geojson?department=62")]:
        computed = []
        for _ in range(5):
            created = json.loads(timed(directory.api, "POST", "/api/v1/schemes", json.dumps(write).encode(), headers)[1])["id"]
            timed(directory.api, "DELETE", f"/api/v1/schemes/{created}", None, headers)
            start = time.perf_counter()
            body, _ = get(connection, path, False, "*/*")
            computed.append((time.perf_counter() - start) * 1000)
        kept = []
        for _ in range(rounds):
            start = time.perf_counter()
            get(connection, path, True, "*/*")
            kept.append((time.perf_counter() - start) * 1000)
        print(f"{name:<38} {len(body) / 1024:>7.1f} {', '.join(f'{c:.0f}' for c in computed):>22} "
              f"{percentile(kept, 50):>9.1f} {percentile(kept, 95):>9.1f}")
        if name == "France" and (max(computed) >= 1000 or percentile(kept, 95) >= 50):
            missed.append(f"France's CPTS stages: computed {max(computed):.0f} ms, kept p95 {percentile(kept, 95):.1f} ms")
    return missed


if __name__ == "__main__":
    main()
