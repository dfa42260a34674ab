package app.wasmcloud.runtime.replay;

import java.util.List;
import java.util.Objects;

/**
 * Everything needed to run one invocation again exactly: what the guest was given (argv, environment, stdin, limits,
 * its first resource id), every host call with its results, and how it ended. Secrets are never in it: an environment
 * entry that held one keeps the secret's name instead, and a replay asks for its value.
 *
 * @param invocationId the invocation recorded
 * @param function the function's name
 * @param version the function version that ran
 * @param entrypoint the export that version runs, or null for the module's own ({@code _start} or {@code cwa_main})
 * @param request the HTTP request as the function was invoked, for people to read
 * @param args argv as the guest saw it
 * @param env the environment as the guest saw it, secrets by name
 * @param stdin stdin, at most {@link #MAX_STDIN_BYTES}
 * @param stdinLength the length of the whole stdin: more than {@code stdin} holds when it was cut
 * @param limits the limits it ran under
 * @param hostCalls the host calls
 * @param ending how the invocation ended
 */
public record Recording(
        String invocationId,
        String function,
        int version,
        String entrypoint,
        Request request,
        List<String> args,
        List<EnvEntry> env,
        byte[] stdin,
        long stdinLength,
        RecordedLimits limits,
        HostCallLogRecorded hostCalls,
        Ending ending) {

    /** The format this runtime writes; a reader refuses any other, naming both. */
    public static final int FORMAT_VERSION = 1;

    /** The most of a request body a recording keeps. */
    public static final int MAX_STDIN_BYTES = 256 * 1024;

    /** The most the host calls of one recording may take; past it the log is cut. */
    public static final int MAX_HOST_CALL_BYTES = 1024 * 1024;

    public Recording {
        Objects.requireNonNull(invocationId, "invocationId");
        args = List.copyOf(args);
        env = List.copyOf(env);
        stdin = stdin == null ? new byte[0] : stdin;
    }

    /** Whether stdin was cut to the cap, so the guest may have read bytes the recording does not hold. */
    public boolean stdinCut() {
        return stdinLength > stdin.length;
    }

    /** The request line and headers as the function received them; the body is {@link #stdin()}. */
    public record Request(String method, String path, String query, List<Field> headers) {
        public Request {
            headers = List.copyOf(headers);
        }
    }

    /** A name and a value, such as a header. */
    public record Field(String name, String value) {}

    /**
     * One environment variable.
     *
     * @param value its value, or for a secret the secret's name
     * @param secret whether the value is a secret, left out of the recording
     */
    public record EnvEntry(String name, String value, boolean secret) {}

    /** The limits the invocation ran under, as numbers so the format does not depend on the runtime's types. */
    public record RecordedLimits(
            long timeoutMillis,
            int maxMemoryPages,
            int maxStdoutBytes,
            int maxStderrBytes,
            int maxLogBytes,
            int maxOpenResources) {}

    /**
     * How the invocation ended.
     *
     * @param outcome the runtime's outcome name ({@code OK}, {@code TRAP}, …)
     * @param exitCode the exit code, -1 when the guest did not exit
     * @param trapMessage why it failed, or null
     * @param stdoutSha256 the SHA-256 of everything it wrote to stdout
     */
    public record Ending(String outcome, int exitCode, String trapMessage, byte[] stdoutSha256) {}
}
