#!/usr/bin/env python3
"""Search latency through the API and directly at the engine, on the synthetic national registry.

Usage (after ./mvnw -DskipTests package):  src/bench/search-latency.py [scale] [rounds] [warm-up rounds]
(defaults 1, 20 and 20)

Starts the directory on fresh data (target/bench-search) with the engine's request log on, imports the synthetic
registry, waits until it is indexed, then for a fixed mix of queries: sends each once through GET /api/v1/search and
captures from the log the engine requests it made. Then restarts the directory on the same data with that log off
(logging every request and response body would be timed too) and, for each round, times every query through the
API and the same engine requests sent directly to the engine (HTTP keep-alive on both sides), after warm-up rounds
timed the same way but not counted: the application's JIT compiler is still busy for the first thousand requests. Prints p50/p95 of
both, the difference, and the latency of /api/v1/suggest. Stops the directory at the end.
"""
import http.client
import os
import re
import subprocess
import sys
import time
import urllib.parse

from directory import ROOT, Directory, percentile, synthetic_registry, timed

LOG = "target/bench-search.log"
PORT = 8093
QUERIES = [
    "", "santé mentale", "contrat local de santé", "cpts", "grenoble", "echirolles", "strasbourgg", "38130",
    "accès aux soins", "prévention du suicide", "marseille santé", "atelier santé ville", "lyon", "nantes",
    "soins non programmés", "vieillissement", "bretagne", "isère", "ville de toulouse", "addictions jeunes",
]
FILTERS = ["", "&kind=CLS", "&kind=CPTS&status=ACTIVE", "&region=84", "&department=13&sort=population"]
SUGGEST = ["ec", "ech", "echi", "gren", "greno", "cpts", "cpts d", "contrat", "38", "3813", "sai", "saint m", "lyo", "mars"]


def start(data_dir, trace):
    """The directory; with trace, the engine's requests and responses are logged (to capture them)."""
    flags = ["-Dquarkus.log.console.level=TRACE",
             '-Dquarkus.log.category."org.hibernate.search.elasticsearch.client.request".level=TRACE'] if trace else []
    return Directory(data_dir, PORT, LOG, flags)


def main():
    scale = sys.argv[1] if len(sys.argv) > 1 else "1"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    warm_up = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    os.chdir(ROOT)
    data_dir = "target/bench-search"
    subprocess.run(["rm", "-rf", data_dir], check=True)
    schemes = synthetic_registry(scale)
    directory = start(data_dir, trace=True)
    try:
        print(f"synthetic registry: scale {scale}, {len(schemes)} schemes imported in {directory.import_registry(schemes):.1f} s")
        print(f"indexed (outbox) {directory.wait_indexed(len(schemes)):.1f} s after the import answered")
        paths, captured = capture(directory.api, LOG)
    finally:
        directory.stop()
    directory = start(data_dir, trace=False)
    try:
        measure(directory.api, directory.engine_port, paths, captured, rounds, warm_up)
    finally:
        directory.stop()


def capture(api, log):
    """The engine requests each API query makes, read from the request log (the directory's log, traced)."""
    paths = [f"/api/v1/search?q={urllib.parse.quote(q)}{f}" for q in QUERIES for f in FILTERS]
    captured = {}
    for path in paths:
        before = os.path.getsize(log)
        timed(api, "GET", path)
        time.sleep(0.3)
        with open(log) as f:
            f.seek(before)
            text = f.read()
        requests = []
        for m in re.finditer(r"request to '[^']*' with path '([^']*_search)', query parameters \{([^}]*)\} and \d+ objects "
                             r"in payload in \d+ms\. Response had status \d+ '[^']*'\. Request body: <(.*?)>\. Response body:", text, re.S):
            params = dict(kv.split("=", 1) for kv in m.group(2).split(", ") if "=" in kv)
            requests.append((m.group(1) + ("?" + urllib.parse.urlencode(params) if params else ""), m.group(3).encode()))
        if not requests:
            raise SystemExit(f"no engine request captured for {path}")
        captured[path] = requests
    engine_calls = sum(len(r) for r in captured.values())
    print(f"{len(paths)} distinct queries ({len(QUERIES)} texts x {len(FILTERS)} filter sets), "
          f"{engine_calls} engine requests ({engine_calls / len(paths):.1f} per query)")
    return paths, captured


def measure(api, engine_port, paths, captured, rounds, warm_up):
    """Prints, and answers, the p50/p95 of the API's searches and of the same engine requests, and of suggestions."""
    engine = http.client.HTTPConnection("127.0.0.1", engine_port, timeout=60)
    api_times, engine_times = [], []
    by_filters = {f: ([], []) for f in FILTERS}
    for r in range(warm_up + rounds):
        for path in paths:
            t_api, _ = timed(api, "GET", path)
            t_engine = sum(timed(engine, "POST", p, b, {"Content-Type": "application/json"})[0] for p, b in captured[path])
            if r >= warm_up:
                api_times.append(t_api)
                engine_times.append(t_engine)
                group = next(f for f in reversed(FILTERS) if path.endswith(f))
                by_filters[group][0].append(t_api)
                by_filters[group][1].append(t_engine)
    print(f"{len(api_times)} timed requests each side ({rounds} rounds after {warm_up} warm-up rounds)")
    print(f"  API    /api/v1/search   p50 {percentile(api_times, 50):6.1f} ms   p95 {percentile(api_times, 95):6.1f} ms")
    print(f"  engine same requests    p50 {percentile(engine_times, 50):6.1f} ms   p95 {percentile(engine_times, 95):6.1f} ms")
    print(f"  API minus engine        p50 {percentile(api_times, 50) - percentile(engine_times, 50):+6.1f} ms   "
          f"p95 {percentile(api_times, 95) - percentile(engine_times, 95):+6.1f} ms   (goal: p95 <= +2 ms)")

    for f, (a, e) in by_filters.items():
        print(f"    filters '{f or '(none)'}': API p50 {percentile(a, 50):5.1f} p95 {percentile(a, 95):5.1f} ms, "
              f"engine p50 {percentile(e, 50):5.1f} p95 {percentile(e, 95):5.1f} ms, "
              f"{len(captured[next(p for p in paths if p.endswith(f))])} engine request(s)")

    suggest_times = []
    prefixes = [p for p in SUGGEST]
    for r in range(rounds + 1):
        for prefix in prefixes:
            t, _ = timed(api, "GET", "/api/v1/suggest?q=" + urllib.parse.quote(prefix))
            if r > 0:
                suggest_times.append(t)
    print(f"  API    /api/v1/suggest  p50 {percentile(suggest_times, 50):6.1f} ms   p95 {percentile(suggest_times, 95):6.1f} ms"
          f"   ({len(suggest_times)} requests; target p95 < 30 ms)")
    return {"search": (api_times, engine_times), "suggest": suggest_times}


if __name__ == "__main__":
    main()
