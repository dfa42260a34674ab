package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The executor over real HTTP against the one embedded PostgreSQL of this JVM, with a filesystem module store laid
 * out as in production. Every test class extending this shares one application context, so keep its configuration
 * here; tests create their own uniquely named functions instead of sharing rows.
 *
 * <p>Admission is deliberately tiny (2 slots, 2 waiting, 3 in flight per user) so back-pressure can be shown with a
 * handful of requests. They are test property sources, not dynamic ones, so that a subclass can
 * override them with its own {@code @TestPropertySource}. Egress to private addresses is allowed because the only
 * HTTP servers a test can start are on loopback; the allow-list itself still applies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(
        properties = {
            "wasmcloud.executor.max-request-bytes=1024",
            "wasmcloud.executor.admission.slots=2",
            "wasmcloud.executor.admission.max-waiting=2",
            "wasmcloud.executor.admission.max-in-flight-per-user=3",
            "wasmcloud.executor.egress-allow-private-addresses=true"
        })
abstract class ExecutorTest {

    static final Path MODULE_STORE = createTempDirectory("wasmcloud-executor-store");
    static final Path COMPILED_CLASSES = createTempDirectory("wasmcloud-compiled-classes");
    static final Path JOURNAL = createTempDirectory("wasmcloud-invocation-journal");
    static final String SERVICE_SECRET = Base64.getEncoder().encodeToString(new byte[32]);
    static final String RUN_DOMAIN = "run.example.test";
    static final String SECRETS_KEY_ID = "test-1";
    static final String SECRETS_KEY = Base64.getEncoder().encodeToString("executor-test-secrets-key-32byte".getBytes());

    @DynamicPropertySource
    static void executorProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("management.server.port", () -> "0");
        registry.add("wasmcloud.executor.run-domain", () -> RUN_DOMAIN);
        registry.add("wasmcloud.executor.module-store-root", MODULE_STORE::toString);
        registry.add("wasmcloud.executor.compiled-class-cache-dir", COMPILED_CLASSES::toString);
        registry.add("wasmcloud.executor.invocation-journal.directory", JOURNAL::toString);
        registry.add("wasmcloud.executor.service-token-secret", () -> SERVICE_SECRET);
        registry.add("wasmcloud.secrets.key-id", () -> SECRETS_KEY_ID);
        registry.add("wasmcloud.secrets.key", () -> SECRETS_KEY);
    }

    @Autowired
    protected Environment environment;

    @Autowired
    protected JdbcClient jdbc;

    protected final HttpClient http = HttpClient.newHttpClient();

    private Long owner;

    /** A fixture's bytes made unique (a custom section with a random name), so its hash and compiled module are new. */
    protected static byte[] uniqueModule(String fixture) {
        byte[] module = readModule(fixture);
        byte[] name = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] unique = new byte[module.length + 3 + name.length];
        System.arraycopy(module, 0, unique, 0, module.length);
        unique[module.length] = 0; // custom section id
        unique[module.length + 1] = (byte) (1 + name.length); // section size (one-byte LEB128: under 128)
        unique[module.length + 2] = (byte) name.length; // name length
        System.arraycopy(name, 0, unique, module.length + 3, name.length);
        return unique;
    }

    /** {@code examples/hello/hello.wasm} or a fixture under {@code src/test/resources/fixtures} by its file name. */
    protected static byte[] readModule(String fixture) {
        Path path = fixture.equals("hello")
                ? Path.of("../examples/hello/hello.wasm")
                : Path.of("src/test/resources/fixtures", fixture + ".wasm");
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a public function serving this module as version 1, and returns its name. */
    protected String deploy(String fixture) {
        return deploy(readModule(fixture), "public", null);
    }

    protected String deploy(byte[] module, String visibility, Integer timeoutMs) {
        return deploy(module, visibility, timeoutMs, owner());
    }

    /** Deploys for {@code owner}, a user from {@link #newOwner()}: another tenant than the test's own. */
    protected String deploy(byte[] module, String visibility, Integer timeoutMs, long owner) {
        String name = "fn-" + UUID.randomUUID().toString().substring(0, 8);
        long function = jdbc.sql("""
                        INSERT INTO functions
                            (name, owner_id, visibility, timeout_ms, effective_timeout_ms, effective_memory_pages)
                        VALUES (:n, :o, :v, :t, COALESCE(CAST(:t AS integer), 10000), 256) RETURNING id""")
                .param("n", name)
                .param("o", owner)
                .param("v", visibility)
                .param("t", timeoutMs)
                .query(Long.class)
                .single();
        activate(function, 1, module);
        return name;
    }

    /** Adds the next version of a function with this module and makes it active, as a deploy does (no notify). */
    protected void deployNewVersion(String name, byte[] module) {
        long function = jdbc.sql("SELECT id FROM functions WHERE name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
        int next = jdbc.sql("SELECT max(number) + 1 FROM function_versions WHERE function_id = :f")
                .param("f", function)
                .query(Integer.class)
                .single();
        activate(function, next, module);
    }

    /** What the api-server does after every committed change that affects serving. */
    protected void notifyChanged(String name) {
        jdbc.sql("SELECT pg_notify('wasmcloud_functions', :n)")
                .param("n", name)
                .query()
                .listOfRows();
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).build());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    protected int port() {
        return Integer.parseInt(environment.getProperty("local.server.port"));
    }

    protected int managementPort() {
        return Integer.parseInt(environment.getProperty("local.management.port"));
    }

    /** java.net.http will not send a Host header of our choosing, so host-style routing is tested on a socket. */
    protected String rawHttp(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Polls until the condition holds; fails when the deadline passes first. Returns the time it took. */
    protected static Duration awaitUntil(Duration deadline, String what, Callable<Boolean> condition) throws Exception {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() - end > 0) {
                fail("Not within " + deadline + ": " + what);
            }
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The recorded "outcome http_status" of the invocation that gave this response, once it is written. */
    protected String recordOf(HttpResponse<?> response) throws Exception {
        UUID id = UUID.fromString(
                response.headers().firstValue("X-Wasmcloud-Invocation-Id").orElseThrow());
        String[] record = new String[1];
        awaitUntil(Duration.ofSeconds(5), "invocation " + id + " is recorded", () -> {
            record[0] = jdbc.sql("SELECT outcome || ' ' || http_status FROM invocations WHERE id = :id")
                    .param("id", id)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            return record[0] != null;
        });
        return record[0];
    }

    private void activate(long function, int number, byte[] module) {
        String sha256 = store(module);
        long version = jdbc.sql("""
                        INSERT INTO function_versions (function_id, number, sha256, size_bytes, abi, entrypoint)
                        VALUES (:f, :number, :sha, :size, 'olin', '_start') RETURNING id""")
                .param("f", function)
                .param("number", number)
                .param("sha", sha256)
                .param("size", module.length)
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE functions SET active_version_id = :v WHERE id = :f")
                .param("v", version)
                .param("f", function)
                .update();
    }

    protected static String store(byte[] module) {
        String sha256 = sha256(module);
        Path stored = MODULE_STORE.resolve("modules/sha256/" + sha256);
        try {
            Files.createDirectories(stored.getParent());
            Files.write(stored, module);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha256;
    }

    protected static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new active user, to own functions of another tenant. */
    protected long newOwner() {
        return jdbc.sql("INSERT INTO users (login, status) VALUES (:login, 'active') RETURNING id")
                .param("login", "owner-" + UUID.randomUUID())
                .query(Long.class)
                .single();
    }

    private long owner() {
        if (owner == null) {
            owner = newOwner();
        }
        return owner;
    }

    static Path createTempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
