package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wasmcloud.cli.config.ConfigFile;
import app.wasmcloud.cli.config.Connection;
import app.wasmcloud.cli.config.StoredConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigPrecedenceTest {
    @TempDir
    Path dir;

    FakeApi flagApi;
    FakeApi envApi;
    FakeApi storedApi;
    CliRun cli;

    @BeforeEach
    void setUp() throws IOException {
        String whoami = "{\"login\":\"dev\",\"role\":\"user\",\"status\":\"active\"}";
        flagApi = new FakeApi().answer("GET /api/whoami", 200, whoami);
        envApi = new FakeApi().answer("GET /api/whoami", 200, whoami);
        storedApi = new FakeApi().answer("GET /api/whoami", 200, whoami);
        cli = new CliRun(dir);
        Files.createDirectories(cli.configFile().getParent());
        Files.writeString(cli.configFile(), "{\"api\":\"" + storedApi.url() + "\",\"token\":\"stored-token\"}");
    }

    @AfterEach
    void tearDown() {
        flagApi.close();
        envApi.close();
        storedApi.close();
    }

    @Test
    void theConfigFileIsUsedWhenNothingElseIsGiven() {
        assertThat(cli.run("whoami").exitCode()).isZero();

        assertThat(storedApi.onlyRequest().header("Authorization")).isEqualTo("Bearer stored-token");
    }

    @Test
    void environmentVariablesWinOverTheConfigFile() {
        cli.env("WASMCLOUD_API", envApi.url()).env("WASMCLOUD_TOKEN", "env-token");

        assertThat(cli.run("whoami").exitCode()).isZero();

        assertThat(envApi.onlyRequest().header("Authorization")).isEqualTo("Bearer env-token");
        assertThat(storedApi.received()).isEmpty();
    }

    @Test
    void flagsWinOverEnvironmentVariables() {
        cli.env("WASMCLOUD_API", envApi.url()).env("WASMCLOUD_TOKEN", "env-token");

        assertThat(cli.run("whoami", "--api", flagApi.url(), "--token", "flag-token")
                        .exitCode())
                .isZero();

        assertThat(flagApi.onlyRequest().header("Authorization")).isEqualTo("Bearer flag-token");
        assertThat(envApi.received()).isEmpty();
    }

    @Test
    void globalOptionsAreAcceptedBeforeTheCommandNameToo() {
        assertThat(cli.run("--api", flagApi.url(), "--token", "flag-token", "whoami")
                        .exitCode())
                .isZero();

        assertThat(flagApi.onlyRequest().header("Authorization")).isEqualTo("Bearer flag-token");
    }

    @Test
    void theStoredTokenIsNeverSentToAnotherApi() {
        CliRun.Result result = cli.run("whoami", "--api", flagApi.url());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(flagApi.received()).isEmpty();
        assertThat(storedApi.received()).isEmpty();
    }

    @Test
    void anEmptyEnvironmentVariableCountsAsUnset() {
        cli.env("WASMCLOUD_API", "").env("WASMCLOUD_TOKEN", "");

        assertThat(cli.run("whoami").exitCode()).isZero();

        assertThat(storedApi.onlyRequest().header("Authorization")).isEqualTo("Bearer stored-token");
    }

    @Test
    void theDefaultApiIsLocalhost8080() {
        Connection connection = Connection.resolve(null, "t", null, null, StoredConfig.EMPTY);

        assertThat(connection.api()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(connection.token()).isEqualTo(Optional.of("t"));
    }

    @Test
    void anApiUrlThatIsNotHttpIsAUsageError() {
        CliRun.Result result = cli.run("whoami", "--api", "ftp://example.com");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("invalid API URL 'ftp://example.com' (from --api)");
    }

    @Test
    void theConfigFileLivesUnderXdgConfigHomeOrElseHomeDotConfig() {
        assertThat(ConfigFile.locate(Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h"), "/u"))
                .isEqualTo(Path.of("/x/wasmcloud/config.json"));
        assertThat(ConfigFile.locate(Map.of("HOME", "/h"), "/u"))
                .isEqualTo(Path.of("/h/.config/wasmcloud/config.json"));
        assertThat(ConfigFile.locate(Map.of("XDG_CONFIG_HOME", "relative", "HOME", "/h"), "/u"))
                .isEqualTo(Path.of("/h/.config/wasmcloud/config.json"));
        assertThat(ConfigFile.locate(Map.of(), "/u")).isEqualTo(Path.of("/u/.config/wasmcloud/config.json"));
    }

    @Test
    void aCorruptConfigFileIsReportedWithItsPath() throws IOException {
        Files.writeString(cli.configFile(), "{not json");

        CliRun.Result result = cli.run("whoami");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("error: config file " + cli.configFile() + " is not valid JSON");
    }

    @Test
    void onlyATokenOverPlainHttpToAnotherMachineCountsAsSentInClear() {
        StoredConfig none = StoredConfig.EMPTY;

        assertThat(Connection.resolve("http://api.example.com", "t", null, null, none)
                        .sendsTokenInClear())
                .isTrue();
        assertThat(Connection.resolve("https://api.example.com", "t", null, null, none)
                        .sendsTokenInClear())
                .isFalse();
        assertThat(Connection.resolve("http://localhost:8080", "t", null, null, none)
                        .sendsTokenInClear())
                .isFalse();
        assertThat(Connection.resolve("http://127.0.0.1:8080", "t", null, null, none)
                        .sendsTokenInClear())
                .isFalse();
        assertThat(Connection.resolve("http://api.example.com", null, null, null, none)
                        .sendsTokenInClear())
                .isFalse();
    }

    @Test
    void anApiUrlNeedsAHostAndLosesItsTrailingSlash() {
        assertThatThrownBy(() -> Connection.parseApi("http://", "--api")).isInstanceOf(CliException.class);
        assertThat(Connection.parseApi("https://api.example.com/base/", "--api"))
                .isEqualTo(URI.create("https://api.example.com/base"));
    }
}
