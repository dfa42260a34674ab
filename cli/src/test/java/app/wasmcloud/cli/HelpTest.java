package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** `--help` on every command in picocli's command tree. */
class HelpTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> helpWorksOnEveryCommandAndPrintsItsUsage() {
        return CommandTree.all().keySet().stream().map(path -> {
            String usage = ("Usage: wasmcloud " + String.join(" ", path)).strip();
            return DynamicTest.dynamicTest(usage.substring("Usage: ".length()), () -> {
                List<String> args = new ArrayList<>(path);
                args.add("--help");

                CliRun.Result result = new CliRun(dir).run(args.toArray(String[]::new));

                assertThat(result.exitCode()).as(result.toString()).isZero();
                // picocli's own `help` prints its description above the usage line.
                assertThat(result.stdout())
                        .as(result.toString())
                        .containsPattern("(?m)^" + Pattern.quote(usage) + "( |$)");
                assertThat(result.stderr()).isEmpty();
            });
        });
    }

    @Test
    void theWalkFindsNestedCommands() {
        assertThat(CommandTree.all())
                .containsKeys(List.of(), List.of("completion"), List.of("functions", "create"), List.of("env", "set"));
    }
}
