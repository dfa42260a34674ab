package app.wasmcloud.runtime;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;

/**
 * Linux thread scheduling policy, through libc ({@code gettid}, {@code sched_getscheduler}, {@code sched_setscheduler}
 * with a thread id). Java thread priorities do nothing on Linux, and a guest cannot be paused from outside, so moving
 * the thread of a long invocation to {@code SCHED_IDLE} is how the scheduler is told to let short ones go first. Idle
 * beats the lowest nice value (19): a CPU running only idle-policy threads counts as free, so a waking request thread
 * is placed there and takes it at once; at nice 19 a looping function still took a fifth of hello's throughput.
 *
 * <p>Moving a thread to {@code SCHED_IDLE} is always allowed; moving it back needs {@code CAP_SYS_NICE} or an
 * {@code RLIMIT_NICE} that covers its nice value (20 for nice 0), which {@link #available()} finds out once by trying on
 * a thread of its own.
 */
final class ThreadPriority {

    static final int SCHED_OTHER = 0;
    static final int SCHED_IDLE = 5;

    private static final MethodHandle GETTID;
    private static final MethodHandle SCHED_GETSCHEDULER;
    private static final MethodHandle SCHED_SETSCHEDULER;
    /** {@code struct sched_param} with priority 0, the only one the normal, batch and idle policies take. */
    private static final MemorySegment PRIORITY_ZERO;

    private static final ThreadLocal<Integer> THREAD_ID = new ThreadLocal<>();
    private static boolean probed;
    private static boolean available;

    static {
        MethodHandle gettid = null;
        MethodHandle getScheduler = null;
        MethodHandle setScheduler = null;
        MemorySegment priorityZero = null;
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            gettid = linker.downcallHandle(libc.find("gettid").orElseThrow(), FunctionDescriptor.of(JAVA_INT));
            getScheduler = linker.downcallHandle(
                    libc.find("sched_getscheduler").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT));
            setScheduler = linker.downcallHandle(
                    libc.find("sched_setscheduler").orElseThrow(),
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
            priorityZero = Arena.global().allocate(JAVA_INT);
        } catch (RuntimeException | LinkageError notLinuxLibc) {
            // The handles stay null: demotion is unavailable and long invocations keep their priority.
            System.getLogger(ThreadPriority.class.getName())
                    .log(System.Logger.Level.INFO, "Thread scheduling policies are not available here", notLinuxLibc);
        }
        GETTID = gettid;
        SCHED_GETSCHEDULER = getScheduler;
        SCHED_SETSCHEDULER = setScheduler;
        PRIORITY_ZERO = priorityZero;
    }

    private ThreadPriority() {}

    /** Whether threads can be moved to the idle policy and back here; tried once, on a thread that is thrown away. */
    static synchronized boolean available() {
        if (SCHED_SETSCHEDULER != null && !probed) {
            probed = true;
            boolean[] works = new boolean[1];
            Thread probe = Thread.ofPlatform().name("scheduling-probe").start(() -> {
                int thread = currentThreadId();
                int before = policyOf(thread);
                works[0] = before >= 0
                        && setPolicy(thread, SCHED_IDLE)
                        && setPolicy(thread, before)
                        && policyOf(thread) == before;
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

    /** Whether demoting is still allowed: false once a restore has failed. */
    static synchronized boolean stillAvailable() {
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

    /** The thread's scheduling policy ({@link #SCHED_OTHER}, {@link #SCHED_IDLE}, ...), or -1 when it cannot be read. */
    static int policyOf(int threadId) {
        return (int) call(SCHED_GETSCHEDULER, threadId);
    }

    /** Sets the thread's scheduling policy; false when the kernel refused. */
    static boolean setPolicy(int threadId, int policy) {
        return (int) call(SCHED_SETSCHEDULER, threadId, policy, PRIORITY_ZERO) == 0;
    }

    /**
     * Gives a demoted thread its policy back. If that fails (the limit was changed under the running process), no
     * thread is demoted any more: one stays demoted, rather than every thread that runs a long invocation.
     */
    static void restore(int threadId, int policy) {
        boolean restored;
        try {
            restored = setPolicy(threadId, policy);
        } catch (RuntimeException e) {
            restored = false;
        }
        if (!restored) {
            synchronized (ThreadPriority.class) {
                available = false;
            }
            System.getLogger(ThreadPriority.class.getName())
                    .log(
                            System.Logger.Level.WARNING,
                            "Could not give thread {0} its scheduling policy back; long invocations keep their"
                                    + " priority from now on",
                            threadId);
        }
    }

    private static Object call(MethodHandle function, Object... arguments) {
        try {
            return function.invokeWithArguments(arguments);
        } catch (Throwable e) {
            throw new IllegalStateException("libc call failed", e);
        }
    }
}
