#!/usr/bin/env bash
# Latency of GET /api/v1/territories?q= (territory suggestions) against a running directory.
# Usage: src/bench/territory-suggest.sh [base URL] [rounds]   (defaults: http://localhost:8080 20)
# Sends, per round, every prefix of a set of place names and codes, as someone typing them would;
# prints p50/p95/p99 of curl's total time (request sent to last byte, connection reused per round).
set -euo pipefail
base=${1:-http://localhost:8080}
rounds=${2:-20}
words=(echirolles grenoble saint-martin-d-heres strasbourg ajaccio marseille "la roche" isere 38130 2a004 200040715 lyon "saint e" paris bretagne)

urls=$(mktemp)
trap 'rm -f "$urls" "$urls.times"' EXIT
for w in "${words[@]}"; do
  for ((i = 2; i <= ${#w}; i++)); do
    q=$(printf '%s' "${w:0:i}" | sed 's/ /%20/g')
    printf 'url = "%s/api/v1/territories?q=%s"\noutput = /dev/null\nwrite-out = "%%{time_total}\\n"\n' "$base" "$q" >> "$urls"
  done
done
count=$(grep -c '^url' "$urls")
curl -s -K "$urls" > /dev/null   # warm-up round, not measured
for ((r = 0; r < rounds; r++)); do curl -s -K "$urls"; done > "$urls.times"
sort -n "$urls.times" | awk -v n="$((count * rounds))" '
  { t[NR] = $1 * 1000 }
  END {
    printf "territory suggestions: %d requests (%d distinct)\n", n, n / '"$rounds"'
    printf "p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms\n", t[int(n*0.50)], t[int(n*0.95)], t[int(n*0.99)], t[n]
  }'
