package app.wasmcloud.cli.local;

import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.RunResult;

/** The one line that says why a run did not end with an exit code, in the runtime's words where it has them. */
final class RunFailure {
    private RunFailure() {}

    /** Null when the module exited (with any code). */
    static String describe(RunResult result, Limits limits) {
        String detail = result.trapMessage() == null ? "" : ": " + result.trapMessage();
        return switch (result.outcome()) {
            case OK, NONZERO_EXIT -> null;
            case TIMEOUT ->
                "timeout: the module ran longer than " + DurationConverter.format(limits.timeout())
                        + " (raise it with --timeout)";
            case MEMORY_LIMIT ->
                "memory limit: the module needed more than " + MemorySizeConverter.format(limits.maxMemoryPages())
                        + detail + " (raise it with --memory)";
            case OUTPUT_LIMIT -> "output limit" + detail;
            case TRAP -> "trap" + detail;
            case INVALID_RESPONSE -> "invalid response" + detail;
        };
    }
}
