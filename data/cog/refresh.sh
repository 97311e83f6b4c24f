#!/usr/bin/env bash
# Rebuilds data/cog/cog-<year>.json.gz from INSEE's geography as published on npm by Etalab.
# Usage: data/cog/refresh.sh [package version] [cog year]   (defaults: 6.0.0 2026)
set -euo pipefail
version=${1:-6.0.0}
year=${2:-2026}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@etalab/decoupage-administratif@$version" >/dev/null && tar xzf ./*.tgz)
node "$here/compact.mjs" "$work/package/data" "$year" "@etalab/decoupage-administratif@$version"
