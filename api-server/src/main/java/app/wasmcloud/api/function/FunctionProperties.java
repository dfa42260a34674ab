package app.wasmcloud.api.function;

import app.wasmcloud.runtime.GuestDefaults;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Functions as the API presents them, and the operator's ceilings on what their owners may set.
 *
 * @param runBaseUrl public base URL of the run domain; a function answers at {@code <runBaseUrl>/<name>/}
 * @param maxTimeout the longest wall-clock limit an owner may give a function; at most 24 days (2³¹ ms)
 * @param maxMemoryPages the most 64 KiB memory pages an owner may give a function (4096 = 256 MiB)
 * @param defaultMemoryPages a function's memory limit while its owner has not set one (256 = 16 MiB); uploads are
 *     checked against it. Written into each such function's row, which is what executors read
 * @param defaultTimeout a function's wall-clock limit while its owner has not set one; written into each such
 *     function's row, which is what executors read
 * @param maxEgressHosts how many host names one function's egress allow-list may hold
 * @param deletedNameGrace how long a deleted function's name stays reserved before the row is purged
 */
@ConfigurationProperties("wasmcloud.functions")
public record FunctionProperties(
        @DefaultValue("http://localhost:8081") URI runBaseUrl,
        @DefaultValue("60s") Duration maxTimeout,
        @DefaultValue("4096") int maxMemoryPages,
        @DefaultValue("" + GuestDefaults.MEMORY_PAGES) int defaultMemoryPages,
        @DefaultValue(GuestDefaults.TIMEOUT_TEXT) Duration defaultTimeout,
        @DefaultValue("32") int maxEgressHosts,
        @DefaultValue("30d") Duration deletedNameGrace) {

    public FunctionProperties {
        if (maxTimeout.toMillis() < 1 || maxTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("wasmcloud.functions.max-timeout must be from 1ms to "
                    + Integer.MAX_VALUE + "ms, not " + maxTimeout);
        }
        if (maxMemoryPages < 1 || maxEgressHosts < 0) {
            throw new IllegalArgumentException(
                    "wasmcloud.functions.max-memory-pages must be at least 1, max-egress-hosts at least 0");
        }
        if (defaultMemoryPages < 1 || defaultMemoryPages > maxMemoryPages) {
            throw new IllegalArgumentException("wasmcloud.functions.default-memory-pages must be from 1 to"
                    + " max-memory-pages (" + maxMemoryPages + "), not " + defaultMemoryPages);
        }
    }

    /** {@link #maxTimeout} in the API's unit, milliseconds. */
    public int maxTimeoutMs() {
        return (int) maxTimeout.toMillis();
    }

    /** The wall-clock limit a function runs with, in milliseconds: its own, else the default. */
    public int timeoutMsOf(FunctionEntity function) {
        return function.timeoutMs() != null ? function.timeoutMs() : (int) defaultTimeout.toMillis();
    }

    /** The memory limit a function runs with: its own, else the default. */
    public int memoryPagesOf(FunctionEntity function) {
        return function.memoryPages() != null ? function.memoryPages() : defaultMemoryPages;
    }

    public String urlOf(String name) {
        String base = runBaseUrl.toString();
        return (base.endsWith("/") ? base : base + "/") + name + "/";
    }
}
