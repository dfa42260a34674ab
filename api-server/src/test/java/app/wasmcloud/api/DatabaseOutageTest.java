package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With PostgreSQL down the API answers at once with a 503 problem, for a request whose token must be checked in the
 * database too, and serves again once it is back. Its own PostgreSQL (never the shared one, which other classes are
 * using), stopped and started on the same port and data directory; its own context, closed afterwards.
 */
@DirtiesContext
class DatabaseOutageTest extends ApiTestBase {

    private static final Duration A_COUPLE_OF_SECONDS = Duration.ofSeconds(2);
    private static final Duration RECOVERY = Duration.ofSeconds(10);
    private static final Path DATA = createTempDirectory();
    private static final int PORT = freePort();
    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("wasmcloud.test.database-url", DatabaseOutageTest::startDatabase);
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void whileTheDatabaseIsDownRequestsGetA503ProblemWithinACoupleOfSecondsAndAreServedWhenItIsBack() throws Exception {
        String token = devToken();
        assertThat(get("/api/functions", token).statusCode()).isEqualTo(200);

        postgres.close();
        for (int attempt = 0; attempt < 2; attempt++) {
            long started = System.nanoTime();
            HttpResponse<String> response = get("/api/functions", token);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(body(response).get("title").asString()).isEqualTo("Database unavailable");
            assertThat(elapsed).isLessThan(A_COUPLE_OF_SECONDS);
        }

        postgres = start();
        assertThat(statusOnceTheDatabaseIsBack(token)).isEqualTo(200);
    }

    /**
     * The pool opens its first new connection on its own schedule (it backs off while the database is away), so a
     * request right at the restart may still see the outage; within a few seconds the API must serve again.
     */
    private int statusOnceTheDatabaseIsBack(String token) throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        int status = get("/api/functions", token).statusCode();
        while (status == 503 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = get("/api/functions", token).statusCode();
        }
        return status;
    }

    private static synchronized String startDatabase() {
        if (postgres == null) {
            postgres = start();
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The same port and data directory every time, so a restart is the same database coming back. */
    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(DATA)
                    .setCleanDataDirectory(false)
                    .setPort(PORT)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("wasmcloud-api-outage-db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
