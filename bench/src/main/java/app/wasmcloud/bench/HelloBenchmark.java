package app.wasmcloud.bench;

import app.wasmcloud.runtime.CallingThread;
import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.Invocation;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.WasmFunction;
import com.dylibso.chicory.runtime.Instance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One steady-state invocation of examples/hello: a new instance, its _start, stdout collected. The module is compiled
 * once in setup, as the executor does. Sampled, so the report has the median (p0.50).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HelloBenchmark {

    private WasmFunction hello;
    private Invocation invocation;
    private ExecutionPool pool;

    @Setup
    public void load() throws Exception {
        byte[] wasm = Files.readAllBytes(
                Path.of(System.getProperty("wasmcloud.examples", "../examples")).resolve("hello/hello.wasm"));
        hello = WasmFunction.load(wasm, null, Limits.defaults().maxMemoryPages());
        invocation = new Invocation(
                List.of("hello"),
                Map.of("REQUEST_METHOD", "GET", "PATH_INFO", "/", "GREETING", "hi"),
                new byte[0],
                Limits.defaults());
        pool = new ExecutionPool(1, 1024 * 1024);
    }

    @TearDown
    public void close() {
        pool.close();
    }

    /** What the executor does per request: hand the invocation to a guest thread and wait for it. */
    @Benchmark
    public byte[] onThePool() throws InterruptedException {
        return pool.run(hello, invocation).stdout();
    }

    /** Instantiation alone: the memory from the module's image and a new instance, as each invocation begins. */
    @Benchmark
    public Instance instantiation() {
        return CallingThread.instantiate(hello);
    }

    /** The same run on the calling thread: the instance and the guest, without the pool's hand-off. */
    @Benchmark
    public byte[] onTheCallingThread() {
        return CallingThread.run(hello, invocation).stdout();
    }
}
