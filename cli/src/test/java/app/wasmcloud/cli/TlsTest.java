package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.testsupport.ThrowawayTls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS is always verified; `--ca-cert` adds a private CA instead of switching verification off. */
class TlsTest {

    static Path caPem;
    static FakeApi api;

    @BeforeAll
    static void startHttpsApi() throws Exception {
        Path tls = ThrowawayTls.create();
        // Self-signed: the server's certificate is the private CA the CLI is told to trust.
        caPem = tls.resolve("cert.pem");
        api = new FakeApi(ThrowawayTls.serving(tls))
                .answer("GET /api/whoami", 200, "{\"login\":\"dev\",\"role\":\"admin\",\"status\":\"active\"}");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @TempDir
    Path dir;

    @Test
    void anUntrustedCertificateIsRefusedWithAHintAboutCaCert() {
        CliRun.Result result = cli().run("whoami");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("error: TLS connection to 127.0.0.1 failed: ");
        assertThat(result.stderr()).contains("pass its certificate with --ca-cert");
    }

    @Test
    void caCertMakesThePrivateCaTrusted() {
        CliRun.Result result = cli().run("whoami", "--ca-cert", caPem.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("Logged in as dev (admin)");
    }

    @Test
    void theCaCertCanComeFromTheEnvironment() {
        CliRun.Result result = cli().env("WASMCLOUD_CA_CERT", caPem.toString()).run("whoami");

        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @Test
    void aCaCertFileWithoutCertificatesIsAUsageError() throws IOException {
        Path notPem = Files.writeString(dir.resolve("not.pem"), "hello");

        CliRun.Result result = cli().run("whoami", "--ca-cert", notPem.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("error: ");
        assertThat(result.stderr()).contains(notPem.toString());
    }

    private CliRun cli() {
        return new CliRun(dir).env("WASMCLOUD_API", api.url()).env("WASMCLOUD_TOKEN", FakeApi.TOKEN);
    }
}
