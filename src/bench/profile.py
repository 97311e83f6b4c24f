#!/usr/bin/env python3
"""Where the application's share of a request goes: a JDK Flight Recorder CPU profile of the directory while it answers
one kind of request, summed by layer.

Usage (after src/bench/national.py 1, whose data it reuses):
    src/bench/profile.py [search|lookup|schemes] [data directory] [seconds]
    (defaults: search, target/bench-national-1, 60)

search: the search mix of search-latency.py; lookup: GET /api/v1/territories/communes/{code} (each in turn with the
HTTP floor, /q/health/live, from this Python keep-alive client, whose ratio it prints too); schemes:
GET /api/v1/territories/communes/{code}/schemes, for the 40 communes national.py samples. Starts the directory on that
data, warms it up (the JIT compiler's work is not the steady state), then records execution samples (jcmd JFR.start,
every 10 ms per running thread) while one client sends the requests for the given seconds, and prints: requests per
second, p50/p95, the application's CPU per request (samples x 10 ms / requests: what is not CPU in the latency is
waiting, on the engine, PostgreSQL or a thread hand-off), and for the application's threads the share of samples
whose stack holds each layer (a sample counts for every layer on its stack; the innermost layer alone is given too).
"""
import collections
import json
import os
import random
import subprocess
import sys
import time
import urllib.parse

from directory import ROOT, Directory, percentile, timed

search = __import__("search-latency")

PORT = 8094
# Layers, by the packages of a stack frame; the first that matches names the frame.
LAYERS = [
    ("engine client: HTTP (Apache async client, NIO)", ("org.apache.http", "org.elasticsearch.client", "sun.nio", "java.nio")),
    ("engine client: JSON (Gson)", ("com.google.gson",)),
    ("Hibernate Search: request and results", ("org.hibernate.search",)),
    ("Hibernate ORM, JDBC, transactions", ("org.hibernate", "org.postgresql", "io.agroal", "com.arjuna")),
    ("the directory's code", ("fr.dynamiques",)),
    ("JSON answer (Jackson)", ("com.fasterxml.jackson",)),
    ("HTTP server (Vert.x, Netty, Quarkus REST)", ("io.vertx", "io.netty", "org.jboss.resteasy", "io.quarkus.resteasy")),
    ("CDI, security, context propagation", ("io.quarkus.arc", "io.quarkus.security", "io.smallrye.context", "io.quarkus.vertx")),
    ("metrics (Micrometer)", ("io.micrometer", "io.quarkus.micrometer")),
    ("threads and reactive plumbing (JBoss threads, Mutiny)", ("org.jboss.threads", "io.smallrye.mutiny")),
    ("JDK (collections, strings, regex...)", ("java.", "jdk.", "sun.")),
]


def layer(frame):
    for name, prefixes in LAYERS:
        if frame.startswith(prefixes):
            return name
    return "other"


def paths_of(kind, data_dir):
    if kind == "search":
        return [f"/api/v1/search?q={urllib.parse.quote(q)}{f}" for q in search.QUERIES for f in search.FILTERS]
    # The communes national.py samples from the synthetic registry of that data directory's scale.
    with open(f"target/synthetic-registry-{data_dir.rsplit('-', 1)[1]}.json") as f:
        schemes = json.load(f)
    codes = random.Random(2026).sample(sorted({c for s in schemes for c in s["perimeter"].get("communes", [])}), 40)
    suffix = {"lookup": "", "schemes": "/schemes"}[kind]
    return [f"/api/v1/territories/communes/{code}{suffix}" for code in codes]


def main():
    kind = sys.argv[1] if len(sys.argv) > 1 else "search"
    data_dir = sys.argv[2] if len(sys.argv) > 2 else "target/bench-national-1"
    seconds = int(sys.argv[3]) if len(sys.argv) > 3 else 60
    os.chdir(ROOT)
    if not os.path.isdir(data_dir):
        raise SystemExit(f"{data_dir}: no data (run src/bench/national.py 1 first)")
    paths = paths_of(kind, data_dir)
    directory = Directory(data_dir, PORT, f"target/bench-profile-{kind}.log")
    recording = os.path.abspath(f"target/bench-profile-{kind}.jfr")
    try:
        for _ in range(10 if kind == "search" else 250):
            for path in paths:
                timed(directory.api, "GET", path)
        pid = str(directory.process.pid)
        subprocess.run(["jcmd", pid, "JFR.start", "name=search", "settings=profile", f"filename={recording}"],
                       check=True, stdout=subprocess.DEVNULL)
        times, floor, end = [], [], time.time() + seconds
        while time.time() < end:
            for path in paths:
                if kind == "lookup":  # the HTTP floor, in turn with each lookup
                    floor.append(timed(directory.api, "GET", "/q/health/live")[0])
                times.append(timed(directory.api, "GET", path)[0])
        subprocess.run(["jcmd", pid, "JFR.stop", "name=search"], check=True, stdout=subprocess.DEVNULL)
    finally:
        directory.stop()
    print(f"{kind}: {len(times)} requests in {seconds} s ({len(times) / seconds:.0f}/s, one client): "
          f"p50 {percentile(times, 50):.2f} ms, p95 {percentile(times, 95):.2f} ms")
    if floor:
        print(f"HTTP floor (/q/health/live) in turn: p50 {percentile(floor, 50):.2f} ms, p95 {percentile(floor, 95):.2f} ms; "
              f"lookup / floor p50 {percentile(times, 50) / percentile(floor, 50):.2f}, "
              f"p95 {percentile(times, 95) / percentile(floor, 95):.2f}")
    report(recording, len(times))


def report(recording, requests):
    printed = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording],
                             check=True, capture_output=True, text=True).stdout
    inclusive, innermost, others, samples = collections.Counter(), collections.Counter(), collections.Counter(), 0
    for event in printed.split("jdk.ExecutionSample")[1:]:
        thread = next((line for line in event.splitlines() if "sampledThread" in line), "")
        # The application's threads: request workers, Vert.x event loops, the engine client's I/O dispatchers.
        if not any(name in thread for name in ("executor-thread", "vert.x-eventloop", "I/O dispatcher")):
            continue
        frames = [line.strip().split("(")[0] for line in event.splitlines() if "line:" in line]
        if not frames:
            continue
        samples += 1
        innermost[layer(frames[0])] += 1
        if layer(frames[0]) == "other":
            others[frames[0].rsplit(".", 2)[0]] += 1
        for name in {layer(frame) for frame in frames}:
            inclusive[name] += 1
    print(f"{samples} samples on the application's threads: about {samples * 10 / requests:.2f} ms of CPU per request")
    print(f"a layer on every stack (the HTTP server's, for a request "
          "thread) says nothing inclusively: read the innermost column")
    print("| layer | samples with it on the stack | samples where it is innermost |")
    print("|---|---|---|")
    for name, _ in LAYERS + [("other", ())]:
        print(f"| {name} | {inclusive[name] / samples:.0%} | {innermost[name] / samples:.0%} |")
    print("innermost frames of 'other', by class: " + ", ".join(f"{c} {n}" for c, n in others.most_common(8)))


if __name__ == "__main__":
    main()
