package app.wasmcloud.runtime;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * Linux thread niceness, through libc ({@code gettid}, {@code getpriority}, {@code setpriority} with a thread id).
 * Java thread priorities do nothing on Linux, and a guest cannot be paused from outside, so lowering the niceness of
 * the thread running a long invocation is how the scheduler is told to let short ones go first.
 *
 * <p>Lowering a thread's priority is always allowed; raising it back needs {@code CAP_SYS_NICE} or an
 * {@code RLIMIT_NICE} that covers it, which {@link #available()} finds out once by trying on a thread of its own.
 */
final class Niceness {

    private static final int PRIO_PROCESS = 0;
    private static final MethodHandle GETTID;
    private static final MethodHandle GETPRIORITY;
    private static final MethodHandle SETPRIORITY;
    private static final ThreadLocal<Integer> THREAD_ID = new ThreadLocal<>();
    private static boolean probed;
    private static boolean available;

    static {
        MethodHandle gettid = null;
        MethodHandle getpriority = null;
        MethodHandle setpriority = null;
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            gettid = linker.downcallHandle(libc.find("gettid").orElseThrow(), FunctionDescriptor.of(JAVA_INT));
            getpriority = linker.downcallHandle(
                    libc.find("getpriority").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
            setpriority = linker.downcallHandle(
                    libc.find("setpriority").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        } catch (RuntimeException | LinkageError notLinuxLibc) {
            // Left null: niceness is then unavailable and long invocations keep their priority.
        }
        GETTID = gettid;
        GETPRIORITY = getpriority;
        SETPRIORITY = setpriority;
    }

    private Niceness() {}

    /** Whether threads can be lowered and raised back here; tried once, on a thread that is thrown away. */
    static synchronized boolean available() {
        if (SETPRIORITY != null && !probed) {
            probed = true;
            boolean[] works = new boolean[1];
            Thread probe = Thread.ofPlatform().name("niceness-probe").start(() -> {
                int thread = currentThreadId();
                int before = of(thread);
                works[0] = set(thread, Math.min(19, before + 1)) && set(thread, before) && of(thread) == before;
            });
            try {
                probe.join();
                // join() makes the probe's write visible here.
                available = works[0];
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return available;
    }

    /** The current thread's kernel id, asked once per thread. */
    static int currentThreadId() {
        Integer id = THREAD_ID.get();
        if (id == null) {
            id = (int) call(GETTID);
            THREAD_ID.set(id);
        }
        return id;
    }

    /** The thread's nice value (-20 to 19). */
    static int of(int threadId) {
        return (int) call(GETPRIORITY, PRIO_PROCESS, threadId);
    }

    /**
     * Gives a lowered thread its nice value back. If that fails (the limit was changed under the running process),
     * no thread is lowered any more: one stays low, rather than every thread that runs a long invocation.
     */
    static void restore(int threadId, int nice) {
        boolean restored;
        try {
            restored = set(threadId, nice);
        } catch (RuntimeException e) {
            restored = false;
        }
        if (!restored) {
            synchronized (Niceness.class) {
                available = false;
            }
            System.getLogger(Niceness.class.getName())
                    .log(
                            System.Logger.Level.WARNING,
                            "Could not raise thread {0} back to nice {1}; long invocations keep their priority from now on",
                            threadId,
                            nice);
        }
    }

    /** Whether lowering is still allowed: false once a restore has failed. */
    static synchronized boolean stillAvailable() {
        return available;
    }

    /** Sets the thread's nice value; false when the kernel refused. */
    static boolean set(int threadId, int nice) {
        return (int) call(SETPRIORITY, PRIO_PROCESS, threadId, nice) == 0;
    }

    private static Object call(MethodHandle function, Object... arguments) {
        try {
            return function.invokeWithArguments(arguments);
        } catch (Throwable e) {
            throw new IllegalStateException("libc call failed", e);
        }
    }
}
