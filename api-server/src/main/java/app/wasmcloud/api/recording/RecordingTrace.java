package app.wasmcloud.api.recording;

import app.wasmcloud.runtime.replay.HostCallRecord;
import app.wasmcloud.runtime.replay.Recording;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A recording as the panel shows it: the request, how it ended, and the host-call timeline, with the bytes each call
 * handed the guest as hex (the first {@value #PREVIEW_BYTES}) so a timeline of large reads stays small.
 */
record RecordingTrace(
        String invocationId,
        String function,
        int version,
        String entrypoint,
        int formatVersion,
        Request request,
        List<EnvEntry> env,
        long stdinBytes,
        boolean stdinCut,
        int hostCallsTotal,
        boolean hostCallsCut,
        List<Call> hostCalls,
        Ending ending,
        String replayCommand) {

    static final int PREVIEW_BYTES = 64;

    record Request(String method, String path, String query, List<Header> headers) {}

    record Header(String name, String value) {}

    /** {@code value} is the secret's name when {@code secret} is true: values of secrets are never recorded. */
    record EnvEntry(String name, String value, boolean secret) {}

    /**
     * @param results null when the call did not return (an exit, or a trap in the host)
     * @param bytesHex the first bytes the call handed the guest from the world, or null
     * @param atMicros when the call started, from the start of the invocation
     */
    record Call(int index, String name, long[] args, long[] results, String bytesHex, int bytesLength, long atMicros) {}

    record Ending(String outcome, int exitCode, String trapMessage, String stdoutSha256) {}

    static RecordingTrace of(Recording recording) {
        List<Call> calls = new ArrayList<>();
        int index = 1;
        for (HostCallRecord call : recording.hostCalls().calls()) {
            byte[] bytes = call.bytes();
            calls.add(new Call(
                    index++,
                    call.name(),
                    call.args(),
                    call.results(),
                    bytes == null
                            ? null
                            : HexFormat.of().formatHex(Arrays.copyOf(bytes, Math.min(bytes.length, PREVIEW_BYTES))),
                    bytes == null ? 0 : bytes.length,
                    call.atNanos() / 1000));
        }
        Recording.Request request = recording.request();
        Recording.Ending ending = recording.ending();
        return new RecordingTrace(
                recording.invocationId(),
                recording.function(),
                recording.version(),
                recording.entrypoint(),
                Recording.FORMAT_VERSION,
                new Request(
                        request.method(),
                        request.path(),
                        request.query(),
                        request.headers().stream()
                                .map(header -> new Header(header.name(), header.value()))
                                .toList()),
                recording.env().stream()
                        .map(entry -> new EnvEntry(entry.name(), entry.value(), entry.secret()))
                        .toList(),
                recording.stdinLength(),
                recording.stdinCut(),
                recording.hostCalls().total(),
                recording.hostCalls().cut(),
                calls,
                new Ending(
                        ending.outcome(),
                        ending.exitCode(),
                        ending.trapMessage(),
                        HexFormat.of().formatHex(ending.stdoutSha256())),
                "wasmcloud replay " + recording.invocationId());
    }
}
