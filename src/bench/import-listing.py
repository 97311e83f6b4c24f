#!/usr/bin/env python3
"""Time of a spreadsheet import as an ARS officer makes it: preview (the file read, every territory name resolved, every
row matched against the registry) and commit (every row written through the write path), for a 70-row and a 3,000-row
listing with 10 communes named per row.

Usage (after ./mvnw -DskipTests package):  src/bench/import-listing.py [runs]   (default 3)

The listings are CSV as French Excel saves them (Windows-1252, ';'), written from the COG of data/cog: each row names
10 communes of one département by name (no code), the département in its own column, a start date as 12/07/2023.
Names shared by two communes of one département are left out, so every row resolves without a choice. Each run starts
on an empty registry (the previous run's import undone). Goals: 70 rows previewed in under 1 s; 3,000 rows previewed
in under 5 s and committed in under 10 s.
"""
import gzip
import json
import os
import sys
import time
from collections import Counter, defaultdict

from directory import ROOT, TOKEN, Directory, timed

PORT = 8095


def listing(rows, per_row=10):
    cog = json.load(gzip.open(os.path.join(ROOT, "data/cog/cog-2026.json.gz")))
    names = Counter((c[2], c[1]) for c in cog["communes"])
    by_department = defaultdict(list)
    for code, name, department, *_ in cog["communes"]:
        if names[(department, name)] == 1 and not name.startswith(("Paris", "Lyon", "Marseille")):
            by_department[department].append(name)
    departments = sorted(d for d, communes in by_department.items() if len(communes) >= per_row * 3)
    lines = ["Nom CPTS;Territoire;Dpt;Date de signature;Porteur"]
    cursor = defaultdict(int)
    for i in range(rows):
        department = departments[i % len(departments)]
        communes = by_department[department]
        start = cursor[department] % (len(communes) - per_row)
        cursor[department] += per_row
        chosen = communes[start:start + per_row]
        lines.append(f"CPTS banc {i:05d};\"{', '.join(chosen)}\";{department};{1 + i % 28:02d}/0{1 + i % 9}/2024;Association banc {i}")
    return ("\r\n".join(lines) + "\r\n").encode("windows-1252", errors="replace")


def run(directory, body, label):
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/csv",
               "Content-Disposition": f'attachment; filename="{label}.csv"'}
    preview_ms, data = timed(directory.api, "POST", "/api/v1/imports?kind=CPTS", body, headers)
    draft = json.loads(data)
    summary = draft["summary"]
    if summary["create"] != summary["rows"]:
        raise SystemExit(f"{label}: not every row would be created: {summary}")
    commit_ms, data = timed(directory.api, "POST", f"/api/v1/imports/{draft['id']}/commit", b"",
                            {"Authorization": f"Bearer {TOKEN}"})
    created = json.loads(data)["created"]
    undo_ms, _ = timed(directory.api, "POST", f"/api/v1/imports/{draft['id']}/undo", b"", {"Authorization": f"Bearer {TOKEN}"})
    return preview_ms / 1000, commit_ms / 1000, undo_ms / 1000, created


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    os.chdir(ROOT)
    directory = Directory("target/bench-import-listing", PORT, "target/bench-import-listing.log")
    try:
        for rows in (70, 3000):
            body = listing(rows)
            print(f"{rows} rows, {len(body) / 1024:.0f} KB of CSV, 10 communes named per row")
            for n in range(runs):
                preview, commit, undo, created = run(directory, body, f"listing-{rows}-{n}")
                print(f"  run {n + 1}: preview {preview:5.2f} s   commit {commit:5.2f} s ({created} created)   undo {undo:5.2f} s")
    finally:
        directory.stop()


if __name__ == "__main__":
    main()
