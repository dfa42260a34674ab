#!/usr/bin/env bash
# Isolation under load, with the executor's shipped defaults (no EXECUTOR_ARGS): hello's throughput and latency at
# 1, 16 and 256 connections, alone and beside a hostile tenant (another user) whose three looping functions and two
# sleeping ones each get 20 connections. Prints one table; figures go to bench/executor/README.md.
#
# Usage: bench/executor/isolation.sh      Settings: DURATION=10s THREADS=2 PORT=18091 MANAGEMENT_PORT=19091 SKIP_BUILD=1
#   CONNECTIONS ("1 16 256"), EXECUTOR_ARGS, JAVA_OPTS, HOSTILE_CONNECTIONS (20), LOOPER_TIMEOUT_MS (the loopers' time limit; default 10 s)
#   are for experiments only: the reported figures use the defaults
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION="${DURATION:-10s}"
THREADS="${THREADS:-2}"
PORT="${PORT:-18091}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-19091}"
# shellcheck source=bench/executor/stack.sh
source bench/executor/stack.sh
stack_build
stack_database
fixtures=executor/src/test/resources/fixtures
hostile=(loop-1 loop-2 loop-3 sleep-1 sleep-2)
for name in loop-1 loop-2 loop-3; do deploy "$name" "$fixtures/spin.wasm" --owner hostile ${LOOPER_TIMEOUT_MS:+--timeout-ms "$LOOPER_TIMEOUT_MS"}; done
for name in sleep-1 sleep-2; do deploy "$name" "$fixtures/sleep_then_reply.wasm" --owner hostile; done

stack_executor
base="http://127.0.0.1:$PORT"
wait_for "$base/hello/" || true
for name in "${hostile[@]}"; do curl -s -o /dev/null -m 15 "$base/$name/" || true; done

measure() { # <label> <connections>
  wrk -t "$(( $2 < THREADS ? $2 : THREADS ))" -c "$2" -d "$DURATION" --timeout 5s --latency "$base/hello/" >"$work/wrk.txt"
  awk -v label="$1" -v c="$2" '
    /^Requests\/sec:/ { rps = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
    /requests in/ { requests = $1 } /Non-2xx or 3xx responses/ { non2xx = $NF }
    /Socket errors/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
    END { printf "| %-16s | %4d | %9s | %8s | %8s | %8d | %6d | %6d |\n", label, c, rps, p50, p99, requests,
      non2xx, errors }' "$work/wrk.txt"
}
echo "== $(nproc) CPUs, $("$java" -version 2>&1 | head -1), executor args: ${EXECUTOR_ARGS:-(defaults)}; $(uptime)"
wrk -t "$THREADS" -c 64 -d 15s "$base/hello/" >/dev/null
echo "| hello            | conn |     req/s |      p50 |      p99 | requests | non-2xx | socket errors |"
echo "|---|---|---|---|---|---|---|---|"
for connections in ${CONNECTIONS:-1 16 256}; do
  measure alone "$connections"
  hogs=()
  for name in "${hostile[@]}"; do
    wrk -t 1 -c "${HOSTILE_CONNECTIONS:-20}" -d "$(( ${DURATION%s} + 4 ))s" --timeout 15s "$base/$name/" >"$work/hog-$name.txt" &
    hogs+=($!)
  done
  sleep 2
  measure "beside-hostile" "$connections"
  wait "${hogs[@]}"
  sleep 11 # the loopers still running after their clients left end at their 10 s timeout
done
