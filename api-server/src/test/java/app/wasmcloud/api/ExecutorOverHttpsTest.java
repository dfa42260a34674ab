package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.testsupport.FreePort;
import app.wasmcloud.testsupport.S3ProxyServer;
import app.wasmcloud.testsupport.ServiceProcess;
import app.wasmcloud.testsupport.ThrowawayTls;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/functions/{name}/invoke} against a real executor: its runnable jar started as a process, serving
 * HTTPS with a throwaway certificate that the api-server trusts through an SSL bundle, reading the same database and
 * S3 module store. The last test stops it and checks that callers hear so at once.
 */
// Each test runs guests on the real executor; a hung guest or executor fails its test instead of the build. The
// executor's start in @BeforeAll has its own deadline (ServiceProcess.awaitHealthy), which a class-level @Timeout would
// not cover.
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecutorOverHttpsTest extends ApiTestBase {

    static final Path TLS = ThrowawayTls.create();
    static final int EXECUTOR_PORT = FreePort.pick();
    static final int EXECUTOR_MANAGEMENT_PORT = FreePort.pick();
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration PATIENCE = Duration.ofSeconds(20);

    static ServiceProcess executor;

    @DynamicPropertySource
    static void realExecutor(DynamicPropertyRegistry registry) {
        registry.add("wasmcloud.test.executor-url", () -> "https://localhost:" + EXECUTOR_PORT);
        registry.add("wasmcloud.executor.ssl-bundle", () -> "executor-ca");
        registry.add("wasmcloud.executor.connect-timeout", CONNECT_TIMEOUT::toString);
        registry.add(
                "spring.ssl.bundle.pem.executor-ca.truststore.certificate", () -> "file:" + TLS.resolve("cert.pem"));
    }

    @BeforeAll
    static void startExecutor() throws Exception {
        String jar = System.getProperty("wasmcloud.executor-jar");
        assertThat(jar).as("the build passes the executor jar's path").isNotBlank();
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_DATASOURCE_URL", TestDatabase.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        env.put("SERVER_SSL_BUNDLE", "executor");
        env.put("SPRING_SSL_BUNDLE_PEM_EXECUTOR_KEYSTORE_CERTIFICATE", "file:" + TLS.resolve("cert.pem"));
        env.put("SPRING_SSL_BUNDLE_PEM_EXECUTOR_KEYSTORE_PRIVATEKEY", "file:" + TLS.resolve("key.pem"));
        env.put("WASMCLOUD_EXECUTOR_SERVICE_TOKEN_SECRET", key("service"));
        // The secret variable below is sealed by the api-server; the executor opens it with the same key.
        env.put("WASMCLOUD_SECRETS_KEY_ID", "test-1");
        env.put("WASMCLOUD_SECRETS_KEY", key("secrets"));
        env.put("WASMCLOUD_EXECUTOR_MODULE_STORE", "s3");
        env.put("WASMCLOUD_EXECUTOR_S3_ENDPOINT", S3.endpoint().toString());
        env.put("WASMCLOUD_EXECUTOR_S3_REGION", S3ProxyServer.REGION);
        env.put("WASMCLOUD_EXECUTOR_S3_BUCKET", S3ProxyServer.BUCKET);
        env.put("WASMCLOUD_EXECUTOR_S3_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY_ID);
        env.put("WASMCLOUD_EXECUTOR_S3_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_ACCESS_KEY);
        env.put(
                "WASMCLOUD_EXECUTOR_DISK_CACHE_DIR",
                Files.createTempDirectory("wasmcloud-executor-cache").toString());
        env.put(
                "WASMCLOUD_EXECUTOR_INVOCATIONJOURNAL_DIRECTORY",
                Files.createTempDirectory("wasmcloud-invocation-journal").toString());
        executor = ServiceProcess.start(
                "executor",
                Path.of(jar),
                Files.createTempDirectory("wasmcloud-executor"),
                env,
                EXECUTOR_PORT,
                EXECUTOR_MANAGEMENT_PORT);
        // The management port serves TLS too: it takes the server's SSL settings.
        executor.awaitHealthy(
                trustingClient(),
                URI.create("https://localhost:" + EXECUTOR_MANAGEMENT_PORT + "/actuator/health/readiness"));
    }

    @AfterAll
    static void stopExecutor() throws InterruptedException {
        if (executor != null) {
            executor.close();
        }
    }

    @Test
    @Order(1)
    void aPrivateFunctionAnswersThroughTheApiByteForByteWithItsInvocationIdAndTheLogStreamReportsTheCall()
            throws Exception {
        String token = devToken();
        String name = uniqueName("private");
        assertThat(postJson("/api/functions", token, "{\"name\":\"" + name + "\",\"visibility\":\"private\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(upload("/api/functions/" + name + "/versions", token, "hello.wasm", Files.readAllBytes(HELLO_WASM))
                        .statusCode())
                .isEqualTo(201);
        send("PUT", "/api/functions/" + name + "/env/GREETING", token, "{\"value\":\"howdy\",\"secret\":true}");
        byte[] payload = {'b', 'i', 'n', 0, (byte) 0xff, (byte) 0xc3, '\r', '\n', 'e', 'n', 'd'};
        HttpResponse<InputStream> stream = http.send(
                HttpRequest.newBuilder(uri("/api/functions/" + name + "/logs/stream"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());

        HttpResponse<byte[]> reply = http.send(
                HttpRequest.newBuilder(uri("/api/functions/" + name + "/invoke"))
                        .header("Authorization", "Bearer " + token)
                        .header("X-Wasmcloud-Path", "/some/where")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<String> publicRun = trustingClient()
                .send(
                        HttpRequest.newBuilder(URI.create("https://localhost:" + EXECUTOR_PORT + "/" + name + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode())
                .as(new String(reply.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("text/plain");
        byte[] expected = concat(
                "howdy from wasmcloud!\nmethod: POST\npath: /some/where\nbody: ".getBytes(StandardCharsets.UTF_8),
                payload,
                new byte[] {'\n'});
        assertThat(reply.body()).isEqualTo(expected);
        String invocationId =
                reply.headers().firstValue("X-Wasmcloud-Invocation-Id").orElseThrow();
        assertThat(invocationId).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(publicRun.statusCode())
                .as("a private function is not served on the run domain")
                .isEqualTo(404);

        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            JsonNode event = CompletableFuture.supplyAsync(() -> invocationEvent(lines, invocationId))
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(event.get("id").asString()).isEqualTo(invocationId);
            assertThat(event.get("function").asString()).isEqualTo(name);
            assertThat(event.get("source").asString()).isEqualTo("api");
            assertThat(event.get("outcome").asString()).isEqualTo("ok");
            assertThat(event.get("httpStatus").asInt()).isEqualTo(200);
            assertThat(event.get("bytesIn").asLong()).isEqualTo(payload.length);
            assertThat(event.get("bytesOut").asLong()).isGreaterThanOrEqualTo(expected.length);
        }
    }

    @Test
    @Order(2)
    void aBackgroundInvocationRunsOnTheExecutorWhichRecordsItAsAnAttemptOfItsRequest() throws Exception {
        String token = devToken();
        String name = deployHello(token, "background");

        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(uri("/api/functions/" + name + "/invoke"))
                        .header("Authorization", "Bearer " + token)
                        .header("Prefer", "respond-async")
                        .header("X-Wasmcloud-Path", "/later")
                        .POST(HttpRequest.BodyPublishers.ofString("queued"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String id = body(accepted).get("id").asString();
        JsonNode status = body(get("/api/async-invocations/" + id, token));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        // Succeeded, and the executor's batched record of the attempt has landed.
        while ((!status.get("state").asString().equals("succeeded")
                        || status.get("invocations").isEmpty())
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = body(get("/api/async-invocations/" + id, token));
        }

        assertThat(status.get("state").asString()).as(status.toString()).isEqualTo("succeeded");
        assertThat(new String(
                        java.util.Base64.getDecoder()
                                .decode(status.get("response").get("body").asString()),
                        StandardCharsets.UTF_8))
                .isEqualTo("hello from wasmcloud!\nmethod: POST\npath: /later\nbody: queued\n");
        JsonNode attempt = status.get("invocations").get(0);
        assertThat(attempt.get("attempt").asInt()).isEqualTo(1);
        assertThat(attempt.get("outcome").asString()).isEqualTo("ok");
        assertThat(attempt.get("invocationId").asString())
                .isEqualTo(status.get("lastInvocationId").asString());
        JsonNode record =
                body(get("/api/invocations/" + attempt.get("invocationId").asString(), token));
        assertThat(record.get("source").asString()).isEqualTo("async");
        assertThat(record.get("asyncRequestId").asString()).isEqualTo(id);
        assertThat(record.get("attempt").asInt()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void whenTheExecutorIsDownAnInvocationGetsA502ProblemAtOnce() throws Exception {
        String token = devToken();
        String name = deployHello(token, "down");
        executor.close();

        long started = System.nanoTime();
        HttpResponse<String> response = send("POST", "/api/functions/" + name + "/invoke", token, null);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("title").asString()).isEqualTo("Executor unavailable");
        assertThat(problem.get("detail").asString())
                .isEqualTo(
                        "The executor at https://localhost:" + EXECUTOR_PORT + " is unreachable; try again shortly.");
        assertThat(elapsed).isLessThan(CONNECT_TIMEOUT.plusSeconds(3));
    }

    /** Reads server-sent events until the {@code invocation} event with that id, and returns its data. */
    private JsonNode invocationEvent(BufferedReader lines, String invocationId) {
        try {
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if ("invocation".equals(name) && invocationId.equals(id)) {
                        return json.readTree(data.toString());
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            throw new AssertionError("the stream ended without an event for " + invocationId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpClient trustingClient() throws Exception {
        return HttpClient.newBuilder().sslContext(ThrowawayTls.trusting(TLS)).build();
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
