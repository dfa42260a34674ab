package app.wasmcloud.executor.load;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * wrk, the HTTP load generator (Debian's {@code wrk} package, which {@code .ci/run} installs), run as a process so the
 * load comes from outside the executor's JVM, and its report read back.
 */
public final class Wrk {

    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern P99 = Pattern.compile("^\\s*99%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);

    /** What one run of wrk reported. */
    public record Report(long requests, long non2xx, long socketErrors, Duration p99, String text) {}

    private final Process process;
    private final List<String> command;

    private Wrk(List<String> command) throws IOException {
        this.command = command;
        this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * Starts {@code connections} connections to {@code url} for {@code duration}, with a reply timeout of {@code
     * timeout} (a reply later than that is a socket error).
     */
    public static Wrk start(URI url, int connections, Duration duration, Duration timeout) throws IOException {
        return start(url, Math.min(2, connections), connections, duration, timeout);
    }

    /** As {@link #start(URI, int, Duration, Duration)}, with {@code threads} client threads. */
    public static Wrk start(URI url, int threads, int connections, Duration duration, Duration timeout)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "-t",
                String.valueOf(threads),
                "-c",
                String.valueOf(connections),
                "-d",
                duration.toSeconds() + "s",
                "--timeout",
                timeout.toSeconds() + "s",
                "--latency",
                url.toString()));
        try {
            return new Wrk(command);
        } catch (IOException e) {
            throw new IOException("wrk is needed for the load tests: apt-get install wrk", e);
        }
    }

    /** Waits for the run to end and reads its report. */
    public Report report() throws IOException, InterruptedException {
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed:\n" + text);
        }
        Matcher requests = REQUESTS.matcher(text);
        Matcher p99 = P99.matcher(text);
        if (!requests.find() || !p99.find()) {
            throw new IllegalStateException("unexpected wrk report:\n" + text);
        }
        Matcher non2xx = NON_2XX.matcher(text);
        Matcher errors = SOCKET_ERRORS.matcher(text);
        long socketErrors = 0;
        if (errors.find()) {
            for (int group = 1; group <= 4; group++) {
                socketErrors += Long.parseLong(errors.group(group));
            }
        }
        return new Report(
                Long.parseLong(requests.group(1)),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                socketErrors,
                duration(Double.parseDouble(p99.group(1)), p99.group(2)),
                text);
    }

    /** Ends the run early, for load that only had to be there meanwhile. */
    public void stop() {
        process.destroy();
    }

    private static Duration duration(double value, String unit) {
        double nanos = switch (unit) {
            case "us" -> value * 1e3;
            case "ms" -> value * 1e6;
            default -> value * 1e9;
        };
        return Duration.ofNanos(Math.round(nanos));
    }
}
