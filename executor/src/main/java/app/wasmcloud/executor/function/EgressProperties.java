package app.wasmcloud.executor.function;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where functions' outbound requests may go beyond their allow-lists ({@code wasmcloud.executor.*}). A function's
 * timeout and memory limit are not settings here: the api-server writes the effective ones into its row.
 *
 * @param egressAllowPrivateAddresses let allowed hosts resolve to loopback, private, link-local or metadata addresses;
 *     for tests and single-machine development only, never in production
 */
@ConfigurationProperties("wasmcloud.executor")
public record EgressProperties(@DefaultValue("false") boolean egressAllowPrivateAddresses) {}
