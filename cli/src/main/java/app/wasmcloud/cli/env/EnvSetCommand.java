package app.wasmcloud.cli.env;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.client.ApiClient;
import app.wasmcloud.cli.function.FunctionNameConverter;
import app.wasmcloud.cli.output.Output;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "set",
        description = {
            "Set environment variables of a function; they apply from its next invocation.",
            "A KEY without =VALUE takes its value from stdin (one trailing newline removed), which keeps a secret out"
                    + " of the shell's history: `wasmcloud env set hello API_KEY --secret < key.txt`."
        })
public final class EnvSetCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description = "The function's name.",
            converter = FunctionNameConverter.class)
    String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "KEY=VALUE", description = "Variables to set.")
    List<String> assignments;

    @Option(names = "--secret", description = "Write-only: the value is never shown again, by any command.")
    boolean secret;

    public EnvSetCommand(CommandContext context) {
        this.context = context;
    }

    /** A variable as typed on the command line. */
    private record Assignment(String key, String value) {}

    /** The PUT body; setting a variable without --secret makes it a plain one again. */
    record Value(String value, boolean secret) {
        /** Never prints the value, which may be a secret. */
        @Override
        public String toString() {
            return "Value[secret=" + secret + "]";
        }
    }

    @Override
    public Integer call() {
        List<Assignment> parsed = parse();
        List<EnvVariableView> set = new ArrayList<>();
        ApiClient api = context.api();
        for (Assignment assignment : parsed) {
            set.add(api.put(
                    EnvPaths.variable(name, assignment.key()),
                    new Value(assignment.value(), secret),
                    EnvVariableView.class));
        }
        Output output = context.output();
        if (output.json()) {
            output.json(set);
        } else {
            for (EnvVariableView variable : set) {
                output.line("Set " + (variable.secret() ? "secret " : "") + variable.key() + " on " + name);
            }
        }
        return ExitCode.OK.code();
    }

    /** Every assignment checked before anything is sent, so a typo in the third does not leave two set. */
    private List<Assignment> parse() {
        List<Assignment> variables = new ArrayList<>();
        boolean stdinUsed = false;
        for (String assignment : assignments) {
            int equals = assignment.indexOf('=');
            String key = equals < 0 ? assignment : assignment.substring(0, equals);
            String problem = EnvKey.problem(key);
            if (problem != null) {
                throw new CliException(ExitCode.USAGE, problem);
            }
            String value;
            if (equals >= 0) {
                value = assignment.substring(equals + 1);
            } else if (stdinUsed) {
                throw new CliException(ExitCode.USAGE, "only one KEY can take its value from stdin");
            } else {
                stdinUsed = true;
                value = readStdin(key);
            }
            variables.add(new Assignment(key, value));
        }
        return variables;
    }

    private String readStdin(String key) {
        if (context.terminal().stdinIsTty()) {
            context.output().note("Value for " + key + " (end with Ctrl-D):");
        }
        try {
            String value = new String(context.terminal().in().readAllBytes(), StandardCharsets.UTF_8);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            } else if (value.endsWith("\n")) {
                value = value.substring(0, value.length() - 1);
            }
            if (value.isEmpty()) {
                // Almost always a redirect from a missing or empty file, or stdin that was never connected.
                throw new CliException(
                        ExitCode.USAGE,
                        "stdin gave no value for " + key + "; pipe one in (env set " + name + " " + key
                                + " < file) or write " + key + "= for an empty value");
            }
            return value;
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot read the value of " + key + " from stdin", e);
        }
    }
}
