package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind nginx the client's address, scheme and host arrive as {@code X-Forwarded-*}; from a trusted proxy (here the
 * test client's 127.0.0.1 is configured as one) they become REMOTE_ADDR, HTTPS and SERVER_NAME/SERVER_PORT, as cgi.md
 * requires. {@link UntrustedForwardingTest} shows the default, where nobody is trusted.
 */
@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=127.0.0.1/32")
class ForwardedHeadersTest extends ExecutorTest {

    @Test
    void forwardedHeadersFromATrustedProxyBecomeTheClientsAddressSchemeAndHost() {
        String name = deploy("echo_env");

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/" + name + "/"))
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "run.example.org")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("REMOTE_ADDR=203.0.113.7\nHTTPS=on\nSERVER_NAME=run.example.org\nSERVER_PORT=443\n");
    }

    @Test
    void withoutForwardedHeadersTheConnectionItselfIsDescribed() {
        String name = deploy("echo_env");

        HttpResponse<String> response = get("/" + name + "/");

        assertThat(response.body())
                .isEqualTo(
                        "REMOTE_ADDR=127.0.0.1\nHTTPS=(absent)\nSERVER_NAME=127.0.0.1\nSERVER_PORT=" + port() + "\n");
    }

    @Test
    void aForwardedHostStyleHostRoutesToThatFunction() {
        String name = deploy("echo_env");

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/"))
                .header("X-Forwarded-Host", name + "." + RUN_DOMAIN)
                .header("X-Forwarded-Proto", "https")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("SERVER_NAME=" + name + "." + RUN_DOMAIN + "\n");
    }
}
