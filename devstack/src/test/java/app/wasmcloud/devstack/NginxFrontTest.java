package app.wasmcloud.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import app.wasmcloud.cli.Main;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production host layout for real: nginx rendered from {@code deploy/nginx} terminates TLS for the api, panel,
 * docs and run hosts and proxies to the dev stack's services on loopback.
 */
class NginxFrontTest {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final String DOMAIN = "wasmcloud.test";

    @TempDir
    static Path dir;

    static DevStack stack;
    static Process nginx;
    static int httpsPort;
    static int httpPort;
    static HttpClient https;

    @BeforeAll
    static void startNginx() throws Exception {
        assumeThat(Files.isExecutable(NGINX))
                .as("nginx is not installed (apt-get install nginx); skipping the reverse-proxy test")
                .isTrue();
        stack = TestStack.get();
        httpsPort = TestStack.freePort();
        httpPort = TestStack.freePort();
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
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
                key.toString(),
                "-out",
                cert.toString()));

        ProcessBuilder render = new ProcessBuilder(
                "bash", TestStack.ROOT.resolve("deploy/nginx/render.sh").toString());
        render.environment()
                .putAll(Map.ofEntries(
                        Map.entry("WASMCLOUD_DOMAIN", DOMAIN),
                        Map.entry("WASMCLOUD_RUN_HOST", TestStack.RUN_DOMAIN),
                        Map.entry("WASMCLOUD_TLS_CERT", cert.toString()),
                        Map.entry("WASMCLOUD_TLS_KEY", key.toString()),
                        Map.entry("WASMCLOUD_LISTEN_ADDRESS", "127.0.0.1"),
                        Map.entry("WASMCLOUD_HTTP_PORT", Integer.toString(httpPort)),
                        Map.entry("WASMCLOUD_HTTPS_PORT", Integer.toString(httpsPort)),
                        Map.entry(
                                "WASMCLOUD_API_UPSTREAM",
                                "127.0.0.1:" + stack.config().apiPort()),
                        Map.entry(
                                "WASMCLOUD_EXECUTOR_UPSTREAM",
                                "127.0.0.1:" + stack.config().executorPort()),
                        Map.entry(
                                "WASMCLOUD_PANEL_ROOT",
                                TestStack.ROOT.resolve("panel/target/dist").toString()),
                        Map.entry(
                                "WASMCLOUD_DOCS_ROOT",
                                TestStack.ROOT
                                        .resolve("docs-site/target/classes/static/docs")
                                        .toString())));
        Files.writeString(dir.resolve("wasmcloud.conf"), run(render));
        Files.copy(TestStack.ROOT.resolve("deploy/nginx/wasmcloud-proxy.conf"), dir.resolve("wasmcloud-proxy.conf"));
        Files.writeString(dir.resolve("nginx.conf"), mainConfig());
        Files.createDirectories(dir.resolve("temp"));

        nginx = new ProcessBuilder(
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
        awaitListening(httpsPort);
        https = HttpClient.newBuilder().sslContext(trusting(cert)).build();
    }

    @AfterAll
    static void stopNginx() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFunctionDeployedThroughTheApiHostAnswersOnItsOwnHostAndOnThePathStyleUrl() throws Exception {
        deploy("greeter");

        HttpResponse<String> hostStyle = https.send(
                HttpRequest.newBuilder(URI.create("https://greeter." + TestStack.RUN_DOMAIN + ":" + httpsPort + "/a/b"))
                        .POST(HttpRequest.BodyPublishers.ofString("over tls"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> pathStyle = https.send(
                HttpRequest.newBuilder(URI.create("https://" + TestStack.RUN_DOMAIN + ":" + httpsPort + "/greeter/c"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(hostStyle.statusCode()).isEqualTo(200);
        assertThat(hostStyle.body()).isEqualTo("hello from wasmcloud!\nmethod: POST\npath: /a/b\nbody: over tls\n");
        assertThat(hostStyle.headers().firstValue("X-Wasmcloud-Invocation-Id")).isPresent();
        assertThat(pathStyle.statusCode()).isEqualTo(200);
        assertThat(pathStyle.body()).isEqualTo("hello from wasmcloud!\nmethod: GET\npath: /c\nbody: \n");
    }

    @Test
    void theApiHostNeverServesTheActuatorWhichTheApiItselfStillAnswers() throws Exception {
        String api = "https://api." + DOMAIN + ":" + httpsPort;

        HttpResponse<String> direct = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + stack.config().apiPort() + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(direct.statusCode()).isEqualTo(200);
        for (String path : List.of(
                "/actuator/health",
                "/actuator/prometheus",
                "/actuator",
                "/ACTUATOR/health",
                "/actuator;x=1/health",
                "/api/..;/actuator/health",
                "/api/%2e%2e;/actuator/health")) {
            assertThat(get(api + path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(get("https://panel." + DOMAIN + ":" + httpsPort + "/api/..;/actuator/health")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theRunHostsNeverForwardTheExecutorsInternalEndpoint() throws Exception {
        URI direct = URI.create("http://127.0.0.1:" + stack.config().executorPort() + "/internal/functions/x/invoke");
        assertThat(HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(direct)
                                        .POST(HttpRequest.BodyPublishers.noBody())
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("the executor answers its internal endpoint itself")
                .isEqualTo(401);

        for (String host : List.of(TestStack.RUN_DOMAIN, "greeter." + TestStack.RUN_DOMAIN)) {
            for (String path : List.of(
                    "/internal/functions/x/invoke",
                    "/Internal/functions/x/invoke",
                    "/internal;a=b/functions/x/invoke",
                    "//internal/functions/x/invoke",
                    "/x/..;/internal/functions/x/invoke",
                    "/%69nternal/functions/x/invoke")) {
                HttpResponse<String> response = https.send(
                        HttpRequest.newBuilder(URI.create("https://" + host + ":" + httpsPort + path))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).as(host + path).isEqualTo(404);
                assertThat(response.headers().firstValue("X-Wasmcloud-Invocation-Id"))
                        .as("answered by nginx, not the executor: " + host + path)
                        .isEmpty();
            }
        }
    }

    @Test
    void followedLogsArriveThroughTheApiHostWhileTheStreamIsOpen() throws Exception {
        // The test hosts file names only greeter's host; deploying again just adds a version.
        deploy("greeter");
        HttpResponse<InputStream> stream = https.sendAsync(
                        HttpRequest.newBuilder(URI.create("https://api." + DOMAIN + ":" + httpsPort
                                        + "/api/functions/greeter/logs/stream"))
                                .header("Authorization", "Bearer " + stack.token())
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream())
                .get(20, TimeUnit.SECONDS);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(stream.statusCode()).isEqualTo(200);

            String invocationId = https.send(
                            HttpRequest.newBuilder(URI.create(
                                            "https://greeter." + TestStack.RUN_DOMAIN + ":" + httpsPort + "/"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .headers()
                    .firstValue("X-Wasmcloud-Invocation-Id")
                    .orElseThrow();

            // A few hundred bytes: nginx would hold them back in its buffer if it buffered this stream.
            CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.equals("id:" + invocationId)) {
                            return line;
                        }
                    }
                    return "end of stream";
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            assertThat(event.get(30, TimeUnit.SECONDS)).isEqualTo("id:" + invocationId);
        }
    }

    @Test
    void thePanelHostServesThePanelAndTheApiOnOneOrigin() throws Exception {
        HttpResponse<String> page = https.send(
                HttpRequest.newBuilder(URI.create("https://panel." + DOMAIN + ":" + httpsPort + "/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> whoami = https.send(
                HttpRequest.newBuilder(URI.create("https://panel." + DOMAIN + ":" + httpsPort + "/api/whoami"))
                        .header("Authorization", "Bearer " + stack.token())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Wasmcloud panel");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(whoami.body()).contains("\"login\":\"dev\"");
    }

    @Test
    void theDocsHostServesPagesByTheirNames() throws Exception {
        HttpResponse<String> page = https.send(
                HttpRequest.newBuilder(URI.create("https://docs." + DOMAIN + ":" + httpsPort + "/getting-started"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("./dev");
    }

    @Test
    void plainHttpRedirectsToHttps() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://api." + DOMAIN + ":" + httpPort + "/api/whoami?x=1"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("https://api." + DOMAIN + ":" + httpsPort + "/api/whoami?x=1");
    }

    private static void deploy(String function) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(
                new String[] {
                    "deploy",
                    function,
                    TestStack.ROOT.resolve("examples/hello/hello.wasm").toString(),
                    "--create"
                },
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(
                        "WASMCLOUD_API", "https://api." + DOMAIN + ":" + httpsPort,
                        "WASMCLOUD_TOKEN", stack.token(),
                        "WASMCLOUD_CA_CERT", dir.resolve("cert.pem").toString(),
                        "XDG_CONFIG_HOME", dir.resolve("config").toString()));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return https.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String mainConfig() {
        String temp = dir.resolve("temp").toString();
        return """
                worker_processes 1;
                pid %1$s/nginx.pid;
                %2$s
                daemon off;
                events { worker_connections 256; }
                http {
                    include /etc/nginx/mime.types;
                    access_log off;
                    client_body_temp_path %3$s/body;
                    proxy_temp_path %3$s/proxy;
                    fastcgi_temp_path %3$s/fastcgi;
                    uwsgi_temp_path %3$s/uwsgi;
                    scgi_temp_path %3$s/scgi;
                    include %1$s/wasmcloud.conf;
                }
                """.formatted(dir, "root".equals(System.getProperty("user.name")) ? "user root;" : "", temp);
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

    private static void awaitListening(int port) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (ConnectException notYet) {
                if (!nginx.isAlive()) {
                    throw new IllegalStateException("nginx exited: " + Files.readString(dir.resolve("nginx.out"))
                            + Files.readString(dir.resolve("error.log")));
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trust.setCertificateEntry(
                    "wasmcloud-test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
