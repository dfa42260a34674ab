#!/bin/sh
# The runtime's benchmarks against its peers, interleaved in rounds, written to bench/REPORT.md:
#   - in-process hello (new instance + _start + CGI output) through JMH, median and p99;
#   - six CPU kernels compiled from C into .wasm (guests/: recursive calls, SHA-256, sort, a JSON-style parser,
#     memset/memcpy, floating point) in Chicory (JMH, the runtime's memory), Wasmtime (wasmtime/bench.py, PyPI
#     `wasmtime`), V8 (node/bench.mjs) and natively (guests/native.c, gcc -O2), with ratios and geometric means.
# Each round runs every engine once, one after the other, so a disturbance on a shared machine hits all of them;
# the report gives the median over rounds and the range.
# Needs JDK 25, node, gcc, python3 (with pip, for wasmtime); clang + lld to rebuild the .wasm guests (the committed
# ones are used otherwise). Install the runtime first: ./mvnw -pl runtime -am install -DskipTests
# Usage: bench/run.sh            Settings: ROUNDS (3), JMH_OPTIONS ("-wi 2 -i 3 -w 1s -r 1s"), MEMORIES=1 to also
#                                compare Chicory's other linear memories (the runtime's previous one and Chicory's two)
set -eu
cd "$(dirname "$0")"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
ROUNDS="${ROUNDS:-3}"
JMH_OPTIONS="${JMH_OPTIONS:--wi 2 -i 3 -w 1s -r 1s}"
mkdir -p target/rounds

if command -v clang >/dev/null && command -v wasm-ld >/dev/null; then
    guests/build.sh
else
    gcc -O2 -o target/native guests/native.c -lm
fi
(cd .. && ./mvnw -B -q -o -f bench/pom.xml package)
if [ ! -x target/venv/bin/python ]; then
    python3 -m venv target/venv
    target/venv/bin/pip install -q wasmtime
fi
memories="-p memory=runtime"
[ -n "${MEMORIES:-}" ] && memories=""

round=1
while [ "$round" -le "$ROUNDS" ]; do
    out="target/rounds/$round"
    mkdir -p "$out"
    echo "== round $round of $ROUNDS: JMH (Chicory)"
    # shellcheck disable=SC2086
    "$JAVA" -jar target/benchmarks.jar 'HelloBenchmark|CpuBenchmark' $JMH_OPTIONS -f 1 $memories \
        -rf json -rff "$out/jmh.json" >"$out/jmh.txt"
    echo "== round $round of $ROUNDS: Wasmtime"
    target/venv/bin/python wasmtime/bench.py >"$out/wasmtime.txt"
    echo "== round $round of $ROUNDS: V8 (node $(node --version))"
    node node/bench.mjs >"$out/v8.txt"
    echo "== round $round of $ROUNDS: native (gcc -O2)"
    target/native >"$out/native.txt"
    round=$((round + 1))
done

MACHINE="$(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), \
$("$JAVA" -version 2>&1 | head -1), node $(node --version), \
wasmtime $(target/venv/bin/python -c 'import importlib.metadata as m; print(m.version("wasmtime"))'), \
$(gcc --version | head -1); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" \
JMH_OPTIONS="$JMH_OPTIONS" python3 report.py target/rounds >REPORT.md
cat REPORT.md
