package app.wasmcloud.cli.schedule;

import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.api.ScheduleView;
import java.time.Instant;
import java.util.List;

/** How a schedule reads on a terminal, and the one report every verb that changes one gives. */
final class ScheduleText {
    private ScheduleText() {}

    static void print(Output output, ScheduleView schedule) {
        List<List<String>> rows = List.of(
                List.of("id", schedule.id().toString()),
                List.of("function", schedule.function()),
                List.of("cron", schedule.cron() + " (" + schedule.timeZone() + ")"),
                List.of("request", schedule.method() + " " + schedule.path()),
                List.of("state", schedule.paused() ? "paused" : "active"),
                List.of("fired", schedule.firedSlots() + " slot(s), last " + orNever(schedule.lastSlot())),
                List.of("skipped", schedule.skippedSlots() + " slot(s)"));
        output.table(List.of("FIELD", "VALUE"), rows);
        schedule.headers()
                .forEach((name, values) -> values.forEach(value -> output.line("header " + name + ": " + value)));
        if (schedule.nextFireTimes().isEmpty()) {
            output.note("No next fire times while it is paused.");
        } else {
            output.line("next fire times:");
            schedule.nextFireTimes().forEach(time -> output.line("  " + time));
        }
    }

    /** Prints the schedule (JSON or text) after a change; `verb` says what happened. */
    static int report(Output output, ScheduleView schedule, String verb) {
        if (output.json()) {
            output.json(schedule);
        } else {
            output.line(verb + " schedule " + schedule.id() + " of " + schedule.function() + ": " + schedule.cron()
                    + " (" + schedule.timeZone() + ")"
                    + (schedule.nextFireTimes().isEmpty()
                            ? ""
                            : ", next " + schedule.nextFireTimes().getFirst()));
        }
        return ExitCode.OK.code();
    }

    private static String orNever(Instant instant) {
        return instant == null ? "never" : instant.toString();
    }
}
