package app.wasmcloud.api;

import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.api.token.ApiTokenService;
import app.wasmcloud.api.user.User;
import app.wasmcloud.api.user.UserRepository;
import app.wasmcloud.contract.Tier;
import app.wasmcloud.testsupport.S3ProxyServer;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The api-server on a random port against the shared embedded PostgreSQL, driven over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ApiTestBase {

    static final Path HELLO_WASM = Path.of("../examples/hello/hello.wasm");

    /** A fake Gitea for the whole test JVM; each login test stubs its own user. */
    static final WireMockServer GITEA = startWireMock();

    /** A stand-in for the executor's internal endpoint; tests that invoke stub their function's reply. */
    static final WireMockServer EXECUTOR = startWireMock();

    /** The module store, as Backblaze B2 would be: an S3 API in this JVM. */
    static final S3ProxyServer S3 = S3ProxyServer.open();

    static final String PANEL_URL = "https://panel.example.test/";
    static final String GITEA_ADMIN = "gitea-admin";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // The shared database, unless a test class that stops its own sets wasmcloud.test.database-url.
        registry.add("spring.datasource.url", () -> "${wasmcloud.test.database-url:" + TestDatabase.jdbcUrl() + "}");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("wasmcloud.auth.jwt-secret", () -> key("jwt"));
        registry.add("wasmcloud.auth.dev-login", () -> "true");
        registry.add("server.address", () -> "127.0.0.1");
        // Tests play nginx from loopback, as ./dev does; a class that sets wasmcloud.test.trusted-proxies to nothing
        // sees the production default.
        registry.add(
                "server.tomcat.remoteip.internal-proxies",
                () -> "${wasmcloud.test.trusted-proxies:127.0.0.0/8,::1/128}");
        registry.add("wasmcloud.executor.service-token-secret", () -> key("service"));
        registry.add("wasmcloud.secrets.key-id", () -> "test-1");
        registry.add("wasmcloud.secrets.key", () -> key("secrets"));
        // The WireMock stand-in, unless a test class that runs a real executor sets wasmcloud.test.executor-url (a
        // subclass cannot replace this entry itself: the base class's registrations are applied after its own).
        registry.add("wasmcloud.executor.base-url", () -> "${wasmcloud.test.executor-url:" + EXECUTOR.baseUrl() + "}");
        registry.add("wasmcloud.storage.type", () -> "s3");
        registry.add("wasmcloud.storage.s3.endpoint", () -> S3.endpoint().toString());
        registry.add("wasmcloud.storage.s3.region", () -> S3ProxyServer.REGION);
        registry.add("wasmcloud.storage.s3.bucket", () -> S3ProxyServer.BUCKET);
        registry.add("wasmcloud.storage.s3.access-key-id", () -> S3ProxyServer.ACCESS_KEY_ID);
        registry.add("wasmcloud.storage.s3.secret-access-key", () -> S3ProxyServer.SECRET_ACCESS_KEY);
        registry.add("wasmcloud.storage.s3.timeout", () -> "5s");
        registry.add("wasmcloud.functions.run-base-url", () -> "https://run.example.test");
        registry.add("wasmcloud.gitea.base-url", GITEA::baseUrl);
        registry.add("wasmcloud.gitea.client-id", () -> "wasmcloud-test");
        registry.add("wasmcloud.gitea.client-secret", () -> "test-secret");
        registry.add("wasmcloud.signup", () -> "approval");
        registry.add("wasmcloud.admins", () -> GITEA_ADMIN);
        registry.add("wasmcloud.auth.after-login-url", () -> PANEL_URL);
        // Background work at test speed: workers poll often and retry after milliseconds, not seconds.
        registry.add("wasmcloud.async.poll-interval", () -> "50ms");
        registry.add("wasmcloud.async.backoff-base", () -> "50ms");
        registry.add("wasmcloud.async.backoff-max", () -> "200ms");
        registry.add("wasmcloud.async.lease", () -> "${wasmcloud.test.async-lease:90s}");
        registry.add("wasmcloud.async.callback-allow-private-addresses", () -> "true");
        registry.add("wasmcloud.schedules.poll-interval", () -> "200ms");
    }

    @Autowired
    Environment environment;

    @Autowired
    UserRepository users;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path);
    }

    String devToken() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/dev/token"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).get("token").asString();
    }

    /** A token for a user made on the spot, for tests that need someone other than the dev admin. */
    String tokenFor(String login, Role role, UserStatus status, Scope... scopes) {
        User user = users.findByLogin(login).orElseGet(() -> users.save(new User(login, role, status)));
        Set<Scope> granted = scopes.length == 0 ? EnumSet.allOf(Scope.class) : EnumSet.copyOf(List.of(scopes));
        return tokens.issue(user, "test", granted, null).token();
    }

    /** An active ordinary user on {@code tier}, with every scope but admin. */
    String tierToken(String login, Tier tier) {
        User user = users.findByLogin(login)
                .orElseGet(() -> users.save(new User(login, Role.USER, UserStatus.ACTIVE, tier)));
        return tokens.issue(user, "test", EnumSet.of(Scope.READ, Scope.DEPLOY, Scope.INVOKE), null)
                .token();
    }

    /** An active ordinary user's token with every scope but admin. */
    String userToken(String login) {
        return tokenFor(login, Role.USER, UserStatus.ACTIVE, Scope.READ, Scope.DEPLOY, Scope.INVOKE);
    }

    /** Creates a function with the hello module deployed as version 1. */
    String deployHello(String token, String prefix) throws IOException, InterruptedException {
        String name = uniqueName(prefix);
        HttpResponse<String> response = upload(
                "/api/functions/" + name + "/versions?create=true",
                token,
                "hello.wasm",
                Files.readAllBytes(HELLO_WASM));
        if (response.statusCode() != 201) {
            throw new AssertionError("deploy failed: " + response.body());
        }
        return name;
    }

    HttpResponse<String> send(String method, String path, String token, String jsonBody)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        jsonBody == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, String token, String body) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(String path, String token, String fileName, byte[] module)
            throws IOException, InterruptedException {
        String boundary = "wasmcloud-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"module\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/wasm\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, module, tail)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String key(String purpose) {
        byte[] key = new byte[32];
        byte[] seed = purpose.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(seed, 0, key, 0, seed.length);
        return Base64.getEncoder().encodeToString(key);
    }

    private static WireMockServer startWireMock() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }
}
