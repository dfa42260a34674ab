"""Writes bench/REPORT.md from the rounds of run.sh: per round, JMH's JSON (Chicory) and the "name median_ms checksum
fastest_ms" lines of the Wasmtime, V8 and native runners. Figures are the median over rounds of each round's median,
with the range over rounds; ratios are of those medians."""

import json
import math
import os
import pathlib
import statistics
import sys

rounds = sorted(pathlib.Path(sys.argv[1]).iterdir(), key=lambda path: int(path.name))

KERNELS = [
    # label, JMH benchmark, runner name
    ("recursive calls: fib(30)", "fib30", "fib30"),
    ("SHA-256 of 1 MiB", "sha256OneMib", "sha256_1mib"),
    ("sort 100,000 ints", "sort100k", "sort_100k"),
    ("JSON-style parse of 1 MiB", "jsonOneMib", "json_1mib"),
    ("memset/memcpy over 1 MiB", "memopsOneMib", "memops_1mib"),
    ("floating point: n-body, 100,000 steps", "nbody100k", "nbody_100k"),
]


def jmh(path, benchmark, percentile="50.0"):
    for run in json.loads((path / "jmh.json").read_text()):
        params = run.get("params", {})
        if run["benchmark"].endswith("." + benchmark) and params.get("memory", "runtime") == "runtime":
            return run["primaryMetric"]["scorePercentiles"][percentile]
    return math.nan


def runner(path, engine):
    return {
        line.split()[0]: float(line.split()[1])
        for line in (path / f"{engine}.txt").read_text().splitlines()
        if line.strip()
    }


def across(values):
    """Median over rounds, and the range, as text."""
    values = [v for v in values if not math.isnan(v)]
    if not values:
        return math.nan, "n/a"
    median = statistics.median(values)
    return median, f"{median:.3f} ({min(values):.3f}–{max(values):.3f})"


def geo(ratios):
    return math.exp(sum(map(math.log, ratios)) / len(ratios))


print("# Benchmark report")
print()
print("Written by `bench/run.sh` (see [README.md](README.md)); do not edit by hand.")
print()
print(f"- machine: {os.environ.get('MACHINE', 'unknown')}")
print(f"- rounds: {len(rounds)}, each running every engine once in turn (Chicory, Wasmtime, V8, native);"
      " figures are the median over rounds, with the range over rounds in parentheses")
print(f"- Chicory: JMH `{os.environ.get('JMH_OPTIONS', '')} -f 1`, sample mode, the runtime's compiler and memory"
      " (`FlatMemory`); Wasmtime: its Python bindings, default Cranelift settings; V8: Node, after a 3 s warm-up;"
      " native: gcc -O2. Each kernel is instantiated once and called repeatedly")
print()
print("## In-process hello")
print()
print("A new instance of `examples/hello/hello.wasm` (compiled once), `_start`, stdout collected: what every"
      " request costs inside the executor before HTTP.")
print()
print("| where | median µs | p99 µs |")
print("|---|---|---|")
for label, benchmark in [("on the calling thread (as the executor runs it)", "onTheCallingThread"),
                         ("handed to a pool thread", "onThePool")]:
    _, median = across([jmh(path, benchmark) for path in rounds])
    _, p99 = across([jmh(path, benchmark, "99.0") for path in rounds])
    print(f"| {label} | {median} | {p99} |")
print()
print("## Instantiation alone")
print()
print("A new instance of hello from the module compiled once, over its Olin imports, nothing called: what each"
      " engine pays per request before the guest runs. Chicory's memory starts from the module's image; Wasmtime's"
      " figure, with its default on-demand allocator, includes a new `Store` per hundred instances and the Python"
      " bindings' own cost of about a microsecond; V8's is"
      " `new WebAssembly.Instance`.")
print()
print("| engine | median µs | ÷ Wasmtime |")
print("|---|---|---|")
instantiation, instantiation_text = across([jmh(path, "instantiation") for path in rounds])
peers = {}
for engine, label in [("wasmtime", "Wasmtime"), ("v8", "V8")]:
    # The runners print milliseconds.
    peers[engine] = (label, *across([runner(path, engine).get("instantiate_hello", math.nan) * 1000
                                     for path in rounds]))
wasmtime_instantiation = peers["wasmtime"][1]
print(f"| Chicory (Wasmcloud) | {instantiation_text} | {instantiation / wasmtime_instantiation:.2f} |")
for label, figure, text in peers.values():
    print(f"| {label} | {text} | {figure / wasmtime_instantiation:.2f} |")
print()
print("## Compute kernels")
print()
print("Milliseconds per call; the ratios are Chicory's time over the peer's (below 1.0: Chicory is faster).")
print()
print("| kernel | Chicory | Wasmtime | V8 | native | ÷ Wasmtime | ÷ V8 | ÷ native |")
print("|---|---|---|---|---|---|---|---|")
ratios = {"wasmtime": [], "v8": [], "native": []}
for label, benchmark, name in KERNELS:
    chicory, chicory_text = across([jmh(path, benchmark) for path in rounds])
    cells, row = {}, []
    for engine in ratios:
        figure, text = across([runner(path, engine).get(name, math.nan) for path in rounds])
        cells[engine] = figure
        row.append(text)
    quotients = []
    for engine in ratios:
        quotient = chicory / cells[engine]
        ratios[engine].append(quotient)
        quotients.append(f"{quotient:.2f}")
    print(f"| {label} | {chicory_text} | {' | '.join(row)} | {' | '.join(quotients)} |")
means = [f"**{geo(ratios[engine]):.2f}**" for engine in ratios]
print(f"| geometric mean | | | | | {' | '.join(means)} |")
print()
print("## Goals")
print()
worst = max(ratios["wasmtime"])
rows = [
    ("compute geometric mean ≤ 1.5× Wasmtime", geo(ratios["wasmtime"]) <= 1.5, f"{geo(ratios['wasmtime']):.2f}×"),
    ("compute geometric mean ≤ 1.0× V8", geo(ratios["v8"]) <= 1.0, f"{geo(ratios['v8']):.2f}×"),
    ("no kernel worse than 2× Wasmtime", worst <= 2.0, f"worst {worst:.2f}×"),
]
hello, _ = across([jmh(path, "onTheCallingThread") for path in rounds])
rows.append(("in-process hello ≤ 8 µs median on the calling thread", hello <= 8.0, f"{hello:.1f} µs"))
instantiation_ratio = instantiation / wasmtime_instantiation
rows.append(("instantiation alone within 3× of Wasmtime's", instantiation_ratio <= 3.0,
             f"{instantiation:.2f} µs, {instantiation_ratio:.2f}× Wasmtime"))
print("| goal | met | figure |")
print("|---|---|---|")
for goal, met, figure in rows:
    print(f"| {goal} | {'yes' if met else 'no'} | {figure} |")
