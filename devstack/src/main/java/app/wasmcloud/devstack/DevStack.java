package app.wasmcloud.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform on one machine: embedded PostgreSQL (files kept in the data directory), the api-server and the
 * executor as child processes on loopback, the panel's static files, and a dev login that hands out an admin token.
 */
public final class DevStack implements AutoCloseable {

    /** One of the stack's ports is in use; the message names it and the flag that moves it. */
    public static final class PortTakenException extends IllegalStateException {
        PortTakenException(String message) {
            super(message);
        }
    }

    private static final String DATABASE = "wasmcloud";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);

    private final DevStackConfig config;
    private final List<Process> services = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private EmbeddedPostgres postgres;
    private PanelServer panel;
    private String token;

    private DevStack(DevStackConfig config) {
        this.config = config;
    }

    /** Starts everything and returns once both services answer their health checks. */
    public static DevStack start(DevStackConfig config) throws IOException, InterruptedException {
        DevStack stack = new DevStack(config);
        try {
            stack.startAll();
            return stack;
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public DevStackConfig config() {
        return config;
    }

    /** An admin API token for the local user {@code dev}. */
    public String token() {
        return token;
    }

    private void startAll() throws IOException, InterruptedException {
        requireBuilt(config.apiServerJar());
        requireBuilt(config.executorJar());
        requireFreePorts();
        Path data = config.dataDirectory().toAbsolutePath();
        keepPreviousLogs(data.resolve("logs"));
        DevSecrets secrets = DevSecrets.loadOrCreate(data.resolve("secrets.properties"));

        postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPort(config.postgresPort())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        createDatabaseIfMissing();
        String jdbcUrl = postgres.getJdbcUrl("postgres", DATABASE);

        Map<String, String> common = new LinkedHashMap<>();
        common.put("SPRING_DATASOURCE_URL", jdbcUrl);
        common.put("SPRING_DATASOURCE_USERNAME", "postgres");
        common.put("SPRING_DATASOURCE_PASSWORD", "postgres");
        common.put("SERVER_ADDRESS", "127.0.0.1");
        // The panel server forwards to both services from loopback; in production nothing is trusted by default.
        common.put("SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES", "127.0.0.0/8,::1/128");
        common.put("WASMCLOUD_EXECUTOR_SERVICE_TOKEN_SECRET", secrets.serviceTokenSecret());
        // The api-server seals secret variables with it, the executor opens them.
        common.put("WASMCLOUD_SECRETS_KEY_ID", "dev");
        common.put("WASMCLOUD_SECRETS_KEY", secrets.secretsKey());

        Map<String, String> api = new LinkedHashMap<>(common);
        api.put("SERVER_PORT", Integer.toString(config.apiPort()));
        api.put("WASMCLOUD_AUTH_JWT_SECRET", secrets.jwtSecret());
        api.put("WASMCLOUD_AUTH_DEV_LOGIN", "true");
        api.put(
                "WASMCLOUD_AUTH_CORS_ALLOWED_ORIGINS",
                "http://localhost:" + config.panelPort() + ",http://127.0.0.1:" + config.panelPort());
        api.put("WASMCLOUD_STORAGE_FILESYSTEM_ROOT", data.toString());
        api.put("WASMCLOUD_EXECUTOR_BASE_URL", "http://127.0.0.1:" + config.executorPort());
        api.put("WASMCLOUD_FUNCTIONS_RUN_BASE_URL", config.runUrl());
        // The api-server owns the schema: it migrates before the executor reads it.
        launch("api-server", config.apiServerJar(), api);
        awaitHealthy("api-server", "http://127.0.0.1:" + config.apiPort() + "/actuator/health");

        Map<String, String> executor = new LinkedHashMap<>(common);
        executor.put("SERVER_PORT", Integer.toString(config.executorPort()));
        executor.put("MANAGEMENT_SERVER_PORT", Integer.toString(config.executorManagementPort()));
        executor.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        executor.put("WASMCLOUD_EXECUTOR_MODULE_STORE_ROOT", data.toString());
        executor.put("WASMCLOUD_EXECUTOR_RUN_DOMAIN", config.runDomain());
        launch("executor", config.executorJar(), executor);
        awaitHealthy("executor", "http://127.0.0.1:" + config.executorManagementPort() + "/actuator/health");

        token = devToken();
        servePanel();
    }

    /** Refuses to start, naming the flag that moves it, when any port is in use, before anything is started. */
    private void requireFreePorts() {
        for (DevPort port : DevPort.values()) {
            int number = port.of(config);
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress("127.0.0.1", number));
            } catch (IOException taken) {
                throw new PortTakenException("port %d (%s) is already taken; choose another with %s PORT or %s=PORT"
                        .formatted(number, port.purpose, port.flag, port.environmentVariable));
            }
        }
    }

    /** The previous start's logs go to {@code logs/previous/}, so a crash can still be read after restarting. */
    private static void keepPreviousLogs(Path logs) throws IOException {
        Path previous = logs.resolve("previous");
        Files.createDirectories(previous);
        try (Stream<Path> old = Files.list(previous)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        try (Stream<Path> last = Files.list(logs)) {
            for (Path file : last.filter(Files::isRegularFile).toList()) {
                Files.move(file, previous.resolve(file.getFileName()));
            }
        }
    }

    private static void requireBuilt(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build first with ./mvnw -DskipTests package (or run ./dev)");
        }
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet found =
                    statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (found.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("cannot create the " + DATABASE + " database", e);
        }
    }

    private void launch(String name, Path jar, Map<String, String> environment) throws IOException {
        Path log = config.dataDirectory().toAbsolutePath().resolve("logs").resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .directory(config.repositoryRoot().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        services.add(builder.start());
    }

    private void awaitHealthy(String name, String url) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        Process process = services.getLast();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue() + "; see "
                        + config.dataDirectory().resolve("logs").resolve(name + ".log"));
            }
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy within " + STARTUP_TIMEOUT);
    }

    private String devToken() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.apiPort() + "/api/dev/token"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the dev login failed: " + response.statusCode() + " " + response.body());
        }
        ObjectMapper json = JsonMapper.builder().build();
        JsonNode body = json.readTree(response.body());
        return body.get("token").asString();
    }

    /** The panel and the documentation from their build folders, on the same origin as the API (see PanelServer). */
    private void servePanel() throws IOException {
        panel = PanelServer.start(
                config.panelPort(),
                URI.create("http://127.0.0.1:" + config.apiPort()),
                config.panelDirectory().toAbsolutePath(),
                config.docsDirectory().toAbsolutePath());
    }

    @Override
    public void close() {
        if (panel != null) {
            panel.close();
        }
        for (Process process : services.reversed()) {
            process.destroy();
        }
        for (Process process : services.reversed()) {
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        services.clear();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("Stopping PostgreSQL failed: " + e.getMessage());
            }
        }
    }
}
