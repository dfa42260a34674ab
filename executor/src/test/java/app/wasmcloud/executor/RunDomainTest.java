package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The executor over real HTTP, serving the hello example from rows and a module store laid out as in production. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RunDomainTest {

    static final Path MODULE_STORE = createTempDirectory();
    static final String SERVICE_SECRET = Base64.getEncoder().encodeToString(new byte[32]);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("management.server.port", () -> "0");
        registry.add("wasmcloud.executor.run-domain", () -> "run.example.test");
        registry.add("wasmcloud.executor.module-store-root", MODULE_STORE::toString);
        registry.add("wasmcloud.executor.service-token-secret", () -> SERVICE_SECRET);
        registry.add("wasmcloud.executor.max-request-bytes", () -> "1024");
    }

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    static String publicName;
    static String privateName;

    @BeforeAll
    static void deployHello(@Autowired JdbcClient jdbc) throws Exception {
        byte[] module = Files.readAllBytes(Path.of("../examples/hello/hello.wasm"));
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(module));
        Path stored = MODULE_STORE.resolve("modules/sha256/" + sha256);
        Files.createDirectories(stored.getParent());
        Files.write(stored, module);
        long owner = jdbc.sql("INSERT INTO users (login, status) VALUES (:login, 'active') RETURNING id")
                .param("login", "owner-" + UUID.randomUUID())
                .query(Long.class)
                .single();
        publicName = "hello-" + UUID.randomUUID().toString().substring(0, 8);
        privateName = "secret-" + UUID.randomUUID().toString().substring(0, 8);
        deploy(jdbc, owner, publicName, "public", sha256, module.length);
        deploy(jdbc, owner, privateName, "private", sha256, module.length);
    }

    private static void deploy(JdbcClient jdbc, long owner, String name, String visibility, String sha256, int size) {
        long function = jdbc.sql("INSERT INTO functions (name, owner_id, visibility) VALUES (:n, :o, :v) RETURNING id")
                .param("n", name)
                .param("o", owner)
                .param("v", visibility)
                .query(Long.class)
                .single();
        long version = jdbc.sql("""
                        INSERT INTO function_versions (function_id, number, sha256, size_bytes, abi, entrypoint)
                        VALUES (:f, 1, :sha, :size, 'olin', '_start') RETURNING id""")
                .param("f", function)
                .param("sha", sha256)
                .param("size", size)
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE functions SET active_version_id = :v WHERE id = :f")
                .param("v", version)
                .param("f", function)
                .update();
        jdbc.sql("INSERT INTO function_env (function_id, key, value) VALUES (:f, 'GREETING', 'Howdy')")
                .param("f", function)
                .update();
    }

    @Test
    void aPathStyleRequestGetsTheFunctionsCgiReplyByteForByte() throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(uri("/" + publicName + "/some/path?x=1"))
                        .POST(HttpRequest.BodyPublishers.ofString("hi there"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(response.headers().firstValue("X-Wasmcloud-Invocation-Id")).isPresent();
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("Howdy from wasmcloud!\nmethod: POST\npath: /some/path\nbody: hi there\n");
    }

    @Test
    void aHostStyleRequestRoutesByHostAndPassesThePathWhole() throws Exception {
        String reply = rawHttp(
                "GET /other%20path HTTP/1.1\r\nHost: " + publicName + ".run.example.test\r\nConnection: close\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 200");
        assertThat(reply).endsWith("Howdy from wasmcloud!\nmethod: GET\npath: /other path\nbody: \n");
    }

    @Test
    void everyInvocationIsRecordedWithItsOutcome() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/" + publicName + "/recorded")).build(),
                HttpResponse.BodyHandlers.ofString());
        UUID id = UUID.fromString(
                response.headers().firstValue("X-Wasmcloud-Invocation-Id").orElseThrow());

        String outcome = null;
        for (int attempt = 0; attempt < 50 && outcome == null; attempt++) {
            outcome = jdbc.sql("SELECT outcome || ' ' || http_status || ' ' || source FROM invocations WHERE id = :id")
                    .param("id", id)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (outcome == null) {
                Thread.sleep(100);
            }
        }
        assertThat(outcome).isEqualTo("ok 200 run");
    }

    @Test
    void unknownAndPrivateFunctionsAre404AndRevealNothing() throws Exception {
        HttpResponse<String> unknown = http.send(
                HttpRequest.newBuilder(uri("/no-such-function/")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> hidden = http.send(
                HttpRequest.newBuilder(uri("/" + privateName + "/")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body().replaceAll("invocation [0-9a-f-]+", "invocation ID"))
                .isEqualTo(unknown.body().replaceAll("invocation [0-9a-f-]+", "invocation ID"))
                .startsWith("No such function (invocation ");
    }

    @Test
    void aBodyOverTheLimitIs413AndTheFunctionDoesNotRun() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/" + publicName + "/"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2048]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).startsWith("The request body is over the limit of 1024 bytes");
    }

    @Test
    void theInternalEndpointRefusesRequestsWithoutAServiceToken() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/internal/functions/" + privateName + "/invoke"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theInternalEndpointRunsPrivateFunctionsForTheApiServer() throws Exception {
        Instant now = Instant.now();
        String token = Jwts.builder()
                .subject("api-server")
                .audience()
                .add("executor")
                .and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plusSeconds(60)))
                .signWith(Keys.hmacShaKeyFor(Base64.getDecoder().decode(SERVICE_SECRET)))
                .compact();

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/internal/functions/" + privateName + "/invoke"))
                        .header("Authorization", "Bearer " + token)
                        .header("X-Wasmcloud-Method", "PUT")
                        .header("X-Wasmcloud-Path", "/a/b?q=1")
                        .POST(HttpRequest.BodyPublishers.ofString("payload"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Howdy from wasmcloud!\nmethod: PUT\npath: /a/b\nbody: payload\n");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    private int port() {
        return Integer.parseInt(environment.getProperty("local.server.port"));
    }

    /** java.net.http will not send a Host header of our choosing, so host-style routing is tested on a socket. */
    private String rawHttp(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("wasmcloud-executor-store");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
