package app.wasmcloud.runtime.replay;

import java.util.List;

/**
 * The host calls of one invocation as a {@link Recorder} kept them.
 *
 * @param calls the calls kept, in order
 * @param total every call the guest made, kept or not
 * @param cut whether calls were left out because the recording reached its cap
 * @param firstResourceId the invocation's first Olin resource id; -1 for WASI guests, which have none
 */
public record HostCallLogRecorded(List<HostCallRecord> calls, int total, boolean cut, int firstResourceId) {

    public HostCallLogRecorded {
        calls = List.copyOf(calls);
    }
}
