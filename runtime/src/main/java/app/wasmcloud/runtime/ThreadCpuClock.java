package app.wasmcloud.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Threads' CPU time, where the JVM can read it; 0 for the current thread and -1 for another where it cannot. */
final class ThreadCpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean SUPPORTED = THREADS.isThreadCpuTimeSupported();

    private ThreadCpuClock() {}

    /** Whether {@link #of} gives real figures here. */
    static boolean supported() {
        return SUPPORTED;
    }

    /** The current thread's CPU time in nanoseconds; 0 where it cannot be read. */
    static long ofCurrentThread() {
        return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /** {@code thread}'s CPU time in nanoseconds; -1 where it cannot be read or the thread has ended. */
    static long of(Thread thread) {
        return SUPPORTED ? THREADS.getThreadCpuTime(thread.threadId()) : -1;
    }
}
