package app.wasmcloud.cli.schedule;

import app.wasmcloud.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `wasmcloud schedules`: run a function on a cron schedule, in the background, with retries. */
@Command(
        name = "schedules",
        aliases = "schedule",
        description = "Create, list, show, change, pause, resume and delete a function's cron schedules.",
        subcommands = {
            ScheduleCreateCommand.class,
            ScheduleListCommand.class,
            ScheduleShowCommand.class,
            ScheduleUpdateCommand.class,
            SchedulePauseCommand.class,
            ScheduleResumeCommand.class,
            ScheduleDeleteCommand.class
        })
public final class SchedulesCommand {

    @Mixin
    GlobalOptions global;
}
