#!/bin/sh
# wasmcloud: this file is a POSIX shell launcher followed by the CLI's jar. The JVM finds the jar's
# directory at the end of the file, so `java -jar` runs this very file.
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java="$JAVA_HOME/bin/java"
else
  java=java
fi
# Only the shell can tell which streams are terminals; the CLI uses this for prompts, colour and progress.
stdin_tty=false; [ -t 0 ] && stdin_tty=true
stdout_tty=false; [ -t 1 ] && stdout_tty=true
stderr_tty=false; [ -t 2 ] && stderr_tty=true
# Class-data sharing: the first run writes an archive of the loaded classes, later runs start from it.
cds=
cache="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/wasmcloud"
if [ -z "${WASMCLOUD_NO_CDS:-}" ] && mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
  cds="-XX:SharedArchiveFile=$cache/cli-@VERSION@.jsa -XX:+AutoCreateSharedArchive"
fi
# -Xlog:disable keeps JVM notices (such as a stale CDS archive being replaced) off stdout, which carries data.
# shellcheck disable=SC2086
exec "$java" -Xlog:disable -Xlog:all=error:stderr $cds -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
  -Dwasmcloud.tty.stdin=$stdin_tty -Dwasmcloud.tty.stdout=$stdout_tty -Dwasmcloud.tty.stderr=$stderr_tty \
  ${WASMCLOUD_JAVA_OPTS:-} -jar "$0" "$@"
