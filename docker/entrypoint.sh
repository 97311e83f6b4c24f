#!/bin/sh
# Starts the directory. With DIRECTORY_CDS_DIR set (a writable directory of this replica's own, kept across restarts),
# the JVM reads the classes it needs from a class data sharing archive there instead of loading them from the jars:
# ready in 3.5-3.7 s instead of 4.8-5.1 s once PostgreSQL and the search engine are up (BENCHMARKS.md, "Start-up"). The
# archive belongs to one build: it is named after a checksum of the application's files as the JVM checks them (names,
# sizes, times), written when the first process of that build exits (SIGTERM, a few seconds), read by every later start.
set -eu
jar="${DIRECTORY_JAR:-/app/quarkus-run.jar}"
cds=""
if [ -n "${DIRECTORY_CDS_DIR:-}" ]; then
  build=$(cd "$(dirname "$jar")" && ls -lR --time-style=full-iso . | sha256sum | cut -c1-16)
  archive="$DIRECTORY_CDS_DIR/directory-$build.jsa"
  if [ -s "$archive" ]; then
    cds="-XX:SharedArchiveFile=$archive"
  else
    rm -f "$DIRECTORY_CDS_DIR"/directory-*.jsa # those of earlier builds
    echo "Class data sharing: $archive will be written when this process exits" >&2
    # Without -Xlog:cds=error the JVM lists every class it leaves out of the archive (thousands of lines).
    cds="-XX:ArchiveClassesAtExit=$archive -Xlog:cds=error"
  fi
fi
# JAVA_OPTS is split on spaces on purpose: it holds several options.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} $cds -jar "$jar"
