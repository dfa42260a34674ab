package app.wasmcloud.runtime;

/**
 * Which threads were started with a stack big enough for guests (wasm recursion depth is JVM stack depth), so an
 * {@link ExecutionPool} may run an invocation on the thread that asks for it instead of handing it to one of its own.
 * A server whose request threads are started through {@link #declare} saves a hand-off, two context switches, on
 * every invocation.
 */
public final class GuestStack {

    private static final ThreadLocal<Long> STACK_BYTES = new ThreadLocal<>();

    private GuestStack() {}

    /**
     * Wraps the body of a thread that is started with a stack of {@code stackBytes}: while it runs, the thread counts as
     * having that stack. The caller must really give the thread that stack ({@code new Thread(group, body, name,
     * stackBytes)}); the JVM treats the size as a hint, so declare only what the platform honours (Linux does). The
     * frames the server itself has on the thread when it calls the pool (a few dozen) come out of that stack.
     */
    public static Runnable declare(long stackBytes, Runnable body) {
        return () -> {
            STACK_BYTES.set(stackBytes);
            body.run();
        };
    }

    /** The stack size the current thread was declared with, or 0. */
    static long ofCurrentThread() {
        Long bytes = STACK_BYTES.get();
        return bytes == null ? 0 : bytes;
    }
}
