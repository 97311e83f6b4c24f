#!/usr/bin/env python3
"""Search latency through the API and directly at the engine, on the synthetic national registry.

Usage (after ./mvnw -DskipTests package):  src/bench/search-latency.py [scale] [rounds]   (defaults 1 and 20)

Starts the directory on fresh data (target/bench-search) with the engine's request log on, imports the synthetic
registry, waits until it is indexed, then for a fixed mix of queries: sends each once through GET /api/v1/search and
captures from the log the engine requests it made; then, for each round, times every query through the API and the
same engine requests sent directly to the engine (HTTP keep-alive on both sides). Prints p50/p95 of both, their
ratio, and the latency of /api/v1/suggest. Stops the directory at the end.
"""
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PORT = 8093
TOKEN = "bench"
QUERIES = [
    "", "santé mentale", "contrat local de santé", "cpts", "grenoble", "echirolles", "strasbourgg", "38130",
    "accès aux soins", "prévention du suicide", "marseille santé", "atelier santé ville", "lyon", "nantes",
    "soins non programmés", "vieillissement", "bretagne", "isère", "ville de toulouse", "addictions jeunes",
]
FILTERS = ["", "&kind=CLS", "&kind=CPTS&status=ACTIVE", "&region=84", "&department=13&sort=population"]
SUGGEST = ["ec", "ech", "echi", "gren", "greno", "cpts", "cpts d", "contrat", "38", "3813", "sai", "saint m", "lyo", "mars"]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed(connection, method, path, body=None, headers=None):
    start = time.perf_counter()
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: HTTP {response.status} {data[:200]!r}")
    return elapsed, data


def main():
    scale = sys.argv[1] if len(sys.argv) > 1 else "1"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    os.chdir(ROOT)
    data_dir = "target/bench-search"
    subprocess.run(["rm", "-rf", data_dir], check=True)
    registry = f"target/synthetic-registry-{scale}.json"
    subprocess.run(["src/bench/synthetic-registry.sh", scale, registry], check=True, stdout=subprocess.DEVNULL)
    log = open("target/bench-search.log", "w")
    env = dict(os.environ, DIRECTORY_ADMIN_TOKEN=TOKEN, DIRECTORY_DEMO_DATA_ENABLED="false",
               DIRECTORY_EMBEDDED_DATA_DIR=data_dir, QUARKUS_HTTP_PORT=str(PORT))
    app = subprocess.Popen(["java", "-Dquarkus.log.console.level=TRACE",
                            '-Dquarkus.log.category."org.hibernate.search.elasticsearch.client.request".level=TRACE',
                            "-jar", "target/quarkus-app/quarkus-run.jar"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        run(scale, rounds, registry)
    finally:
        app.terminate()
        app.wait(60)


def run(scale, rounds, registry):
    api = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
    for _ in range(180):
        try:
            api.request("GET", "/q/health/ready")
            if api.getresponse().read() and True:
                break
        except OSError:
            api = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
        time.sleep(1)
    engine_port = int(re.search(r"Embedded OpenSearch ready on 127\.0\.0\.1:(\d+)", open("target/bench-search.log").read()).group(1))
    with open(registry, "rb") as f:
        body = f.read()
    count = len(json.loads(body))
    elapsed, _ = timed(api, "POST", "/api/v1/schemes/import", body,
                       {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    print(f"synthetic registry: scale {scale}, {count} schemes imported in {elapsed / 1000:.1f} s")
    start = time.perf_counter()
    while json.loads(timed(api, "GET", "/api/v1/search?size=1")[1])["total"] < count:
        time.sleep(0.2)
    print(f"indexed (outbox) {time.perf_counter() - start:.1f} s after the import answered")

    # Capture the engine requests of each API query from the request log.
    paths = [f"/api/v1/search?q={urllib.parse.quote(q)}{f}" for q in QUERIES for f in FILTERS]
    captured = {}
    for path in paths:
        before = os.path.getsize("target/bench-search.log")
        timed(api, "GET", path)
        time.sleep(0.3)
        with open("target/bench-search.log") as f:
            f.seek(before)
            text = f.read()
        requests = []
        for m in re.finditer(r"request to '[^']*' with path '([^']*_search)', query parameters \{([^}]*)\} and \d+ objects "
                             r"in payload in \d+ms\. Response had status \d+ '[^']*'\. Request body: <(.*?)>\. Response body:", text, re.S):
            params = dict(kv.split("=", 1) for kv in m.group(2).split(", ") if "=" in kv)
            requests.append((m.group(1) + ("?" + urllib.parse.urlencode(params) if params else ""), m.group(3)))
        if not requests:
            raise SystemExit(f"no engine request captured for {path}")
        captured[path] = requests
    engine_calls = sum(len(r) for r in captured.values())
    print(f"{len(paths)} distinct queries ({len(QUERIES)} texts x {len(FILTERS)} filter sets), "
          f"{engine_calls} engine requests ({engine_calls / len(paths):.1f} per query)")

    engine = http.client.HTTPConnection("127.0.0.1", engine_port, timeout=60)
    api_times, engine_times = [], []
    by_filters = {f: ([], []) for f in FILTERS}
    for r in range(rounds + 1):
        for path in paths:
            t_api, _ = timed(api, "GET", path)
            t_engine = sum(timed(engine, "POST", p, b, {"Content-Type": "application/json"})[0] for p, b in captured[path])
            if r > 0:  # round 0 warms up
                api_times.append(t_api)
                engine_times.append(t_engine)
                group = next(f for f in reversed(FILTERS) if path.endswith(f))
                by_filters[group][0].append(t_api)
                by_filters[group][1].append(t_engine)
    print(f"{len(api_times)} timed requests each side ({rounds} rounds)")
    print(f"  API    /api/v1/search   p50 {percentile(api_times, 50):6.1f} ms   p95 {percentile(api_times, 95):6.1f} ms")
    print(f"  engine same requests    p50 {percentile(engine_times, 50):6.1f} ms   p95 {percentile(engine_times, 95):6.1f} ms")
    print(f"  ratio API/engine        p50 {percentile(api_times, 50) / percentile(engine_times, 50):6.2f}      "
          f"p95 {percentile(api_times, 95) / percentile(engine_times, 95):6.2f}   (target: p95 <= 1.3)")

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


if __name__ == "__main__":
    main()
