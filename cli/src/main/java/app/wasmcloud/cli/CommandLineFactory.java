package app.wasmcloud.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Builds the `wasmcloud` command line for one execution: every command and mixin gets the same {@link
 * CommandContext} through its constructor, and the failure reporter, exit codes and output writers are wired here.
 */
public final class CommandLineFactory implements IFactory {
    private final CommandContext context;

    private CommandLineFactory(CommandContext context) {
        this.context = context;
    }

    /** The command line for a terminal; {@code args} is only peeked at for `--no-color`, which the help needs early. */
    public static CommandLine create(Terminal terminal, String[] args) {
        CommandContext context = new CommandContext(terminal);
        CommandLine commandLine = new CommandLine(WasmcloudCommand.class, new CommandLineFactory(context));
        for (Class<?> command : commandsFor(terminal, args)) {
            commandLine.addSubcommand(command);
        }
        FailureReporter reporter = new FailureReporter(context);
        boolean noColorFlag = Arrays.asList(args).contains("--no-color");
        Help.Ansi ansi = !noColorFlag && context.colour(terminal.stdoutIsTty()) ? Help.Ansi.ON : Help.Ansi.OFF;
        commandLine
                .setOut(writer(terminal.out()))
                .setErr(writer(terminal.err()))
                .setColorScheme(Help.defaultColorScheme(ansi))
                .setCaseInsensitiveEnumValuesAllowed(true)
                // `-d @FILE` is invoke's request body, not a picocli argument file.
                .setExpandAtFiles(false)
                .setExecutionExceptionHandler(reporter)
                .setParameterExceptionHandler(reporter)
                .setExitCodeExceptionMapper(reporter)
                .setExecutionStrategy(CommandLineFactory::executeUnlessUnmatched);
        // `wasmcloud run MODULE --flag`: everything after the module is the module's, options included.
        CommandLine run = commandLine.getSubcommands().get("run");
        if (run != null) {
            run.setStopAtPositional(true);
        }
        Map<String, String> exitCodes = new LinkedHashMap<>();
        for (ExitCode exitCode : ExitCode.values()) {
            exitCodes.put("  " + exitCode.code(), exitCode.meaning());
        }
        commandLine
                .getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes);
        return commandLine;
    }

    /**
     * picocli lets a help option win over an unknown verb, so `wasmcloud nosuchcommand --help` printed the top-level
     * help and exited 0; an argument nothing matched is a usage error whatever else is on the line.
     */
    private static int executeUnlessUnmatched(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (!level.unmatched().isEmpty()) {
                throw new UnmatchedArgumentException(level.commandSpec().commandLine(), level.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }

    /**
     * Building picocli's model of a command (reflection over every option of every verb) is most of the CLI's
     * start-up, so only the verb being run is built: `wasmcloud --version` needs none, `wasmcloud fn list` only
     * `functions`. The top-level help, `help`, `completion` and a mistyped verb get them all, to list, complete or
     * suggest them. The verb is found by parsing with the top command alone, which knows which global options take a
     * value; when that parse fails, every verb is added and the real parse reports the error.
     */
    static List<Class<?>> commandsFor(Terminal terminal, String[] args) {
        CommandLine topOnly = new CommandLine(
                        WasmcloudCommand.class, new CommandLineFactory(new CommandContext(terminal)))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExpandAtFiles(false)
                .setStopAtUnmatched(true)
                .setUnmatchedArgumentsAllowed(true);
        ParseResult parsed;
        try {
            parsed = topOnly.parseArgs(args);
        } catch (ParameterException e) {
            return WasmcloudCommand.COMMANDS;
        }
        if (parsed.unmatched().isEmpty()) {
            return parsed.isVersionHelpRequested() ? List.of() : WasmcloudCommand.COMMANDS;
        }
        String verb = parsed.unmatched().getFirst();
        for (Class<?> command : WasmcloudCommand.COMMANDS) {
            Command annotation = command.getAnnotation(Command.class);
            boolean named = annotation.name().equals(verb)
                    || Arrays.asList(annotation.aliases()).contains(verb);
            if (named && !WasmcloudCommand.NEED_EVERY_COMMAND.contains(command)) {
                return List.of(command);
            }
        }
        return WasmcloudCommand.COMMANDS;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> constructor;
        try {
            constructor = type.getDeclaredConstructor(CommandContext.class);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
        return constructor.newInstance(context);
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, stream.charset()), true);
    }
}
