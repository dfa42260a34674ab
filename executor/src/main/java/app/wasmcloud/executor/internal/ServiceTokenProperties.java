package app.wasmcloud.executor.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key of the internal endpoint ({@code wasmcloud.executor.*}).
 *
 * @param serviceTokenSecret base64 HMAC key the api-server signs service tokens with; from the environment
 */
@ConfigurationProperties("wasmcloud.executor")
public record ServiceTokenProperties(String serviceTokenSecret) {}
