package app.wasmcloud.runtime;

import app.wasmcloud.runtime.olin.CpuSlot;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;

/**
 * Runs an invocation on the calling thread, without the pool's hand-off and watchdog, so the benchmarks can show what
 * the pool itself costs. It lives in the runtime's package (in this module only) because the runtime deliberately
 * offers no public way to run a guest outside its pool: nothing could stop it.
 */
public final class CallingThread {

    private CallingThread() {}

    public static RunResult run(WasmFunction function, Invocation invocation) {
        return new GuestRun(function, invocation, EgressPolicy.denyAll(), CpuSlot.NONE, () -> false).run();
    }
}
