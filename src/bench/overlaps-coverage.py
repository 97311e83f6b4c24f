#!/usr/bin/env python3
"""Overlaps, territory stacks and national coverage on the synthetic national registry, checked against a reference.

Usage (after ./mvnw -DskipTests package):  src/bench/overlaps-coverage.py [scale] [samples]   (defaults 1 and 200)
Scale 1 is about 3,000 schemes, 33 about 100,000.

Starts the directory on fresh data (target/bench-overlaps-<scale>), imports the synthetic registry and waits until
search has indexed it (so that indexing no longer competes for the CPU). Then times, through the API:
- GET /api/v1/schemes/{id}/overlaps for `samples` schemes drawn at random (seed 2026);
- GET /api/v1/territories/communes/{code}/schemes for `samples` communes covered by at least one scheme;
- GET /api/v1/coverage (national coverage by département, ACTIVE and RENEWAL schemes), 20 times.
Each is timed after a warm-up pass over the same requests. Each answer is compared with a plain reference computed here in Python from the imported file and the COG file
(data/cog/cog-2026.json.gz): perimeters resolved to communes, sets intersected scheme by scheme, populations summed
commune by commune. Prints p50/p95 of the API, the reference's time, and exits 1 if any answer disagrees.
"""
import gzip
import json
import os
import random
import subprocess
import sys
import time

from directory import ROOT, Directory, percentile, synthetic_registry

PORT = 8094
CURRENT = {"ACTIVE", "RENEWAL"}


class Reference:
    """The registry resolved in plain Python: each scheme's communes, and each commune's schemes."""

    def __init__(self, schemes):
        cog = json.load(gzip.open("data/cog/cog-2026.json.gz"))
        self.population = {c[0]: c[4] or 0 for c in cog["communes"]}
        self.department = {c[0]: c[2] for c in cog["communes"]}
        self.departments = {d[0]: d[1] for d in cog["departments"]}
        members = {}
        for c in cog["communes"]:
            members.setdefault(("epci", c[3]), set()).add(c[0])
            members.setdefault(("department", c[2]), set()).add(c[0])
        self.schemes = {}
        self.covering = {}
        for s in schemes:
            perimeter = s["perimeter"]
            communes = {c for c in perimeter.get("communes", []) if c in self.population}
            for siren in perimeter.get("epcis", []):
                communes |= members.get(("epci", siren), set())
            for code in perimeter.get("departments", []):
                communes |= members.get(("department", code), set())
            self.schemes[s["ref"]] = (s["kind"], s["status"], communes)
            for c in communes:
                self.covering.setdefault(c, []).append(s["ref"])

    def overlaps(self, ref):
        """{other ref: (shared communes, shared population)}: every other scheme with a commune in common."""
        mine = self.schemes[ref][2]
        answer = {}
        for other, (_, _, communes) in self.schemes.items():
            shared = mine & communes
            if other != ref and shared:
                answer[other] = (len(shared), sum(self.population[c] for c in shared))
        return answer

    def stack(self, commune):
        """{ref: covered communes} of the schemes covering the commune (a commune is covered whole)."""
        return {ref: 1 for ref, (_, _, communes) in self.schemes.items() if commune in communes}

    def coverage(self):
        """{département: (covered population, scheme count)} for the schemes at work, each commune once."""
        covered, schemes = {}, {}
        for ref, (_, status, communes) in self.schemes.items():
            if status not in CURRENT:
                continue
            for c in communes:
                covered.setdefault(self.department[c], set()).add(c)
            for d in {self.department[c] for c in communes}:
                schemes[d] = schemes.get(d, 0) + 1
        return {d: (sum(self.population[c] for c in covered.get(d, ())), schemes.get(d, 0)) for d in self.departments}


def compare(directory, name, items, path, expected, agrees):
    """Times the API's answer for each item after a warm-up pass, computes the reference's, and counts disagreements."""
    for item in items:  # warm-up: the JIT compiles the request path during the first hundreds of calls
        directory.get(path(item))
    api_times, reference_times, disagreements = [], [], 0
    for item in items:
        elapsed, answer = directory.get(path(item))
        start = time.perf_counter()
        reference = expected(item)
        reference_times.append((time.perf_counter() - start) * 1000)
        api_times.append(elapsed)
        if not agrees(answer, reference):
            disagreements += 1
    print(f"  {name:<38} API p50 {percentile(api_times, 50):7.1f} ms  p95 {percentile(api_times, 95):7.1f} ms   "
          f"reference p50 {percentile(reference_times, 50):8.1f} ms   "
          f"{len(api_times)} answers, {disagreements} disagreeing")
    return disagreements


def main():
    scale = sys.argv[1] if len(sys.argv) > 1 else "1"
    samples = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    os.chdir(ROOT)
    data_dir = f"target/bench-overlaps-{scale}"
    subprocess.run(["rm", "-rf", data_dir], check=True)
    schemes = synthetic_registry(scale)
    reference = Reference(schemes)
    rows = sum(len(c) for _, _, c in reference.schemes.values())
    print(f"synthetic registry: scale {scale}, {len(schemes)} schemes covering {rows} (scheme, commune) pairs")
    directory = Directory(data_dir, PORT, f"target/bench-overlaps-{scale}.log")
    try:
        print(f"imported in {directory.import_registry(schemes):.1f} s; "
              f"indexed {directory.wait_indexed(len(schemes)):.1f} s later")
        bad = measure(directory, reference, schemes, samples)
    finally:
        directory.stop()
    if bad:
        raise SystemExit(f"{bad} answers disagree with the reference")


def measure(directory, reference, schemes, samples):
    pick = random.Random(2026)
    refs = pick.sample([s["ref"] for s in schemes], min(samples, len(schemes)))
    ids = {ref: directory.get(f"/api/v1/schemes?ref={ref}")[1]["items"][0]["id"] for ref in refs}
    communes = pick.sample(sorted(reference.covering), min(samples, len(reference.covering)))

    def same_overlaps(answer, expected):
        shared = [row["sharedPopulation"] for row in answer]
        return ({row["scheme"]["ref"]: (row["sharedCommunes"], row["sharedPopulation"]) for row in answer} == expected
                and shared == sorted(shared, reverse=True))

    def same_stack(answer, expected):
        return {s["scheme"]["ref"]: s["coveredCommunes"] for group in answer["kinds"] for s in group["schemes"]} == expected

    def same_coverage(answer, expected):
        return {row["code"]: (row["coveredPopulation"], row["schemeCount"]) for row in answer} == expected

    return (compare(directory, "one scheme's overlaps", refs, lambda ref: f"/api/v1/schemes/{ids[ref]}/overlaps",
                    reference.overlaps, same_overlaps)
            + compare(directory, "one commune's stack", communes, lambda code: f"/api/v1/territories/communes/{code}/schemes",
                      reference.stack, same_stack)
            + compare(directory, "national coverage by département", range(20), lambda _: "/api/v1/coverage",
                      lambda _: reference.coverage(), same_coverage))


if __name__ == "__main__":
    main()
