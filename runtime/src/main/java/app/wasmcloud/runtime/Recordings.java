package app.wasmcloud.runtime;

import app.wasmcloud.runtime.replay.HostCallLogRecorded;
import app.wasmcloud.runtime.replay.Recording;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a recorded run into its {@link Recording}, leaving secrets out and keeping stdin within its cap. */
public final class Recordings {

    private Recordings() {}

    /** What a recording says about the invocation beyond the run itself. */
    public record Source(
            String invocationId, String function, int version, String entrypoint, Recording.Request request) {}

    /**
     * @param secretNames the environment variables that hold secrets: the recording keeps their names, not values
     */
    public static Recording of(
            Source source,
            Invocation invocation,
            RunResult result,
            HostCallLogRecorded calls,
            Set<String> secretNames) {
        List<Recording.EnvEntry> env = new ArrayList<>();
        for (Map.Entry<String, String> entry : invocation.env().entrySet()) {
            boolean secret = secretNames.contains(entry.getKey());
            env.add(new Recording.EnvEntry(entry.getKey(), secret ? entry.getKey() : entry.getValue(), secret));
        }
        byte[] stdin = invocation.stdin();
        Limits limits = invocation.limits();
        return new Recording(
                source.invocationId(),
                source.function(),
                source.version(),
                source.entrypoint(),
                source.request(),
                invocation.args(),
                env,
                stdin.length > Recording.MAX_STDIN_BYTES ? Arrays.copyOf(stdin, Recording.MAX_STDIN_BYTES) : stdin,
                stdin.length,
                new Recording.RecordedLimits(
                        limits.timeout().toMillis(),
                        limits.maxMemoryPages(),
                        limits.maxStdoutBytes(),
                        limits.maxStderrBytes(),
                        limits.maxLogBytes(),
                        limits.maxOpenResources()),
                calls,
                new Recording.Ending(
                        result.outcome().name(), result.exitCode(), result.trapMessage(), sha256(result.stdout())));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
