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


# Instantiation alone: a new store and instance of hello per call, its three Olin imports defined once in a linker, as
# a Wasmtime host serving one request per instance does; nothing is called. Python's own cost per call (about a
# microsecond for the two calls into the bindings) is in the figure.
hello = wasmtime.Module.from_file(engine, str(GUESTS.parent.parent / "examples" / "hello" / "hello.wasm"))
linker = wasmtime.Linker(engine)
i32 = wasmtime.ValType.i32()
linker.define_func("env", "io_get_stdout", wasmtime.FuncType([], [i32]), lambda: 1)
linker.define_func("env", "resource_write", wasmtime.FuncType([i32, i32, i32], [i32]), lambda fd, ptr, length: length)
linker.define_func("env", "runtime_exit", wasmtime.FuncType([i32], []), lambda code: None)


def instantiate_hello():
    linker.instantiate(wasmtime.Store(engine), hello)
    return 1


bench("instantiate_hello", instantiate_hello)
