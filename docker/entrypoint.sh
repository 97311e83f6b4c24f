#!/bin/sh
# Starts the directory. With DIRECTORY_CDS_DIR set (a writable directory of this replica's own, kept across restarts),
# the JVM reads the classes it needs from a class data sharing archive there instead of loading them from the jars:
# ready in 3.5-3.7 s instead of 4.8-5.1 s once PostgreSQL and the search engine are up (BENCHMARKS.md, "Start-up"). The
# archive belongs to one build: it is named after a checksum of the application's files as the JVM checks them (names,
# sizes, times), written when the first process of that build stops (SIGTERM, about 5 s), read by every later start.
set -eu
jar="${DIRECTORY_JAR:-/app/quarkus-run.jar}"
# JAVA_OPTS is split on spaces on purpose: it holds several options.
# shellcheck disable=SC2086
if [ -z "${DIRECTORY_CDS_DIR:-}" ]; then
  exec java ${JAVA_OPTS:-} -jar "$jar"
fi
listing=$(cd "$(dirname "$jar")" && ls -lRn --full-time .)
build=$(printf '%s' "$listing" | sha256sum | cut -c1-16)
archive="$DIRECTORY_CDS_DIR/directory-$build.jsa"
if [ -s "$archive" ]; then
  # shellcheck disable=SC2086
  exec java ${JAVA_OPTS:-} "-XX:SharedArchiveFile=$archive" -jar "$jar"
fi
rm -f "$DIRECTORY_CDS_DIR"/directory-*.jsa* # those of earlier builds, and a write cut short
echo "Class data sharing: $archive will be written when this process stops" >&2
# Written under another name, renamed once the JVM has exited: a stop cut short never leaves a truncated archive that
# later starts would take for a complete one. So this shell stays, passing the stop signal on to the JVM.
# Without -Xlog:cds=error the JVM lists every class it leaves out of the archive (thousands of lines).
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} "-XX:ArchiveClassesAtExit=$archive.partial" -Xlog:cds=error -jar "$jar" &
jvm=$!
trap 'kill -TERM "$jvm" 2>/dev/null' TERM INT
status=0
wait "$jvm" || status=$?
# A signal ends the first wait before the JVM has finished exiting (and writing).
while kill -0 "$jvm" 2>/dev/null; do
  wait "$jvm" || status=$?
done
if [ -s "$archive.partial" ]; then
  mv "$archive.partial" "$archive"
fi
exit "$status"
