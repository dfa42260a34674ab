package app.wasmcloud.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The panel in Debian's Chromium against the real dev stack (api-server, executor, embedded PostgreSQL, the dev
 * panel server in front): this class starts the stack and runs the panel's Playwright scenario
 * ({@code panel/test/e2e}) with npm, which signs in with the dev button and does everything the panel offers.
 * Besides the dev admin, the scenario needs an ordinary user and a pending one, whom only Gitea could create; they
 * are written here as Gitea's login would write them, with the session cookie the api-server would have set.
 */
class PanelInBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("wasmcloud.chromium", "/usr/bin/chromium"));
    static final Path PANEL = TestStack.ROOT.resolve("panel");

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void thePanelDoesEverythingInChromiumAgainstTheRealStack() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium)");
        assumeTrue(Files.isDirectory(PANEL.resolve("node_modules")), "the panel's npm packages are not installed");
        DevStack stack = TestStack.get();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        byte[] key = Base64.getDecoder().decode(jwtSecret(stack));
        String userSession = session(key, insertUser(stack, "member-" + suffix, "active"));
        String pendingSession = session(key, insertUser(stack, "newcomer-" + suffix, "pending"));
        Path log = stack.config().dataDirectory().resolve("logs/panel-e2e.log");

        ProcessBuilder npm = new ProcessBuilder("npm", "run", "test:e2e")
                .directory(PANEL.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        npm.environment().put("PANEL_URL", stack.config().panelUrl());
        npm.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
        npm.environment()
                .put(
                        "HELLO_WASM",
                        TestStack.ROOT.resolve("examples/hello/hello.wasm").toString());
        npm.environment().put("USER_SESSION", userSession);
        npm.environment().put("PENDING_SESSION", pendingSession);
        Process run = npm.start();
        boolean finished = run.waitFor(4, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println(output);

        assertThat(finished).as("the browser scenario finished in time").isTrue();
        assertThat(run.exitValue()).as(output).isZero();
    }

    private static String jwtSecret(DevStack stack) throws IOException {
        Properties secrets = new Properties();
        try (Reader reader =
                Files.newBufferedReader(stack.config().dataDirectory().resolve("secrets.properties"))) {
            secrets.load(reader);
        }
        return secrets.getProperty("jwt-secret");
    }

    private static long insertUser(DevStack stack, String login, String status) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + stack.config().postgresPort() + "/wasmcloud";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO users (gitea_id, login, role, status) VALUES (?, ?, 'user', ?) RETURNING id")) {
            insert.setLong(1, Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
            insert.setString(2, login);
            insert.setString(3, status);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The cookie pair the api-server's BrowserSessions sets: a signed session JWT and its CSRF value. */
    private static String session(byte[] key, long userId) throws GeneralSecurityException {
        String xsrf = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        String header = base64Url("{\"alg\":\"HS256\"}");
        String claims = base64Url("{\"sub\":\"" + userId + "\",\"iss\":\"wasmcloud\",\"aud\":\"wasmcloud-session\","
                + "\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"xsrf\":\"" + xsrf + "\"}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String signature = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
        return header + "." + claims + "." + signature + " " + xsrf;
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
