package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.cli.function.FunctionsCommand;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void versionPrintsTheBuildVersion() {
        CliRun.Result result = new CliRun(dir).run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).startsWith("wasmcloud 0.1.0-SNAPSHOT (Java ");
    }

    @Test
    void theQuickVersionAnswerIsTheOnePicocliGives() {
        CliRun.Result quick = new CliRun(dir).run("--version");
        CliRun.Result shortFlag = new CliRun(dir).run("-V");
        CliRun.Result throughPicocli = new CliRun(dir).run("--no-color", "--version");

        assertThat(throughPicocli.exitCode()).isZero();
        assertThat(quick.stdout()).isEqualTo(throughPicocli.stdout());
        assertThat(shortFlag.stdout()).isEqualTo(throughPicocli.stdout());
    }

    @Test
    void onlyTheCommandBeingRunIsBuiltEvenAfterGlobalOptionsWithValues() {
        String[] args = {"--api", "http://127.0.0.1:1", "-o", "json", "fn", "list"};

        assertThat(CommandLineFactory.commandsFor(
                        Terminal.redirected(InputStream.nullInputStream(), System.out, System.err, Map.of()), args))
                .containsExactly(FunctionsCommand.class);
    }

    @Test
    void globalOptionsBeforeTheCommandStillApplyToIt() {
        CliRun.Result result = new CliRun(dir).run("--api", "http://127.0.0.1:1", "whoami");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).startsWith("error: not logged in to http://127.0.0.1:1");
    }

    @Test
    void helpDocumentsEveryExitCode() {
        CliRun.Result result = new CliRun(dir).run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("Exit codes:");
        for (ExitCode exitCode : ExitCode.values()) {
            assertThat(result.stdout()).containsPattern("\\s" + exitCode.code() + "\\s+" + exitCode.meaning());
        }
    }

    @Test
    void everyVerbIsListedInTheHelp() {
        String help = new CliRun(dir).run("--help").stdout();

        assertThat(help).contains("login", "logout", "whoami", "functions, fn", "deploy", "versions", "invoke");
    }

    @Test
    void anUnknownCommandWithHelpIsStillAUsageErrorNotTheTopLevelHelp() {
        CliRun.Result result = new CliRun(dir).run("nosuchcommand", "--help");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("nosuchcommand");
        assertThat(result.stdout()).doesNotContain("Exit codes:");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        CliRun.Result result = new CliRun(dir).run("deplo");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("error: Unmatched argument at index 0: 'deplo'");
        assertThat(result.stderr()).contains("wasmcloud deploy");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void aMissingArgumentIsAUsageErrorThatPointsToHelp() {
        CliRun.Result result = new CliRun(dir).run("deploy", "hello");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("Missing required parameter: 'FILE.wasm'");
        assertThat(result.stderr()).contains("Run 'wasmcloud deploy --help' for usage.");
    }

    @Test
    void aGroupWithoutASubcommandShowsItsUsageAndExitsWith2() {
        CliRun.Result result = new CliRun(dir).run("fn");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("Usage: wasmcloud functions");
    }

    @Test
    void anUnknownOutputFormatIsAUsageError() {
        CliRun.Result result = new CliRun(dir).run("whoami", "-o", "yaml");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("expected one of [text, json]");
    }

    @Test
    void errorsAreColouredOnATerminal() {
        CliRun.Result result = new CliRun(dir).terminalOutput().run("whoami");

        assertThat(result.stderr()).startsWith("\u001b[1;31merror:\u001b[0m not logged in");
    }

    @Test
    void noColorEnvironmentVariableTurnsColourOff() {
        CliRun.Result result =
                new CliRun(dir).terminalOutput().env("NO_COLOR", "1").run("whoami");

        assertThat(result.stderr()).startsWith("error: not logged in");
    }

    @Test
    void noColorFlagTurnsColourOff() {
        CliRun.Result result = new CliRun(dir).terminalOutput().run("whoami", "--no-color");

        assertThat(result.stderr()).startsWith("error: not logged in");
    }
}
