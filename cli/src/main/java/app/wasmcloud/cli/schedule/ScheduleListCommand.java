package app.wasmcloud.cli.schedule;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.function.FunctionNameConverter;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.api.ScheduleView;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "list", aliases = "ls", description = "List a function's schedules with their next fire time.")
public final class ScheduleListCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The function's name.", converter = FunctionNameConverter.class)
    String name;

    public ScheduleListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<ScheduleView> schedules = context.api().list(SchedulePaths.list(name), ScheduleView[].class);
        Output output = context.output();
        if (output.json()) {
            output.json(schedules);
        } else if (schedules.isEmpty()) {
            output.note(
                    "No schedules — create one with `wasmcloud schedules create " + name + " --cron '*/5 * * * *'`.");
        } else {
            output.table(
                    List.of("ID", "CRON", "ZONE", "REQUEST", "NEXT", "FIRED", "SKIPPED"),
                    schedules.stream()
                            .map(s -> List.of(
                                    s.id().toString(),
                                    s.cron(),
                                    s.timeZone(),
                                    s.method() + " " + s.path(),
                                    s.paused()
                                            ? "paused"
                                            : s.nextFireTimes().isEmpty()
                                                    ? "never"
                                                    : s.nextFireTimes()
                                                            .getFirst()
                                                            .toString(),
                                    Long.toString(s.firedSlots()),
                                    Long.toString(s.skippedSlots())))
                            .toList());
        }
        return ExitCode.OK.code();
    }
}
