package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The CLI page of the documentation (docs-site/src/docs/cli.md) against the commands as built. */
class CliDocsTest {
    static final Path PAGE = Path.of("../docs-site/src/docs/cli.md");

    @Test
    void everyCommandHasASection() throws IOException {
        String page = Files.readString(PAGE);

        for (List<String> path : CommandTree.all().keySet()) {
            if (!path.isEmpty() && !path.equals(List.of("help")) && !isGroup(path)) {
                assertThat(page).as("cli.md documents %s", path).contains("### `wasmcloud " + String.join(" ", path));
            }
        }
    }

    @Test
    void everyOptionOfEveryCommandIsDocumented() throws IOException {
        String page = Files.readString(PAGE);

        for (Map.Entry<List<String>, CommandLine> command : CommandTree.all().entrySet()) {
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                assertThat(page)
                        .as("cli.md documents %s of %s", option.longestName(), command.getKey())
                        .contains("`" + option.longestName());
            }
        }
    }

    @Test
    void everyExitCodeIsInTheTable() throws IOException {
        String page = Files.readString(PAGE);

        for (ExitCode exitCode : ExitCode.values()) {
            assertThat(page).contains("\n| " + exitCode.code() + " | ");
        }
    }

    /** `functions`, `env`, `tokens`, `admin`: their subcommands have the sections. */
    private static boolean isGroup(List<String> path) {
        return !CommandTree.all().get(path).getSubcommands().isEmpty();
    }
}
