#!/usr/bin/env bash
# Load benchmark of the executor: hello over HTTP on loopback with wrk.
# Starts an embedded PostgreSQL holding one public function "hello" (examples/hello) and the executor jar against
# it, warms up, then runs wrk and prints requests/s, latency percentiles and the non-2xx count.
#
# Usage: bench/executor/run.sh            (build first: ./mvnw -o -pl executor -am -DskipTests package test-compile)
# Settings (environment): CONNECTIONS=256 DURATION=20s THREADS=2 PORT=18081
#   EXECUTOR_ARGS='--wasmcloud.executor.max-in-flight-per-function=... --wasmcloud.executor.pool-queue=...'
set -euo pipefail
cd "$(dirname "$0")/../.."

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
CONNECTIONS="${CONNECTIONS:-256}"
DURATION="${DURATION:-20s}"
THREADS="${THREADS:-2}"
PORT="${PORT:-18081}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-19081}"
EXECUTOR_ARGS="${EXECUTOR_ARGS:-}"

jar=executor/target/executor-exec.jar
[[ -f $jar && -d executor/target/test-classes ]] || {
  echo "build first: ./mvnw -o -pl executor -am -DskipTests package test-compile" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

./mvnw -B -q -o -pl executor dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath" >/dev/null
"$java" -cp "executor/target/test-classes:executor/target/classes:$(cat "$work/classpath")" \
  app.wasmcloud.executor.BenchDatabase "$work/store" >"$work/database.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do
  grep -q '^JDBC_URL=' "$work/database.log" && break
  sleep 0.5
done
jdbc_url=$(sed -n 's/^JDBC_URL=//p' "$work/database.log")
[[ -n $jdbc_url ]] || { echo "the database did not start:" >&2; cat "$work/database.log" >&2; exit 1; }

# shellcheck disable=SC2086 # EXECUTOR_ARGS is a list of arguments
"$java" -jar "$jar" \
  --spring.datasource.url="$jdbc_url" --spring.datasource.username=postgres --spring.datasource.password=postgres \
  --server.address=127.0.0.1 --server.port="$PORT" \
  --management.server.address=127.0.0.1 --management.server.port="$MANAGEMENT_PORT" \
  --wasmcloud.executor.module-store-root="$work/store" \
  --wasmcloud.executor.service-token-secret="$(head -c 32 /dev/urandom | base64)" \
  --logging.level.root=WARN $EXECUTOR_ARGS >"$work/executor.log" 2>&1 &
pids+=($!)
url="http://127.0.0.1:$PORT/hello/"
for _ in $(seq 1 240); do
  curl -fs -o /dev/null "$url" && break
  sleep 0.5
done
curl -fs -o /dev/null "$url" || { echo "the executor did not serve hello:" >&2; tail -50 "$work/executor.log" >&2; exit 1; }

echo "== warm-up (10 s, 64 connections)"
wrk -t "$THREADS" -c 64 -d 10s "$url" >/dev/null
echo "== hello: $CONNECTIONS connections, $DURATION, $THREADS wrk threads; executor args: ${EXECUTOR_ARGS:-(defaults)}"
wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --latency "$url" | tee "$work/wrk.txt"
non2xx=$(sed -n 's/.*Non-2xx or 3xx responses: *//p' "$work/wrk.txt")
echo "== non-2xx responses: ${non2xx:-0}"
curl -s "http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus" | grep -E '^wasmcloud_invocations_total\{' | grep -v ' 0.0$' || true
