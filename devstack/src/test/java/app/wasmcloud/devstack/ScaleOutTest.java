package app.wasmcloud.devstack;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import app.wasmcloud.cli.Main;
import app.wasmcloud.testsupport.FakeGitea;
import app.wasmcloud.testsupport.S3ProxyServer;
import app.wasmcloud.testsupport.ServiceProcess;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform scaled out for real on loopback: embedded PostgreSQL, s3proxy as B2, a WireMock Gitea, two
 * api-servers and two executors from their runnable jars, and nginx with {@code deploy/nginx} in front. Every request
 * goes through nginx except where a test says why. The methods run in order because the last ones kill an executor.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(240)
class ScaleOutTest {

    static final Path FIXTURES = TestStack.ROOT.resolve("executor/src/test/resources/fixtures");

    @TempDir
    static Path dir;

    static EmbeddedPostgres postgres;
    static S3ProxyServer s3;
    static WireMockServer gitea;
    static final List<ServiceProcess> apiServers = new ArrayList<>();
    static final List<ServiceProcess> executors = new ArrayList<>();
    static LoopbackNginx nginx;
    static HttpClient https;
    static String token;

    @BeforeAll
    static void startThePlatform() throws Exception {
        assumeThat(LoopbackNginx.installed())
                .as("nginx is not installed (apt-get install nginx); skipping the scale-out test")
                .isTrue();
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        s3 = S3ProxyServer.open();
        gitea = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        gitea.start();

        Map<String, String> common = new LinkedHashMap<>();
        common.put("SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", "postgres"));
        common.put("SPRING_DATASOURCE_USERNAME", "postgres");
        common.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        common.put("WASMCLOUD_EXECUTOR_SERVICE_TOKEN_SECRET", "c2NhbGUtb3V0LXNlcnZpY2UtdG9rZW4tc2VjcmV0LTMyYg==");
        Map<String, String> api = new LinkedHashMap<>(common);
        api.put("WASMCLOUD_AUTH_JWT_SECRET", "c2NhbGUtb3V0LWp3dC1zZWNyZXQtb2YtMzItYnl0ZXMhIQ==");
        api.put("WASMCLOUD_GITEA_BASE_URL", gitea.baseUrl());
        api.put("WASMCLOUD_GITEA_CLIENT_ID", "wasmcloud-scale-out");
        api.put("WASMCLOUD_GITEA_CLIENT_SECRET", "gitea-test-secret");
        api.put("WASMCLOUD_ADMINS", "alice");
        api.put("WASMCLOUD_AUTH_AFTER_LOGIN_URL", "https://panel." + LoopbackNginx.DOMAIN + "/");
        api.put("WASMCLOUD_STORAGE_TYPE", "s3");
        api.put("WASMCLOUD_STORAGE_S3_ENDPOINT", s3.endpoint().toString());
        api.put("WASMCLOUD_STORAGE_S3_REGION", S3ProxyServer.REGION);
        api.put("WASMCLOUD_STORAGE_S3_BUCKET", S3ProxyServer.BUCKET);
        api.put("WASMCLOUD_STORAGE_S3_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY_ID);
        api.put("WASMCLOUD_STORAGE_S3_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_ACCESS_KEY);
        Path apiJar = TestStack.ROOT.resolve("api-server/target/api-server-exec.jar");
        Path executorJar = TestStack.ROOT.resolve("executor/target/executor-exec.jar");

        // The first api-server migrates the schema; the others start once it exists.
        apiServers.add(ServiceProcess.start("api-1", apiJar, dir, api).awaitHealthy());
        apiServers.add(ServiceProcess.start("api-2", apiJar, dir, api));
        for (String name : List.of("executor-1", "executor-2")) {
            Map<String, String> executor = new LinkedHashMap<>(common);
            executor.put("WASMCLOUD_EXECUTOR_RUN_DOMAIN", TestStack.RUN_DOMAIN);
            executor.put("WASMCLOUD_EXECUTOR_MODULE_STORE", "s3");
            executor.put("WASMCLOUD_EXECUTOR_S3_ENDPOINT", s3.endpoint().toString());
            executor.put("WASMCLOUD_EXECUTOR_S3_REGION", S3ProxyServer.REGION);
            executor.put("WASMCLOUD_EXECUTOR_S3_BUCKET", S3ProxyServer.BUCKET);
            executor.put("WASMCLOUD_EXECUTOR_S3_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY_ID);
            executor.put("WASMCLOUD_EXECUTOR_S3_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_ACCESS_KEY);
            executor.put(
                    "WASMCLOUD_EXECUTOR_DISK_CACHE_DIR",
                    dir.resolve(name + "/modules").toString());
            executor.put(
                    "WASMCLOUD_EXECUTOR_COMPILED_CLASS_CACHE_DIR",
                    dir.resolve(name + "/classes").toString());
            executor.put(
                    "WASMCLOUD_EXECUTOR_INVOCATION_JOURNAL_DIRECTORY",
                    dir.resolve(name + "/journal").toString());
            // One slot and room for four waiting callers (readiness drops at three), and long runs keep their slot,
            // so that one looping function and three waiting requests saturate an executor.
            executor.put("WASMCLOUD_EXECUTOR_ADMISSION_SLOTS", "1");
            executor.put("WASMCLOUD_EXECUTOR_ADMISSION_MAX_WAITING", "4");
            executor.put("WASMCLOUD_EXECUTOR_ADMISSION_DEMOTE_AFTER", "0");
            executor.put("WASMCLOUD_EXECUTOR_ADMISSION_QUEUE_DEADLINE", "5s");
            executors.add(ServiceProcess.start(name, executorJar, dir, executor));
        }
        for (ServiceProcess service : List.of(apiServers.get(1), executors.get(0), executors.get(1))) {
            service.awaitHealthy();
        }
        nginx = new LoopbackNginx(
                dir,
                apiServers.stream().map(ServiceProcess::address).collect(Collectors.joining(" ")),
                executors.stream().map(ServiceProcess::address).collect(Collectors.joining(" ")));
        https = HttpClient.newBuilder()
                .sslContext(nginx.trustingItsCertificate())
                .build();
    }

    @AfterAll
    static void stopThePlatform() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        for (ServiceProcess service : executors) {
            service.close();
        }
        for (ServiceProcess service : apiServers) {
            service.close();
        }
        if (gitea != null) {
            gitea.stop();
        }
        if (s3 != null) {
            s3.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void aGiteaLoginOnOneApiServerGivesATokenThatEveryApiServerAccepts() throws Exception {
        Map<String, String> cookies = loginWithGitea("alice");
        HttpResponse<String> created = https.send(
                HttpRequest.newBuilder(URI.create(nginx.url(apiHost(), "/api/tokens")))
                        .header("Cookie", cookieHeader(cookies))
                        .header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"scale-out\",\"scopes\":[\"read\",\"deploy\",\"invoke\"]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        token = JsonMapper.builder()
                .build()
                .readTree(created.body())
                .get("token")
                .asString();

        int before = nginx.accessLog().size();
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> whoami = https.send(
                    HttpRequest.newBuilder(URI.create(nginx.url(apiHost(), "/api/whoami")))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(whoami.statusCode()).isEqualTo(200);
            assertThat(whoami.body()).contains("\"login\":\"alice\"");
        }

        Set<String> answeredBy =
                upstreams(nginx.accessLog().subList(before, nginx.accessLog().size()), "/api/whoami");
        assertThat(answeredBy)
                .as("round robin used both api-servers")
                .containsExactlyInAnyOrder(
                        apiServers.get(0).address(), apiServers.get(1).address());
    }

    @Test
    @Order(2)
    void aDeployThroughOneApiServerReachesBothExecutorsWithinASecond() throws Exception {
        deploy("echo", FIXTURES.resolve("echo_env.wasm"));
        // Each executor caches the first version; this is the one place the test goes around nginx, because the
        // hash sends one function to one executor and the point is that the other learns of the deploy too.
        for (ServiceProcess executor : executors) {
            assertThat(direct(executor, "/echo/").body()).contains("REMOTE_ADDR=");
        }

        deploy("echo", TestStack.ROOT.resolve("examples/hello/hello.wasm"));
        Instant deployed = Instant.now();

        awaitUntil(
                Duration.ofSeconds(1),
                "both executors serve the new version",
                () -> executors.stream()
                        .allMatch(executor -> direct(executor, "/echo/").body().startsWith("hello from wasmcloud!")));
        assertThat(Duration.between(deployed, Instant.now())).isLessThan(Duration.ofSeconds(1));
        deploy("echo", FIXTURES.resolve("echo_env.wasm"));
    }

    @Test
    @Order(3)
    void cgiVariablesDescribeTheClientsHttpsRequestThroughTheProxyInBothUrlStyles() throws Exception {
        awaitUntil(
                Duration.ofSeconds(2),
                "echo_env is active again",
                () -> get(nginx.url("echo." + TestStack.RUN_DOMAIN, "/")).body().contains("HTTPS="));
        String hostStyle = get(nginx.url("echo." + TestStack.RUN_DOMAIN, "/x")).body();
        String pathStyle = get(nginx.url(TestStack.RUN_DOMAIN, "/echo/x")).body();

        assertThat(hostStyle)
                .contains("REMOTE_ADDR=127.0.0.1\n", "HTTPS=on\n")
                .contains("SERVER_NAME=echo." + TestStack.RUN_DOMAIN + "\n")
                .contains("SERVER_PORT=" + nginx.httpsPort + "\n");
        assertThat(pathStyle)
                .contains("REMOTE_ADDR=127.0.0.1\n", "HTTPS=on\n")
                .contains("SERVER_NAME=" + TestStack.RUN_DOMAIN + "\n")
                .contains("SERVER_PORT=" + nginx.httpsPort + "\n");
    }

    @Test
    @Order(4)
    void aTwentyMegabyteBodyIsRefused() throws Exception {
        HttpResponse<String> response = https.send(
                HttpRequest.newBuilder(URI.create(nginx.url(TestStack.RUN_DOMAIN, "/echo/")))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[20 * 1024 * 1024]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    @Order(5)
    void theConsistentHashSendsOneFunctionsRequestsToOneExecutorInBothUrlStyles() throws Exception {
        int before = nginx.accessLog().size();
        for (int i = 0; i < 5; i++) {
            assertThat(get(nginx.url("echo." + TestStack.RUN_DOMAIN, "/" + i)).statusCode())
                    .isEqualTo(200);
            assertThat(get(nginx.url(TestStack.RUN_DOMAIN, "/echo/" + i)).statusCode())
                    .isEqualTo(200);
        }

        List<String> lines = nginx.accessLog().subList(before, nginx.accessLog().size());
        assertThat(lines).hasSize(10);
        assertThat(lines.stream()
                        .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                        .distinct())
                .hasSize(1);
    }

    @Test
    @Order(6)
    void killingAnExecutorMidStreamRetriesOnlyWhatNeverReachedItAndTheSurvivorLeavesReadinessWhileFull()
            throws Exception {
        for (String name : List.of("slow", "slow-b", "slow-c")) {
            deploy(name, FIXTURES.resolve("sleep_then_reply.wasm"));
        }
        deploy("spin", FIXTURES.resolve("spin.wasm"));
        int before = nginx.accessLog().size();
        assertThat(run("/slow/", "warm").statusCode()).isEqualTo(200);
        String owner = upstreams(
                        nginx.accessLog().subList(before, nginx.accessLog().size()), "/slow/")
                .iterator()
                .next();
        ServiceProcess doomed = executors.stream()
                .filter(executor -> executor.address().equals(owner))
                .findFirst()
                .orElseThrow();
        ServiceProcess survivor = executors.stream()
                .filter(executor -> executor != doomed)
                .findFirst()
                .orElseThrow();

        // Two requests are running guests on the executor that dies, a POST and a GET: both must fail, and neither
        // may run again elsewhere. (nginx on its own would send the GET to the next executor.)
        CompletableFuture<HttpResponse<String>> inFlight = postAsync("/slow/", "in flight");
        CompletableFuture<HttpResponse<String>> inFlightGet = https.sendAsync(
                HttpRequest.newBuilder(URI.create(nginx.url(TestStack.RUN_DOMAIN, "/slow/in-flight")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(700);
        doomed.kill();
        // Two more arrive after (one function's most in flight there): nginx cannot connect, so nothing reached a
        // function yet, and they are passed to the survivor.
        List<CompletableFuture<HttpResponse<String>>> after = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            after.add(postAsync("/slow/", "after " + i));
        }

        assertThat(inFlight.get().statusCode())
                .as("the POST whose guest died with its executor")
                .isEqualTo(502);
        assertThat(inFlightGet.get().statusCode())
                .as("the GET whose guest died with its executor")
                .isEqualTo(502);
        for (CompletableFuture<HttpResponse<String>> response : after) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
        // The warm-up and the two that were passed on ran once each; the two in flight never ran a second time.
        awaitUntil(Duration.ofSeconds(3), "the survivor's records are written", () -> slowInvocations() >= 3);
        Thread.sleep(500);
        assertThat(slowInvocations()).isEqualTo(3);

        // A looping function holds the survivor's one slot (until its 10 s timeout), and three requests wait for it:
        // the queue is at its readiness bound. They wait up to the queueing deadline and get 503 with Retry-After.
        CompletableFuture<HttpResponse<String>> looping = postAsync("/spin/", "loop");
        Thread.sleep(1000);
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (String name : List.of("slow", "slow-b", "slow-c")) {
            waiting.add(postAsync("/" + name + "/", "wait"));
        }
        awaitUntil(
                Duration.ofSeconds(5),
                "the full survivor leaves readiness",
                () -> status(survivor.management("/actuator/health/readiness")) == 503);
        assertThat(status(survivor.management("/actuator/health/liveness"))).isEqualTo(200);
        for (CompletableFuture<HttpResponse<String>> response : waiting) {
            assertThat(response.get().statusCode()).isEqualTo(503);
            assertThat(response.get().headers().firstValue("Retry-After")).hasValue("1");
        }
        assertThat(looping.get().statusCode()).isEqualTo(504);
        awaitUntil(
                Duration.ofSeconds(5),
                "the drained survivor is ready again",
                () -> status(survivor.management("/actuator/health/readiness")) == 200);
    }

    private static Map<String, String> loginWithGitea(String login) throws Exception {
        FakeGitea.userApproves(gitea, 4242, login);
        HttpResponse<String> start = get(nginx.url(apiHost(), "/oauth2/authorization/gitea"));
        assertThat(start.statusCode()).isEqualTo(302);
        String authorize = start.headers().firstValue("Location").orElseThrow();
        String redirectUri = URLDecoder.decode(queryParameter(authorize, "redirect_uri"), StandardCharsets.UTF_8);
        assertThat(redirectUri).isEqualTo(nginx.url(apiHost(), "/login/oauth2/code/gitea"));
        Map<String, String> cookies = cookies(start);

        HttpResponse<String> callback = https.send(
                HttpRequest.newBuilder(URI.create(redirectUri + "?code=" + FakeGitea.code(login) + "&state="
                                + queryParameter(authorize, "state")))
                        .header("Cookie", cookieHeader(cookies))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        cookies.putAll(cookies(callback));
        assertThat(cookies).containsKey("wasmcloud_session");
        return cookies;
    }

    private static String queryParameter(String url, String name) {
        Matcher match = Pattern.compile("[?&]" + name + "=([^&]*)").matcher(url);
        assertThat(match.find()).as(name + " in " + url).isTrue();
        return match.group(1);
    }

    private static Map<String, String> cookies(HttpResponse<?> response) {
        Map<String, String> cookies = new HashMap<>();
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] pair = header.split(";")[0].split("=", 2);
            if (!pair[1].isEmpty()) {
                cookies.put(pair[0], pair[1]);
            }
        }
        return cookies;
    }

    private static String cookieHeader(Map<String, String> cookies) {
        return cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    private static void deploy(String function, Path module) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(
                new String[] {"deploy", function, module.toString(), "--create"},
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(
                        "WASMCLOUD_API", nginx.url(apiHost(), ""),
                        "WASMCLOUD_TOKEN", token,
                        "WASMCLOUD_CA_CERT", nginx.certificatePath().toString(),
                        "XDG_CONFIG_HOME", dir.resolve("config").toString()));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** The upstream addresses nginx used for requests to paths starting with this prefix. */
    private static Set<String> upstreams(List<String> lines, String pathPrefix) {
        return lines.stream()
                .map(line -> line.split(" "))
                .filter(fields -> fields[2].startsWith(pathPrefix))
                .map(fields -> fields[fields.length - 1])
                .collect(Collectors.toSet());
    }

    private static long slowInvocations() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM invocations i JOIN functions f"
                        + " ON f.id = i.function_id WHERE f.name = 'slow'")) {
            count.next();
            return count.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String apiHost() {
        return "api." + LoopbackNginx.DOMAIN;
    }

    private static HttpResponse<String> get(String url) {
        try {
            return https.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(url, e);
        }
    }

    private static HttpResponse<String> run(String path, String body) throws Exception {
        return postAsync(path, body).get();
    }

    private static CompletableFuture<HttpResponse<String>> postAsync(String path, String body) {
        return https.sendAsync(
                HttpRequest.newBuilder(URI.create(nginx.url(TestStack.RUN_DOMAIN, path)))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> direct(ServiceProcess executor, String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://" + executor.address() + path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(String url) {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(url, e);
        }
    }

    private static void awaitUntil(Duration timeout, String what, BooleanSupplier condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
