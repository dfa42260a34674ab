package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * With the default configuration no peer is a trusted proxy, not even loopback or a private network, so a client
 * cannot name its own address, scheme or host with {@code X-Forwarded-*}.
 */
class UntrustedForwardingTest extends ExecutorTest {

    @Test
    void aForgedForwardedForFromAnUntrustedPeerDoesNotBecomeTheGuestsRemoteAddr() {
        String name = deploy("echo_env");

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/" + name + "/"))
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo(
                        "REMOTE_ADDR=127.0.0.1\nHTTPS=(absent)\nSERVER_NAME=127.0.0.1\nSERVER_PORT=" + port() + "\n");
    }
}
