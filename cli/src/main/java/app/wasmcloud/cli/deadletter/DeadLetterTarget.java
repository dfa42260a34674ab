package app.wasmcloud.cli.deadletter;

import app.wasmcloud.cli.function.FunctionNameConverter;
import picocli.CommandLine.Parameters;

/** A dead letter of a function, as the commands that act on one name it: {@code NAME ID}. */
public final class DeadLetterTarget {

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description = "The function's name.",
            converter = FunctionNameConverter.class)
    String name;

    @Parameters(index = "1", paramLabel = "ID", description = "The dead letter's id (the background request's).")
    String id;
}
