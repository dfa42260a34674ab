package app.wasmcloud.cli.deadletter;

import app.wasmcloud.cli.GlobalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `wasmcloud dead-letters`: background requests whose every attempt failed, kept until retried or discarded. */
@Command(
        name = "dead-letters",
        description = "List, show, retry and discard a function's dead letters: background and scheduled requests"
                + " whose every attempt failed.",
        subcommands = {
            DeadLetterListCommand.class,
            DeadLetterShowCommand.class,
            DeadLetterRetryCommand.class,
            DeadLetterDiscardCommand.class
        })
public final class DeadLettersCommand {

    @Mixin
    GlobalOptions global;
}
