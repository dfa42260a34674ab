package app.wasmcloud.runtime;

import java.time.Duration;

/**
 * What every guest gets unless its owner or an operator sets otherwise, on the platform and in the CLI's {@code run}
 * and {@code serve} alike, so that a local run behaves as a deployed function. The services' configuration takes its
 * defaults from the texts here (as Spring reads a {@code Duration} or a {@code DataSize}: MB is 1024²).
 */
public final class GuestDefaults {

    /** A function's wall-clock limit while its owner has not set one; also {@code wasmcloud run}'s. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** {@link #TIMEOUT} as the api-server's configuration default reads it; FunctionPropertiesTest holds the two. */
    public static final String TIMEOUT_TEXT = "10s";

    /** A function's memory limit while its owner has not set one, in 64 KiB pages (16 MiB); also the CLI's. */
    public static final int MEMORY_PAGES = 256;

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
