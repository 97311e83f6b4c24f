#!/usr/bin/env bash
# Writes a synthetic registry of schemes over the real COG (real places, fictional people), to load into
# the directory and measure it at national scale: about 3,000 schemes per unit of scale (33 gives ~100,000).
# Usage: src/bench/synthetic-registry.sh [scale] [out]   (defaults: 1 target/synthetic-registry.json)
# Needs a build first (./mvnw -DskipTests package, which compiles the tests too): runs the test source
# fr.dynamiques.sante.demo.SyntheticRegistry on the fast-jar's libraries, target/classes (the project's classes and
# the COG resource) and target/test-classes (the generator: it does not ship in the application).
# Deterministic: same scale, same file (seed 2026; SYNTHETIC_SEED sets another; JAVA_OPTS passes JVM options).
set -euo pipefail
scale=${1:-1}
out=${2:-}
if [[ -n "$out" && "$out" != /* ]]; then
  out="$PWD/$out"   # relative to where the script was called from, not to the project
fi
cd "$(dirname "$0")/../.."
out=${out:-target/synthetic-registry.json}
if [[ ! -d target/quarkus-app/lib/main || ! -f target/classes/cog/cog-2026.json.gz \
      || ! -f target/test-classes/fr/dynamiques/sante/demo/SyntheticRegistry.class ]]; then
  echo "no build found in $PWD/target: run ./mvnw -DskipTests package first" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java ${JAVA_OPTS:-} -cp "target/quarkus-app/lib/main/*:target/classes:target/test-classes" \
  fr.dynamiques.sante.demo.SyntheticRegistry --scale "$scale" --seed "${SYNTHETIC_SEED:-2026}" --out "$out"
