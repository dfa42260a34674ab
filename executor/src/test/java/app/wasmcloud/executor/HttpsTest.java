package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wasmcloud.testsupport.ThrowawayTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a PEM certificate and key configured as an SSL bundle, the executor speaks only TLS. The certificate is a
 * throwaway one made by keytool for this run; the client trusts exactly it. (Its own application context: TLS
 * changes the connector.)
 */
class HttpsTest extends ExecutorTest {

    static final Path TLS = ThrowawayTls.create();

    @DynamicPropertySource
    static void tlsProperties(DynamicPropertyRegistry registry) {
        registry.add("server.ssl.bundle", () -> "executor");
        registry.add("spring.ssl.bundle.pem.executor.keystore.certificate", () -> "file:" + TLS.resolve("cert.pem"));
        registry.add("spring.ssl.bundle.pem.executor.keystore.private-key", () -> "file:" + TLS.resolve("key.pem"));
    }

    @Test
    void theRunDomainAndTheInternalEndpointAreServedOverTlsToAClientThatTrustsTheCertificate() throws Exception {
        String name = deploy("cookies");
        HttpClient trusting =
                HttpClient.newBuilder().sslContext(ThrowawayTls.trusting(TLS)).build();

        HttpResponse<String> run = trusting.send(
                HttpRequest.newBuilder(https("/" + name + "/")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> internal = trusting.send(
                HttpRequest.newBuilder(https("/internal/functions/" + name + "/invoke"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(run.statusCode()).isEqualTo(201);
        assertThat(run.body()).isEqualTo("created\n");
        assertThat(internal.statusCode()).isEqualTo(401);
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        String name = deploy("cookies");

        assertThatThrownBy(() -> http.send(
                        HttpRequest.newBuilder(https("/" + name + "/")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    private URI https(String path) {
        return URI.create("https://localhost:" + port() + path);
    }
}
