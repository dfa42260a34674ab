package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A burst of first requests to names this executor has not looked up yet, while the database is slow to answer them:
 * the lookups take turns, so they never wait for a pooled connection long enough to look like an outage, and the
 * directory's breaker stays closed. Before, forty such requests took every connection, the rest timed out waiting
 * for one, the breaker opened and most of them got 503 with the database up all along.
 */
class LookupBurstTest extends ExecutorTest {

    private static final int FUNCTIONS = 40;

    @Test
    @Timeout(60)
    void fortyFirstLookupsDuringASlowDatabaseAreNeverRefusedByTheDirectory() throws Exception {
        byte[] hello = readModule("hello");
        // One owner each: the requests all reach their functions at once, past one user's bound on requests in flight.
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FUNCTIONS; i++) {
            names.add(deploy(hello, "public", null, newOwner()));
        }
        get("/" + names.get(0) + "/"); // compiled once, so the burst below is only lookups
        List<String> uncached = names.subList(1, FUNCTIONS);

        List<HttpResponse<String>> replies = new ArrayList<>();
        try (Connection holder = DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "postgres");
                ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                // Every lookup reads functions, so each one waits until this transaction ends.
                lock.execute("LOCK TABLE functions IN ACCESS EXCLUSIVE MODE");
            }
            CountDownLatch started = new CountDownLatch(uncached.size());
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (String name : uncached) {
                responses.add(callers.submit(() -> {
                    started.countDown();
                    return get("/" + name + "/");
                }));
            }
            started.await();
            Thread.sleep(800); // well past the pool's 250 ms connection timeout
            holder.commit();
            for (Future<HttpResponse<String>> response : responses) {
                replies.add(response.get());
            }
        }

        // The test executor has two slots and room for two more to wait, so most of the burst is refused by admission
        // (503, "busy") once the lookups are done; none may be refused by the directory.
        assertThat(replies).hasSize(uncached.size());
        assertThat(replies)
                .extracting(HttpResponse::body)
                .noneMatch(body -> body.startsWith("The function directory is unavailable"));
        assertThat(replies).extracting(HttpResponse::statusCode).contains(200);
        for (String name : uncached) {
            assertThat(get("/" + name + "/").statusCode()).as(name).isEqualTo(200);
        }
    }
}
