#!/bin/sh
# Builds and runs every benchmark in one go and prints a table of medians and ratios:
#   - JMH: a hello invocation (on the pool and on the calling thread), fib(30) and SHA-256 over 1 MiB in Chicory
#     with each kind of linear memory (the runtime's, its previous one, Chicory's two);
#   - the same fib/sha256 .wasm in Node's V8 (node/bench.mjs);
#   - the same C sources built natively with gcc -O2 (guests/native.c).
# Needs JDK 25, node, gcc; clang + lld to rebuild the .wasm guests (the committed ones are used otherwise).
# Usage: bench/run.sh [extra JMH options]   (runs in about 3 minutes; results in bench/target/)
set -eu
cd "$(dirname "$0")"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
mkdir -p target

if command -v clang >/dev/null && command -v wasm-ld >/dev/null; then
    guests/build.sh
else
    gcc -O2 -o target/native guests/native.c
fi
# Builds against the installed runtime (./mvnw -pl runtime install).
(cd .. && ./mvnw -B -q -o -f bench/pom.xml package)

echo "== JMH (Chicory) =="
"$JAVA" -jar target/benchmarks.jar -wi 3 -i 5 -f 1 -w 1s -r 1s -rf json -rff target/jmh.json \
    "$@" | grep -E '^(Benchmark|[A-Za-z]+Benchmark\.[A-Za-z0-9]+ )' || true
echo "== V8 (node $(node --version)) =="
node node/bench.mjs | tee target/v8.txt
echo "== native (gcc -O2) =="
target/native | tee target/native.txt

python3 - <<'PY'
import json, math

jmh = json.load(open("target/jmh.json"))
def median(bench, memory=None, percentile="50.0"):
    for run in jmh:
        if run["benchmark"].endswith(bench) and (memory is None or run.get("params", {}).get("memory") == memory):
            return run["primaryMetric"]["scorePercentiles"][percentile]
    return float("nan")
def read(path, column=1):
    return {line.split()[0]: float(line.split()[column]) for line in open(path) if line.strip()}
v8, native = read("target/v8.txt"), read("target/native.txt")

print()
print("hello invocation (new instance + _start + stdout), median")
print(f"  on the pool (hand-off to a guest thread): {median('onThePool'):8.1f} us")
print(f"  on the calling thread:                    {median('onTheCallingThread'):8.1f} us")
print()
rows = [("fib(30)", "fib30", "fib30"), ("SHA-256 of 1 MiB", "sha256OneMib", "sha256_1mib")]
memories = ["runtime", "limited-bytearray", "bytearray", "bytebuffer"]
print(f"{'guest (median ms)':<18} {'runtime*':>9} {'previous':>9} {'ByteArray':>9} {'ByteBuf':>9} {'V8':>8} {'native':>8} {'runtime/V8':>10} {'runtime/native':>14}")
ratios_v8, ratios_native = [], []
for label, bench, key in rows:
    m = [median(bench, memory) for memory in memories]
    ratios_v8.append(m[0] / v8[key])
    ratios_native.append(m[0] / native[key])
    print(f"{label:<18} {m[0]:9.3f} {m[1]:9.3f} {m[2]:9.3f} {m[3]:9.3f} {v8[key]:8.3f} {native[key]:8.3f} {ratios_v8[-1]:10.2f} {ratios_native[-1]:14.2f}")
geo = lambda xs: math.exp(sum(map(math.log, xs)) / len(xs))
print(f"{'geometric mean':<18} {'':>9} {'':>9} {'':>9} {'':>9} {'':>8} {'':>8} {geo(ratios_v8):10.2f} {geo(ratios_native):14.2f}")
print("* runtime = the runtime's FlatMemory, what invocations get; previous = ByteArrayMemory in the old LimitedMemory")
print()
# The fastest single call is what other processes on a shared machine disturb least: compare these when it is busy.
v8_fast, native_fast = read("target/v8.txt", 3), read("target/native.txt", 3)
print(f"{'fastest call (ms)':<18} {'runtime*':>9} {'previous':>9} {'V8':>8} {'native':>8} {'runtime/V8':>10} {'runtime/native':>14}")
fast_v8, fast_native = [], []
for label, bench, key in rows:
    r, p = median(bench, "runtime", "0.0"), median(bench, "limited-bytearray", "0.0")
    fast_v8.append(r / v8_fast[key])
    fast_native.append(r / native_fast[key])
    print(f"{label:<18} {r:9.3f} {p:9.3f} {v8_fast[key]:8.3f} {native_fast[key]:8.3f} {fast_v8[-1]:10.2f} {fast_native[-1]:14.2f}")
print(f"{'geometric mean':<18} {'':>9} {'':>9} {'':>8} {'':>8} {geo(fast_v8):10.2f} {geo(fast_native):14.2f}")
PY
