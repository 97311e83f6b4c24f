#!/usr/bin/env bash
# Checks the directory's API as partners meet it, against a running directory (first argument, e.g. http://localhost:8080):
#   lint    its OpenAPI document with Redocly and Spectral (the versions partners run), prints their reports
#   client  generates a TypeScript client with openapi-generator (typescript-fetch), compiles partner.ts with it in
#           strict mode and runs it against the directory
#   answers reads the requests listed in a file (third argument: "METHOD /path [token]" per line) and checks each real
#           answer against the schema the document declares for it (ajv)
# Needs Java 17, Node.js 20 and npm (the npm registry reachable), and openapi-generator's jar from Maven Central: the
# build copies it to target/tools (./mvnw test-compile); OPENAPI_GENERATOR_JAR points elsewhere.
set -euo pipefail
what=${1:?lint, client or answers}
base=${2:?the address of a running directory, e.g. http://localhost:8080}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
work="$top/target/api-check"
mkdir -p "$work"
curl -sSf "$base/q/openapi" -o "$work/openapi.yaml"

case "$what" in
  lint)
    printf 'extends: ["spectral:oas"]\n' > "$work/spectral.yaml"
    cd "$work"
    npx --yes @redocly/cli@2.77.0 lint --format=json openapi.yaml > redocly.json 2> redocly.log || true
    npx --yes @stoplight/spectral-cli@6.16.3 lint -r spectral.yaml --format=json --quiet openapi.yaml > spectral.json 2> spectral.log || true
    echo "reports: $work/redocly.json $work/spectral.json"
    ;;
  client)
    jar=${OPENAPI_GENERATOR_JAR:-$top/target/tools/openapi-generator-cli.jar}
    rm -rf "$work/client" && mkdir -p "$work/client"
    cp "$here/package.json" "$here/package-lock.json" "$here/tsconfig.json" "$here/partner.ts" "$work/client/"
    java -jar "$jar" generate -i "$work/openapi.yaml" -g typescript-fetch -o "$work/client/generated" > "$work/generate.log"
    cd "$work/client"
    npm ci --no-audit --no-fund --loglevel=error
    npx tsc -p tsconfig.json
    node dist/partner.js "$base"
    ;;
  answers)
    list=$(cd "$(dirname "${3:?a file of requests}")" && pwd)/$(basename "$3")
    rm -rf "$work/answers" && mkdir -p "$work/answers"
    cp "$here/package.json" "$here/package-lock.json" "$here/answers.mjs" "$work/answers/"
    cd "$work/answers"
    npm ci --no-audit --no-fund --loglevel=error
    node answers.mjs "$base" "$list"
    ;;
  *) echo "lint, client or answers" >&2; exit 2 ;;
esac
