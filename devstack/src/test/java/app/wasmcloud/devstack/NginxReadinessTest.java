package app.wasmcloud.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/nginx/readiness.sh} against Debian's nginx running {@code deploy/nginx}: an executor whose readiness
 * says no is taken out of the upstream, its functions go to the other executor, and it comes back once ready. The two
 * executors are stand-ins that answer with their own name and a readiness the test sets, so this runs in seconds.
 */
@Timeout(60)
class NginxReadinessTest {

    static final Path SCRIPT = TestStack.ROOT.resolve("deploy/nginx/readiness.sh");

    @TempDir
    static Path dir;

    static StandInExecutor first;
    static StandInExecutor second;
    static LoopbackNginx nginx;
    static HttpClient https;

    @BeforeAll
    static void start() throws Exception {
        assumeThat(LoopbackNginx.installed())
                .as("nginx is not installed (apt-get install nginx); skipping the readiness test")
                .isTrue();
        assumeThat(Files.isExecutable(Path.of("/usr/bin/curl")))
                .as("readiness.sh needs curl")
                .isTrue();
        first = new StandInExecutor("first");
        second = new StandInExecutor("second");
        nginx = new LoopbackNginx(dir, first.address(), first.address() + " " + second.address());
        https = HttpClient.newBuilder()
                .sslContext(nginx.trustingItsCertificate())
                .build();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.close();
        }
        for (StandInExecutor executor : new StandInExecutor[] {first, second}) {
            if (executor != null) {
                executor.close();
            }
        }
    }

    @Test
    void anUnreadyExecutorLeavesTheUpstreamItsFunctionsMoveAndItComesBackWhenReady() throws Exception {
        String owner = answeredBy("f");
        StandInExecutor owning = owner.equals("first") ? first : second;
        StandInExecutor other = owning == first ? second : first;

        owning.ready.set(false);
        assertThat(checkOnce()).isEqualTo("readiness.sh: executors out of rotation: " + owning.address() + "\n");
        assertThat(Files.readString(nginx.renderedConfiguration()))
                .contains("server " + owning.address() + " max_fails=3 fail_timeout=10s down;")
                .contains("server " + other.address() + " max_fails=3 fail_timeout=10s;");
        awaitAnsweredBy("f", other.name);

        owning.ready.set(true);
        assertThat(checkOnce()).isEqualTo("readiness.sh: executors out of rotation: none\n");
        awaitAnsweredBy("f", owning.name);
        assertThat(checkOnce()).as("nothing changed, so nothing is reloaded").isEmpty();
    }

    @Test
    void whenNoExecutorIsReadyEveryOneStaysIn() throws Exception {
        first.ready.set(false);
        second.ready.set(false);
        try {
            assertThat(checkOnce()).isEmpty();
            assertThat(Files.readString(nginx.renderedConfiguration())).doesNotContain(" down;");
            assertThat(answeredBy("g")).isIn("first", "second");
        } finally {
            first.ready.set(true);
            second.ready.set(true);
        }
    }

    /** Runs {@code readiness.sh --once} and returns what it printed; it must succeed. */
    private static String checkOnce() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        SCRIPT.toString(),
                        "--once",
                        nginx.renderedConfiguration().toString())
                .redirectErrorStream(true);
        builder.environment().put("WASMCLOUD_NGINX_RELOAD", nginx.reloadCommand());
        builder.environment()
                .put(
                        "WASMCLOUD_EXECUTOR_READINESS_URLS",
                        first.address() + "=" + first.readinessUrl() + " " + second.address() + "="
                                + second.readinessUrl());
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String answeredBy(String function) throws Exception {
        HttpResponse<String> response = https.send(
                HttpRequest.newBuilder(URI.create(nginx.url(TestStack.RUN_DOMAIN, "/" + function + "/")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** A reload takes effect once nginx's new workers run, a moment after the command returns. */
    private static void awaitAnsweredBy(String function, String executor) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!answeredBy(function).equals(executor)) {
            assertThat(Instant.now()).as(function + " answered by " + executor).isBefore(deadline);
            Thread.sleep(100);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(answeredBy(function)).isEqualTo(executor);
        }
    }

    /** Answers every run request with its name, and its readiness with 200 or 503 as the test sets it. */
    static final class StandInExecutor implements AutoCloseable {
        final String name;
        final AtomicBoolean ready = new AtomicBoolean(true);
        private final HttpServer run;
        private final HttpServer management;

        StandInExecutor(String name) throws IOException {
            this.name = name;
            run = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            run.createContext("/", exchange -> reply(exchange, 200, name));
            management = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            management.createContext(
                    "/actuator/health/readiness",
                    exchange -> reply(exchange, ready.get() ? 200 : 503, ready.get() ? "UP" : "OUT_OF_SERVICE"));
            run.start();
            management.start();
        }

        String address() {
            return "127.0.0.1:" + run.getAddress().getPort();
        }

        String readinessUrl() {
            return "http://127.0.0.1:" + management.getAddress().getPort() + "/actuator/health/readiness";
        }

        private static void reply(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        @Override
        public void close() {
            run.stop(0);
            management.stop(0);
        }
    }
}
