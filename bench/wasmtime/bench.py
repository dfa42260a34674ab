"""Times the same guest exports in Wasmtime (Cranelift) through its official Python bindings, on the scheme of
node/bench.mjs and guests/native.c: instantiate once, warm up, then the median over five rounds of about a second
of the mean time per call, and the fastest single call. A call from Python costs about a microsecond, which the
kernels (milliseconds each) do not notice. Prints "name median_ms checksum fastest_ms" lines."""

import pathlib
import time

import wasmtime

GUESTS = pathlib.Path(__file__).resolve().parent.parent / "guests"

engine = wasmtime.Engine()
store = wasmtime.Store(engine)


def load(name):
    module = wasmtime.Module.from_file(engine, str(GUESTS / f"{name}.wasm"))
    instance = wasmtime.Instance(store, module, [])
    return lambda export: instance.exports(store)[export]


def bench(name, op):
    sink = 0
    warm_until = time.perf_counter() + 1.0
    while time.perf_counter() < warm_until:
        sink += op()
    rounds = []
    fastest = float("inf")
    for _ in range(5):
        calls = 0
        start = before = time.perf_counter()
        while True:
            sink += op()
            calls += 1
            after = time.perf_counter()
            fastest = min(fastest, after - before)
            before = after
            if after - start >= 1.0:
                break
        rounds.append((after - start) / calls)
    rounds.sort()
    print(f"{name} {rounds[2] * 1e3:.4f} {sink & 0x7FFFFFFF} {fastest * 1e3:.4f}", flush=True)


fib = load("fib")("fib")
bench("fib30", lambda: fib(store, 30))
sha = load("sha256")
sha("fill")(store, 42)
sha256 = sha("sha256_mib")
bench("sha256_1mib", lambda: sha256(store))
sort = load("sort")("sort_100k")
bench("sort_100k", lambda: sort(store))
json = load("json")
json("json_fill")(store, 7)
parse = json("json_parse")
bench("json_1mib", lambda: parse(store))
memops = load("memops")("memops_1mib")
bench("memops_1mib", lambda: memops(store))
nbody = load("float")("nbody_100k")
bench("nbody_100k", lambda: nbody(store))


# Instantiation alone: a new instance of hello per call over its Olin imports, nothing called. The host functions
# belong to a store, and building them is what the Python bindings are slow at (about 100 µs for hello's six), so
# they are made once per store and a store serves a hundred instances before it is replaced (it keeps its instances'
# memories until then). The bindings' own cost per call, about a microsecond, is still in the figure. This is
# Wasmtime's default configuration: the on-demand instance allocator, which maps each instance's memory afresh
# (its pooling allocator, which reuses slots, is the faster choice and not the default).
hello = wasmtime.Module.from_file(engine, str(GUESTS.parent.parent / "examples" / "hello" / "hello.wasm"))
INSTANCES_PER_STORE = 100
hello_store = None
hello_imports = []
hello_instances = 0


def instantiate_hello():
    global hello_store, hello_imports, hello_instances
    if hello_instances % INSTANCES_PER_STORE == 0:
        hello_store = wasmtime.Store(engine)
        # Never called: each import only needs a function of its type.
        hello_imports = [
            wasmtime.Func(hello_store, imported.type, lambda *args, returns=bool(imported.type.results): 0 if returns else None)
            for imported in hello.imports
        ]
    hello_instances += 1
    wasmtime.Instance(hello_store, hello, hello_imports)
    return 1


bench("instantiate_hello", instantiate_hello)
