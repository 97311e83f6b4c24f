#!/usr/bin/env python3
"""Backups of the embedded PostgreSQL at national scale: a base backup taken under writes, then a restore after the
data directory is lost.

Usage (after ./mvnw -DskipTests package):  src/bench/backup.py [scale ...]   (default: 33)
Scale 1 is the synthetic national registry (about 3,000 schemes), 33 about 100,000 (src/bench/synthetic-registry.sh).
Needs only Python 3 and the JDK.

For each scale, on fresh data (target/bench-backup-<scale>, its archive in target/bench-backup-<scale>-archive, set
with -Ddirectory.backup.dir so that runs do not mix):
1. the synthetic registry imported and indexed; the backup the directory takes by itself a minute after its start
   (none exists yet) is waited for, so that it does not run during what is timed;
2. a writer thread writes through the API, one request after the other with the admin token: in turn a new small
   scheme (POST /api/v1/schemes) and a new name for one of 50 schemes of the registry (PUT /api/v1/schemes/{id}),
   each write timed; a few seconds of writes are kept as the baseline, then POST /api/v1/admin/backups (on a 409,
   the running backup is waited for and the POST sent again) and GET /api/v1/admin/backups until it has finished.
   Prints the backup's time (startedAt..completedAt), its size, the size of the data directory's postgres folder
   beside it, the WAL archive's size, and the writes during the backup (those whose request overlapped
   startedAt..completedAt): count, p50, p95, max in ms, beside the baseline's. Goal: no write held a second or more
   (max < 1000 ms);
3. the directory stopped (SIGTERM, waited for), its postgres and opensearch folders deleted, the restore command run
   without --until (wall clock), the directory started again (launch to ready, the start rebuilding the indexes; then
   until search holds every scheme), and the number of schemes through the API compared with the number before the
   stop; the last scheme the writer created is looked for.
Prints each scale's figures as they come, then all scales side by side.
"""
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime

from directory import ROOT, TOKEN, Directory, descendants, percentile, synthetic_registry, timed
from national import LOG_FORMAT

PORT = 8143  # not another benchmark's: one may run beside this one
ADMIN = {"Authorization": f"Bearer {TOKEN}"}
JSON_ADMIN = dict(ADMIN, **{"Content-Type": "application/json"})
SCHEDULED_AFTER = 65  # s after ready: the schedule looks a minute after the start (backup.BackupSchedule)
WARM_UP, BASELINE = 3, 10  # s of writes before the backup: not kept, then kept as the baseline
RENAMED = 50  # schemes the writer renames in turn
BACKUP_TIMEOUT = 3600  # s
RESTORE_TIMEOUT = 6 * 3600  # s


def main():
    scales = sys.argv[1:] or ["33"]
    os.chdir(ROOT)
    if not os.path.exists("target/quarkus-app/quarkus-run.jar"):
        raise SystemExit("target/quarkus-app is missing: build it first (./mvnw -DskipTests package)")
    # A SIGTERM to the benchmark stops what it started, as Ctrl+C does.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    results = {scale: run(scale) for scale in scales}
    print_side_by_side(results)


def run(scale):
    data_dir = f"target/bench-backup-{scale}"
    archive = os.path.join(ROOT, f"target/bench-backup-{scale}-archive")
    subprocess.run(["rm", "-rf", data_dir, archive], check=True)
    schemes = synthetic_registry(scale)
    print(f"\n== scale {scale}: {len(schemes)} schemes ==", flush=True)
    flags = [LOG_FORMAT, f"-Ddirectory.backup.dir={archive}"]
    figures = {"schemes": len(schemes)}
    directory = None
    try:
        directory = Directory(data_dir, PORT, f"target/bench-backup-{scale}.log", flags)
        ready_at = time.monotonic()
        figures["import"] = directory.import_registry(schemes)
        figures["catch-up"] = directory.wait_indexed(len(schemes))
        print(f"imported in {figures['import']:.1f} s, indexed {figures['catch-up']:.1f} s later", flush=True)
        scheduled_backup(directory, ready_at)

        writer = Writer(directory, [directory.id_of(s["ref"]) for s in schemes[:RENAMED]], scale)
        writer.start()
        try:
            time.sleep(WARM_UP)
            baseline_from = time.time()
            time.sleep(BASELINE)
            baseline_to = time.time()
            backup = take_backup(directory)
        finally:
            writer.stop()
        figures.update(backup_figures(backup, writer, (baseline_from, baseline_to), data_dir, archive))
        overlapping = [b["id"] for b in list_backups(directory) if b["id"] != backup["id"]
                       and instant(b["startedAt"]) < baseline_to and instant(b["completedAt"] or b["startedAt"]) > baseline_from]
        if overlapping:
            print(f"note: backup {', '.join(overlapping)} ran during the baseline", flush=True)

        figures["count before"] = scheme_count(directory)
        figures["indexed before"] = search_total(directory)
        last_ref = writer.last_created
        start = time.perf_counter()
        directory.stop()
        figures["stop"] = time.perf_counter() - start
        directory = None
        print(f"stopped in {figures['stop']:.1f} s: {figures['count before']} schemes "
              f"({figures['indexed before']} found by search)", flush=True)

        subprocess.run(["rm", "-rf", f"{data_dir}/postgres", f"{data_dir}/opensearch"], check=True)
        figures["restore"] = restore(data_dir, archive, backup["id"], f"target/bench-backup-{scale}-restore.log")

        start = time.perf_counter()
        directory = Directory(data_dir, PORT, f"target/bench-backup-{scale}-restored.log", flags)
        figures["restart"] = time.perf_counter() - start
        figures["count after"] = scheme_count(directory)
        figures["index after"] = directory.wait_indexed(figures["count after"])
        figures["indexed after"] = search_total(directory)
        figures["last write kept"] = directory.get(f"/api/v1/schemes?ref={last_ref}")[1]["total"] == 1
        rebuilt = re.search(r"Database restored from a backup: rebuilding", open(f"target/bench-backup-{scale}-restored.log").read())
        print(f"started again in {figures['restart']:.1f} s (launch to ready"
              f"{', the scheme index rebuilt' if rebuilt else ', NO scheme index rebuild in the log'}), search caught up "
              f"{figures['index after']:.1f} s later; schemes before the stop {figures['count before']}, after the restore "
              f"{figures['count after']} ({'equal' if figures['count after'] == figures['count before'] else 'DIFFERENT'}), "
              f"found by search {figures['indexed after']}; the writer's last scheme ({last_ref}) "
              f"{'is there' if figures['last write kept'] else 'is MISSING'}", flush=True)
        print_scale(figures)
        return figures
    finally:
        if directory is not None:
            stop(directory, data_dir)
        stop_postgres(data_dir)


class Writer(threading.Thread):
    """Writes one after the other, in turn a new small scheme and a new name for a scheme of the registry; keeps
    (start, end, milliseconds) of each, wall clock, to compare with the backup's instants."""

    def __init__(self, directory, ids, scale):
        super().__init__(name="writer", daemon=True)
        self.api = directory.connect(timeout=600)
        self.documents = []
        for i in ids:
            document = json.loads(timed(directory.api, "GET", f"/api/v1/schemes/{i}", headers=ADMIN)[1])
            self.documents.append((i, document, document["name"]))
        self.prefix = f"bench-backup-{scale}-{int(time.time())}"
        self.writes, self.failure, self.last_created = [], None, None
        self.stopping = threading.Event()

    def run(self):
        n = 0
        try:
            while not self.stopping.is_set():
                if n % 2 == 0:
                    ref = f"{self.prefix}-{n}"
                    body = {"ref": ref, "name": f"CLSM banc d'essai {n}", "kind": "CLSM", "status": "ACTIVE",
                            "perimeter": {"communes": ["38185"]}}
                    method, path = "POST", "/api/v1/schemes"
                else:
                    i, body, name = self.documents[(n // 2) % len(self.documents)]
                    body["name"] = f"{name} ({n})"
                    method, path = "PUT", f"/api/v1/schemes/{i}"
                begun = time.time()
                elapsed = timed(self.api, method, path, json.dumps(body).encode(), JSON_ADMIN)[0]
                self.writes.append((begun, time.time(), elapsed))
                if method == "POST":
                    self.last_created = ref
                n += 1
        except BaseException as e:  # timed() stops with SystemExit on an error answer
            self.failure = e

    def stop(self):
        self.stopping.set()
        self.join(600)
        if self.failure is not None:
            raise SystemExit(f"a write failed: {self.failure}")

    def between(self, start, end):
        """Milliseconds of the writes whose request overlapped start..end (wall clock, seconds)."""
        return [ms for begun, ended, ms in self.writes if begun < end and ended > start]


def list_backups(directory):
    return json.loads(timed(directory.api, "GET", "/api/v1/admin/backups", headers=ADMIN)[1])


def wait_finished(directory, backup_id=None):
    """Waits until the backup (by default whichever runs) has finished; answers it as listed."""
    deadline = time.monotonic() + BACKUP_TIMEOUT
    while time.monotonic() < deadline:
        backups = list_backups(directory)
        found = [b for b in backups if backup_id is None or b["id"] == backup_id]
        if backup_id is not None and not found:
            raise SystemExit(f"backup {backup_id} is no longer listed (failed? see the directory's log): {backups}")
        if not found or all(b["completedAt"] is not None for b in found):
            return found[0] if found else None
        time.sleep(0.2)
    raise SystemExit(f"backup {backup_id or '(running)'} did not finish within {BACKUP_TIMEOUT} s")


def scheduled_backup(directory, ready_at):
    """Lets the backup the directory takes by itself, a minute after its start, run and finish before anything is timed."""
    left = ready_at + SCHEDULED_AFTER - time.monotonic()
    if left > 0:
        print(f"waiting {left:.0f} s for the scheduled backup", flush=True)
        time.sleep(left)
    start = time.perf_counter()
    done = wait_finished(directory)
    if done is not None:
        print(f"scheduled backup {done['id']}: {seconds(done):.1f} s, {done['bytes'] / 1e6:.0f} MB "
              f"(waited {time.perf_counter() - start:.1f} s for it)", flush=True)


def take_backup(directory):
    """POST, then waits until it has finished; a 409 (one is running: the schedule's) waits for it and POSTs again."""
    deadline = time.monotonic() + BACKUP_TIMEOUT
    while time.monotonic() < deadline:
        directory.api.request("POST", "/api/v1/admin/backups", body=b"", headers=ADMIN)
        response = directory.api.getresponse()
        data = response.read()
        if response.status == 202:
            started = json.loads(data)
            return wait_finished(directory, started["id"])
        if response.status != 409:
            raise SystemExit(f"POST /api/v1/admin/backups: HTTP {response.status} {data[:200]!r}")
        print("409: a backup is running; waiting for it", flush=True)
        wait_finished(directory)
    raise SystemExit(f"no backup taken within {BACKUP_TIMEOUT} s")


def backup_figures(backup, writer, baseline, data_dir, archive):
    figures = {"backup": seconds(backup), "bytes": backup["bytes"], "postgres": size(f"{data_dir}/postgres"),
               "pg_wal": size(f"{data_dir}/postgres/pg_wal"), "wal archive": size(f"{archive}/wal"),
               "segments": len([f for f in os.listdir(f"{archive}/wal") if re.fullmatch(r"[0-9A-F]{24}", f)]),
               "during": writer.between(instant(backup["startedAt"]), instant(backup["completedAt"])),
               "baseline": writer.between(*baseline)}
    print(f"backup {backup['id']}: {figures['backup']:.1f} s, {figures['bytes'] / 1e6:.0f} MB; postgres folder "
          f"{figures['postgres'] / 1e6:.0f} MB (pg_wal {figures['pg_wal'] / 1e6:.0f} MB); WAL archive "
          f"{figures['wal archive'] / 1e6:.0f} MB ({figures['segments']} segments)", flush=True)
    for name in ("during", "baseline"):
        print(f"writes {'during the backup' if name == 'during' else f'before it ({BASELINE} s)'}: {stats(figures[name])}", flush=True)
    return figures


def scheme_count(directory):
    return directory.get("/api/v1/schemes?size=1")[1]["total"]


def search_total(directory):
    return directory.get("/api/v1/search?size=1")[1]["total"]


def restore(data_dir, archive, backup_id, log):
    """Seconds of the restore command, wall clock; its output goes to the log."""
    command = ["java", f"-Ddirectory.embedded.data-dir={data_dir}", f"-Ddirectory.backup.dir={archive}",
               "-jar", "target/quarkus-app/quarkus-run.jar", "restore", backup_id]
    start = time.perf_counter()
    with open(log, "w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        try:
            status = process.wait(RESTORE_TIMEOUT)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    elapsed = time.perf_counter() - start
    said = [line.strip() for line in open(log) if not re.search(r"EmbeddedPostgres|^\s*$", line)]
    print(f"restore {backup_id}: exit {status} in {elapsed:.1f} s\n  " + "\n  ".join(said[-6:]), flush=True)
    if status != 0:
        raise SystemExit(f"the restore failed: see {log}")
    return elapsed


def stop(directory, data_dir):
    """SIGTERM, waited for; a directory that does not stop is killed with what it started."""
    children = descendants(directory.process.pid)[1:]
    try:
        directory.stop()
    except subprocess.TimeoutExpired:
        print(f"the directory did not stop within 120 s: killed (processes {children})", flush=True)
        for pid in [*children, directory.process.pid]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        directory.process.wait()


def stop_postgres(data_dir):
    """The postmaster is a daemon (pg_ctl), not a child: one left running on the data directory (a directory or a
    restore killed) is stopped by the pid its pid file gives."""
    pid_file = f"{data_dir}/postgres/postmaster.pid"
    if not os.path.exists(pid_file):
        return
    pid = int(open(pid_file).readline())
    try:
        if open(f"/proc/{pid}/comm").read().strip() != "postgres":
            return
        os.kill(pid, signal.SIGINT)  # fast shutdown
        for _ in range(300):
            if not os.path.exists(f"/proc/{pid}"):
                return
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)
    except (FileNotFoundError, ProcessLookupError):
        pass


def size(path):
    """Bytes of the files under the path (du -sb)."""
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(folder, name)).st_size
            except FileNotFoundError:
                pass
    return total


def instant(text):
    """Seconds since the epoch of an ISO instant as the API writes it (up to nanoseconds, Z)."""
    m = re.fullmatch(r"(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?Z", text)
    return datetime.fromisoformat(m.group(1) + "+00:00").timestamp() + float("0." + (m.group(2) or "0"))


def seconds(backup):
    return instant(backup["completedAt"]) - instant(backup["startedAt"])


def stats(values):
    if not values:
        return "no write"
    return (f"{len(values)} writes, p50 {percentile(values, 50):.1f} p95 {percentile(values, 95):.1f} "
            f"max {max(values):.1f} ms")


def print_scale(figures):
    worst = max(figures["during"], default=0)
    print(f"goal: no write held 1 s during the backup: max {worst:.0f} ms, {'met' if worst < 1000 else 'MISSED'}", flush=True)


def print_side_by_side(results):
    scales = list(results)

    def row(name, value):
        print(f"| {name} | " + " | ".join(value(results[s]) for s in scales) + " |")

    def writes(values):
        return f"{len(values)}: {percentile(values, 50):.1f} / {percentile(values, 95):.1f} / {max(values):.0f}" if values else "none"

    print("\n| figure | " + " | ".join(f"scale {s}: {results[s]['schemes']:,} schemes" for s in scales) + " |")
    print("|---|" + "---|" * len(scales))
    row("import (s) / index caught up after (s)", lambda r: f"{r['import']:.1f} / {r['catch-up']:.1f}")
    row("base backup, startedAt..completedAt (s)", lambda r: f"{r['backup']:.1f}")
    row("backup size / postgres folder (pg_wal in it) (MB)",
        lambda r: f"{r['bytes'] / 1e6:.0f} / {r['postgres'] / 1e6:.0f} ({r['pg_wal'] / 1e6:.0f})")
    row("WAL archive (MB, segments)", lambda r: f"{r['wal archive'] / 1e6:.0f} ({r['segments']})")
    row("writes before the backup: count: p50 / p95 / max (ms)", lambda r: writes(r["baseline"]))
    row("writes during the backup: count: p50 / p95 / max (ms; goal max < 1000)", lambda r: writes(r["during"]))
    row("stop (s)", lambda r: f"{r['stop']:.1f}")
    row("restore without --until, wall clock (s)", lambda r: f"{r['restore']:.1f}")
    row("start after the restore, launch to ready (s) / search caught up after (s)",
        lambda r: f"{r['restart']:.1f} / {r['index after']:.1f}")
    row("schemes before the stop / after the restore (search)",
        lambda r: f"{r['count before']:,} / {r['count after']:,} ({r['indexed after']:,})"
                  + ("" if r["count before"] == r["count after"] else " **DIFFERENT**"))
    row("the writer's last scheme after the restore", lambda r: "there" if r["last write kept"] else "**missing**")


if __name__ == "__main__":
    main()
