package app.wasmcloud.api.executor;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the api-server reaches an executor's internal endpoint.
 *
 * @param baseUrl the executor (or the load balancer in front of executors)
 * @param serviceTokenSecret base64 HMAC key shared with executors for short-lived service tokens
 * @param connectTimeout how long to wait for a connection before reporting the executor unavailable
 * @param requestTimeout the longest an invocation may take end to end (above the function's own timeout)
 * @param sslBundle the Spring SSL bundle ({@code spring.ssl.bundle.*}) whose trust material verifies the executors'
 *     certificate over HTTPS, e.g. an internal CA's; unset means the JDK's default trust store
 */
@ConfigurationProperties("wasmcloud.executor")
public record ExecutorProperties(
        @DefaultValue("http://localhost:8081") URI baseUrl,
        String serviceTokenSecret,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("75s") Duration requestTimeout,
        String sslBundle) {

    public ExecutorProperties {
        if (serviceTokenSecret == null || Base64.getDecoder().decode(serviceTokenSecret).length < 32) {
            throw new IllegalArgumentException(
                    "wasmcloud.executor.service-token-secret must be a base64 key of at least 32 bytes,"
                            + " the same one the executors are given");
        }
    }

    byte[] serviceTokenKey() {
        return Base64.getDecoder().decode(serviceTokenSecret);
    }
}
