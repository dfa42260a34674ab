package app.wasmcloud.devstack;

import app.wasmcloud.testsupport.FreePort;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's nginx running {@code deploy/nginx} as rendered by its own {@code render.sh}, on loopback ports, with a
 * throwaway certificate for the production host names (the test hosts file points them at loopback). Its access log
 * names the upstream that answered each request, so tests can see where nginx sent it.
 */
final class LoopbackNginx implements AutoCloseable {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final String DOMAIN = "wasmcloud.test";
    /** The files the rendered configuration includes by name. */
    static final List<String> INCLUDES = List.of(
            "wasmcloud-proxy.conf", "wasmcloud-tls.conf", "wasmcloud-security-headers.conf", "wasmcloud-static.conf");

    final Path dir;
    final int httpsPort = FreePort.pick();
    final int httpPort = FreePort.pick();
    private final Process process;

    /**
     * @param apiUpstreams and {@code executorUpstreams}: {@code host:port} lists as {@code render.sh} takes them
     */
    LoopbackNginx(Path dir, String apiUpstreams, String executorUpstreams) throws IOException, InterruptedException {
        this.dir = dir;
        Path cert = certificate();
        ProcessBuilder render = new ProcessBuilder(
                "bash", TestStack.ROOT.resolve("deploy/nginx/render.sh").toString());
        render.environment()
                .putAll(Map.ofEntries(
                        Map.entry("WASMCLOUD_DOMAIN", DOMAIN),
                        Map.entry("WASMCLOUD_RUN_HOST", TestStack.RUN_DOMAIN),
                        Map.entry("WASMCLOUD_TLS_CERT", cert.toString()),
                        Map.entry("WASMCLOUD_TLS_KEY", dir.resolve("key.pem").toString()),
                        Map.entry("WASMCLOUD_LISTEN_ADDRESS", "127.0.0.1"),
                        Map.entry("WASMCLOUD_HTTP_PORT", Integer.toString(httpPort)),
                        Map.entry("WASMCLOUD_HTTPS_PORT", Integer.toString(httpsPort)),
                        Map.entry("WASMCLOUD_API_UPSTREAM", apiUpstreams),
                        Map.entry("WASMCLOUD_EXECUTOR_UPSTREAM", executorUpstreams),
                        Map.entry(
                                "WASMCLOUD_EXECUTOR_RELAY_SOCKET",
                                dir.resolve("relay.sock").toString()),
                        Map.entry(
                                "WASMCLOUD_PANEL_ROOT",
                                TestStack.ROOT.resolve("panel/target/dist").toString()),
                        Map.entry(
                                "WASMCLOUD_DOCS_ROOT",
                                TestStack.ROOT
                                        .resolve("docs-site/target/classes/static/docs")
                                        .toString())));
        Files.writeString(dir.resolve("wasmcloud.conf"), run(render));
        for (String include : INCLUDES) {
            Files.copy(TestStack.ROOT.resolve("deploy/nginx").resolve(include), dir.resolve(include));
        }
        Files.writeString(dir.resolve("nginx.conf"), mainConfig());
        Files.createDirectories(dir.resolve("temp"));
        process = new ProcessBuilder(
                        NGINX.toString(),
                        "-p",
                        dir.toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString(),
                        "-e",
                        dir.resolve("error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        awaitListening();
    }

    static boolean installed() {
        return Files.isExecutable(NGINX);
    }

    /** The configuration {@code render.sh} wrote, which nginx includes. */
    Path renderedConfiguration() {
        return dir.resolve("wasmcloud.conf");
    }

    /** The command that makes this nginx reload its configuration (running requests finish in the old workers). */
    String reloadCommand() {
        return String.join(
                " ",
                NGINX.toString(),
                "-p",
                dir.toString(),
                "-c",
                dir.resolve("nginx.conf").toString(),
                "-e",
                dir.resolve("error.log").toString(),
                "-s",
                "reload");
    }

    Path certificatePath() {
        return dir.resolve("cert.pem");
    }

    String url(String host, String path) {
        return "https://" + host + ":" + httpsPort + path;
    }

    /**
     * Access log lines, {@code <host> <method> <uri> <status> <upstream addresses tried>}, oldest first; for the run
     * domain, the executors the relay tried.
     */
    List<String> accessLog() throws IOException {
        Path log = dir.resolve("access.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    SSLContext trustingItsCertificate() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificatePath())) {
            trust.setCertificateEntry(
                    "wasmcloud-test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** One certificate for every host, as the deploy guide asks; openssl, because keytool cannot add wildcards. */
    private Path certificate() throws IOException, InterruptedException {
        Path cert = dir.resolve("cert.pem");
        run(new ProcessBuilder(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=" + DOMAIN,
                "-addext",
                "subjectAltName=DNS:api." + DOMAIN + ",DNS:panel." + DOMAIN + ",DNS:docs." + DOMAIN + ",DNS:"
                        + TestStack.RUN_DOMAIN + ",DNS:*." + TestStack.RUN_DOMAIN,
                "-keyout",
                dir.resolve("key.pem").toString(),
                "-out",
                cert.toString()));
        return cert;
    }

    private String mainConfig() {
        return """
                worker_processes 1;
                pid %1$s/nginx.pid;
                %2$s
                daemon off;
                events { worker_connections 256; }
                http {
                    include /etc/nginx/mime.types;
                    log_format wasmcloud_test '$host $request_method $request_uri $status $wasmcloud_upstream';
                    access_log %1$s/access.log wasmcloud_test;
                    client_body_temp_path %3$s/body;
                    proxy_temp_path %3$s/proxy;
                    fastcgi_temp_path %3$s/fastcgi;
                    uwsgi_temp_path %3$s/uwsgi;
                    scgi_temp_path %3$s/scgi;
                    include %1$s/wasmcloud.conf;
                }
                """.formatted(
                        dir, "root".equals(System.getProperty("user.name")) ? "user root;" : "", dir.resolve("temp"));
    }

    private static String run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(builder.command() + " failed: " + output);
        }
        return output;
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", httpsPort)) {
                return;
            } catch (ConnectException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("nginx exited: " + Files.readString(dir.resolve("nginx.out"))
                            + Files.readString(dir.resolve("error.log")));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + httpsPort);
    }
}
