package app.wasmcloud.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevCommandLineTest {

    static final Path ROOT = Path.of("/checkout");

    @Test
    void withoutFlagsOrEnvironmentEveryPortHasItsDefault() throws Exception {
        DevStackConfig config = DevCommandLine.parse(ROOT, List.of(), Map.of());

        assertThat(config).isEqualTo(DevStackConfig.defaults(ROOT));
    }

    @Test
    void aFlagWinsOverItsEnvironmentVariableWhichWinsOverTheDefault() throws Exception {
        DevStackConfig config = DevCommandLine.parse(
                ROOT,
                List.of("--api-port", "18080", "--panel-port=18090"),
                Map.of("WASMCLOUD_DEV_API_PORT", "28080", "WASMCLOUD_DEV_RUN_PORT", "28081"));

        assertThat(config.apiPort()).isEqualTo(18080);
        assertThat(config.panelPort()).isEqualTo(18090);
        assertThat(config.executorPort()).isEqualTo(28081);
        assertThat(config.executorManagementPort()).isEqualTo(9081);
        assertThat(config.postgresPort()).isEqualTo(54329);
    }

    @Test
    void helpIsAskedForWithEitherSpellingAndListsEveryFlagAndVariable() throws Exception {
        assertThat(DevCommandLine.parse(ROOT, List.of("--help"), Map.of())).isNull();
        assertThat(DevCommandLine.parse(ROOT, List.of("--api-port", "1", "-h"), Map.of()))
                .isNull();
        for (DevPort port : DevPort.values()) {
            assertThat(DevCommandLine.help()).contains(port.flag, port.environmentVariable);
        }
    }

    @Test
    void aBadPortOrAnUnknownOptionIsOneLineNamingIt() {
        assertThatThrownBy(() -> DevCommandLine.parse(ROOT, List.of("--run-port", "http"), Map.of()))
                .hasMessage("--run-port must be a port number from 1 to 65535, not 'http'");
        assertThatThrownBy(() -> DevCommandLine.parse(ROOT, List.of(), Map.of("WASMCLOUD_DEV_POSTGRES_PORT", "0")))
                .hasMessage("WASMCLOUD_DEV_POSTGRES_PORT must be a port number from 1 to 65535, not '0'");
        assertThatThrownBy(() -> DevCommandLine.parse(ROOT, List.of("--port", "1"), Map.of()))
                .hasMessage("unknown option --port (./dev --help lists the options)");
        assertThatThrownBy(() -> DevCommandLine.parse(ROOT, List.of("--api-port"), Map.of()))
                .hasMessage("--api-port needs a port number");
    }
}
