package app.wasmcloud.runtime;

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
 */
public record Invocation(List<String> args, Map<String, String> env, byte[] stdin, Limits limits) {

    public Invocation {
        args = List.copyOf(args);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        stdin = stdin == null ? new byte[0] : stdin;
        Objects.requireNonNull(limits, "limits");
    }
}
