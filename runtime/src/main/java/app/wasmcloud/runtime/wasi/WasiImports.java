package app.wasmcloud.runtime.wasi;

import app.wasmcloud.runtime.internal.CappedOutput;
import app.wasmcloud.runtime.internal.CountingInput;
import app.wasmcloud.runtime.internal.HostCallCounter;
import app.wasmcloud.runtime.olin.CpuSlot;
import app.wasmcloud.runtime.replay.HostCallLog;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WASI preview 1 through Chicory's implementation: stdin, stdout, stderr, args and environment, and no filesystem
 * (no directory is preopened, so every path call fails).
 */
public final class WasiImports implements AutoCloseable {

    public static final String MODULE = "wasi_snapshot_preview1";

    private static final Map<String, FunctionType> SIGNATURES = signaturesOfChicory();
    /** The one call in which a WASI guest blocks: Chicory's poll_oneoff sleeps until a clock subscription is due. */
    private static final String SLEEPING_CALL = "poll_oneoff";

    private final WasiPreview1 wasi;
    private final ImportValues imports;

    public WasiImports(
            List<String> args,
            Map<String, String> env,
            CountingInput stdin,
            CappedOutput stdout,
            CappedOutput stderr,
            HostCallCounter counter,
            CpuSlot slot,
            HostCallLog hostCallLog) {
        WasiOptions.Builder options = WasiOptions.builder()
                .withArguments(args)
                .withStdin(stdin, false)
                .withStdout(stdout, false)
                .withStderr(stderr, false);
        env.forEach(options::withEnvironment);
        this.wasi = WasiPreview1.builder().withOptions(options.build()).build();
        List<ImportFunction> functions = new ArrayList<>();
        for (HostFunction function : wasi.toHostFunctions()) {
            HostFunction guarded = IoVectors.guarded(function);
            functions.add(counter.counting(logged(
                    function.name().equals(SLEEPING_CALL) ? withoutSlotWhileAsleep(guarded, slot) : guarded,
                    hostCallLog)));
        }
        this.imports = ImportValues.builder().withFunctions(functions).build();
    }

    /** A sleeping guest uses no CPU: its slot goes to someone else until it wakes, as in Olin's runtime_msleep. */
    private static HostFunction withoutSlotWhileAsleep(HostFunction function, CpuSlot slot) {
        var handle = function.handle();
        return new HostFunction(
                function.module(),
                function.name(),
                function.functionType(),
                (instance, args) -> slot.whileBlocked(() -> handle.apply(instance, args)));
    }

    /** The same import, every call through {@code log}; unchanged when nothing is recorded. */
    private static HostFunction logged(HostFunction function, HostCallLog log) {
        if (log == HostCallLog.OFF) {
            return function;
        }
        String name = function.name();
        var handle = function.handle();
        return new HostFunction(
                function.module(),
                name,
                function.functionType(),
                (instance, args) -> log.call(name, instance, args, handle));
    }

    /**
     * Host functions in the order and with the signatures of every invocation's, for linking a module once when it is
     * loaded; they are never called.
     */
    public static ImportValues ofShapeForLinking() {
        try (var shape = new WasiImports(
                List.of(),
                Map.of(),
                new CountingInput(new byte[0]),
                new CappedOutput("stdout", 0),
                new CappedOutput("stderr", 0),
                new HostCallCounter(),
                CpuSlot.NONE,
                HostCallLog.OFF)) {
            return shape.imports();
        }
    }

    /** Import name → wasm signature of every WASI function Chicory provides, for validation. */
    public static Map<String, FunctionType> signatures() {
        return SIGNATURES;
    }

    public ImportValues imports() {
        return imports;
    }

    @Override
    public void close() {
        wasi.close();
    }

    private static Map<String, FunctionType> signaturesOfChicory() {
        Map<String, FunctionType> signatures = new LinkedHashMap<>();
        try (WasiPreview1 wasi = WasiPreview1.builder()
                .withOptions(WasiOptions.builder().build())
                .build()) {
            for (HostFunction function : wasi.toHostFunctions()) {
                signatures.put(function.name(), function.functionType());
            }
        }
        return Collections.unmodifiableMap(signatures);
    }
}
