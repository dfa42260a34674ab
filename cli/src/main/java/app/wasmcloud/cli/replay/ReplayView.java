package app.wasmcloud.cli.replay;

import app.wasmcloud.runtime.Replay;
import app.wasmcloud.runtime.replay.Divergence;
import app.wasmcloud.runtime.replay.HostCallRecord;
import app.wasmcloud.runtime.replay.Recording;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * What `replay` found; also its `--output json` shape.
 *
 * @param exact whether every host call, the ending and stdout matched the recording
 * @param verdict the sentence `replay` prints: "replayed exactly", the divergence, or why it cannot be exact
 * @param divergence where the replay first left the recording, or null
 * @param replayedCalls how many recorded host calls the replay went through
 * @param recordedCalls how many host calls the invocation made when recorded
 * @param stdout what the module wrote to stdout on replay, base64
 * @param trace the recorded host calls the replay went through, with {@code --trace}; null otherwise
 */
record ReplayView(
        String invocationId,
        String function,
        int version,
        boolean exact,
        String verdict,
        DivergenceView divergence,
        String inexact,
        int replayedCalls,
        int recordedCalls,
        String outcome,
        int exitCode,
        String trapMessage,
        String stdout,
        List<CallView> trace) {

    record DivergenceView(int index, String expected, String actual) {}

    /**
     * @param bytes the bytes the call handed the guest from the world, as hex, or null
     * @param atMicros when it was called, from the start of the recorded invocation
     */
    record CallView(int index, String call, String result, String bytes, long atMicros) {}

    static ReplayView of(Recording recording, Replay.Report report, boolean trace) {
        Divergence divergence = report.divergence();
        String verdict = divergence != null
                ? divergence.describe()
                : report.inexact() != null ? "cannot be exact: " + report.inexact() : "replayed exactly";
        List<CallView> calls = null;
        if (trace) {
            calls = new ArrayList<>();
            List<HostCallRecord> recorded = recording.hostCalls().calls();
            for (int i = 0; i < report.replayedCalls() && i < recorded.size(); i++) {
                HostCallRecord call = recorded.get(i);
                calls.add(new CallView(
                        i + 1,
                        call.signature(),
                        call.outcome(),
                        call.bytes() == null ? null : HexFormat.of().formatHex(call.bytes()),
                        call.atNanos() / 1000));
            }
        }
        return new ReplayView(
                recording.invocationId(),
                recording.function(),
                recording.version(),
                report.exact(),
                verdict,
                divergence == null
                        ? null
                        : new DivergenceView(divergence.index(), divergence.expected(), divergence.actual()),
                report.inexact(),
                report.replayedCalls(),
                recording.hostCalls().total(),
                report.result().outcome().name(),
                report.result().exitCode(),
                report.result().trapMessage(),
                Base64.getEncoder().encodeToString(report.result().stdout()),
                calls);
    }
}
