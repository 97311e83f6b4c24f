"""What the benchmark scripts share: starting the directory on its own data, timing HTTP calls, percentiles."""
import glob
import http.client
import json
import os
import re
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOKEN = "bench"


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed(connection, method, path, body=None, headers=None):
    """(milliseconds, body) of one request; any answer but 2xx stops the benchmark."""
    start = time.perf_counter()
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: HTTP {response.status} {data[:200]!r}")
    return elapsed, data


def descendants(pid):
    """The process and every process below it, from /proc."""
    children = {}
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            fields = open(stat).read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.split("/")[2]))
        except OSError:
            continue
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += children.get(current, [])
    return found


def services(app_pid, data_dir):
    """The processes of the directory's embedded services: PostgreSQL's (pg_ctl leaves the postmaster a daemon, not the
    application's child: found by its pid file) and the engine's JVM."""
    postgres = descendants(int(open(f"{data_dir}/postgres/postmaster.pid").readline()))
    engines = [pid for pid in descendants(app_pid) if pid != app_pid and open(f"/proc/{pid}/comm").read().strip() == "java"]
    return postgres, engines


def synthetic_registry(scale):
    """Writes the deterministic synthetic registry of this scale and answers its schemes."""
    path = f"target/synthetic-registry-{scale}.json"
    subprocess.run(["src/bench/synthetic-registry.sh", scale, path], check=True, stdout=subprocess.DEVNULL)
    with open(path) as f:
        return json.load(f)


class Directory:
    """The directory started from the build (target/quarkus-app) on a data directory of its own, demo data off
    unless asked for."""

    def __init__(self, data_dir, port, log, flags=(), demo=False):
        self.port, self.log = port, log
        env = dict(os.environ, DIRECTORY_ADMIN_TOKEN=TOKEN, DIRECTORY_DEMO_DATA_ENABLED=str(demo).lower(),
                   DIRECTORY_EMBEDDED_DATA_DIR=data_dir, QUARKUS_HTTP_PORT=str(port))
        self.process = subprocess.Popen(["java", *flags, "-jar", "target/quarkus-app/quarkus-run.jar"], env=env,
                                        stdout=open(log, "w"), stderr=subprocess.STDOUT)
        self.api = self.connect()
        for _ in range(300):
            try:
                self.api.request("GET", "/q/health/ready")
                response = self.api.getresponse()
                response.read()
                if response.status == 200:
                    break
            except OSError:
                self.api = self.connect()
            time.sleep(1)
        else:
            self.stop()
            raise SystemExit(f"the directory did not get ready: see {log}")
        self.engine_port = int(re.search(r"Embedded OpenSearch ready on 127\.0\.0\.1:(\d+)", open(log).read()).group(1))

    def connect(self, timeout=3600):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def import_registry(self, schemes, batch=3000):
        """Imports the schemes, in file order, by batches under the request size limit (10 MB); answers the seconds."""
        elapsed = 0
        for start in range(0, len(schemes), batch):
            body = json.dumps(schemes[start:start + batch]).encode()
            elapsed += timed(self.api, "POST", "/api/v1/schemes/import", body,
                             {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})[0]
        return elapsed / 1000

    def wait_indexed(self, count):
        """Waits until search holds every scheme (the outbox drained); answers the seconds it took."""
        start = time.perf_counter()
        while json.loads(timed(self.api, "GET", "/api/v1/search?size=1")[1])["total"] < count:
            time.sleep(0.5)
        return time.perf_counter() - start

    def add_synthetic(self, scale, demo=12):
        """Imports the synthetic registry of this scale (none at "0") beside the demo registry, waits until search holds
        both; answers how many schemes the registry then has."""
        expected = demo
        if scale != "0":
            schemes = synthetic_registry(scale)
            self.import_registry(schemes)
            expected += len(schemes)
        self.wait_indexed(expected)
        return expected

    def id_of(self, ref):
        return self.get(f"/api/v1/schemes?ref={ref}")[1]["items"][0]["id"]

    def get(self, path):
        """(milliseconds, parsed JSON) of a GET."""
        elapsed, data = timed(self.api, "GET", path)
        return elapsed, json.loads(data)

    def stop(self):
        self.process.terminate()
        self.process.wait(120)
