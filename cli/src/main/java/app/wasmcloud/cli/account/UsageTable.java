package app.wasmcloud.cli.account;

import app.wasmcloud.cli.output.ByteSize;
import app.wasmcloud.cli.output.Output;
import java.util.List;
import java.util.Locale;

/** The usage table of `account usage` and `admin usage`. */
public final class UsageTable {
    private UsageTable() {}

    public static void print(Output output, UsageView usage) {
        if (output.json()) {
            output.json(usage);
        } else if (usage.days().isEmpty()) {
            output.note("No usage since " + usage.since()
                    + " yet (it is counted from the invocation records every minute).");
        } else {
            output.table(
                    List.of("DAY", "INVOCATIONS", "CPU", "IN", "OUT", "OUTBOUND", "REFUSED"),
                    usage.days().stream()
                            .map(day -> List.of(
                                    day.day(),
                                    Long.toString(day.invocations()),
                                    String.format(Locale.ROOT, "%.3f s", day.cpuTimeUs() / 1e6),
                                    ByteSize.format(day.bytesIn()),
                                    ByteSize.format(day.bytesOut()),
                                    Long.toString(day.outboundRequests()),
                                    Long.toString(day.refused())))
                            .toList());
        }
    }

    /** The query string for {@code --since}, or nothing for the server's default of 30 days. */
    public static String query(String since) {
        return since == null ? "" : "?since=" + since;
    }
}
