package app.wasmcloud.cli.function;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.Terminal;
import app.wasmcloud.cli.output.Output;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "delete",
        aliases = "rm",
        description = {
            "Delete a function and all its versions.",
            "Asks for confirmation when stdin is a terminal, unless --yes."
        })
public final class FunctionDeleteCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The function's name.", converter = FunctionNameConverter.class)
    String name;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation.")
    boolean yes;

    public FunctionDeleteCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Terminal terminal = context.terminal();
        if (!yes && terminal.stdinIsTty() && !confirmed(terminal)) {
            throw new CliException(ExitCode.FAILURE, "aborted; " + name + " was not deleted");
        }
        new FunctionsApi(context.api()).delete(name);
        Output output = context.output();
        if (output.json()) {
            output.json(new Deleted(name, true));
        } else {
            output.line("Deleted function " + name);
        }
        return ExitCode.OK.code();
    }

    /** The `--output json` answer of a delete. */
    record Deleted(String name, boolean deleted) {}

    private boolean confirmed(Terminal terminal) {
        terminal.err().print("Delete function " + name + " and all its versions? This cannot be undone. [y/N] ");
        terminal.err().flush();
        try {
            String answer =
                    new BufferedReader(new InputStreamReader(terminal.in(), Charset.defaultCharset())).readLine();
            return answer != null
                    && (answer.strip().toLowerCase(Locale.ROOT).equals("y")
                            || answer.strip().toLowerCase(Locale.ROOT).equals("yes"));
        } catch (IOException e) {
            return false;
        }
    }
}
