package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.executor.load.Wrk;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.context.TestPropertySource;

/**
 * The load scenarios of isolation under load, against the executor with its shipped admission and request-body
 * settings (none of {@link ExecutorTest}'s tiny ones), with wrk as the clients: ordinary load gets no refusal, and
 * neither a hostile tenant nor a thousand slow clients make another tenant's hello fail or wait out a queueing turn.
 */
// Only the shipped defaults; one is spelled out because the annotation needs a property to stand without a file.
@TestPropertySource(inheritProperties = false, properties = "wasmcloud.executor.admission.slots=0")
@Timeout(180)
class UnderLoadTest extends ExecutorTest {

    /**
     * Hello's p99 beside the hostile tenant or the slow clients must stay under the queueing deadline (1 s): hello is
     * never made to wait out a whole turn, where it used to wait 9 s or fail. The 100 ms goal is measured by
     * bench/executor/isolation.sh on a quiet machine; a test run shares two CPUs with wrk, PostgreSQL and whatever
     * else runs, which moves a p99 by hundreds of milliseconds, so asserting 100 ms here would test the machine.
     */
    private static final Duration P99_BOUND = Duration.ofSeconds(1);

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);

    /** Long enough for hello's unmeasured and measured runs beside the hostile tenant (5 s and 10 s). */
    private static final Duration HOSTILE_DURATION = Duration.ofSeconds(17);

    @Test
    void helloHolds256ConnectionsForFifteenSecondsWithoutOneRefusal() throws Exception {
        String hello = deploy("hello");
        assertThat(get("/" + hello + "/").statusCode()).isEqualTo(200);

        Wrk.Report report = Wrk.start(uri("/" + hello + "/"), 256, Duration.ofSeconds(15), REPLY_TIMEOUT)
                .report();

        assertThat(report.requests()).as(report.text()).isGreaterThan(1_000);
        assertThat(report.non2xx()).as(report.text()).isZero();
        assertThat(report.socketErrors()).as(report.text()).isZero();
    }

    @Test
    void helloAnswersEveryRequestQuicklyBesideATenantsLoopersAndSleepers() throws Exception {
        String hello = deploy("hello");
        long hostile = newOwner();
        List<String> loopers = new ArrayList<>();
        List<String> sleepers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            loopers.add(deploy(uniqueModule("spin"), "public", 3_000, hostile));
        }
        for (int i = 0; i < 2; i++) {
            sleepers.add(deploy(uniqueModule("sleep_then_reply"), "public", null, hostile));
        }
        warm(hello, loopers, sleepers);

        List<Wrk> hogs = new ArrayList<>();
        for (String name : loopers) {
            hogs.add(Wrk.start(uri("/" + name + "/"), 1, 20, HOSTILE_DURATION, Duration.ofSeconds(15)));
        }
        for (String name : sleepers) {
            hogs.add(Wrk.start(uri("/" + name + "/"), 1, 20, HOSTILE_DURATION, Duration.ofSeconds(15)));
        }
        // Hello's first seconds beside them are not measured: the JIT is still compiling the contended paths.
        Wrk.start(uri("/" + hello + "/"), 16, Duration.ofSeconds(5), REPLY_TIMEOUT)
                .report();
        Wrk.Report helloReport = Wrk.start(uri("/" + hello + "/"), 16, Duration.ofSeconds(10), REPLY_TIMEOUT)
                .report();
        List<Wrk.Report> hogReports = new ArrayList<>();
        for (Wrk hog : hogs) {
            hogReports.add(hog.report());
        }
        // The loopers still running when their clients left end at their 3 s timeout; the next test starts clean.
        Thread.sleep(3_500);

        assertThat(helloReport.non2xx()).as(helloReport.text()).isZero();
        assertThat(helloReport.socketErrors()).as(helloReport.text()).isZero();
        assertThat(helloReport.p99()).as(helloReport.text()).isLessThan(P99_BOUND);
        for (Wrk.Report looper : hogReports.subList(0, 3)) {
            assertThat(looper.requests()).as("a looper ran, and ended badly").isPositive();
            assertThat(looper.non2xx()).as(looper.text()).isEqualTo(looper.requests());
        }
        for (Wrk.Report sleeper : hogReports.subList(3, 5)) {
            assertThat(sleeper.requests() - sleeper.non2xx())
                    .as("a sleeper slept and answered: " + sleeper.text())
                    .isPositive();
        }
    }

    @Test
    void aThousandSlowBodiesNeitherSlowHelloNorOutliveTheirDeadline() throws Exception {
        String hello = deploy("hello");
        assertThat(get("/" + hello + "/").statusCode()).isEqualTo(200);
        List<Socket> slow = new ArrayList<>();
        try {
            long opened = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                Socket socket = new Socket("127.0.0.1", port());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /" + hello + "/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                                + "Content-Length: 1000\r\n\r\nx")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }

            Wrk.Report helloReport = Wrk.start(uri("/" + hello + "/"), 16, Duration.ofSeconds(4), REPLY_TIMEOUT)
                    .report();

            assertThat(helloReport.non2xx()).as(helloReport.text()).isZero();
            assertThat(helloReport.socketErrors()).as(helloReport.text()).isZero();
            assertThat(helloReport.p99()).as(helloReport.text()).isLessThan(P99_BOUND);
            for (Socket socket : slow) {
                socket.setSoTimeout(30_000);
                assertThat(statusLine(socket.getInputStream())).isEqualTo("HTTP/1.1 408 ");
            }
            // Below the minimum rate, a body is given up after the grace period (5 s), long before the 30 s deadline.
            assertThat(Duration.ofNanos(System.nanoTime() - opened)).isLessThan(Duration.ofSeconds(30));
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    /**
     * Compiles every module and runs each once, and gives hello a few seconds of load so that the JIT has compiled
     * its path: the measurement is of a running service, not of cold compiles (the bench warms up the same way).
     */
    private void warm(String hello, List<String> loopers, List<String> sleepers) throws Exception {
        assertThat(get("/" + hello + "/").statusCode()).isEqualTo(200);
        Wrk.start(uri("/" + hello + "/"), 16, Duration.ofSeconds(5), REPLY_TIMEOUT)
                .report();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String name : loopers) {
                callers.submit(() -> get("/" + name + "/"));
            }
            for (String name : sleepers) {
                callers.submit(() -> get("/" + name + "/"));
            }
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        return new String(in.readNBytes(13), StandardCharsets.US_ASCII);
    }
}
