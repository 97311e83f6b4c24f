#!/usr/bin/env bash
# Imports the synthetic national registry into a running directory through the public API and prints how
# long it takes: validation only (dry run), first import (creates), second import (updates), exports.
# Usage: src/bench/import-synthetic.sh <base-url> <admin-token> [scale]   (defaults: scale 1, ~3,000 schemes)
# The directory must run with that token, preferably on fresh data, e.g.:
#   DIRECTORY_ADMIN_TOKEN=bench DIRECTORY_DEMO_DATA_ENABLED=false DIRECTORY_EMBEDDED_DATA_DIR=target/bench-data \
#     java -jar target/quarkus-app/quarkus-run.jar
set -euo pipefail
base=${1:?base URL, e.g. http://localhost:8080}
token=${2:?admin token}
scale=${3:-1}
cd "$(dirname "$0")/../.."
file=target/synthetic-registry-$scale.json
echo "$(src/bench/synthetic-registry.sh "$scale" "$file" 2>&1 >/dev/null)"
count=$(grep -o '"ref"' "$file" | wc -l)
echo "synthetic registry: scale $scale, $count schemes, $(du -h "$file" | cut -f1)"

post() { # label, query
  local out status
  out=$(curl -sS -o target/import-answer.json -w '%{http_code} %{time_total}' -X POST \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary "@$file" "$base/api/v1/schemes/import$2")
  status=${out% *}
  printf '%-28s %6.1f s  HTTP %s  %s\n' "$1" "${out#* }" "$status" "$(head -c 120 target/import-answer.json)"
  [[ $status == 200 ]]
}
post "dry run (validation only)" "?dryRun=true"
post "import (creates)" ""
post "import again (updates)" ""
for format in json csv; do
  printf '%-28s %6.1f s\n' "export.$format (public)" \
    "$(curl -sS -o /dev/null -w '%{time_total}' "$base/api/v1/schemes/export.$format")"
done
