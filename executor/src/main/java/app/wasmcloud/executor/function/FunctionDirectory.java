package app.wasmcloud.executor.function;

import app.wasmcloud.contract.FunctionName;
import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Finds the function a request names, from a cache kept coherent by {@link FunctionChangeListener}.
 *
 * <p>A found function stays cached until a notification evicts it or the size bound does, and is read again in the
 * background once it is older than the safety-net TTL; a missing one is remembered briefly (the negative cache).
 * Concurrent lookups of one name share one database read. Reads go through a circuit breaker: while the database is
 * down, cached functions are still served as they were and an uncached name fails at once with
 * {@link FunctionDirectoryUnavailableException} instead of waiting for a connection per request. Only a few reads run
 * at once: a burst of new names used to take every pooled connection, and the waits for one (past the pool's 250 ms)
 * opened the breaker for everyone although the database was up (bench/executor/README.md, scale.sh). Waiting for a
 * turn is not a failure of the database, so the breaker never sees it.
 */
@Component
public class FunctionDirectory {

    private static final Logger log = LoggerFactory.getLogger(FunctionDirectory.class);

    /** The same rule the schema enforces; anything else cannot exist, so it never reaches the database. */

    /**
     * Half of the last ten reads failing (at least three) opens the breaker; a second later one read is let through to
     * see whether the database is back. The database's own timeouts bound each failing read.
     */
    private static final CircuitBreakerConfig BREAKER = CircuitBreakerConfig.custom()
            .slidingWindow(10, 3, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(1))
            .permittedNumberOfCallsInHalfOpenState(1)
            .recordExceptions(DataAccessException.class)
            .writableStackTraceEnabled(false)
            .build();

    private final FunctionRows rows;
    private final CircuitBreaker breaker = CircuitBreaker.of("function-directory", BREAKER);
    private final LoadingCache<String, Optional<ActiveFunction>> cache;
    private final Semaphore reading;
    private final Duration readingWait;
    private final Counter hits;
    private final Counter misses;

    FunctionDirectory(FunctionRows rows, FunctionCacheProperties properties, MeterRegistry meters) {
        this.rows = rows;
        this.reading = new Semaphore(properties.functionLookupConcurrency(), true);
        this.readingWait = properties.functionLookupWait();
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.functionCacheMaxEntries())
                .expireAfter(new FoundUntilEvictedMissingBriefly(properties.functionMissTtl()))
                .refreshAfterWrite(properties.functionCacheTtl())
                .build(new Reads());
        breaker.getEventPublisher()
                .onStateTransition(change -> log.warn(
                        "Function directory breaker {}: uncached names {}",
                        change.getStateTransition(),
                        change.getStateTransition().getToState() == CircuitBreaker.State.OPEN
                                ? "get 503 until the database answers"
                                : "are looked up again"));
        this.hits = meters.counter("wasmcloud.functions.cache", "result", "hit");
        this.misses = meters.counter("wasmcloud.functions.cache", "result", "miss");
        meters.gauge("wasmcloud.functions.cached", cache, LoadingCache::estimatedSize);
        meters.gauge(
                "wasmcloud.functions.directory.unavailable",
                breaker,
                b -> b.getState() == CircuitBreaker.State.OPEN ? 1 : 0);
    }

    /**
     * The named function if it exists and is served.
     *
     * @throws FunctionDirectoryUnavailableException when the name is not cached and the database cannot be read
     */
    public Optional<ActiveFunction> find(String name) {
        Optional<ActiveFunction> cached = cache.getIfPresent(name);
        if (cached != null) {
            hits.increment();
            return cached;
        }
        if (!FunctionName.isWellFormed(name)) {
            return Optional.empty();
        }
        try {
            // A load holds the name's entry, so an eviction for it waits for the read and then removes what it found:
            // a notification can never be overtaken by a lookup that started before it.
            return cache.get(name);
        } catch (CallNotPermittedException e) {
            throw new FunctionDirectoryUnavailableException("The function directory is unavailable", e);
        } catch (DataAccessException e) {
            throw new FunctionDirectoryUnavailableException("The function directory could not be read", e);
        }
    }

    /** Forgets one name, after a notification that it changed. */
    void evict(String name) {
        cache.invalidate(name);
    }

    /** Forgets everything, when notifications may have been missed. */
    void clear() {
        cache.invalidateAll();
    }

    /** One read through the breaker, once one of the few turns is free. */
    private Optional<ActiveFunction> readInTurn(String name) {
        boolean turn;
        try {
            turn = reading.tryAcquire(readingWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FunctionDirectoryUnavailableException("Interrupted while waiting to look up " + name, e);
        }
        if (!turn) {
            throw new FunctionDirectoryUnavailableException(
                    "The function directory is busy: lookups waited over " + readingWait.toMillis() + " ms", null);
        }
        try {
            return breaker.executeSupplier(() -> rows.find(name));
        } finally {
            reading.release();
        }
    }

    /** Database reads, guarded by the breaker. */
    private final class Reads implements CacheLoader<String, Optional<ActiveFunction>> {

        @Override
        public Optional<ActiveFunction> load(String name) {
            misses.increment();
            return readInTurn(name);
        }

        /**
         * A background refresh that cannot reach the database keeps what it had: a function served before the outage
         * is served through it. The listener empties the cache once it is connected again.
         */
        @Override
        public Optional<ActiveFunction> reload(String name, Optional<ActiveFunction> old) {
            try {
                return readInTurn(name);
            } catch (CallNotPermittedException | DataAccessException | FunctionDirectoryUnavailableException e) {
                log.debug("Function {} kept as cached: the directory is unavailable ({})", name, e.getMessage());
                return old;
            }
        }
    }

    /**
     * Found functions never expire by time (they are refreshed instead, so an outage cannot expire them); missing
     * names expire after a short while, so a function created meanwhile is found even if its notification was lost.
     */
    private record FoundUntilEvictedMissingBriefly(Duration missTtl)
            implements Expiry<String, Optional<ActiveFunction>> {

        @Override
        public long expireAfterCreate(String name, Optional<ActiveFunction> function, long now) {
            return function.isPresent() ? Long.MAX_VALUE : missTtl.toNanos();
        }

        @Override
        public long expireAfterUpdate(String name, Optional<ActiveFunction> function, long now, long current) {
            return expireAfterCreate(name, function, now);
        }

        @Override
        public long expireAfterRead(String name, Optional<ActiveFunction> function, long now, long current) {
            return current;
        }
    }
}
