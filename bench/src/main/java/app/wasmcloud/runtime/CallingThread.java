package app.wasmcloud.runtime;

import app.wasmcloud.runtime.internal.FlatMemory;
import app.wasmcloud.runtime.olin.CpuSlot;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.MemoryLimits;

/**
 * Runs an invocation on the calling thread, without the pool's hand-off and watchdog, so the benchmarks can show what
 * the pool itself costs. It lives in the runtime's package (in this module only) because the runtime deliberately
 * offers no public way to run a guest outside its pool: nothing could stop it.
 */
public final class CallingThread {

    private CallingThread() {}

    /**
     * Instantiation alone, as each invocation of an Olin module begins: its memory from the image and a new instance
     * over the shared host functions; nothing is called.
     */
    public static Instance instantiate(WasmFunction function) {
        if (function.olinImports() == null) {
            throw new IllegalArgumentException("instantiation alone is measured for Olin modules");
        }
        MemoryLimits declared = function.declaredMemory();
        FlatMemory memory = declared == null
                ? null
                : new FlatMemory(declared, function.instantiation().image());
        return function.instantiation().instantiate(function.olinImports(), memory, null);
    }

    public static RunResult run(WasmFunction function, Invocation invocation) {
        return new GuestRun(function, invocation, EgressPolicy.denyAll(), CpuSlot.NONE, () -> false).run();
    }
}
