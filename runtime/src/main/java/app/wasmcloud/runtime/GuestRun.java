package app.wasmcloud.runtime;

import app.wasmcloud.runtime.internal.CappedOutput;
import app.wasmcloud.runtime.internal.CountingInput;
import app.wasmcloud.runtime.internal.FlatMemory;
import app.wasmcloud.runtime.internal.GuestExit;
import app.wasmcloud.runtime.internal.GuestLog;
import app.wasmcloud.runtime.internal.HostCallCounter;
import app.wasmcloud.runtime.internal.OutputLimitExceededException;
import app.wasmcloud.runtime.olin.CpuSlot;
import app.wasmcloud.runtime.olin.OlinContext;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import app.wasmcloud.runtime.wasi.WasiImports;
import com.dylibso.chicory.runtime.ChicoryInterruptedException;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.MStack;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasm.types.Instruction;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.function.BooleanSupplier;

/**
 * One invocation on the current thread, start to finish: a fresh instance, the entrypoint, and whatever happened
 * turned into a {@link RunResult}. Nothing the guest does escapes as an exception.
 */
final class GuestRun {

    private final WasmFunction function;
    private final Invocation invocation;
    private final EgressPolicy egress;
    private final CpuSlot slot;
    private final BooleanSupplier timedOut;

    private final CountingInput stdin;
    private final CappedOutput stdout;
    private final CappedOutput stderr;
    private final GuestLog log;
    private final HostCallCounter hostCalls = new HostCallCounter();
    private FlatMemory memory;

    /**
     * @param slot the run's execution slot, given back while the guest sleeps
     * @param timedOut whether the watchdog has fired: then whatever the guest was doing ends as a timeout
     */
    GuestRun(
            WasmFunction function, Invocation invocation, EgressPolicy egress, CpuSlot slot, BooleanSupplier timedOut) {
        this.function = function;
        this.invocation = invocation;
        this.egress = egress;
        this.slot = slot;
        this.timedOut = timedOut;
        Limits limits = invocation.limits();
        this.stdin = new CountingInput(invocation.stdin());
        this.stdout = new CappedOutput("stdout", limits.maxStdoutBytes());
        this.stderr = new CappedOutput("stderr", limits.maxStderrBytes());
        this.log = new GuestLog(limits.maxLogBytes());
    }

    /** Runs from now. */
    RunResult run() {
        return run(System.nanoTime(), ThreadCpuClock.ofCurrentThread());
    }

    /**
     * @param wallStart when the run started, in {@link System#nanoTime()} terms
     * @param cpuStart the thread's CPU time then ({@link ThreadCpuClock#ofCurrentThread()})
     */
    RunResult run(long wallStart, long cpuStart) {
        Ending ending;
        if (function.info().abi() == Abi.WASI) {
            try (var wasi = new WasiImports(
                    invocation.args(),
                    invocation.env(),
                    stdin,
                    stdout,
                    stderr,
                    hostCalls,
                    slot,
                    invocation.hostCallLog())) {
                ending = call(wasi.imports());
            }
        } else {
            var olin = new OlinContext(
                    invocation.args(),
                    invocation.env(),
                    stdin,
                    stdout,
                    stderr,
                    log,
                    invocation.limits().maxOpenResources(),
                    egress,
                    hostCalls,
                    slot,
                    invocation.hostCallLog());
            try (var bound = olin.bind()) {
                ending = call(function.olinImports());
            }
        }
        long wallNanos = System.nanoTime() - wallStart;
        long cpuNanos = Math.max(0, ThreadCpuClock.ofCurrentThread() - cpuStart);
        int peakMemoryPages = 0;
        if (memory != null) {
            // The guest has ended: its memory can serve a later instance, wiped first.
            peakMemoryPages = memory.pages();
            memory.release();
        }
        return new RunResult(
                ending.outcome(),
                ending.exitCode(),
                ending.message(),
                stdout.toByteArray(),
                stderr.toByteArray(),
                log.lines(),
                wallNanos,
                cpuNanos,
                peakMemoryPages,
                stdin.bytesRead(),
                hostCalls.snapshot());
    }

    private record Ending(Outcome outcome, int exitCode, String message) {
        static Ending exit(int code) {
            return new Ending(code == 0 ? Outcome.OK : Outcome.NONZERO_EXIT, code, null);
        }

        static Ending failed(Outcome outcome, String message) {
            return new Ending(outcome, -1, message);
        }
    }

    /** Catches everything: the guest's failures must become results, whatever their type. */
    private Ending call(ImportValues imports) {
        try {
            MemoryLimits declared = function.declaredMemory();
            if (declared != null) {
                int cap = invocation.limits().maxMemoryPages();
                if (declared.initialPages() > cap) {
                    return Ending.failed(
                            Outcome.MEMORY_LIMIT,
                            "the module's memory starts at " + declared.initialPages() + " pages, over the limit of "
                                    + cap);
                }
                // Keep the declared initial size; only the maximum is capped, so memory.grow past it returns -1.
                memory = new FlatMemory(
                        new MemoryLimits(declared.initialPages(), Math.min(declared.maximumPages(), cap)),
                        function.instantiation().image());
            }
            // _start is called below, where its result and exceptions are ours to interpret.
            Instance instance = function.instantiation().instantiate(imports, memory, GuestRun::stopWhenInterrupted);
            long[] result = instance.export(function.info().entrypoint()).apply();
            return Ending.exit(function.entrypointReturnsCode() && result != null ? (int) result[0] : 0);
        } catch (Throwable thrown) {
            return ending(thrown);
        }
    }

    /**
     * Only the interpreter calls execution listeners, and Chicory interprets just the functions too large to compile.
     * Its 1.7.5 loop ignores interrupts on br_if back-edges, so without this check such a function could outlive its
     * timeout; compiled code checks the interrupt flag itself and never pays for this.
     */
    private static void stopWhenInterrupted(Instruction instruction, MStack stack) {
        if (Thread.currentThread().isInterrupted()) {
            throw new ChicoryInterruptedException("interrupted");
        }
    }

    private Ending ending(Throwable thrown) {
        if (timedOut.getAsBoolean()) {
            return Ending.failed(
                    Outcome.TIMEOUT,
                    "wall-clock limit of "
                            + Quantities.formatDuration(invocation.limits().timeout()) + " reached");
        }
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof GuestExit exit) {
                return Ending.exit(exit.status());
            }
            if (cause instanceof WasiExitException exit) {
                return Ending.exit(exit.exitCode());
            }
            if (cause instanceof OutputLimitExceededException limit) {
                return Ending.failed(Outcome.OUTPUT_LIMIT, limit.getMessage());
            }
            if (cause instanceof ChicoryInterruptedException || cause instanceof InterruptedException) {
                return Ending.failed(Outcome.TIMEOUT, "cancelled");
            }
            if (cause instanceof StackOverflowError) {
                return Ending.failed(Outcome.TRAP, RunResult.STACK_EXHAUSTED);
            }
            if (cause instanceof OutOfMemoryError) {
                return Ending.failed(Outcome.MEMORY_LIMIT, "out of memory: " + cause.getMessage());
            }
        }
        String message = ModuleValidation.describe(thrown);
        if (memory != null && memory.growRefused()) {
            return Ending.failed(
                    Outcome.MEMORY_LIMIT, message + " (after memory.grow was refused at " + memory.pages() + " pages)");
        }
        return Ending.failed(Outcome.TRAP, message);
    }
}
