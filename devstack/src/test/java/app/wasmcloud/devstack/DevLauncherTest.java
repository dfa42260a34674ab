package app.wasmcloud.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.testsupport.FreePort;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ./dev} as its user sees it: what it prints and the status it ends with, run in-process. */
@Timeout(60)
class DevLauncherTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpPrintsEveryPortFlagAndVariableAndStartsNothing() throws Exception {
        int status = run(List.of("--help"), Map.of());

        assertThat(status).isZero();
        assertThat(out()).startsWith("Usage: ./dev").doesNotContain("Starting");
        for (DevPort port : DevPort.values()) {
            assertThat(out())
                    .contains(port.flag + " PORT", port.environmentVariable, Integer.toString(port.defaultPort));
        }
        assertThat(err()).isEmpty();
    }

    @Test
    void aTakenPortIsOneLineNamingItsFlagAndVariableAndNothingStarts() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int panel = taken.getLocalPort();
            int status = run(
                    List.of(
                            "--api-port", Integer.toString(FreePort.pick()),
                            "--run-port", Integer.toString(FreePort.pick()),
                            "--executor-management-port", Integer.toString(FreePort.pick()),
                            "--panel-port", Integer.toString(panel)),
                    Map.of("WASMCLOUD_DEV_POSTGRES_PORT", Integer.toString(FreePort.pick())));

            assertThat(status).isEqualTo(1);
            assertThat(err())
                    .isEqualTo("./dev: port " + panel + " (the panel and the docs) is already taken; choose another"
                            + " with --panel-port PORT or WASMCLOUD_DEV_PANEL_PORT=PORT\n");
        }
    }

    @Test
    void aBadPortIsAUsageErrorInOneLine() throws Exception {
        int status = run(List.of(), Map.of("WASMCLOUD_DEV_API_PORT", "eighty"));

        assertThat(status).isEqualTo(2);
        assertThat(err())
                .isEqualTo("./dev: WASMCLOUD_DEV_API_PORT must be a port number from 1 to 65535, not 'eighty'\n");
        assertThat(out()).isEmpty();
    }

    private int run(List<String> args, Map<String, String> environment) throws Exception {
        return Main.run(
                TestStack.ROOT,
                args,
                environment,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
