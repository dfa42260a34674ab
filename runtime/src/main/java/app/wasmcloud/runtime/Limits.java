package app.wasmcloud.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * What one invocation may use.
 *
 * @param timeout wall-clock time from the start of instantiation to the end of the entrypoint
 * @param maxMemoryPages linear memory cap in 64 KiB pages; {@code memory.grow} past it returns -1
 * @param maxStdoutBytes stdout cap; writing past it ends the invocation with {@link Outcome#OUTPUT_LIMIT}
 * @param maxStderrBytes stderr cap; writing past it ends the invocation with {@link Outcome#OUTPUT_LIMIT}
 * @param maxLogBytes log text kept; lines past it are dropped and the truncation is noted
 * @param maxOpenResources Olin resources open at once; opening more returns -1
 */
public record Limits(
        Duration timeout,
        int maxMemoryPages,
        int maxStdoutBytes,
        int maxStderrBytes,
        int maxLogBytes,
        int maxOpenResources) {

    /** The largest memory a 32-bit wasm module can address. */
    public static final int MAX_WASM32_PAGES = 65536;

    public Limits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (maxMemoryPages < 0 || maxMemoryPages > MAX_WASM32_PAGES) {
            throw new IllegalArgumentException(
                    "maxMemoryPages must be in [0, " + MAX_WASM32_PAGES + "], got " + maxMemoryPages);
        }
        requireNonNegative("maxStdoutBytes", maxStdoutBytes);
        requireNonNegative("maxStderrBytes", maxStderrBytes);
        requireNonNegative("maxLogBytes", maxLogBytes);
        requireNonNegative("maxOpenResources", maxOpenResources);
    }

    /** 10 s, 256 pages (16 MiB), 10 MiB stdout, 64 KiB stderr, 64 KiB logs, 64 open resources. */
    public static Limits defaults() {
        return new Limits(
                GuestDefaults.TIMEOUT,
                GuestDefaults.MEMORY_PAGES,
                GuestDefaults.MAX_STDOUT_BYTES,
                64 * 1024,
                64 * 1024,
                64);
    }

    public Limits withTimeout(Duration newTimeout) {
        return new Limits(newTimeout, maxMemoryPages, maxStdoutBytes, maxStderrBytes, maxLogBytes, maxOpenResources);
    }

    public Limits withMaxMemoryPages(int pages) {
        return new Limits(timeout, pages, maxStdoutBytes, maxStderrBytes, maxLogBytes, maxOpenResources);
    }

    public Limits withMaxStdoutBytes(int bytes) {
        return new Limits(timeout, maxMemoryPages, bytes, maxStderrBytes, maxLogBytes, maxOpenResources);
    }

    public Limits withMaxStderrBytes(int bytes) {
        return new Limits(timeout, maxMemoryPages, maxStdoutBytes, bytes, maxLogBytes, maxOpenResources);
    }

    public Limits withMaxLogBytes(int bytes) {
        return new Limits(timeout, maxMemoryPages, maxStdoutBytes, maxStderrBytes, bytes, maxOpenResources);
    }

    public Limits withMaxOpenResources(int count) {
        return new Limits(timeout, maxMemoryPages, maxStdoutBytes, maxStderrBytes, maxLogBytes, count);
    }

    private static void requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }
}
