package app.wasmcloud.runtime.replay;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One host call as it happened.
 *
 * @param name the import name
 * @param args the arguments as the guest passed them
 * @param results what the guest got back; null when the call did not return (an exit, or a trap in the host)
 * @param bytes the bytes the call wrote into guest memory when they came from the world (a resource read, a WASI
 *     clock or random); null otherwise
 * @param atNanos when the call started, from the start of the invocation
 */
public record HostCallRecord(String name, long[] args, long[] results, byte[] bytes, long atNanos) {

    /** How a divergence and a trace show the call: {@code resource_read(70001, 8192, 1000)}. */
    public String signature() {
        return name + "(" + Arrays.stream(args).mapToObj(Long::toString).collect(Collectors.joining(", ")) + ")";
    }

    /** What the call gave the guest, as a trace shows it: its results, or how it ended when it did not return. */
    public String outcome() {
        if (results == null) {
            return "did not return";
        }
        return results.length == 0
                ? "()"
                : Arrays.stream(results).mapToObj(Long::toString).collect(Collectors.joining(", "));
    }

    /** The bytes recorded for this call's length, counting towards the recording's cap. */
    int size() {
        return name.length()
                + 8 * (args.length + (results == null ? 0 : results.length))
                + 16
                + (bytes == null ? 0 : bytes.length);
    }
}
