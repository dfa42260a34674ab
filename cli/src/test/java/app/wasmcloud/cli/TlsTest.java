package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS is always verified; `--ca-cert` adds a private CA instead of switching verification off. */
class TlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path keys;

    static Path caPem;
    static FakeApi api;

    @BeforeAll
    static void startHttpsApi() throws Exception {
        Path keystore = keys.resolve("api.p12");
        caPem = keys.resolve("ca.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "api",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(PASSWORD));
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "api",
                "-keystore",
                keystore.toString(),
                "-storepass",
                new String(PASSWORD),
                "-file",
                caPem.toString());
        api = new FakeApi(serverContext(keystore))
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

    private static SSLContext serverContext(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
