package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthCommandsTest {
    private static final String WHOAMI = "{\"login\":\"dev\",\"role\":\"admin\",\"status\":\"active\"}";

    @TempDir
    Path dir;

    FakeApi api;
    CliRun cli;

    @BeforeEach
    void setUp() throws IOException {
        api = new FakeApi().answer("GET /api/whoami", 200, WHOAMI);
        cli = new CliRun(dir);
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void loginChecksTheTokenAndStoresItWithTheApiInAFileOnlyTheOwnerCanRead() throws IOException {
        CliRun.Result result = cli.run("login", "--api", api.url() + "/", "--token", "secret-1");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("Logged in as dev (admin) on " + api.url() + "\n");
        assertThat(api.onlyRequest().header("Authorization")).isEqualTo("Bearer secret-1");
        assertThat(Files.readString(cli.configFile()))
                .isEqualToIgnoringWhitespace("{\"api\":\"" + api.url() + "\",\"token\":\"secret-1\"}");
        assertThat(Files.getPosixFilePermissions(cli.configFile()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(cli.configFile().getParent()))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void loginRewritesAnExistingLooselyPermittedConfigFileAs0600() throws IOException {
        Files.createDirectories(cli.configFile().getParent());
        Files.writeString(cli.configFile(), "{}");
        Files.setPosixFilePermissions(cli.configFile(), PosixFilePermissions.fromString("rw-r--r--"));

        cli.run("login", "--api", api.url(), "--token", "secret-1");

        assertThat(Files.getPosixFilePermissions(cli.configFile()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void loginReadsTheTokenFromStdinWhenItIsNotATerminal() throws IOException {
        CliRun.Result result = cli.stdin("piped-token\n").run("login", "--api", api.url());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.onlyRequest().header("Authorization")).isEqualTo("Bearer piped-token");
        assertThat(Files.readString(cli.configFile())).contains("piped-token");
    }

    @Test
    void loginWithoutATokenOnATerminalExplainsThatBrowserLoginIsNotAvailableYet() {
        CliRun.Result result = cli.interactiveStdin().run("login", "--api", api.url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).startsWith("error: browser login is not available yet");
        assertThat(api.received()).isEmpty();
        assertThat(cli.configFile()).doesNotExist();
    }

    @Test
    void loginWithARejectedTokenExitsNotAuthorizedAndStoresNothing() {
        api.answer("GET /api/whoami", FakeApi.Answer.problem(401, "invalid token"));

        CliRun.Result result = cli.run("login", "--api", api.url(), "--token", "wrong");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).isEqualTo("error: invalid token — run `wasmcloud login`\n");
        assertThat(cli.configFile()).doesNotExist();
    }

    @Test
    void whoamiUsesTheStoredLogin() {
        cli.run("login", "--api", api.url(), "--token", "secret-1");

        CliRun.Result result = cli.run("whoami");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("Logged in as dev (admin) on " + api.url() + "\n");
        assertThat(api.received().getLast().header("Authorization")).isEqualTo("Bearer secret-1");
    }

    @Test
    void whoamiAsJsonHasStableFieldNames() {
        CliRun.Result result = cli.env("WASMCLOUD_TOKEN", "t").run("whoami", "--api", api.url(), "-o", "json");

        assertThat(result.stdout())
                .isEqualToIgnoringWhitespace(
                        "{\"api\":\"" + api.url() + "\",\"login\":\"dev\",\"role\":\"admin\",\"status\":\"active\"}");
    }

    @Test
    void whoamiWithoutAnyTokenSaysHowToLogInAndSendsNothing() {
        CliRun.Result result = cli.run("whoami", "--api", api.url());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr())
                .isEqualTo(
                        "error: not logged in to " + api.url() + " — run `wasmcloud login` (or set WASMCLOUD_TOKEN)\n");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void logoutForgetsTheTokenButKeepsTheApi() throws IOException {
        cli.run("login", "--api", api.url(), "--token", "secret-1");

        CliRun.Result result = cli.run("logout");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).isEqualTo("Logged out of " + api.url() + ".\n");
        assertThat(Files.readString(cli.configFile())).isEqualToIgnoringWhitespace("{\"api\":\"" + api.url() + "\"}");
        assertThat(cli.run("whoami").exitCode()).isEqualTo(3);
    }
}
