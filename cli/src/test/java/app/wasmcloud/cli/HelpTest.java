package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `--help` on every command the CLI has, found by walking picocli's command tree rather than by a list. */
class HelpTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> helpWorksOnEveryCommandAndPrintsItsUsage() {
        return commands().stream()
                .map(path -> DynamicTest.dynamicTest(("wasmcloud " + String.join(" ", path)).strip(), () -> {
                    List<String> args = new ArrayList<>(path);
                    args.add("--help");

                    CliRun.Result result = new CliRun(dir).run(args.toArray(String[]::new));

                    assertThat(result.exitCode()).as(result.toString()).isZero();
                    // picocli's own `help` prints its description above the usage line.
                    String usage = ("Usage: wasmcloud " + String.join(" ", path)).strip();
                    assertThat(result.stdout())
                            .as(result.toString())
                            .containsPattern("(?m)^" + Pattern.quote(usage) + "( |$)");
                    assertThat(result.stderr()).isEmpty();
                }));
    }

    @Test
    void theWalkFindsNestedCommands() {
        assertThat(commands()).contains(List.of(), List.of("completion"), List.of("functions", "create"));
    }

    /** Every command's path of names, the top command included, aliases skipped (they are the same command). */
    static List<List<String>> commands() {
        CommandLine root = CommandLineFactory.create(
                Terminal.redirected(
                        new ByteArrayInputStream(new byte[0]),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        Map.of()),
                new String[0]);
        List<List<String>> paths = new ArrayList<>();
        walk(root, List.of(), paths);
        return paths;
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(name);
                walk(sub, subPath, paths);
            }
        });
    }
}
