#!/usr/bin/env bash
# Load benchmark of the executor, end to end over HTTP on loopback with wrk: one executor, one run, one table.
#
#   (a) hello (examples/hello) against the executor's own no-op endpoint (same connector, filters, dispatcher;
#       wasmcloud.executor.bench.noop-endpoint=true) and against the V8 HTTP peer (bench/node/http-peer.mjs: a Node
#       cluster building a fresh WebAssembly.Instance of the same hello.wasm per request), interleaved: noop, hello,
#       v8, noop, hello, v8, ...
#   (b) hello at CONNECTIONS connections alone, and while a function that loops forever (the spin fixture) is hit
#       by a second wrk, interleaved with (a); errors are non-2xx responses and socket errors both.
#   (c) first request after a deploy (rows + pg_notify, as the api-server does, then 1 s), against the first request
#       to a function no executor was told about (compiled on the request path) and the steady state; each with the
#       compiled-module cache misses it caused, plus the executor's compile-time metric.
#
# Starts its own embedded PostgreSQL holding the public function "hello" and the executor jar against it.
#
# Usage: bench/executor/run.sh
# Settings (environment): CONNECTIONS=256 DURATION=15s ROUNDS=3 THREADS=2 WRK_TIMEOUT=5s SPIN_CONNECTIONS=16
#   DEPLOY_ROUNDS=5
#   PORT=18081 MANAGEMENT_PORT=19081 V8_PORT=18082 SKIP_BUILD=1 (use the jar as built) MAVEN_ARGS (e.g. -Dmaven.repo.local=...)
#   EXECUTOR_ARGS (default: none, the shipped defaults)
#   JAVA_OPTS (for the executor JVM)
set -euo pipefail
cd "$(dirname "$0")/../.."

CONNECTIONS="${CONNECTIONS:-256}"
DURATION="${DURATION:-15s}"
ROUNDS="${ROUNDS:-3}"
THREADS="${THREADS:-2}"
SPIN_CONNECTIONS="${SPIN_CONNECTIONS:-16}"
DEPLOY_ROUNDS="${DEPLOY_ROUNDS:-5}"
PORT="${PORT:-18081}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-19081}"
EXECUTOR_ARGS="${EXECUTOR_ARGS:-}"
JAVA_OPTS="${JAVA_OPTS:-}"
# wrk leaves replies slower than its timeout out of the latency figures and counts them as timeouts (errors here);
# it must be shorter than DURATION, or a connection that never gets an answer counts as nothing at all.
WRK_TIMEOUT="${WRK_TIMEOUT:-5s}"

# shellcheck source=bench/executor/stack.sh
source bench/executor/stack.sh
command -v node >/dev/null || { echo "node is missing (the V8 peer runs on it)" >&2; exit 1; }
V8_PORT="${V8_PORT:-18082}"
[[ -n ${SKIP_BUILD:-} ]] || echo "== building the executor (./mvnw -o -pl executor -am package, tests compiled, not run)"
stack_build
stack_database
deploy spin executor/src/test/resources/fixtures/spin.wasm
deploy fresh examples/hello/hello.wasm

stack_executor --wasmcloud.executor.bench.noop-endpoint=true
base="http://127.0.0.1:$PORT"
hello="$base/hello/"
noop="$base/_bench/noop"
spin="$base/spin/"
wait_for "$hello" || { echo "the executor did not serve hello:" >&2; tail -50 "$work/executor.log" >&2; exit 1; }
curl -fs -o /dev/null "$noop" || { echo "the no-op endpoint does not answer:" >&2; tail -50 "$work/executor.log" >&2; exit 1; }
node bench/node/http-peer.mjs examples/hello/hello.wasm "$V8_PORT" >"$work/v8.log" 2>&1 &
pids+=($!)
v8="http://127.0.0.1:$V8_PORT/hello/"
wait_for "$v8" 60 || { echo "the V8 peer does not answer:" >&2; cat "$work/v8.log" >&2; exit 1; }

# PostgreSQL's server process (its backends are its children), for the CPU split of each measurement.
postgres_pid=$(ss -Hltnp "sport = :$(sed -E 's|.*://[^:/]+:([0-9]+)/.*|\1|' <<<"$jdbc_url")" |
  sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1)
cpu_ticks() { # <pid>... -> user + system clock ticks of these processes (all their threads)
  local total=0 pid
  for pid in "$@"; do
    [[ -r /proc/$pid/stat ]] && total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')))
  done
  echo "$total"
}
postgres_pids() { [[ -n $postgres_pid ]] && echo "$postgres_pid" $(pgrep -P "$postgres_pid"); }
tick_us=$((1000000 / $(getconf CLK_TCK)))

seconds() { local d=$1; [[ $d == *s ]] && echo "${d%s}" || echo "$d"; }

# One wrk measurement: <label> <round> <url> <connections>. Appends a row to $work/rows: label round rps p50 p99
# requests non-2xx connect-errors read-errors write-errors timeouts load-before executor-cpu-us postgres-cpu-us
# (the CPU time the executor's JVM and PostgreSQL spent during the measurement, per request served).
measure() {
  local label=$1 round=$2 url=$3 connections=$4 before out executor_cpu postgres_cpu db
  before=$(load)
  out="$work/wrk-$label-$round.txt"
  db=$(postgres_pids | xargs)
  executor_cpu=$(cpu_ticks "$executor_pid")
  # shellcheck disable=SC2086
  postgres_cpu=$(cpu_ticks $db)
  wrk -t "$THREADS" -c "$connections" -d "$DURATION" --timeout "$WRK_TIMEOUT" --latency "$url" >"$out"
  executor_cpu=$(( ($(cpu_ticks "$executor_pid") - executor_cpu) * tick_us ))
  # shellcheck disable=SC2086
  postgres_cpu=$(( ($(cpu_ticks $db) - postgres_cpu) * tick_us ))
  awk -v label="$label" -v round="$round" -v before="${before// /\/}" -v ecpu="$executor_cpu" -v pcpu="$postgres_cpu" '
    /^Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = $2 }
    $1 == "99%" { p99 = $2 }
    /requests in/ { requests = $1 }
    /Non-2xx or 3xx responses/ { non2xx = $NF }
    /Socket errors/ { gsub(",", ""); connect = $4; read = $6; write = $8; timeout = $10 }
    END { printf "%s %s %s %s %s %s %d %d %d %d %d %s %s %s\n", label, round, rps, p50, p99, requests, non2xx,
      connect, read, write, timeout, before, (requests ? int(ecpu / requests) : "-"),
      (requests ? int(pcpu / requests) : "-") }' "$out" | tee -a "$work/rows" | awk '{
    printf "   %-15s %9s req/s  p50 %-9s p99 %-9s non-2xx %s, socket errors %s/%s/%s/%s (c/r/w/timeout);",
      $1, $3, $4, $5, $7, $8, $9, $10, $11
    printf " CPU per request: executor %s µs, PostgreSQL %s µs\n", $13, $14 }'
}

# Waits until no invocation is in flight (a spinning guest runs until its timeout after its client has left).
drain() {
  for _ in $(seq 1 120); do
    [[ $(metric wasmcloud_invocations_in_flight) == 0.0 ]] && return
    sleep 0.5
  done
  echo "   (invocations still in flight after 60 s)"
}

echo "== machine: $(nproc) CPUs; $(uptime)"
echo "== executor args: ${EXECUTOR_ARGS:-(defaults)} ${JAVA_OPTS}"
echo "== settings: $CONNECTIONS connections, $DURATION per measurement, $ROUNDS rounds, $THREADS wrk threads;" \
  "spin: $SPIN_CONNECTIONS connections"
load_start=$(load)
# Long enough for the JIT to settle on the run path: with 10 s, the first hello measurement ran at half the later ones.
echo "== warm-up (hello 20 s, noop 10 s, 64 connections)"
wrk -t "$THREADS" -c 64 -d 20s "$hello" >/dev/null
wrk -t "$THREADS" -c 64 -d 10s "$noop" >/dev/null
wrk -t "$THREADS" -c 64 -d 10s "$v8" >/dev/null

spin_duration=$(( $(seconds "$DURATION") + 6 ))
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round"
  measure noop "$round" "$noop" "$CONNECTIONS"
  measure hello "$round" "$hello" "$CONNECTIONS"
  measure v8 "$round" "$v8" "$CONNECTIONS"
  # The spinning function gets its load first, so every guest thread it may take is taken when hello starts.
  wrk -t 1 -c "$SPIN_CONNECTIONS" -d "${spin_duration}s" --timeout 60s "$spin" >"$work/wrk-spin-$round.txt" &
  spin_wrk=$!
  sleep 3
  # wrk counts nothing for a connection that never gets a reply, so one request of our own tells what a client sees.
  (sleep 5; curl -s -o /dev/null -m 5 -w '%{http_code} %{time_total}\n' "$hello" >"$work/probe-$round.txt" || true) &
  probe=$!
  measure hello-with-spin "$round" "$hello" "$CONNECTIONS"
  wait "$probe"
  read -r probe_status probe_seconds <"$work/probe-$round.txt"
  echo "   one more request to hello during the spin load: status $probe_status after ${probe_seconds}s (000: no reply within 5 s)"
  echo "$round $probe_status $probe_seconds" >>"$work/probes"
  wait "$spin_wrk"
  spin_replies=$(awk '/requests in/ { print $1 }' "$work/wrk-spin-$round.txt")
  spin_failed=$(awk -F': *' '/Non-2xx or 3xx responses/ { print $2 }' "$work/wrk-spin-$round.txt")
  echo "   (spin: ${spin_replies:-0} replies, ${spin_failed:-0} of them non-2xx; waiting for the spins still running)"
  drain
done

echo "== first request after a deploy ($DEPLOY_ROUNDS rounds, each a never-seen module: hello + a random custom section)"
request_ms() { curl -s -o /dev/null -w '%{http_code} %{time_total}' "$1" | awk '{ printf "%s %.1f\n", $1, $2 * 1000 }'; }
misses() { metric 'wasmcloud_modules_cache_total{result="miss"}'; }
# Times one request and counts the compiled-module cache misses it caused (1: it compiled, or waited for a compile).
first_request() { # <url> -> "<status> <ms> <misses>"
  local before after status ms
  before=$(misses)
  read -r status ms < <(request_ms "$1")
  after=$(misses)
  echo "$status $ms $(awk -v a="$after" -v b="$before" 'BEGIN { printf "%d", a - b }')"
}
curl -fs -o /dev/null "$base/fresh/"
: >"$work/deploys"
for round in $(seq 1 "$DEPLOY_ROUNDS"); do
  deploy fresh examples/hello/hello.wasm --unique
  sleep 1
  read -r status_warm warm misses_warm < <(first_request "$base/fresh/")
  steady=()
  for _ in 1 2 3 4 5; do steady+=("$(request_ms "$base/fresh/" | cut -d' ' -f2)"); done
  steady_median=$(printf '%s\n' "${steady[@]}" | sort -n | sed -n 3p)
  deploy "cold-$round" examples/hello/hello.wasm --unique --no-notify
  read -r status_cold cold misses_cold < <(first_request "$base/cold-$round/")
  printf '%s %s %s %s %s %s %s %s\n' "$round" "$warm" "$cold" "$steady_median" \
    "$status_warm" "$status_cold" "$misses_warm" "$misses_cold" >>"$work/deploys"
  printf '   round %s: 1 s after deploy + notify %s ms (%s, %s miss); never notified %s ms (%s, %s miss);' \
    "$round" "$warm" "$status_warm" "$misses_warm" "$cold" "$status_cold" "$misses_cold"
  printf ' steady state %s ms\n' "$steady_median"
done
compile_count=$(metric wasmcloud_modules_compile_seconds_count)
compile_sum=$(metric wasmcloud_modules_compile_seconds_sum)
compile_max=$(metric wasmcloud_modules_compile_seconds_max)
load_end=$(load)

mean() { # <label> <column>: the mean over the rounds
  awk -v label="$1" -v column="$2" '$1 == label { sum += $column; n++ } END { printf "%.0f", n ? sum / n : 0 }' \
    "$work/rows"
}
errors() { # <label>: non-2xx and socket errors over the rounds; a measurement without a single reply counts
  # every connection as an error, since wrk counts nothing for a request that is never answered.
  awk -v label="$1" -v connections="$CONNECTIONS" '$1 == label {
    sum += $7 + $8 + $9 + $10 + $11 + ($6 == 0 ? connections : 0) } END { print sum + 0 }' "$work/rows"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
met() { awk -v v="$1" -v t="$2" 'BEGIN { print (v >= t ? "yes" : "no") }'; }
column() { awk -v c="$1" '{ printf "%s%s", sep, $c; sep = " / " }' "$work/deploys"; }
median_column() { awk -v c="$1" '{ print $c }' "$work/deploys" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

noop_rps=$(mean noop 3)
hello_rps=$(mean hello 3)
v8_rps=$(mean v8 3)
r_v8=$(ratio "$hello_rps" "$v8_rps")
spin_rps=$(mean hello-with-spin 3)
r_a=$(ratio "$hello_rps" "$noop_rps")
r_b=$(ratio "$spin_rps" "$hello_rps")
hello_errors=$(errors hello)
spin_errors=$(errors hello-with-spin)
echo
echo "== results ($(nproc) CPUs; load average $load_start at the start, $load_end at the end)"
echo "   executor args: ${EXECUTOR_ARGS:-(defaults)} ${JAVA_OPTS}"
echo "   $CONNECTIONS connections, $DURATION each, wrk timeout $WRK_TIMEOUT; spin: $SPIN_CONNECTIONS connections"
echo
echo "| measurement | round | requests/s | p50 | p99 | requests | non-2xx | socket errors (c/r/w/timeout) | CPU µs per request: executor, PostgreSQL | load before |"
echo "|---|---|---|---|---|---|---|---|---|---|"
awk '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s/%s/%s/%s | %s, %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
  $11, $13, $14, $12 }' "$work/rows"
echo
echo "| goal | figures (mean of $ROUNDS rounds) | ratio | target | met |"
echo "|---|---|---|---|---|"
echo "| (a) hello ÷ no-op | $hello_rps ÷ $noop_rps req/s | $r_a | ≥ 0.50 | $(met "$r_a" 0.50) |"
echo "| hello ÷ the V8 HTTP peer | $hello_rps ÷ $v8_rps req/s | $r_v8 | ≥ 1.00 | $(met "$r_v8" 1.00) |"
echo "| (b) errors of hello alone at $CONNECTIONS connections | $hello_errors | | 0 | $( ((hello_errors == 0)) && echo yes || echo no) |"
echo "| (b) hello with spin ÷ hello alone | $spin_rps ÷ $hello_rps req/s ($spin_errors errors with spin) | $r_b | ≥ 0.80 | $(met "$r_b" 0.80) |"
echo "| (b) one request to hello during the spin load | status (s): $(awk '{ printf "%s%s (%s)", sep, $2, $3; sep = ", " }' "$work/probes") | | 200 | $(awk '$2 != 200 { bad = 1 } END { print (bad ? "no" : "yes") }' "$work/probes") |"
echo
echo "| request to a newly deployed version | ms (curl), median of $DEPLOY_ROUNDS | each round | module cache misses the request caused, each round |"
echo "|---|---|---|---|"
echo "| first, 1 s after deploy + notify (compiled in the background) | $(median_column 2) | $(column 2) | $(column 7) |"
echo "| first, never notified (compiled on the request path) | $(median_column 3) | $(column 3) | $(column 8) |"
echo "| steady state (median of 5 after the first) | $(median_column 4) | $(column 4) | |"
awk -v n="$compile_count" -v s="$compile_sum" -v m="$compile_max" 'BEGIN {
  printf "\nwasmcloud.modules.compile: %d compilations in this run, mean %.1f ms, max of the last 2 min %.1f ms (fetch + verify + compile)\n",
    n, (n ? s / n * 1000 : 0), m * 1000 }'
echo "statuses of the first requests: $(awk '{ print $5; print $6 }' "$work/deploys" | sort | uniq -c | xargs)"
