package app.wasmcloud.runtime;

import app.wasmcloud.runtime.replay.HostCallLog;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The input of one run: what the guest sees as argv, environment and stdin, and the limits it runs under.
 *
 * @param args argv, argv[0] included (for CGI, the function name)
 * @param env environment variables, in the order they should be presented
 * @param stdin the complete stdin
 * @param limits limits for this run
 * @param hostCallLog what every host call passes through: {@link HostCallLog#OFF}, a recorder or a replay
 */
public record Invocation(
        List<String> args, Map<String, String> env, byte[] stdin, Limits limits, HostCallLog hostCallLog) {

    public Invocation(List<String> args, Map<String, String> env, byte[] stdin, Limits limits) {
        this(args, env, stdin, limits, HostCallLog.OFF);
    }

    public Invocation {
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        stdin = stdin == null ? new byte[0] : stdin;
        Objects.requireNonNull(limits, "limits");
        hostCallLog = hostCallLog == null ? HostCallLog.OFF : hostCallLog;
    }
}
