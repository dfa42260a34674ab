#!/bin/sh
# wasmcloud: this file is a POSIX shell launcher followed by the CLI's jar. The JVM finds the jar's
# directory at the end of the file, so `java -jar` runs this very file.
# The major version of the JDK at $1, from its `release` file (answers without starting a JVM); empty when unknown.
java_major() {
  [ -r "$1/release" ] || return 0
  while IFS= read -r line; do
    case $line in
      JAVA_VERSION=*) v=${line#JAVA_VERSION=}; v=${v#\"}; v=${v%\"}; echo "$v"; return 0 ;;
    esac
  done < "$1/release"
}
is_jdk25() {
  v=$(java_major "$1"); m=${v%%[.+-]*}
  case $m in ''|*[!0-9]*) return 1 ;; esac
  [ "$m" -ge 25 ]
}

verbose=false
for arg in "$@"; do
  case $arg in -v|--verbose) verbose=true ;; --) break ;; esac
done

# Which Java: JAVA_HOME when set; else `java` on the PATH if it is 25 or newer; else a JDK 25 in the usual places
# (as ./dev finds one), so a new terminal without JAVA_HOME still works; else the PATH's, refused below if too old.
home=
chosen=
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java="$JAVA_HOME/bin/java"; home=$JAVA_HOME; chosen="JAVA_HOME"
else
  java=
  path_java=$(command -v java 2>/dev/null) && path_home=$(readlink -f "$path_java" 2>/dev/null) \
    && path_home=${path_home%/bin/java}
  if [ -n "${path_home:-}" ] && is_jdk25 "$path_home"; then
    java=$path_java; home=$path_home; chosen="the PATH"
  else
    for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
        "${HOME:-/nonexistent}"/.sdkman/candidates/java/* "${HOME:-/nonexistent}"/.jdks/* \
        /Library/Java/JavaVirtualMachines/*/Contents/Home; do
      if [ -x "$candidate/bin/java" ] && is_jdk25 "$candidate"; then
        java="$candidate/bin/java"; home=$candidate; chosen="a search of the usual places; JAVA_HOME is not set"
        break
      fi
    done
  fi
  if [ -z "$java" ]; then
    java=${path_java:-java}; home=${path_home:-}; chosen="the PATH"
  fi
fi

# Fail with a clear message on an old JDK rather than with UnsupportedClassVersionError; without a `release`
# file (unusual layouts) the JVM is just tried.
version=
[ -n "$home" ] && version=$(java_major "$home")
major=${version%%[.+-]*}
case $major in
  ''|*[!0-9]*) ;;
  *) if [ "$major" -lt 25 ]; then
       echo "error: wasmcloud needs Java 25 or newer, but $java is Java $version; set JAVA_HOME to a JDK 25" >&2
       exit 1
     fi ;;
esac
if [ "$verbose" = true ]; then
  echo "java: $java (Java ${version:-of unknown version}, from $chosen)" >&2
fi

# Only the shell can tell which streams are terminals; the CLI uses this for prompts, colour and progress.
stdin_tty=false; [ -t 0 ] && stdin_tty=true
stdout_tty=false; [ -t 1 ] && stdout_tty=true
stderr_tty=false; [ -t 2 ] && stderr_tty=true

# C1 alone starts fastest, which suits API commands; `run` and `serve` execute wasm compiled to JVM bytecode,
# which needs the optimising compiler. The first word that is not an option is the command.
jit=-XX:TieredStopAtLevel=1
kind=api
for arg in "$@"; do
  case $arg in
    -*) ;;
    run|serve) jit=; kind=local; break ;;
    *) break ;;
  esac
done

# JDK 25's ahead-of-time cache: the first run records which classes the CLI loads and links, a background step then
# assembles the cache, and later runs start with those classes loaded and linked. `run` and `serve` load other
# classes than the API commands, so each kind has its own. The JVM does not use a cache built from another jar or
# JDK, so one older than this file is removed here and rebuilt; without a writable cache directory nothing is kept.
# The same directory holds the compiled classes of the modules that `run` and `serve` load (UserClassCache).
aot=
config=
cache_base=${HOME:-/tmp}/.cache
case ${XDG_CACHE_HOME:-} in /*) cache_base=$XDG_CACHE_HOME ;; esac
cache=${WASMCLOUD_CACHE_DIR:-$cache_base/wasmcloud}
# Class-data options of the user's own turn the cache off: the JVM refuses to record beside -Xshare:off or another
# archive, and the recording run hides the VM's error message.
no_cache=${WASMCLOUD_NO_CDS:-}
case " ${WASMCLOUD_JAVA_OPTS:-} " in
  *" -Xshare:"*|*" -XX:AOT"*|*" -XX:SharedArchiveFile"*|*" -XX:ArchiveClassesAtExit"*|*AutoCreateSharedArchive*)
    no_cache=1 ;;
esac
# The JVM options are word-split below (POSIX sh has no arrays), so a cache path with white space cannot be passed
# whole: such a directory gets no cache rather than a broken command line.
case $cache in *[[:space:]]*) no_cache=1 ;; esac
if [ -z "$no_cache" ] && mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
  archive="$cache/cli-@VERSION@-java${version:-unknown}-$kind.aot"
  if [ -f "$archive" ] && [ "$0" -nt "$archive" ]; then
    rm -f "$archive"
  fi
  for old in "$cache"/cli-*.jsa; do
    # The class-data archives of earlier launchers.
    [ -f "$old" ] && rm -f "$old"
  done
  if [ -f "$archive" ]; then
    # The CLI deletes a cache the JVM could not use (AheadOfTimeCache), so that the next run records a new one.
    aot="-XX:AOTCache=$archive -Dwasmcloud.aot.cache=$archive"
  else
    # One recording at a time: runs started meanwhile go without. What a killed run left is removed after a while.
    find "$cache" -maxdepth 1 \( -name 'cli-*.aotconf*' -o -name 'cli-*.partial' \) -mmin +10 -exec rm -f {} + \
      2>/dev/null
    recording=false
    for other in "$cache/cli-@VERSION@-$kind".*.aotconf*; do
      [ -e "$other" ] && recording=true
    done
    if [ "$recording" = false ]; then
      config="$cache/cli-@VERSION@-$kind.$$.aotconf"
      # Recording ends with a line on stdout that no log option turns off; only hiding the VM's own output does.
      aot="-XX:AOTMode=record -XX:AOTConfiguration=$config -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput"
    fi
  fi
fi

# JVM log output defaults to stdout, which carries data here: only errors, on stderr, and none about the
# cache (which is optional and silently rebuilt).
flags="-Xlog:disable -Xlog:all=error,cds*=off,aot*=off:stderr $jit -XX:+UseSerialGC"
if [ -z "$config" ]; then
  # shellcheck disable=SC2086
  exec "$java" $flags $aot \
    -Dwasmcloud.tty.stdin=$stdin_tty -Dwasmcloud.tty.stdout=$stdout_tty -Dwasmcloud.tty.stderr=$stderr_tty \
    ${WASMCLOUD_JAVA_OPTS:-} -jar "$0" "$@"
fi

# The recording run: the command runs as always, then the cache is assembled in the background (under a second of
# CPU) and moved into place whole, so a concurrent run never sees half of it.
trap 'rm -f "$config"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# shellcheck disable=SC2086
"$java" $flags $aot \
  -Dwasmcloud.tty.stdin=$stdin_tty -Dwasmcloud.tty.stdout=$stdout_tty -Dwasmcloud.tty.stderr=$stderr_tty \
  ${WASMCLOUD_JAVA_OPTS:-} -jar "$0" "$@"
status=$?
if [ -s "$config" ]; then
  partial="$archive.$$.partial"
  mv -f "$config" "$config.assembling"
  # shellcheck disable=SC2086
  ( "$java" $flags -XX:AOTMode=create -XX:AOTConfiguration="$config.assembling" -XX:AOTCache="$partial" -jar "$0" \
      && mv -f "$partial" "$archive"
    rm -f "$partial" "$config.assembling" ) </dev/null >/dev/null 2>&1 &
fi
exit $status
