package app.wasmcloud.runtime;

import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import app.wasmcloud.runtime.replay.Divergence;
import app.wasmcloud.runtime.replay.Recording;
import app.wasmcloud.runtime.replay.Replayer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a recorded invocation again under a {@link Replayer} and says whether it went exactly as recorded. The guest is
 * given what it was given then (argv, environment, stdin, limits), with the secrets' values from the caller.
 */
public final class Replay {

    /** A replay waits longer than the recorded run did: it may run interpreted, on a laptop, under a trace. */
    private static final Duration MIN_TIMEOUT = Duration.ofSeconds(60);

    private Replay() {}

    /**
     * What a replay showed.
     *
     * @param result the replay's own run
     * @param divergence where it first left the recording; null when it did not
     * @param inexact why the replay cannot be exact even though nothing diverged (the recording was cut); or null
     * @param replayedCalls how many recorded calls it went through
     */
    public record Report(RunResult result, Divergence divergence, String inexact, int replayedCalls) {

        public boolean exact() {
            return divergence == null && inexact == null;
        }
    }

    /** The secrets a recording needs and {@code secrets} does not give, by name. */
    public static List<String> missingSecrets(Recording recording, Map<String, String> secrets) {
        return recording.env().stream()
                .filter(Recording.EnvEntry::secret)
                .map(Recording.EnvEntry::value)
                .filter(name -> !secrets.containsKey(name))
                .distinct()
                .toList();
    }

    /** Replays {@code recording} with {@code function}, which should be the module version it names. */
    public static Report run(
            ExecutionPool pool, WasmFunction function, Recording recording, Map<String, String> secrets)
            throws InterruptedException {
        List<String> missing = missingSecrets(recording, secrets);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the recording needs the secrets " + missing);
        }
        Map<String, String> env = new LinkedHashMap<>();
        recording
                .env()
                .forEach(entry -> env.put(entry.name(), entry.secret() ? secrets.get(entry.value()) : entry.value()));
        Recording.RecordedLimits recorded = recording.limits();
        Duration timeout = Duration.ofMillis(recorded.timeoutMillis());
        Limits limits = new Limits(
                timeout.compareTo(MIN_TIMEOUT) < 0 ? MIN_TIMEOUT : timeout,
                recorded.maxMemoryPages(),
                recorded.maxStdoutBytes(),
                recorded.maxStderrBytes(),
                recorded.maxLogBytes(),
                recorded.maxOpenResources());
        Replayer replayer = new Replayer(recording.hostCalls());
        Invocation invocation = new Invocation(recording.args(), env, recording.stdin(), limits, replayer);
        RunResult result = pool.run(function, invocation, EgressPolicy.denyAll());
        Divergence divergence = replayer.divergence();
        int replayed = replayer.replayedCalls();
        if (divergence == null && replayed < recording.hostCalls().calls().size()) {
            String next = recording.hostCalls().calls().get(replayed).signature();
            divergence = new Divergence(replayed + 1, "`" + next + "`", "ended");
        }
        if (divergence == null) {
            divergence = endingDivergence(recording.ending(), result);
        }
        return new Report(result, divergence, inexact(recording, replayer), replayer.replayedCalls());
    }

    /** Every call matched: then how the run ended and what it wrote must match too. */
    private static Divergence endingDivergence(Recording.Ending ending, RunResult result) {
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        if (!ending.outcome().equals(result.outcome().name())) {
            expected.add("outcome " + ending.outcome());
            actual.add("outcome " + result.outcome().name());
        }
        if (ending.exitCode() != result.exitCode()) {
            expected.add("exit code " + ending.exitCode());
            actual.add("exit code " + result.exitCode());
        }
        if (!Arrays.equals(ending.stdoutSha256(), Recordings.sha256(result.stdout()))) {
            expected.add("the recorded stdout");
            actual.add("another stdout");
        }
        if (ending.trapMessage() != null && !ending.trapMessage().equals(result.trapMessage())) {
            expected.add("the trap \"" + ending.trapMessage() + "\"");
            actual.add("\"" + result.trapMessage() + "\"");
        }
        return expected.isEmpty() ? null : new Divergence(0, String.join(", ", expected), String.join(", ", actual));
    }

    private static String inexact(Recording recording, Replayer replayer) {
        if (recording.stdinCut()) {
            return "the request body was cut at " + recording.stdin().length + " of " + recording.stdinLength()
                    + " bytes when it was recorded";
        }
        if (recording.hostCalls().cut() || replayer.ranPastCut()) {
            return "the host-call log was cut at "
                    + recording.hostCalls().calls().size() + " of "
                    + recording.hostCalls().total() + " calls when it was recorded";
        }
        return null;
    }
}
