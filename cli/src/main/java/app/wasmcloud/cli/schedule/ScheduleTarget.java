package app.wasmcloud.cli.schedule;

import app.wasmcloud.cli.function.FunctionNameConverter;
import picocli.CommandLine.Parameters;

/** A schedule of a function, as the commands that act on one name it: {@code NAME ID}. */
public final class ScheduleTarget {

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description = "The function's name.",
            converter = FunctionNameConverter.class)
    String name;

    @Parameters(index = "1", paramLabel = "ID", description = "The schedule's id.")
    String id;
}
