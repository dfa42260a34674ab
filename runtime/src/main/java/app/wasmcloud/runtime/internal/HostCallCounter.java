package app.wasmcloud.runtime.internal;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import java.util.HashMap;
import java.util.Map;

/** Counts calls per host function name: the "system calls" of an invocation. */
public final class HostCallCounter {

    private final Map<String, long[]> counts = new HashMap<>();

    /** The same import, counting each call under its name (one count for the env and cwa aliases). */
    public HostFunction counting(ImportFunction function) {
        return new HostFunction(
                function.module(),
                function.name(),
                function.functionType(),
                counting(function.name(), function.handle()));
    }

    public WasmFunctionHandle counting(String name, WasmFunctionHandle handle) {
        long[] count = counts.computeIfAbsent(name, key -> new long[1]);
        return (instance, args) -> {
            count[0]++;
            return handle.apply(instance, args);
        };
    }

    /** One call of {@code name}, for host functions shared between invocations that count into the current one. */
    public void count(String name) {
        counts.computeIfAbsent(name, key -> new long[1])[0]++;
    }

    /** Calls per name, leaving out functions never called. */
    public Map<String, Long> snapshot() {
        Map<String, Long> called = new HashMap<>();
        counts.forEach((name, count) -> {
            if (count[0] > 0) {
                called.put(name, count[0]);
            }
        });
        return called;
    }
}
