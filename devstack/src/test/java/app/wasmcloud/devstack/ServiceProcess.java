package app.wasmcloud.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One api-server or executor started from its runnable jar, as production runs it, logging to a file. */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(150);

    final String name;
    final int port;
    final int managementPort;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, int managementPort, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /** Starts the jar with this environment plus its ports; {@link #awaitHealthy()} waits for it. */
    static ServiceProcess start(String name, Path jar, Path logs, Map<String, String> environment) throws IOException {
        int port = TestStack.freePort();
        int managementPort = TestStack.freePort();
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xmx384m",
                        "-jar",
                        jar.toString())
                .directory(logs.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
        // nginx in front of these services runs on loopback too.
        builder.environment().putIfAbsent("SERVER_TOMCAT_REMOTEIP_INTERNALPROXIES", "127.0.0.0/8,::1/128");
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
        return new ServiceProcess(name, port, managementPort, log, builder.start());
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    String management(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    ServiceProcess awaitHealthy() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + Files.readString(log));
            }
            try {
                int status = http.send(
                                HttpRequest.newBuilder(URI.create(management("/actuator/health/readiness")))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                name + " did not become ready within " + STARTUP + ": " + Files.readString(log));
    }

    /** SIGKILL: the process ends at once, with whatever guests it was running, as when a machine dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
