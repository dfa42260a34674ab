package app.wasmcloud.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code deploy/systemd} checked by systemd itself, since no test boots a unit: {@code systemd-analyze verify} finds
 * no unknown or malformed setting, {@code systemd-analyze security} rates every unit as well hardened, and the
 * settings the install guide promises are there.
 */
@Timeout(60)
class SystemdUnitsTest {

    static final Path UNITS = TestStack.ROOT.resolve("deploy/systemd");
    static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");
    static final List<String> SERVICES =
            List.of("wasmcloud-api-server.service", "wasmcloud-executor.service", "wasmcloud-nginx-readiness.service");

    @Test
    void systemdFindsNothingToComplainAboutInAnyUnit() throws Exception {
        assumeSystemdAnalyze();
        for (String service : SERVICES) {
            Result verify = systemdAnalyze("verify", UNITS.resolve(service).toString());

            // verify ignores an unknown key with a warning and still exits 0, so its output must be empty too.
            assertThat(verify.output()).as(service).isEmpty();
            assertThat(verify.status()).as(service).isZero();
        }
    }

    @Test
    void everyUnitRatesAsWellHardenedBySystemd() throws Exception {
        assumeSystemdAnalyze();
        for (String service : SERVICES) {
            // An exposure of 2.0 or less out of 10: "OK" in systemd's own words (a unit with no hardening is 9.6).
            Result security = systemdAnalyze(
                    "security",
                    "--offline=true",
                    "--threshold=20",
                    UNITS.resolve(service).toString());

            assertThat(security.status()).as(service + ": " + security.output()).isZero();
        }
    }

    @Test
    void theExecutorHasOnlyTheCapabilityItsDemotionNeedsAndTheApiServerNone() throws IOException {
        Map<String, String> executor = settings("wasmcloud-executor.service");
        Map<String, String> api = settings("wasmcloud-api-server.service");

        assertThat(executor)
                .containsEntry("CapabilityBoundingSet", "CAP_SYS_NICE")
                .containsEntry("AmbientCapabilities", "CAP_SYS_NICE");
        assertThat(api).containsEntry("CapabilityBoundingSet", "").containsEntry("AmbientCapabilities", "");
        assertThat(settings("wasmcloud-nginx-readiness.service"))
                .containsEntry("CapabilityBoundingSet", "")
                .containsEntry("ProtectSystem", "strict")
                .containsEntry("ReadWritePaths", "/etc/nginx/conf.d");
        for (Map<String, String> unit : List.of(executor, api)) {
            assertThat(unit)
                    .containsEntry("User", "wasmcloud")
                    .containsEntry("NoNewPrivileges", "yes")
                    .containsEntry("ProtectSystem", "strict")
                    .containsEntry("PrivateTmp", "yes")
                    .containsEntry("Restart", "on-failure")
                    .containsKeys("LimitNOFILE", "EnvironmentFile", "StateDirectory");
        }
    }

    @Test
    void theExampleEnvironmentsHoldPlaceholdersForEverySecretAndNoValue() throws IOException {
        for (String file : List.of("api-server.env.example", "executor.env.example")) {
            for (String line : Files.readAllLines(UNITS.resolve(file))) {
                if (line.matches("[A-Z_]*(SECRET|PASSWORD)[A-Z_]*=.*")) {
                    assertThat(line.substring(line.indexOf('=') + 1))
                            .as(file + ": " + line)
                            .matches("<[^>]+>");
                }
            }
        }
    }

    /** The {@code [Service]} settings of a unit, by name; a repeated name keeps its last value. */
    private static Map<String, String> settings(String service) throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        boolean inService = false;
        for (String line : Files.readAllLines(UNITS.resolve(service))) {
            if (line.startsWith("[")) {
                inService = line.equals("[Service]");
            } else if (inService && !line.isBlank() && !line.startsWith("#")) {
                String[] setting = line.split("=", 2);
                settings.put(setting[0].strip(), setting.length > 1 ? setting[1].strip() : "");
            }
        }
        return settings;
    }

    private static void assumeSystemdAnalyze() {
        assumeThat(Files.isExecutable(SYSTEMD_ANALYZE))
                .as("systemd-analyze is not installed; skipping the systemd checks")
                .isTrue();
        // verify checks that ExecStart's program exists, and the units start /usr/bin/java.
        assumeThat(Files.isExecutable(Path.of("/usr/bin/java")))
                .as("no /usr/bin/java for the units' ExecStart")
                .isTrue();
    }

    private record Result(int status, String output) {}

    private static Result systemdAnalyze(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SYSTEMD_ANALYZE.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end within 20 s; it printed: " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
