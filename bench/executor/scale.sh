#!/usr/bin/env bash
# Scale of one executor: FUNCTIONS (1,000) deployed functions, each its own never-seen module (examples/hello plus a
# random custom section, so each compiles to classes of its own), called round robin over HTTP by wrk (a Lua script
# cycling /fn-0/ … /fn-999/, each wrk thread starting at its own offset) for ROUNDS rounds of DURATION. Per round:
# requests, non-2xx, socket errors, req/s, p50/p99, the compiled-module cache's hit rate (from the deltas of
# wasmcloud_modules_cache_total{result=hit|miss}), evictions, disk class-cache loads, modules cached, and, after a
# full GC (jcmd GC.run, which also unloads the classes of evicted modules), heap used, Metaspace used and classes
# loaded; and the waits for a database connection past Hikari's connection-timeout (hikaricp_connections_timeout),
# the usual cause of a 503 "function directory is unavailable" (wrk's non-2xx are broken down by status, with one
# reply's body per wrk thread, and the executor's warnings are summed up at the end). Round 0 is the executor before
# the round robin (hello called once, nothing else).
#
# Then memory per in-flight invocation: IN_FLIGHT connections held on a function that sleeps 2 s before answering
# (executor/src/test/resources/fixtures/sleep_then_reply.wasm, one 64 KiB page of memory); while they are in flight,
# a full GC and heap used, against the same read with nothing in flight just before; the difference divided by the
# invocations in flight (wasmcloud_invocations_in_flight at the read). The process's RSS and live threads the same way
# (each in-flight invocation holds a Tomcat thread, whose stack is outside the heap).
#
# Starts its own embedded PostgreSQL and the executor jar with the shipped defaults; the compiled-class disk cache
# stays on with its default size, only in this run's temporary directory, so runs do not load each other's classes.
#
# Usage: bench/executor/scale.sh
# Settings (environment): FUNCTIONS=1000 ROUNDS=5 DURATION=20s CONNECTIONS=32 THREADS=2 WRK_TIMEOUT=5s IN_FLIGHT=200
#   PORT=18111 MANAGEMENT_PORT=19111 SKIP_BUILD=1 (use the jar as built) MAVEN_ARGS
#   EXECUTOR_ARGS (default: none; e.g. --wasmcloud.executor.compiled-modules-max-count=100) JAVA_OPTS
# CONNECTIONS stays at most the compiler's queue (32 by default, plus one compile per core): in a round robin past
# the cache nearly every request is a miss, and a miss past that queue is answered 503 by design.
set -euo pipefail
cd "$(dirname "$0")/../.."

FUNCTIONS="${FUNCTIONS:-1000}"
ROUNDS="${ROUNDS:-5}"
DURATION="${DURATION:-20s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
WRK_TIMEOUT="${WRK_TIMEOUT:-5s}"
IN_FLIGHT="${IN_FLIGHT:-200}"
PORT="${PORT:-18111}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-19111}"

# shellcheck source=bench/executor/stack.sh
source bench/executor/stack.sh
command -v jcmd >/dev/null || [[ -x $JAVA_HOME/bin/jcmd ]] || { echo "jcmd is missing (a JDK's bin)" >&2; exit 1; }
jcmd="$JAVA_HOME/bin/jcmd"
stack_build
stack_database
started=$(date +%s)
deploy fn examples/hello/hello.wasm --unique --no-notify --count "$FUNCTIONS"
deploy sleeper executor/src/test/resources/fixtures/sleep_then_reply.wasm --no-notify
echo "== deployed $FUNCTIONS distinct functions (and sleeper) in $(( $(date +%s) - started )) s"

stack_executor --wasmcloud.executor.compiled-class-cache-dir="$work/compiled-classes"
base="http://127.0.0.1:$PORT"
wait_for "$base/hello/" || { echo "the executor did not serve hello:" >&2; tail -50 "$work/executor.log" >&2; exit 1; }

# Each wrk thread gets its own Lua state: setup numbers them so they start FUNCTIONS / THREADS apart, and each then
# walks every function in turn, so every function is called once per FUNCTIONS requests. Statuses other than 200
# are counted per status (wrk only counts them all together), so an error says what it was.
cat >"$work/round-robin.lua" <<'LUA'
local threads = {}
function setup(thread)
  thread:set("first", #threads)
  table.insert(threads, thread)
end
function init(args)
  count = tonumber(args[1])
  i = (first * math.floor(count / tonumber(args[2]))) % count
  statuses = ""
  sample = ""
end
function request()
  local path = "/fn-" .. i .. "/"
  i = (i + 1) % count
  return wrk.format("GET", path)
end
function response(status, headers, body)
  if status ~= 200 then
    statuses = statuses .. " " .. status
    if sample == "" then sample = status .. " " .. string.gsub(string.sub(body or "", 1, 200), "%s+", " ") end
  end
end
function done()
  local counts = {}
  for _, thread in ipairs(threads) do
    for status in string.gmatch(thread:get("statuses"), "%d+") do counts[status] = (counts[status] or 0) + 1 end
  end
  for status, n in pairs(counts) do print("status " .. status .. ": " .. n) end
  for _, thread in ipairs(threads) do
    local sample = thread:get("sample")
    if sample ~= "" then print("status sample: " .. sample) end
  end
end
LUA

scrape() { curl -s "$metrics" >"$work/metrics.txt"; }
series() { # <exact series> -> its value in the last scrape, 0 when absent
  awk -v series="$1" '$1 == series { print $2; found = 1 } END { if (!found) print 0 }' "$work/metrics.txt"
}
heap() { # bytes used over every heap pool, in the last scrape
  awk 'index($1, "jvm_memory_used_bytes{area=\"heap\"") == 1 { sum += $NF } END { printf "%.0f", sum }' "$work/metrics.txt"
}
pool_timeouts() { # connection waits past Hikari's connection-timeout, every pool, in the last scrape
  awk 'index($1, "hikaricp_connections_timeout_total") == 1 { sum += $NF } END { printf "%.0f", sum }' "$work/metrics.txt"
}
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$executor_pid/status"; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
full_gc() { "$jcmd" "$executor_pid" GC.run >/dev/null; }

# One row of $work/rows: round requests non2xx socket-errors rps p50 p99 hits misses evictions class-cache-hits
# cached heap metaspace classes-loaded classes-unloaded load-before pool-timeouts
previous=(0 0 0 0 0)
snapshot() { # <round> <wrk output or -> <load before>
  local round=$1 out=$2 before=$3 hits misses evictions class_hits wrk_fields timeouts
  full_gc
  scrape
  hits=$(series 'wasmcloud_modules_cache_total{result="hit"}')
  misses=$(series 'wasmcloud_modules_cache_total{result="miss"}')
  evictions=$(series 'wasmcloud_modules_evictions_total')
  class_hits=$(series 'wasmcloud_modules_class_cache_total{result="hit"}')
  timeouts=$(pool_timeouts)
  if [[ $out == - ]]; then
    wrk_fields="0 0 0 - - -"
  else
    wrk_fields=$(awk '
      /^Requests\/sec:/ { rps = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
      /requests in/ { requests = $1 } /Non-2xx or 3xx responses/ { non2xx = $NF }
      /Socket errors/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
      END { printf "%d %d %d %s %s %s", requests, non2xx, errors, rps, p50, p99 }' "$out")
  fi
  awk -v r="$round" -v w="$wrk_fields" -v h="$hits" -v m="$misses" -v e="$evictions" -v c="$class_hits" \
    -v h0="${previous[0]}" -v m0="${previous[1]}" -v e0="${previous[2]}" -v c0="${previous[3]}" \
    -v cached="$(series wasmcloud_modules_cached)" -v heap="$(heap)" \
    -v meta="$(series 'jvm_memory_used_bytes{area="nonheap",id="Metaspace"}')" \
    -v loaded="$(series jvm_classes_loaded_classes)" -v unloaded="$(series jvm_classes_unloaded_classes_total)" \
    -v load="${before// /\/}" -v t="$timeouts" -v t0="${previous[4]}" 'BEGIN {
      printf "%s %s %.0f %.0f %.0f %.0f %.0f %.1f %.1f %.0f %.0f %s %.0f\n", r, w, h - h0, m - m0, e - e0, c - c0,
        cached, heap / 1048576, meta / 1048576, loaded, unloaded, load, t - t0 }' | tee -a "$work/rows" | awk '{
      total = $8 + $9
      printf "   round %s: %s requests, %s non-2xx, %s socket errors, %s req/s, p50 %s p99 %s; hit rate %s (%s hits, %s misses), %s evictions, %s loaded from the class cache, %s cached; after GC: heap %s MiB, Metaspace %s MiB, %s classes loaded (%s unloaded so far); %s database-pool timeouts; load %s\n",
        $1, $2, $3, $4, $5, $6, $7, (total ? sprintf("%.1f %%", 100 * $8 / total) : "-"), $8, $9, $10, $11, $12,
        $13, $14, $15, $16, $18, $17 }'
  previous=("$hits" "$misses" "$evictions" "$class_hits" "$timeouts")
}

echo "== machine: $(nproc) CPUs; $(uptime)"
echo "== executor args: ${EXECUTOR_ARGS:-(defaults)} ${JAVA_OPTS:-}"
echo "== settings: $FUNCTIONS functions round robin, $CONNECTIONS connections, $THREADS wrk threads, $DURATION per round, $ROUNDS rounds"
load_start=$(load)
: >"$work/rows"
snapshot 0 - "$load_start"
for round in $(seq 1 "$ROUNDS"); do
  before=$(load)
  wrk -t "$THREADS" -c "$CONNECTIONS" -d "$DURATION" --timeout "$WRK_TIMEOUT" --latency -s "$work/round-robin.lua" \
    "$base" -- "$FUNCTIONS" "$THREADS" >"$work/wrk-$round.txt"
  snapshot "$round" "$work/wrk-$round.txt" "$before"
  grep '^status ' "$work/wrk-$round.txt" | sed 's/^/     /' || true
done

echo "== memory per in-flight invocation ($IN_FLIGHT connections on sleeper, 2 s each)"
curl -fs -o /dev/null -m 10 "$base/sleeper/" || { echo "sleeper does not answer" >&2; exit 1; }
sleep 2
full_gc
scrape
idle_heap=$(heap)
idle_threads=$(series jvm_threads_live_threads)
idle_rss=$(rss_kib)
idle_in_flight=$(series wasmcloud_invocations_in_flight)
wrk -t "$THREADS" -c "$IN_FLIGHT" -d 12s --timeout 10s "$base/sleeper/" >"$work/wrk-sleeper.txt" &
sleeper_wrk=$!
sleep 6
full_gc
scrape
busy_heap=$(heap)
busy_threads=$(series jvm_threads_live_threads)
busy_rss=$(rss_kib)
busy_in_flight=$(series wasmcloud_invocations_in_flight)
wait "$sleeper_wrk"
sleeper_replies=$(awk '/requests in/ { print $1 }' "$work/wrk-sleeper.txt")
sleeper_failed=$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$work/wrk-sleeper.txt")
load_end=$(load)
# What the executor said (WARN and above; stack frames left out), grouped by the message with its numbers left out,
# one whole line of each, so an error above has its cause beside it.
echo "== executor log: $(grep -cE ' (WARN|ERROR) ' "$work/executor.log" || true) warnings and errors"
grep -E ' (WARN|ERROR) ' "$work/executor.log" | sed -E 's/^[^ ]+ +//' | awk '{
    key = $0; gsub(/[0-9a-f]+(-[0-9a-f]+)+/, "U", key)
    gsub(/[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]+/, "H", key); gsub(/[0-9]+/, "N", key)
    if (!(key in first)) first[key] = $0
    count[key]++ }
  END { for (key in count) printf "   %5d× e.g. %s\n", count[key], first[key] }' | sort -rn | head -10 || true

echo
echo "== results ($(nproc) CPUs; load average $load_start at the start, $load_end at the end)"
echo "   executor args: ${EXECUTOR_ARGS:-(defaults)} ${JAVA_OPTS:-}; $FUNCTIONS functions, $CONNECTIONS connections, $DURATION per round"
echo
echo "| round | requests | non-2xx | socket errors | req/s | p50 | p99 | hit rate | evictions | class-cache loads | modules cached | heap after GC MiB | Metaspace MiB | classes loaded | classes unloaded | DB pool timeouts | load before |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
awk '{ total = $8 + $9
  printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4,
    $5, $6, $7, (total ? sprintf("%.1f %%", 100 * $8 / total) : "-"), $10, $11, $12, $13, $14, $15, $16, $18,
    $17 }' "$work/rows"
echo
awk -v ih="$idle_heap" -v bh="$busy_heap" -v it="$idle_threads" -v bt="$busy_threads" -v ir="$idle_rss" \
  -v br="$busy_rss" -v ii="$idle_in_flight" -v bi="$busy_in_flight" -v replies="${sleeper_replies:-0}" \
  -v failed="${sleeper_failed:-0}" 'BEGIN {
    n = bi - ii
    printf "| in flight | heap after GC MiB | live threads | RSS MiB |\n|---|---|---|---|\n"
    printf "| %.0f (idle) | %.1f | %.0f | %.1f |\n", ii, ih / 1048576, it, ir / 1024
    printf "| %.0f | %.1f | %.0f | %.1f |\n", bi, bh / 1048576, bt, br / 1024
    if (n > 0) printf "\nper in-flight invocation: heap %.1f KiB, RSS %.1f KiB, %.2f threads (%s sleeper replies, %s non-2xx)\n",
      (bh - ih) / n / 1024, (br - ir) / n, (bt - it) / n, replies, failed
    else print "\nnothing was in flight at the read" }'
