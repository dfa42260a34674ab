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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production host layout for real: nginx rendered from {@code deploy/nginx} terminates TLS for the api, panel,
 * docs and run hosts and proxies to the dev stack's services on loopback.
 */
class NginxFrontTest {

    static final String DOMAIN = LoopbackNginx.DOMAIN;

    @TempDir
    static Path dir;

    static DevStack stack;
    static LoopbackNginx nginx;
    static int httpsPort;
    static int httpPort;
    static HttpClient https;

    @BeforeAll
    static void startNginx() throws Exception {
        assumeThat(LoopbackNginx.installed())
                .as("nginx is not installed (apt-get install nginx); skipping the reverse-proxy test")
                .isTrue();
        stack = TestStack.get();
        nginx = new LoopbackNginx(
                dir,
                "127.0.0.1:" + stack.config().apiPort(),
                "127.0.0.1:" + stack.config().executorPort());
        httpsPort = nginx.httpsPort;
        httpPort = nginx.httpPort;
        https = HttpClient.newBuilder()
                .sslContext(nginx.trustingItsCertificate())
                .build();
    }

    @AfterAll
    static void stopNginx() throws InterruptedException {
        if (nginx != null) {
            nginx.close();
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
    void wasmcloudsOwnHostsSendHstsAndACspAndHashedAssetsAreCachedForAYear() throws Exception {
        String panel = "https://panel." + DOMAIN + ":" + httpsPort;
        HttpResponse<String> page = get(panel + "/");
        String asset = page.body().replaceFirst("(?s).*src=\"\\.?(/assets/[^\"]+\\.js)\".*", "$1");
        HttpResponse<String> script = https.send(
                HttpRequest.newBuilder(URI.create(panel + asset))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> api = get("https://api." + DOMAIN + ":" + httpsPort + "/api/whoami");
        HttpResponse<String> function = get("https://" + TestStack.RUN_DOMAIN + ":" + httpsPort + "/nothing-here/");

        for (HttpResponse<String> response : List.of(page, script, api)) {
            assertThat(response.headers().allValues("Strict-Transport-Security"))
                    .as(response.uri().toString())
                    .containsExactly("max-age=63072000; includeSubDomains");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(response.uri().toString())
                    .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));
        }
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(script.statusCode()).as(asset).isEqualTo(200);
        assertThat(script.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(script.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(function.headers().firstValue("Strict-Transport-Security"))
                .as("the run domain's responses are the functions' own")
                .isEmpty();
    }

    @Test
    void aBodyOverThePlatformsTenMebibytesIsRefusedByNginxBeforeAnExecutorSeesIt() throws Exception {
        HttpResponse<String> response = https.send(
                HttpRequest.newBuilder(URI.create("https://" + TestStack.RUN_DOMAIN + ":" + httpsPort + "/greeter/"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[20 * 1024 * 1024]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("X-Wasmcloud-Invocation-Id")).isEmpty();
    }

    @Test
    void theDocsHostServesPagesAndTheirAssetsUnderDocsAndLeadsEveryOtherPathThere() throws Exception {
        String docs = "https://docs." + DOMAIN + ":" + httpsPort;
        HttpResponse<String> page = https.send(
                HttpRequest.newBuilder(URI.create(docs + "/docs/getting-started"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher stylesheet =
                Pattern.compile("href=\"(/docs/assets/[^\"]+\\.css)\"").matcher(page.body());
        assertThat(stylesheet.find()).as("the page links its stylesheet").isTrue();
        HttpResponse<String> style = https.send(
                HttpRequest.newBuilder(URI.create(docs + stylesheet.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> oldLink = https.send(
                HttpRequest.newBuilder(URI.create(docs + "/getting-started")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> bare = https.send(
                HttpRequest.newBuilder(URI.create(docs + "/docs")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("./dev");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(oldLink.statusCode()).isEqualTo(301);
        assertThat(oldLink.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/docs/getting-started"));
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/docs/"));
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
}
