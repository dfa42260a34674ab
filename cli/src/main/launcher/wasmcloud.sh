#!/bin/sh
# wasmcloud: this file is a POSIX shell launcher followed by the CLI's jar. The JVM finds the jar's
# directory at the end of the file, so `java -jar` runs this very file.
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java="$JAVA_HOME/bin/java"
else
  java=java
fi

# Fail with a clear message on an old JDK rather than with UnsupportedClassVersionError. The JDK's
# `release` file answers without starting a JVM; without one (unusual layouts) the JVM is just tried.
release=
java_path=$java
if [ "$java" = java ]; then
  java_path=$(command -v java 2>/dev/null) && java_path=$(readlink -f "$java_path" 2>/dev/null) \
    && release="${java_path%/bin/java}/release"
else
  release="$JAVA_HOME/release"
fi
if [ -n "$release" ] && [ -r "$release" ]; then
  while IFS= read -r line; do
    case $line in
      JAVA_VERSION=*)
        version=${line#JAVA_VERSION=}; version=${version#\"}; version=${version%\"}; major=${version%%[.+-]*}
        case $major in
          ''|*[!0-9]*) ;;
          *) if [ "$major" -lt 25 ]; then
               echo "error: wasmcloud needs Java 25 or newer, but $java_path is Java $version; set JAVA_HOME to a JDK 25" >&2
               exit 1
             fi ;;
        esac ;;
    esac
  done < "$release"
fi

# Only the shell can tell which streams are terminals; the CLI uses this for prompts, colour and progress.
stdin_tty=false; [ -t 0 ] && stdin_tty=true
stdout_tty=false; [ -t 1 ] && stdout_tty=true
stderr_tty=false; [ -t 2 ] && stderr_tty=true

# Class-data sharing: the first run writes an archive of the loaded classes, later runs start from it.
# The JVM does not replace an archive built from another jar, so a stale one (this file was replaced
# since) is removed here and rebuilt on this run.
cds=
cache="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/wasmcloud"
if [ -z "${WASMCLOUD_NO_CDS:-}" ] && mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
  archive="$cache/cli-@VERSION@.jsa"
  if [ -f "$archive" ] && [ "$0" -nt "$archive" ]; then
    rm -f "$archive"
  fi
  cds="-XX:SharedArchiveFile=$archive -XX:+AutoCreateSharedArchive"
fi

# C1 alone starts fastest, which suits API commands; `run` and `serve` execute wasm compiled to JVM bytecode,
# which needs the optimising compiler. The first word that is not an option is the command.
jit=-XX:TieredStopAtLevel=1
for arg in "$@"; do
  case $arg in
    -*) ;;
    run|serve) jit=; break ;;
    *) break ;;
  esac
done

# JVM log output defaults to stdout, which carries data here: only errors, on stderr, and none about the
# archive (which is optional and silently rebuilt).
# shellcheck disable=SC2086
exec "$java" -Xlog:disable -Xlog:all=error,cds*=off,aot*=off:stderr $cds $jit \
  -XX:+UseSerialGC \
  -Dwasmcloud.tty.stdin=$stdin_tty -Dwasmcloud.tty.stdout=$stdout_tty -Dwasmcloud.tty.stderr=$stderr_tty \
  ${WASMCLOUD_JAVA_OPTS:-} -jar "$0" "$@"
