package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a PEM certificate and key configured as an SSL bundle, the executor speaks only TLS. The certificate is a
 * throwaway one made by keytool for this run; the client trusts exactly it. (Its own application context: TLS
 * changes the connector.)
 */
class HttpsTest extends ExecutorTest {

    static final Path TLS = createTls();

    @DynamicPropertySource
    static void tlsProperties(DynamicPropertyRegistry registry) {
        registry.add("server.ssl.bundle", () -> "executor");
        registry.add("spring.ssl.bundle.pem.executor.keystore.certificate", () -> "file:" + TLS.resolve("cert.pem"));
        registry.add("spring.ssl.bundle.pem.executor.keystore.private-key", () -> "file:" + TLS.resolve("key.pem"));
    }

    @Test
    void theRunDomainAndTheInternalEndpointAreServedOverTlsToAClientThatTrustsTheCertificate() throws Exception {
        String name = deploy("cookies");
        HttpClient trusting = HttpClient.newBuilder().sslContext(trusting()).build();

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

    private static SSLContext trusting() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream certificate = Files.newInputStream(TLS.resolve("cert.pem"))) {
            trusted.setCertificateEntry(
                    "executor", CertificateFactory.getInstance("X.509").generateCertificate(certificate));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** A self-signed certificate for localhost from keytool, written out as the PEM files an operator would give. */
    private static Path createTls() {
        try {
            Path directory = Files.createTempDirectory("wasmcloud-executor-tls");
            Path keystore = directory.resolve("executor.p12");
            String keytool =
                    Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(
                            keytool,
                            "-genkeypair",
                            "-alias",
                            "executor",
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=dns:localhost,ip:127.0.0.1",
                            "-validity",
                            "2",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            keystore.toString(),
                            "-storepass",
                            "changeit")
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, "changeit".toCharArray());
            }
            Certificate certificate = store.getCertificate("executor");
            byte[] key = store.getKey("executor", "changeit".toCharArray()).getEncoded();
            Files.writeString(directory.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
            Files.writeString(directory.resolve("key.pem"), pem("PRIVATE KEY", key));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the test certificate", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
