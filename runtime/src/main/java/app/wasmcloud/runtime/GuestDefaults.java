package app.wasmcloud.runtime;

/**
 * What every guest gets unless an operator sets otherwise, on an executor and in the CLI's {@code run} and {@code
 * serve} alike, so that a local run behaves as a deployed function. The executor's configuration takes its defaults
 * from the {@code *_SIZE} texts (as Spring's {@code DataSize} reads them: MB is 1024²).
 */
public final class GuestDefaults {

    /** The stack of the threads that run guests: wasm recursion depth is JVM stack depth. */
    public static final long STACK_BYTES = 8L * 1024 * 1024;

    public static final String STACK_SIZE = "8MB";

    /** The most a reply may be: stdout past it ends the invocation (502). */
    public static final int MAX_STDOUT_BYTES = 10 * 1024 * 1024;

    public static final String MAX_STDOUT_SIZE = "10MB";

    private GuestDefaults() {}

    /** Invocations running at once: two per processor, so one waiting on I/O or a sleep leaves a core busy. */
    public static int slots() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }
}
