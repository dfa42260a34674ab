package app.wasmcloud.bench;

import app.wasmcloud.runtime.CallingThread;
import app.wasmcloud.runtime.Invocation;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.Recordings;
import app.wasmcloud.runtime.RunResult;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.runtime.replay.HostCallLog;
import app.wasmcloud.runtime.replay.Recorder;
import app.wasmcloud.runtime.replay.Recording;
import app.wasmcloud.runtime.replay.RecordingFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * What recording costs hello in-process, on the calling thread as the executor runs it: {@code off} is the default
 * {@link HostCallLog#OFF}, {@code on} a {@link Recorder} keeping every host call, as on the request path of a function
 * with recording on. {@code encode} adds what the uploader does afterwards, off the request path, to turn the calls
 * into a recording's bytes. Sampled, so the report has the median (p0.50).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordingBenchmark {

    @Param({"off", "on"})
    public String recording;

    private WasmFunction hello;
    private Map<String, String> env;

    @Setup
    public void load() throws Exception {
        byte[] wasm = Files.readAllBytes(
                Path.of(System.getProperty("wasmcloud.examples", "../examples")).resolve("hello/hello.wasm"));
        hello = WasmFunction.load(wasm, null, Limits.defaults().maxMemoryPages());
        env = Map.of("REQUEST_METHOD", "GET", "PATH_INFO", "/", "GREETING", "hi");
    }

    /** One invocation, recorded or not: the request path's share. */
    @Benchmark
    public byte[] hello() {
        HostCallLog log = recording.equals("on") ? new Recorder(Recording.MAX_HOST_CALL_BYTES) : HostCallLog.OFF;
        return CallingThread.run(hello, invocation(log)).stdout();
    }

    /** The same, and the recording's bytes made as the uploader makes them, to show that share too. */
    @Benchmark
    public byte[] helloAndEncode() {
        if (!recording.equals("on")) {
            return hello();
        }
        Recorder recorder = new Recorder(Recording.MAX_HOST_CALL_BYTES);
        Invocation invocation = invocation(recorder);
        RunResult result = CallingThread.run(hello, invocation);
        return RecordingFormat.write(Recordings.of(
                new Recordings.Source(
                        "0190e0a0-0000-7000-8000-000000000001",
                        "hello",
                        1,
                        null,
                        new Recording.Request("GET", "/", "", List.of())),
                invocation,
                result,
                recorder.recorded(),
                Set.of()));
    }

    private Invocation invocation(HostCallLog log) {
        return new Invocation(List.of("hello"), env, new byte[0], Limits.defaults(), log);
    }
}
