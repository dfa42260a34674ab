package app.wasmcloud.cli.reference;

import app.wasmcloud.cli.CommandLineFactory;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.Json;
import app.wasmcloud.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes picocli's model of the whole `wasmcloud` command (every command, option, parameter, default and exit code)
 * as JSON, for the documentation site to render its CLI reference from: the reference is then made from the same
 * model as `wasmcloud --help`, and cannot drift from it. Usage: {@code CommandReference <output file>}.
 */
public final class CommandReference {

    /** One command; {@code name} is the full path, e.g. "wasmcloud functions update". */
    record Command(
            String name,
            List<String> aliases,
            List<String> description,
            List<Parameter> parameters,
            List<Option> options,
            List<Command> subcommands) {}

    record Parameter(String label, String arity, List<String> description) {}

    record Option(
            List<String> names,
            String label,
            boolean required,
            boolean repeatable,
            String defaultValue,
            List<String> description) {}

    record Exit(int code, String meaning) {}

    record Reference(Command command, List<Exit> exitCodes) {}

    private CommandReference() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CommandReference <output file>");
        }
        Path output = Path.of(args[0]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, Json.mapper().writeValueAsString(reference()));
    }

    static Reference reference() {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        Terminal terminal = Terminal.redirected(new ByteArrayInputStream(new byte[0]), discard, discard, Map.of());
        // With --help the factory adds every verb, as for the top-level help.
        CommandLine commandLine = CommandLineFactory.create(terminal, new String[] {"--help"});
        List<Exit> exits = Arrays.stream(ExitCode.values())
                .map(exit -> new Exit(exit.code(), exit.meaning()))
                .toList();
        return new Reference(command(commandLine.getCommandSpec()), exits);
    }

    private static Command command(CommandSpec spec) {
        List<Command> subcommands = new ArrayList<>();
        spec.subcommands().forEach((name, sub) -> {
            // picocli lists each alias as a key too; keep a command once, under its own name.
            if (name.equals(sub.getCommandSpec().name())) {
                subcommands.add(command(sub.getCommandSpec()));
            }
        });
        return new Command(
                spec.qualifiedName(),
                List.of(spec.aliases()),
                List.of(spec.usageMessage().description()),
                spec.positionalParameters().stream()
                        .filter(p -> !p.hidden())
                        .map(CommandReference::parameter)
                        .toList(),
                spec.options().stream()
                        .filter(o -> !o.hidden())
                        .map(CommandReference::option)
                        .toList(),
                subcommands);
    }

    private static Parameter parameter(PositionalParamSpec spec) {
        return new Parameter(spec.paramLabel(), spec.arity().toString(), description(spec));
    }

    private static Option option(OptionSpec spec) {
        return new Option(
                List.of(spec.names()),
                spec.typeInfo().isBoolean() ? null : spec.paramLabel(),
                spec.required(),
                spec.isMultiValue(),
                spec.defaultValue(),
                description(spec));
    }

    /** The description with picocli's variables (${DEFAULT-VALUE}, ${COMPLETION-CANDIDATES}) filled in. */
    private static List<String> description(ArgSpec spec) {
        Iterable<String> candidates = spec.completionCandidates();
        String candidateList = candidates == null ? "" : String.join(", ", candidates);
        return Arrays.stream(spec.description())
                .map(line -> line.replace("${DEFAULT-VALUE}", String.valueOf(spec.defaultValue()))
                        .replace("${COMPLETION-CANDIDATES}", candidateList))
                .toList();
    }
}
