package app.wasmcloud.executor.function;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits a function runs under when its row does not set them, and the most it may set
 * ({@code wasmcloud.executor.*}).
 *
 * @param defaultTimeout a function's wall-clock limit unless it sets its own
 * @param maxTimeout the most a function may ask for
 * @param defaultMemoryPages a function's memory cap in 64 KiB pages unless it sets its own
 * @param maxMemoryPages the most a function may ask for
 * @param egressAllowPrivateAddresses let allowed hosts resolve to loopback, private, link-local or metadata addresses;
 *     for tests and single-machine development only, never in production
 */
@ConfigurationProperties("wasmcloud.executor")
public record FunctionLimitsProperties(
        @DefaultValue("10s") Duration defaultTimeout,
        @DefaultValue("60s") Duration maxTimeout,
        @DefaultValue("256") int defaultMemoryPages,
        @DefaultValue("4096") int maxMemoryPages,
        @DefaultValue("false") boolean egressAllowPrivateAddresses) {}
