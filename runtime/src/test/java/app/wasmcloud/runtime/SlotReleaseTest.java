package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A guest that sleeps or runs long gives its slot back, so another tenant's short invocation runs meanwhile. */
@Timeout(20)
class SlotReleaseTest {

    private static final long STACK = 1024 * 1024;

    @Test
    void aSleepingGuestLetsAnotherTenantRunInItsSlot() throws Exception {
        try (ExecutionPool pool = new ExecutionPool(1, STACK, 8, Duration.ofSeconds(5), Duration.ZERO);
                ExecutorService callers = Executors.newFixedThreadPool(2)) {
            Future<RunResult> sleeper = callers.submit(() -> pool.run(
                    Fixtures.load("olin_abi", "msleep_long"),
                    withTimeout(3_000),
                    EgressPolicy.denyAll(),
                    new Tenant(1, 1)));
            Thread.sleep(200);

            RunResult hello = pool.run(
                    Fixtures.load("hello_start"), Fixtures.invocation(), EgressPolicy.denyAll(), new Tenant(2, 2));

            assertThat(hello.outcome()).isEqualTo(Outcome.OK);
            assertThat(sleeper.isDone()).as("the sleeper is still asleep").isFalse();
            assertThat(sleeper.get().outcome()).isEqualTo(Outcome.TIMEOUT);
        }
    }

    @Test
    void aWasiGuestAsleepInPollOneoffLetsAnotherTenantRunInItsSlot() throws Exception {
        try (ExecutionPool pool = new ExecutionPool(1, STACK, 8, Duration.ofSeconds(5), Duration.ZERO);
                ExecutorService callers = Executors.newFixedThreadPool(2)) {
            Future<RunResult> sleeper = callers.submit(() -> pool.run(
                    Fixtures.load("wasi_sleep"), withTimeout(3_000), EgressPolicy.denyAll(), new Tenant(1, 1)));
            Thread.sleep(200);

            RunResult hello = pool.run(
                    Fixtures.load("hello_start"), Fixtures.invocation(), EgressPolicy.denyAll(), new Tenant(2, 2));

            assertThat(hello.outcome()).isEqualTo(Outcome.OK);
            assertThat(sleeper.isDone()).as("the sleeper is still asleep").isFalse();
            assertThat(sleeper.get().outcome()).isEqualTo(Outcome.TIMEOUT);
        }
    }

    @Test
    void aGuestWaitingForAnOutboundReplyLetsAnotherTenantRunInItsSlot() throws Exception {
        HttpServer slowHost = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slowHost.createContext("/slow", exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        // Off the dispatcher thread, so that stop() does not wait for the handler's sleep.
        ExecutorService handlers = Executors.newCachedThreadPool();
        slowHost.setExecutor(handlers);
        slowHost.start();
        EgressPolicy loopback = new EgressPolicy(Set.of("127.0.0.1"), true, 16, 1024 * 1024, Duration.ofSeconds(5));
        String url = "http://127.0.0.1:" + slowHost.getAddress().getPort() + "/slow";
        Invocation fetch = new Invocation(
                List.of("fn"),
                Map.of("URL", url, "REQUEST", "GET /slow HTTP/1.1\r\n\r\n"),
                new byte[0],
                Limits.defaults().withTimeout(Duration.ofMillis(2_000)));
        try (ExecutionPool pool = new ExecutionPool(1, STACK, 8, Duration.ofSeconds(5), Duration.ZERO);
                ExecutorService callers = Executors.newFixedThreadPool(2)) {
            Future<RunResult> waiter =
                    callers.submit(() -> pool.run(Fixtures.load("olin_http"), fetch, loopback, new Tenant(1, 1)));
            Thread.sleep(300);

            RunResult hello = pool.run(
                    Fixtures.load("hello_start"), Fixtures.invocation(), EgressPolicy.denyAll(), new Tenant(2, 2));

            assertThat(hello.outcome()).isEqualTo(Outcome.OK);
            assertThat(waiter.isDone())
                    .as("the guest still waits for its reply")
                    .isFalse();
            assertThat(waiter.get().outcome()).isEqualTo(Outcome.TIMEOUT);
        } finally {
            slowHost.stop(0);
            handlers.shutdownNow();
        }
    }

    @Test
    void aLongRunGivesItsSlotBack() throws Exception {
        try (ExecutionPool pool = new ExecutionPool(1, STACK, 8, Duration.ofSeconds(5), Duration.ofMillis(50));
                ExecutorService callers = Executors.newFixedThreadPool(2)) {
            Future<RunResult> looper = callers.submit(() ->
                    pool.run(Fixtures.load("loop_br"), withTimeout(3_000), EgressPolicy.denyAll(), new Tenant(1, 1)));
            Thread.sleep(300);

            RunResult hello = pool.run(
                    Fixtures.load("hello_start"), Fixtures.invocation(), EgressPolicy.denyAll(), new Tenant(2, 2));

            assertThat(hello.outcome()).isEqualTo(Outcome.OK);
            assertThat(looper.isDone()).as("the looper still loops").isFalse();
            assertThat(looper.get().outcome()).isEqualTo(Outcome.TIMEOUT);
        }
    }

    @Test
    void withoutLongRunsAHogKeepsItsSlotAndOthersAreRefusedAtTheDeadline() throws Exception {
        try (ExecutionPool pool = new ExecutionPool(1, STACK, 8, Duration.ofMillis(200), Duration.ZERO);
                ExecutorService callers = Executors.newFixedThreadPool(2)) {
            Future<RunResult> looper = callers.submit(() ->
                    pool.run(Fixtures.load("loop_br"), withTimeout(1_500), EgressPolicy.denyAll(), new Tenant(1, 1)));
            Thread.sleep(200);

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> pool.run(
                            Fixtures.load("hello_start"),
                            Fixtures.invocation(),
                            EgressPolicy.denyAll(),
                            new Tenant(2, 2)))
                    .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
            assertThat(looper.get().outcome()).isEqualTo(Outcome.TIMEOUT);
        }
    }

    @Test
    void aUsersLongRunsAreBoundedAndTheLoopingFunctionsNextInvocationWaitsForOneToEnd() throws Exception {
        try (ExecutionPool pool = new ExecutionPool(4, STACK, 8, Duration.ofMillis(300), Duration.ofMillis(20), 1);
                ExecutorService callers = Executors.newFixedThreadPool(2)) {
            Future<RunResult> looper = callers.submit(() ->
                    pool.run(Fixtures.load("loop_br"), withTimeout(1_500), EgressPolicy.denyAll(), new Tenant(1, 1)));
            while (pool.longRuns() == 0) {
                Thread.sleep(5);
            }

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> pool.run(
                            Fixtures.load("loop_br"), withTimeout(1_500), EgressPolicy.denyAll(), new Tenant(1, 1)))
                    .as("the looping function's next invocation waits for the first, up to the queueing deadline")
                    .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
            RunResult sameUserOtherFunction = pool.run(
                    Fixtures.load("hello_start"), Fixtures.invocation(), EgressPolicy.denyAll(), new Tenant(1, 3));
            RunResult otherUser = pool.run(
                    Fixtures.load("hello_start"), Fixtures.invocation(), EgressPolicy.denyAll(), new Tenant(2, 2));

            assertThat(sameUserOtherFunction.outcome())
                    .as("a looping function does not stop its owner's short ones")
                    .isEqualTo(Outcome.OK);
            assertThat(otherUser.outcome()).isEqualTo(Outcome.OK);
            assertThat(looper.get().outcome()).isEqualTo(Outcome.TIMEOUT);
            // The result is handed over just before the run lets go of its share.
            while (pool.longRuns() > 0) {
                Thread.sleep(5);
            }
            RunResult afterwards = pool.run(
                    Fixtures.load("hello_start"), Fixtures.invocation(), EgressPolicy.denyAll(), new Tenant(1, 2));
            assertThat(afterwards.outcome()).isEqualTo(Outcome.OK);
        }
    }

    @Test
    void aSleepingLongRunDoesNotCountTowardItsUsersBound() throws Exception {
        try (ExecutionPool pool = new ExecutionPool(4, STACK, 8, Duration.ofSeconds(2), Duration.ofMillis(20), 1);
                ExecutorService callers = Executors.newFixedThreadPool(2)) {
            Future<RunResult> sleeper = callers.submit(() -> pool.run(
                    Fixtures.load("olin_abi", "msleep_long"),
                    withTimeout(3_000),
                    EgressPolicy.denyAll(),
                    new Tenant(1, 1)));
            Thread.sleep(300);
            assertThat(pool.longRuns()).as("a long run, but asleep").isZero();

            RunResult sameUser = pool.run(
                    Fixtures.load("hello_start"), Fixtures.invocation(), EgressPolicy.denyAll(), new Tenant(1, 2));

            assertThat(sameUser.outcome()).isEqualTo(Outcome.OK);
            assertThat(sleeper.get().outcome()).isEqualTo(Outcome.TIMEOUT);
        }
    }

    private static Invocation withTimeout(long millis) {
        return new Invocation(
                List.of("guest"), Map.of(), new byte[0], Limits.defaults().withTimeout(Duration.ofMillis(millis)));
    }
}
