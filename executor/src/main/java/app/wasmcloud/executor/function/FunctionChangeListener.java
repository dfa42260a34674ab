package app.wasmcloud.executor.function;

import app.wasmcloud.contract.FunctionChanges;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link FunctionDirectory} coherent across executors: the api-server runs
 * {@code SELECT pg_notify('wasmcloud_functions', <name>)} after every committed change that affects serving, and this
 * listens on its own connection (outside the pool, which must not lose a connection to a listener), evicts that
 * name and warms the function up again in the background. After a reconnect the whole cache is dropped, since
 * notifications sent while disconnected are lost.
 */
@Component
class FunctionChangeListener implements SmartLifecycle {

    private static final String CHANNEL = FunctionChanges.CHANNEL;
    static final String APPLICATION_NAME = "wasmcloud-executor-listener";

    private static final Logger log = LoggerFactory.getLogger(FunctionChangeListener.class);
    private static final int POLL_MILLIS = 500;
    /** A quiet connection is probed this often, so a silently dead one is noticed. */
    private static final long PROBE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final DataSourceProperties database;
    private final FunctionDirectory directory;
    private final ApplicationEventPublisher events;
    private final boolean warmUp;
    private final ThreadPoolExecutor warmUps;
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection connection;

    FunctionChangeListener(
            DataSourceProperties database,
            FunctionDirectory directory,
            ApplicationEventPublisher events,
            FunctionCacheProperties properties) {
        this.database = database;
        this.directory = directory;
        this.events = events;
        this.warmUp = properties.warmUpOnNotify();
        // One warm-up at a time, off the listener thread; past the queue a change is warmed by its first request.
        this.warmUps = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(1_000),
                task -> Thread.ofPlatform().name("function-warm-up").daemon().unstarted(task),
                new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Whether notifications are being received right now. */
    boolean isListening() {
        return connection != null;
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().name("function-changes").daemon().start(this::listenUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly(connection);
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        warmUps.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listenUntilStopped() {
        long backoffMillis = 100;
        while (running) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                // Only now, with LISTEN in place, is it safe to forget: nothing from here on can be missed.
                directory.clear();
                log.info("Listening for function changes on channel {}", CHANNEL);
                backoffMillis = 100;
                receive(listening);
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("Function change notifications interrupted, reconnecting: {}", e.getMessage());
            } finally {
                connection = null;
            }
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException e) {
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
        }
    }

    private void receive(Connection listening) throws SQLException {
        PGConnection postgres = listening.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
            long now = System.nanoTime();
            if (notifications != null && notifications.length > 0) {
                lastHeard = now;
                for (PGNotification notification : notifications) {
                    changed(notification.getParameter());
                }
            } else if (now - lastHeard > PROBE_INTERVAL_NANOS) {
                try (Statement probe = listening.createStatement()) {
                    probe.execute("SELECT 1");
                }
                lastHeard = now;
            }
        }
    }

    private void changed(String name) {
        directory.evict(name);
        if (warmUp) {
            warmUps.execute(() -> warmUp(name));
        }
    }

    private void warmUp(String name) {
        try {
            // Through the directory, so the lookup is cached for the first request too.
            directory.find(name).ifPresent(function -> events.publishEvent(new ActiveFunctionChanged(function)));
        } catch (RuntimeException e) {
            log.warn("Warming up function {} failed; its first request will load it: {}", name, e.getMessage());
        }
    }

    private Connection connect() throws SQLException {
        Properties connectionProperties = new Properties();
        connectionProperties.setProperty("user", database.determineUsername());
        String password = database.determinePassword();
        if (password != null) {
            connectionProperties.setProperty("password", password);
        }
        connectionProperties.setProperty("ApplicationName", APPLICATION_NAME);
        connectionProperties.setProperty("tcpKeepAlive", "true");
        // Seconds, as for the pool: a reconnect attempt during an outage must not hang the listener.
        connectionProperties.setProperty("connectTimeout", "1");
        connectionProperties.setProperty("loginTimeout", "2");
        return DriverManager.getConnection(database.determineUrl(), connectionProperties);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing is how the listener is woken to stop; a failure here changes nothing.
        }
    }
}
