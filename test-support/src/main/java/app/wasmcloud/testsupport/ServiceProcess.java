package app.wasmcloud.testsupport;

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
public final class ServiceProcess implements AutoCloseable {

    // Generous: a jar starts slowly on a machine busy with other builds, and a missed deadline fails the whole class.
    private static final Duration STARTUP = Duration.ofSeconds(180);

    public final String name;
    public final int port;
    public final int managementPort;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, int managementPort, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the jar in {@code logs}, logging to {@code <name>.log} there, with this environment plus two free loopback
     * ports; {@link #awaitHealthy()} waits for it.
     */
    public static ServiceProcess start(String name, Path jar, Path logs, Map<String, String> environment)
            throws IOException {
        return start(name, jar, logs, environment, FreePort.pick(), FreePort.pick());
    }

    /** The same on these ports, for a caller that must name them before the service exists. */
    public static ServiceProcess start(
            String name, Path jar, Path logs, Map<String, String> environment, int port, int managementPort)
            throws IOException {
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

    public String address() {
        return "127.0.0.1:" + port;
    }

    public String management(String path) {
        return "http://127.0.0.1:" + managementPort + path;
    }

    /** Waits until the management port's readiness answers 200 over plain HTTP. */
    public ServiceProcess awaitHealthy() throws IOException, InterruptedException {
        return awaitHealthy(HttpClient.newHttpClient(), URI.create(management("/actuator/health/readiness")));
    }

    /**
     * Waits until {@code health} answers 200 through this client (one that trusts the service's certificate, say),
     * failing at once, with the log, if the process exits first.
     */
    public ServiceProcess awaitHealthy(HttpClient http, URI health) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + Files.readString(log));
            }
            try {
                int status = http.send(
                                HttpRequest.newBuilder(health)
                                        .timeout(Duration.ofSeconds(2))
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
    public void kill() throws InterruptedException {
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
