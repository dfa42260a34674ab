package app.wasmcloud.api.executor;

import app.wasmcloud.contract.InvocationOrigin;
import app.wasmcloud.contract.InvocationSource;
import app.wasmcloud.contract.ServiceToken;
import app.wasmcloud.contract.WasmcloudHeaders;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/** Forwards an authenticated invocation to an executor's internal endpoint with a short-lived service token. */
@Component
public class ExecutorClient {

    /** Headers java.net.http sets itself or refuses; the executor frames the request anew anyway. */
    private static final Set<String> NOT_FORWARDED =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "authorization");

    private final ExecutorProperties properties;
    private final SecretKey serviceKey;
    private final HttpClient http;
    private final Clock clock;

    ExecutorClient(ExecutorProperties properties, Clock clock, SslBundles sslBundles) {
        this.properties = properties;
        this.serviceKey = Keys.hmacShaKeyFor(properties.serviceTokenKey());
        this.clock = clock;
        HttpClient.Builder http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (properties.sslBundle() != null && !properties.sslBundle().isBlank()) {
            // An unknown bundle name fails here, at startup, not at the first invocation.
            http.sslContext(sslBundles.getBundle(properties.sslBundle()).createSslContext());
        }
        this.http = http.build();
    }

    /**
     * One invocation to forward.
     *
     * @param origin {@code api} for a synchronous invoke; for an attempt of a background request, the request and
     *     the attempt's number, which the executor records
     */
    public record Call(
            String function,
            String method,
            String path,
            Map<String, List<String>> headers,
            byte[] body,
            InvocationOrigin origin) {

        /** A synchronous API invocation. */
        public Call(String function, String method, String path, Map<String, List<String>> headers, byte[] body) {
            this(function, method, path, headers, body, InvocationOrigin.of(InvocationSource.API));
        }
    }

    public HttpResponse<byte[]> invoke(Call call) {
        URI uri = properties.baseUrl().resolve("/internal/functions/" + call.function() + "/invoke");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(properties.requestTimeout())
                .header("Authorization", "Bearer " + serviceToken())
                .header(WasmcloudHeaders.METHOD, call.method())
                .header(WasmcloudHeaders.PATH, call.path())
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
        if (call.origin().asyncRequestId() != null) {
            request.header(WasmcloudHeaders.SOURCE, call.origin().source().label())
                    .header(
                            WasmcloudHeaders.ASYNC_REQUEST,
                            call.origin().asyncRequestId().toString())
                    .header(WasmcloudHeaders.ATTEMPT, call.origin().attempt().toString());
        }
        call.headers().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !WasmcloudHeaders.isPlatformHeader(name)) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ExecutorUnavailableException(
                    "The executor did not answer within " + properties.requestTimeout(), e);
        } catch (IOException e) {
            throw new ExecutorUnavailableException("The executor at " + properties.baseUrl() + " is unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutorUnavailableException("Interrupted while waiting for the executor", e);
        }
    }

    private String serviceToken() {
        Instant now = clock.instant();
        return Jwts.builder()
                .subject(ServiceToken.SUBJECT)
                .audience()
                .add(ServiceToken.AUDIENCE)
                .and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ServiceToken.LIFETIME)))
                .signWith(serviceKey)
                .compact();
    }
}
