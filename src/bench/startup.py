#!/usr/bin/env python3
"""Start-up time of a directory process once PostgreSQL and the search engine are up, with and without a class data
sharing archive.

Usage (after ./mvnw -DskipTests package):  src/bench/startup.py [starts] [java home]   (defaults 5, the java on PATH)

A first process starts with its embedded PostgreSQL and OpenSearch on fresh data (target/bench-startup) and the demo
registry; its outbox processor is off, so the processes timed next start as a lone node would. Then `starts` times:
a second process on those services, timed from its launch (the JVM's own start included) until /q/health/ready
answers 200, with Quarkus's own "started in" beside it. Then one training run writes the classes it loaded into an
archive (-XX:ArchiveClassesAtExit, at its exit), and `starts` more starts read it (-XX:SharedArchiveFile), as the
container image does (docker/entrypoint.sh). Goal: ready in under 3 s.

Given the home of a JDK 25 or newer, the processes timed run on it, and the archive is its ahead-of-time cache instead
(-XX:AOTCacheOutput, then -XX:AOTCache): loaded and linked classes, and the profiles of the training run.
"""
import os
import re
import subprocess
import sys
import time
import urllib.request

from directory import ROOT, TOKEN, Directory, percentile

PORT = 8093
NODE_PORT = 8094
ARCHIVE = "target/bench-startup/directory.archive"


def start(java, services, flags, log):
    """Seconds from launch to ready, Quarkus's "started in" seconds, and seconds to stop, of one process on these
    services."""
    command = [java, *flags, *(f"-D{key}={value}" for key, value in services.items()),
               f"-Dquarkus.http.port={NODE_PORT}", f"-Ddirectory.admin-token={TOKEN}", "-Ddirectory.demo-data.enabled=false",
               "-jar", "target/quarkus-app/quarkus-run.jar"]
    launched = time.perf_counter()
    process = subprocess.Popen(command, stdout=open(log, "w"), stderr=subprocess.STDOUT)
    try:
        while True:
            if process.poll() is not None:
                raise SystemExit(f"the directory exited: see {log}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{NODE_PORT}/q/health/ready", timeout=5) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            time.sleep(0.01)
        ready = time.perf_counter() - launched
    finally:
        stopping = time.perf_counter()
        process.terminate()
        process.wait(120)
        stopped = time.perf_counter() - stopping
    started = re.search(r"started in ([\d.]+)s", open(log).read())
    return ready, float(started.group(1)) if started else None, stopped


def series(java, services, flags, starts, name):
    figures = [start(java, services, flags, f"target/bench-startup-{name.replace(' ', '-')}-{i}.log") for i in range(starts)]
    ready = [r for r, _, _ in figures]
    quarkus = [s for _, s, _ in figures if s is not None]
    print(f"{name}: launch to ready p50 {percentile(ready, 50):.2f} s, min {min(ready):.2f}, max {max(ready):.2f} "
          f"(Quarkus: started in p50 {percentile(quarkus, 50):.2f} s) over {starts} starts")
    return ready


def main():
    starts = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    java = os.path.join(sys.argv[2], "bin", "java") if len(sys.argv) > 2 else "java"
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    print(version.splitlines()[0])
    if int(re.search(r'version "(\d+)', version).group(1)) >= 25:
        write, read = [f"-XX:AOTCacheOutput={ARCHIVE}", "-Xlog:aot=error"], [f"-XX:AOTCache={ARCHIVE}"]
    else:
        write, read = [f"-XX:ArchiveClassesAtExit={ARCHIVE}", "-Xlog:cds=error"], [f"-XX:SharedArchiveFile={ARCHIVE}"]
    os.chdir(ROOT)
    subprocess.run(["rm", "-rf", "target/bench-startup"], check=True)
    os.makedirs("target/bench-startup")
    quiet = '-Dquarkus.hibernate-orm.unsupported-properties."hibernate.search.coordination.event_processor.enabled"=false'
    first = Directory("target/bench-startup/data", PORT, "target/bench-startup.log", flags=[quiet], demo=True)
    try:
        log = open(first.log).read()
        services = {
            "quarkus.datasource.jdbc.url": "jdbc:postgresql://localhost:%s/postgres"
                                           % re.search(r"Embedded PostgreSQL ready on port (\d+)", log).group(1),
            "quarkus.datasource.username": "postgres",
            "quarkus.datasource.password": "",
            "quarkus.hibernate-search-orm.elasticsearch.hosts": f"127.0.0.1:{first.engine_port}",
        }
        plain = series(java, services, [], starts, "no archive")
        _, _, stopped = start(java, services, write, "target/bench-startup-training.log")
        size = os.path.getsize(ARCHIVE) / 1e6
        print(f"training run: stopped in {stopped:.1f} s, archive written as it exited ({size:.0f} MB)")
        shared = series(java, services, read, starts, "with archive")
        print(f"launch to ready p50: {percentile(plain, 50):.2f} s without the archive, {percentile(shared, 50):.2f} s with it "
              f"(goal < 3 s)")
    finally:
        first.stop()


if __name__ == "__main__":
    main()
