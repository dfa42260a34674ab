package app.wasmcloud.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL that can be stopped and started again as the same database, to play an outage: one port and
 * one data directory for its whole life, so whatever connected before finds it at the same address afterwards. An
 * outage test takes its own, since stopping a module's shared test database would break the classes using it.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path data;
    private final int port = FreePort.pick();
    private EmbeddedPostgres running;

    /** Not started yet; its data directory is a new temporary one named with this prefix. */
    public RestartablePostgres(String prefix) {
        try {
            data = Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts it unless it is running: empty the first time, the same database as before every later time. */
    public synchronized EmbeddedPostgres start() {
        if (running == null) {
            try {
                running = EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
        return running;
    }

    /** The instance now running, for its data sources. */
    public synchronized EmbeddedPostgres running() {
        if (running == null) {
            throw new IllegalStateException("the database on port " + port + " is stopped");
        }
        return running;
    }

    /** Stops it, as an outage would; {@link #start()} brings it back. */
    public synchronized void stop() {
        if (running != null) {
            try {
                running.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
            } finally {
                running = null;
            }
        }
    }

    /** The {@code postgres} database as user {@code postgres}: the same whether it is running or not. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}
