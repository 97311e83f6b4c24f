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


def timed_reference(function, *args):
    start = time.perf_counter()
    answer = function(*args)
    return (time.perf_counter() - start) * 1000, answer


def report(name, api_times, reference_times, disagreements):
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
    body, schemes = synthetic_registry(scale)
    reference = Reference(schemes)
    rows = sum(len(c) for _, _, c in reference.schemes.values())
    print(f"synthetic registry: scale {scale}, {len(schemes)} schemes covering {rows} (scheme, commune) pairs")
    directory = Directory(data_dir, PORT, f"target/bench-overlaps-{scale}.log")
    try:
        print(f"imported in {directory.import_registry(body):.1f} s; "
              f"indexed {directory.wait_indexed(len(schemes)):.1f} s later")
        bad = measure(directory, reference, schemes, samples)
    finally:
        directory.stop()
    if bad:
        raise SystemExit(f"{bad} answers disagree with the reference")


def measure(directory, reference, schemes, samples):
    pick = random.Random(2026)
    bad = 0

    # One scheme's overlaps. Ids are read first, outside the timings.
    refs = pick.sample([s["ref"] for s in schemes], min(samples, len(schemes)))
    ids = {ref: directory.get(f"/api/v1/schemes?ref={ref}")[1]["items"][0]["id"] for ref in refs}
    for ref in refs:  # a warm-up pass: the JIT compiles the request path during the first hundreds of calls
        directory.get(f"/api/v1/schemes/{ids[ref]}/overlaps")
    api_times, reference_times, disagreements = [], [], 0
    for ref in refs:
        elapsed, answer = directory.get(f"/api/v1/schemes/{ids[ref]}/overlaps")
        t, expected = timed_reference(reference.overlaps, ref)
        api_times.append(elapsed)
        reference_times.append(t)
        got = {row["scheme"]["ref"]: (row["sharedCommunes"], row["sharedPopulation"]) for row in answer}
        ordered = [row["sharedPopulation"] for row in answer]
        if got != expected or ordered != sorted(ordered, reverse=True):
            disagreements += 1
    bad += report("one scheme's overlaps", api_times, reference_times, disagreements)

    # One commune's stack.
    communes = pick.sample(sorted(reference.covering), min(samples, len(reference.covering)))
    for code in communes:
        directory.get(f"/api/v1/territories/communes/{code}/schemes")
    api_times, reference_times, disagreements = [], [], 0
    for code in communes:
        elapsed, answer = directory.get(f"/api/v1/territories/communes/{code}/schemes")
        t, expected = timed_reference(reference.stack, code)
        api_times.append(elapsed)
        reference_times.append(t)
        got = {s["scheme"]["ref"]: s["coveredCommunes"] for group in answer["kinds"] for s in group["schemes"]}
        if got != expected or answer["territory"]["population"] != reference.population[code]:
            disagreements += 1
    bad += report("one commune's stack", api_times, reference_times, disagreements)

    # National coverage by département.
    for _ in range(10):
        directory.get("/api/v1/coverage")
    api_times, reference_times, disagreements = [], [], 0
    for _ in range(20):
        elapsed, answer = directory.get("/api/v1/coverage")
        t, expected = timed_reference(reference.coverage)
        api_times.append(elapsed)
        reference_times.append(t)
        got = {row["code"]: (row["coveredPopulation"], row["schemeCount"]) for row in answer}
        if got != expected:
            disagreements += 1
            wrong = [d for d in expected if got.get(d) != expected[d]][:3]
            print(f"    coverage differs for {wrong}: API {[got.get(d) for d in wrong]}, reference {[expected[d] for d in wrong]}")
    bad += report("national coverage by département", api_times, reference_times, disagreements)
    return bad


if __name__ == "__main__":
    main()
