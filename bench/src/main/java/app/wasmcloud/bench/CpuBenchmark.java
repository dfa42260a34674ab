package app.wasmcloud.bench;

import app.wasmcloud.runtime.internal.FlatMemory;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ByteBufferMemory;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPU-bound guests compiled from C (bench/guests: recursive calls, SHA-256, sorting, a JSON-style parser,
 * memset/memcpy, floating point), instantiated once and called repeatedly, with each kind of linear
 * memory: the runtime's {@link FlatMemory} (what invocations actually get), the runtime's previous memory
 * ({@link ByteArrayMemory} inside {@link LimitedByteArrayMemory}), bare ByteArrayMemory, and Chicory's default
 * ByteBufferMemory. node/bench.mjs and guests/native.c time the same exports.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CpuBenchmark {

    @Param({"runtime", "limited-bytearray", "bytearray", "bytebuffer"})
    public String memory;

    private ExportFunction fib;
    private ExportFunction sha256;
    private ExportFunction sort;
    private ExportFunction json;
    private ExportFunction memops;
    private ExportFunction nbody;
    private int n = 30;

    @Setup
    public void instantiate() {
        Path guests = Path.of(System.getProperty("wasmcloud.guests", "guests"));
        fib = instantiate(Parser.parse(guests.resolve("fib.wasm"))).export("fib");
        Instance sha = instantiate(Parser.parse(guests.resolve("sha256.wasm")));
        sha.export("fill").apply(42);
        sha256 = sha.export("sha256_mib");
        sort = instantiate(Parser.parse(guests.resolve("sort.wasm"))).export("sort_100k");
        Instance parser = instantiate(Parser.parse(guests.resolve("json.wasm")));
        parser.export("json_fill").apply(7);
        json = parser.export("json_parse");
        memops = instantiate(Parser.parse(guests.resolve("memops.wasm"))).export("memops_1mib");
        nbody = instantiate(Parser.parse(guests.resolve("float.wasm"))).export("nbody_100k");
    }

    private Instance instantiate(WasmModule module) {
        Instance.Builder builder = Instance.builder(module).withMachineFactory(MachineFactoryCompiler.compile(module));
        switch (memory) {
            case "runtime" -> builder.withMemoryFactory(FlatMemory::new);
            case "limited-bytearray" ->
                builder.withMemoryFactory(limits -> new LimitedByteArrayMemory(new ByteArrayMemory(limits)));
            case "bytearray" -> builder.withMemoryFactory(ByteArrayMemory::new);
            case "bytebuffer" -> builder.withMemoryFactory(ByteBufferMemory::new);
            default -> throw new IllegalArgumentException(memory);
        }
        return builder.build();
    }

    @Benchmark
    public long fib30() {
        return fib.apply(n)[0];
    }

    @Benchmark
    public long sha256OneMib() {
        return sha256.apply()[0];
    }

    @Benchmark
    public long sort100k() {
        return sort.apply()[0];
    }

    @Benchmark
    public long jsonOneMib() {
        return json.apply()[0];
    }

    @Benchmark
    public long memopsOneMib() {
        return memops.apply()[0];
    }

    @Benchmark
    public long nbody100k() {
        return nbody.apply()[0];
    }
}
