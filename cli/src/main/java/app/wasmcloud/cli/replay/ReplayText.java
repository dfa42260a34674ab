package app.wasmcloud.cli.replay;

import app.wasmcloud.cli.output.Output;
import java.util.Locale;

/** `replay` for people: the trace, one host call a line, then the verdict. */
final class ReplayText {

    /** Bytes beyond this are elided in a trace line; `--output json` has them all. */
    private static final int SHOWN_BYTES = 32;

    private ReplayText() {}

    static void print(Output output, ReplayView view) {
        output.line("replaying " + view.invocationId() + " (" + view.function() + " v" + view.version() + ", "
                + view.recordedCalls() + " host calls)");
        if (view.trace() != null) {
            for (ReplayView.CallView call : view.trace()) {
                String bytes = call.bytes() == null
                        ? ""
                        : "  bytes "
                                + (call.bytes().length() > 2 * SHOWN_BYTES
                                        ? call.bytes().substring(0, 2 * SHOWN_BYTES) + "… ("
                                                + call.bytes().length() / 2 + ")"
                                        : call.bytes());
                output.line(String.format(
                        Locale.ROOT,
                        "#%-4d %10.3f ms  %s -> %s%s",
                        call.index(),
                        call.atMicros() / 1000.0,
                        call.call(),
                        call.result(),
                        bytes));
            }
        }
        String ending = view.trapMessage() != null
                ? view.outcome().toLowerCase(Locale.ROOT) + ": " + view.trapMessage()
                : "exit code " + view.exitCode();
        output.line(ending);
        output.line(view.verdict());
    }
}
