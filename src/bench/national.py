#!/usr/bin/env python3
"""National-scale benchmarks, each figure beside its reference, measured in the same run.

Usage (after ./mvnw -DskipTests package):  src/bench/national.py [scale ...]   (default: 1 33)
Scale 1 is the synthetic national registry (about 3,000 schemes), 33 about 100,000. Needs only Python 3 and the
JDK (src/bench/DirectClient.java runs on the PostgreSQL driver the build ships).

For each scale, on fresh data (target/bench-national-<scale>):
1. First start: COG load and territory indexing timed from the log; the synthetic registry imported and indexed.
2. Second start, with the engine's request log and Hibernate's SQL log on: the engine requests each search of a
   fixed mix makes, and the SQL statements (with their bound values) of GET /api/v1/territories/communes/{code} and
   of GET /api/v1/territories/communes/{code}/schemes for 40 sampled communes and of GET /api/v1/schemes/{id}/overlaps
   for 40 sampled schemes, are captured from the log (a commune's lookup is answered from memory: none expected).
3. Third start on the same data, logs off: the application's start once PostgreSQL and OpenSearch are up (from the
   log's timestamps), then, each after warm-up rounds:
   - search through the API vs the captured engine requests sent straight to the engine;
   - a commune's lookup through the API vs the HTTP floor (/q/health/live, which reads nothing), each lookup in turn
     with the floor from one Python keep-alive client;
   - a commune's schemes and one scheme's overlaps through the API vs the captured statements replayed over JDBC, in
     turn from one JVM (src/bench/DirectClient.java, on the PostgreSQL driver the build ships);
   - national coverage (by département) and the kind x kind matrix of a région: computed (the registry's version
     moved before each request, so that the kept figure cannot serve) and kept;
   - the admin rebuild of the scheme index (the mass indexer) vs a raw _bulk load of the same documents, read back
     from the index, into a new index with the same settings and mappings, each once or twice to warm up first;
   - resident memory of the application, PostgreSQL (its processes' proportional share, PSS, so that shared buffers
     count once) and the engine.
Prints each scale's figures as they come, then all scales side by side.
"""
import glob
import http.client
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
from datetime import datetime

from directory import ROOT, TOKEN, Directory, percentile, services, synthetic_registry, timed

search = __import__("search-latency")

PORT = 8095
LOG_FORMAT = "-Dquarkus.log.console.format=%d{HH:mm:ss.SSS} %-5p [%t] [%c{2.}] %s%e%n"
TRACE = ["-Dquarkus.log.console.level=TRACE",
         '-Dquarkus.log.category."org.hibernate.search.elasticsearch.client.request".level=TRACE',
         '-Dquarkus.log.category."org.hibernate.SQL".level=DEBUG',
         '-Dquarkus.log.category."org.hibernate.orm.jdbc.bind".level=TRACE']
SEARCH_ROUNDS, SEARCH_WARM_UP = 10, 10
COMMUNES, LOOKUP_ROUNDS, LOOKUP_WARM_UP = 40, 25, 25
OVERLAP_SAMPLES = 40
REGION = "84"
BULK_DOCUMENTS, BULK_CONNECTIONS = 500, 2
INDEX_WARM_UP = 2


def main():
    scales = sys.argv[1:] or ["1", "33"]
    os.chdir(ROOT)
    results = {scale: run(scale) for scale in scales}
    print_side_by_side(results)


def run(scale):
    data_dir = f"target/bench-national-{scale}"
    subprocess.run(["rm", "-rf", data_dir], check=True)
    schemes = synthetic_registry(scale)
    figures = {"schemes": len(schemes)}
    print(f"\n== scale {scale}: {len(schemes)} schemes ==")

    first_log = f"target/bench-national-{scale}-first.log"
    directory = Directory(data_dir, PORT, first_log, [LOG_FORMAT])
    try:
        figures["first start"] = start_figures(first_log)
        figures["import"] = directory.import_registry(schemes)
        figures["catch-up"] = directory.wait_indexed(len(schemes))
        print(f"imported in {figures['import']:.1f} s, indexed {figures['catch-up']:.1f} s later")
    finally:
        directory.stop()

    # Logging every engine request and SQL statement slows everything down: only to capture them.
    trace_log = f"target/bench-national-{scale}-trace.log"
    directory = Directory(data_dir, PORT, trace_log, [LOG_FORMAT, *TRACE])
    try:
        paths, captured = search.capture(directory.api, trace_log)
        communes = random.Random(2026).sample(sorted({c for s in schemes for c in s["perimeter"].get("communes", [])}), COMMUNES)
        lookups = capture_sql(directory, trace_log, [f"/api/v1/territories/communes/{code}" for code in communes],
                              expected=False)
        stacks = capture_sql(directory, trace_log, [f"/api/v1/territories/communes/{code}/schemes" for code in communes])
        refs = random.Random(2026).sample([s["ref"] for s in schemes], OVERLAP_SAMPLES)
        overlaps = capture_sql(directory, trace_log, [f"/api/v1/schemes/{directory.id_of(ref)}/overlaps" for ref in refs])
    finally:
        directory.stop()

    log = f"target/bench-national-{scale}.log"
    directory = Directory(data_dir, PORT, log, [LOG_FORMAT])
    try:
        figures["start"] = start_figures(log)
        print("start: " + ", ".join(f"{k} {v:.2f} s" for k, v in figures["start"].items())
              + " | first start: " + ", ".join(f"{k} {v:.2f} s" for k, v in figures["first start"].items()))
        measured = search.measure(directory.api, directory.engine_port, paths, captured, SEARCH_ROUNDS, SEARCH_WARM_UP)
        figures["search"], figures["suggest"] = measured["search"], measured["suggest"]
        with DirectClient(log) as sql:
            figures["commune"] = versus_floor(directory, list(lookups))
            figures["stack"] = versus_sql(sql, "commune's schemes", stacks)
            figures["overlaps"] = versus_sql(sql, "one scheme's overlaps", overlaps)
            figures["coverage"] = computed_and_kept(directory, sql, "/api/v1/coverage", 20)
            figures["matrix"] = computed_and_kept(directory, sql, f"/api/v1/overlaps/matrix?region={REGION}",
                                                  3 if len(schemes) > 10000 else 10)
        # Both sides once to warm up (the first rebuild at 3,000 schemes takes four times as long as the third: the
        # application's and the engine's JIT), then timed.
        for _ in range(INDEX_WARM_UP if len(schemes) < 10000 else 1):
            reindex(directory)
            raw_bulk(directory.engine_port)
        figures["reindex"] = reindex(directory)
        figures["bulk"] = raw_bulk(directory.engine_port)
        figures["memory"] = memory(directory.process.pid, data_dir)
        report(figures)
    finally:
        directory.stop()
    return figures


def log_time(line):
    return datetime.strptime(line[:12], "%H:%M:%S.%f")


def start_figures(log):
    """Seconds from the log: services, COG load and territory indexing when they ran, the application once services were up."""
    lines = open(log).read().splitlines()

    def at(pattern):
        return next((log_time(line) for line in lines if re.search(pattern, line) and re.match(r"\d\d:\d\d:\d\d\.\d{3} ", line)), None)

    launched = log_time(next(line for line in lines if re.match(r"\d\d:\d\d:\d\d\.\d{3} ", line)))
    services = max(at(r"Embedded PostgreSQL ready"), at(r"Embedded OpenSearch ready"))
    started = at(r"started in [\d.]+s\. Listening")
    figures = {"services": (services - launched).total_seconds(), "application": (started - services).total_seconds()}
    cog = re.search(r"COG \d+ loaded .* in (\d+) ms", "\n".join(lines))
    if cog:
        figures["COG load"] = int(cog.group(1)) / 1000
    territories = re.search(r"Territories indexed in (\d+) ms", "\n".join(lines))
    if territories:
        figures["territory indexing"] = int(territories.group(1)) / 1000
    return figures


class DirectClient:
    """src/bench/DirectClient.java on the directory's PostgreSQL (its port read from the log)."""

    def __init__(self, log):
        self.api = f"http://127.0.0.1:{PORT}"
        port = re.findall(r"Embedded PostgreSQL ready on port (\d+)", open(log).read())[-1]
        driver = glob.glob("target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar")[0]
        self.process = subprocess.Popen(["java", "-cp", driver, "src/bench/DirectClient.java",
                                         f"jdbc:postgresql://127.0.0.1:{port}/postgres"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.process.stdin.close()
        self.process.wait(30)

    def ask(self, command):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()


# The application log's lines, as LOG_FORMAT writes them: time, level, thread, category, message.
LOG_LINE = re.compile(r"^[\d:.]+ +\w+ +\[([^\]]*)\] \[([^\]]*)\] (.*)$")
BIND = re.compile(r"binding parameter \(\d+:(\w+)\) <- \[(.*)\]$", re.S)


def statements_of(text):
    """(SQL, ["TYPE=value", ...]) of each statement Hibernate logged in this part of the log from request threads
    (not the outbox processor's polling), in order; a multi-line statement is joined."""
    statements, current = [], None
    for line in text.splitlines():
        m = LOG_LINE.match(line)
        if not m:
            if current is not None and current[1] == []:
                current[0] += "\n" + line
            continue
        thread, category, message = m.groups()
        current = None
        if not thread.startswith("executor-thread"):
            continue
        if category == "or.hi.SQL":
            current = [message, []]
            statements.append(current)
        elif category == "or.hi.or.jd.bind" and statements and (b := BIND.match(message)):
            statements[-1][1].append(f"{b.group(1)}={b.group(2)}")
            current = None
    return statements


def capture_sql(directory, log, paths, expected=True):
    """For each API path, the statements its GET made, in order, read from Hibernate's log: some on communes, or none
    at all when not expected."""
    captured = {}
    for path in paths:
        before = os.path.getsize(log)
        directory.get(path)
        time.sleep(0.3)
        with open(log) as f:
            f.seek(before)
            statements = statements_of(f.read())
        if expected and not any("commune" in sql for sql, _ in statements):
            raise SystemExit(f"no statement on communes captured for {path}: {statements}")
        if not expected and statements:
            raise SystemExit(f"statements captured for {path}, which should need none: {statements}")
        captured[path] = statements
    counts = sorted(len(s) for s in captured.values())
    print(f"{len(captured)} GETs like {paths[0]}: {counts[0]}-{counts[-1]} statements each")
    return captured


def versus_floor(directory, paths, rounds=LOOKUP_ROUNDS, warm_up=LOOKUP_WARM_UP):
    """Each GET in turn with the HTTP floor, from one keep-alive client, so that both see the same state of the client,
    the application and the machine (timed one after the other, the second rode on the first's warm-up: the floor
    measured 0.65 ms p50 at first and 0.15 ms some 10,000 calls later)."""
    api_times, floor_times = [], []
    for round in range(warm_up + rounds):
        for path in paths:
            floor = timed(directory.api, "GET", "/q/health/live")[0]
            api = timed(directory.api, "GET", path)[0]
            if round >= warm_up:
                api_times.append(api)
                floor_times.append(floor)
    print(f"commune lookup: API p50 {percentile(api_times, 50):.2f} p95 {percentile(api_times, 95):.2f} ms; HTTP floor "
          f"p50 {percentile(floor_times, 50):.2f} p95 {percentile(floor_times, 95):.2f} ms ({len(api_times)} each, in turn)")
    return api_times, floor_times


def versus_sql(sql, name, statements, rounds=LOOKUP_ROUNDS):
    """Each GET vs the same statements over JDBC, timed in turn by DirectClient, the same number of rounds."""
    files = {}
    for i, (path, replay) in enumerate(statements.items()):
        files[path] = f"target/bench-national-replay-{i}.tsv"
        with open(files[path], "w") as f:
            for text, values in replay:
                escaped = [v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n") for v in values]
                f.write("\t".join([text.replace("\n", "\\n"), *escaped]) + "\n")
    api_times, sql_times = [], []
    for timed_pass in (False, True):  # a first pass over every path warms both clients and the application up
        for path, file in files.items():
            api, direct = sql.ask(f"compare {sql.api}{path} {file} {rounds} {LOOKUP_WARM_UP}").split(" ")
            if timed_pass:
                api_times += [float(t) for t in api.split(",")]
                sql_times += [float(t) for t in direct.split(",")]
    print(f"{name}: API p50 {percentile(api_times, 50):.2f} p95 {percentile(api_times, 95):.2f} ms; "
          f"same SQL p50 {percentile(sql_times, 50):.2f} p95 {percentile(sql_times, 95):.2f} ms ({len(api_times)} each)")
    return api_times, sql_times


def computed_and_kept(directory, sql, path, rounds):
    """Times of the figure computed (the registry's version moved before each request) and served kept."""
    directory.get(path)
    computed = []
    for _ in range(rounds):
        sql.ask("exec update registry_version set version = version + 1")
        computed.append(directory.get(path)[0])
    kept = [directory.get(path)[0] for _ in range(50)]
    print(f"{path}: computed p50 {percentile(computed, 50):.1f} p95 {percentile(computed, 95):.1f} ms ({rounds}), "
          f"kept p50 {percentile(kept, 50):.2f} p95 {percentile(kept, 95):.2f} ms")
    return computed, kept


def reindex(directory):
    """Documents per second of the admin rebuild (drop and create the index, load, build, bulk, refresh)."""
    headers = {"Authorization": f"Bearer {TOKEN}"}
    timed(directory.api, "POST", "/api/v1/admin/reindex", b"", headers)
    while True:
        status = json.loads(timed(directory.api, "GET", "/api/v1/admin/reindex", headers=headers)[1])
        if status["state"] != "RUNNING":
            break
        time.sleep(0.2)
    if status["state"] != "DONE":
        raise SystemExit(f"rebuild failed: {status}")
    seconds = (datetime.fromisoformat(status["finishedAt"].replace("Z", "+00:00"))
               - datetime.fromisoformat(status["startedAt"].replace("Z", "+00:00"))).total_seconds()
    print(f"mass indexer: {status['indexed']} documents in {seconds:.1f} s, {status['indexed'] / seconds:.0f} /s")
    return status["indexed"], seconds


def engine(port, method, path, body=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    connection.request(method, path, body=body, headers={"Content-Type": "application/x-ndjson" if path.endswith("_bulk")
                                                         else "application/json"})
    response = connection.getresponse()
    data = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: HTTP {response.status} {data[:300]!r}")
    return json.loads(data)


def raw_bulk(port):
    """Documents per second of a plain _bulk load of the scheme index's own documents into a new index with its settings
    and mappings: create, bulk (BULK_DOCUMENTS per request, BULK_CONNECTIONS at once), refresh."""
    aliases = engine(port, "GET", "/_alias")
    index = next(name for name, a in aliases.items() if any(alias.startswith("scheme") and alias.endswith("-read") for alias in a["aliases"]))
    described = engine(port, "GET", f"/{index}")[index]
    settings = described["settings"]["index"]
    kept = {k: settings[k] for k in ("analysis", "number_of_shards", "number_of_replicas", "max_result_window") if k in settings}
    documents = []
    page = engine(port, "POST", f"/{index}/_search?scroll=2m", json.dumps({"size": 1000, "sort": ["_doc"]}))
    while page["hits"]["hits"]:
        documents += [(hit["_id"], hit["_source"]) for hit in page["hits"]["hits"]]
        page = engine(port, "POST", "/_search/scroll", json.dumps({"scroll": "2m", "scroll_id": page["_scroll_id"]}))
    bodies = []
    for start in range(0, len(documents), BULK_DOCUMENTS):
        lines = []
        for doc_id, source in documents[start:start + BULK_DOCUMENTS]:
            lines.append(json.dumps({"index": {"_id": doc_id}}))
            lines.append(json.dumps(source, ensure_ascii=False))
        bodies.append(("\n".join(lines) + "\n").encode())
    target = "bench-raw-bulk"
    try:
        engine(port, "DELETE", f"/{target}")
    except SystemExit:
        pass
    failures = []

    def send(mine):
        for body in mine:
            answer = engine(port, "POST", f"/{target}/_bulk", body)
            if answer["errors"]:
                failures.append(answer)

    start = time.perf_counter()
    engine(port, "PUT", f"/{target}", json.dumps({"settings": {"index": kept}, "mappings": described["mappings"]}))
    threads = [threading.Thread(target=send, args=(bodies[i::BULK_CONNECTIONS],)) for i in range(BULK_CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    engine(port, "POST", f"/{target}/_refresh")
    seconds = time.perf_counter() - start
    count = engine(port, "GET", f"/{target}/_count")["count"]
    engine(port, "DELETE", f"/{target}")
    if failures or count != len(documents):
        raise SystemExit(f"raw bulk load: {count} of {len(documents)} documents, {len(failures)} failed requests")
    print(f"raw _bulk: {count} documents in {seconds:.1f} s, {count / seconds:.0f} /s "
          f"({BULK_DOCUMENTS} per request, {BULK_CONNECTIONS} connections)")
    return count, seconds


def kilobytes(pid, field, source="status"):
    for line in open(f"/proc/{pid}/{source}"):
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def memory(app_pid, data_dir):
    """MB: the application's RSS, PostgreSQL's PSS summed over its processes, the engine's RSS."""
    postgres, engines = services(app_pid, data_dir)
    figures = {"application": kilobytes(app_pid, "VmRSS") / 1024,
               "PostgreSQL": sum(kilobytes(pid, "Pss", "smaps_rollup") for pid in postgres) / 1024,
               "engine": sum(kilobytes(pid, "VmRSS") for pid in engines) / 1024}
    print("resident memory: " + ", ".join(f"{k} {v:.0f} MB" for k, v in figures.items())
          + f" ({len(postgres)} PostgreSQL processes)")
    return figures


def report(figures):
    api, engine_times = figures["search"]
    print(f"search: API p95 - engine p95 = {percentile(api, 95) - percentile(engine_times, 95):+.1f} ms (goal <= +2 ms)")
    api, floor = figures["commune"]
    print(f"commune lookup / HTTP floor: p50 {percentile(api, 50) / percentile(floor, 50):.2f}, "
          f"p95 {percentile(api, 95) / percentile(floor, 95):.2f} (goal <= 1.5)")
    for key, name in (("stack", "a commune's schemes"), ("overlaps", "one scheme's overlaps")):
        api, sql = figures[key]
        print(f"{name}: API p95 / SQL p95 = {percentile(api, 95) / percentile(sql, 95):.2f} (goal <= 1.5)")
    print(f"matrix of région {REGION} computed p50 {percentile(figures['matrix'][0], 50):.0f} ms (goal < 1,000)")
    print(f"first start: territory indexing {figures['first start'].get('territory indexing', 0):.1f} s (goal < 5)")
    (indexed, reindex_seconds), (count, bulk_seconds) = figures["reindex"], figures["bulk"]
    print(f"mass indexer rate / raw _bulk rate = {(indexed / reindex_seconds) / (count / bulk_seconds):.0%} (a retired goal: 70%)")


def print_side_by_side(results):
    scales = list(results)

    def row(name, value):
        print(f"| {name} | " + " | ".join(value(results[s]) for s in scales) + " |")

    def p(values, q, digits=1):
        return f"{percentile(values, q):.{digits}f}"

    def versus(key, name, reference, goal, digits):
        """Three rows: the API's p50 / p95, the reference's, their ratios (the goal's in bold)."""
        row(f"{name} API p50 / p95 (ms)", lambda r: f"{p(r[key][0], 50, digits)} / {p(r[key][0], 95, digits)}")
        row(f"{reference} p50 / p95 (ms)", lambda r: f"{p(r[key][1], 50, digits)} / {p(r[key][1], 95, digits)}")
        row(f"ratio p50 / p95 (goal p95 <= {goal})",
            lambda r: f"{percentile(r[key][0], 50) / percentile(r[key][1], 50):.2f} / "
                      f"**{percentile(r[key][0], 95) / percentile(r[key][1], 95):.2f}**")

    print("\n| figure | " + " | ".join(f"{results[s]['schemes']:,} schemes" for s in scales) + " |")
    print("|---|" + "---|" * len(scales))
    row("search API p50 / p95 (ms)", lambda r: f"{p(r['search'][0], 50)} / {p(r['search'][0], 95)}")
    row("same requests to the engine p50 / p95 (ms)", lambda r: f"{p(r['search'][1], 50)} / {p(r['search'][1], 95)}")
    row("search API minus engine, p50 / p95 (ms; goal p95 <= +2)",
        lambda r: f"{percentile(r['search'][0], 50) - percentile(r['search'][1], 50):+.1f} / "
                  f"**{percentile(r['search'][0], 95) - percentile(r['search'][1], 95):+.1f}**")
    row("suggest API p50 / p95 (ms)", lambda r: f"{p(r['suggest'], 50)} / {p(r['suggest'], 95)}")
    versus("commune", "commune lookup (no SQL)", "HTTP round trip of /q/health/live", 1.5, 2)
    versus("stack", "a commune's schemes", "same SQL over JDBC", 1.5, 2)
    versus("overlaps", "one scheme's overlaps", "same SQL over JDBC", 1.5, 2)
    row("national coverage computed p50 / p95 (ms)", lambda r: f"{p(r['coverage'][0], 50)} / {p(r['coverage'][0], 95)}")
    row("national coverage kept p50 / p95 (ms)", lambda r: f"{p(r['coverage'][1], 50, 2)} / {p(r['coverage'][1], 95, 2)}")
    row(f"matrix of région {REGION} computed p50 (ms; goal < 1,000)", lambda r: f"**{p(r['matrix'][0], 50)}**")
    row(f"matrix of région {REGION} kept p50 / p95 (ms)", lambda r: f"{p(r['matrix'][1], 50, 2)} / {p(r['matrix'][1], 95, 2)}")
    row("mass indexer (documents/s)", lambda r: f"{r['reindex'][0] / r['reindex'][1]:,.0f} ({r['reindex'][0]:,} in {r['reindex'][1]:.1f} s)")
    row("raw _bulk of the same documents (documents/s)", lambda r: f"{r['bulk'][0] / r['bulk'][1]:,.0f} ({r['bulk'][1]:.1f} s)")
    row("mass indexer / raw _bulk (retired goal: 70%)", lambda r: f"**{(r['reindex'][0] / r['reindex'][1]) / (r['bulk'][0] / r['bulk'][1]):.0%}**")
    row("import (s) / index caught up after (s)", lambda r: f"{r['import']:.1f} / {r['catch-up']:.1f}")
    row("first start: services / COG load / territory indexing (goal < 5) / until ready (s)",
        lambda r: f"{r['first start']['services']:.1f} / {r['first start'].get('COG load', 0):.1f} / "
                  f"{r['first start'].get('territory indexing', 0):.1f} / {r['first start']['services'] + r['first start']['application']:.1f}")
    row("later start: services / application after the services' ready line (s; launch to ready: startup.py)",
        lambda r: f"{r['start']['services']:.1f} / **{r['start']['application']:.2f}**")
    row("resident memory: application / PostgreSQL (PSS) / engine (MB)",
        lambda r: f"{r['memory']['application']:.0f} / {r['memory']['PostgreSQL']:.0f} / {r['memory']['engine']:.0f}")


if __name__ == "__main__":
    main()
