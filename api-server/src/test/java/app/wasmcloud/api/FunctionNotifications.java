package app.wasmcloud.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** Listens on the executors' channel from its own connection, as an executor does, and keeps what arrives. */
final class FunctionNotifications implements AutoCloseable {

    private final Connection connection;
    private final List<String> received = new ArrayList<>();

    FunctionNotifications() throws SQLException {
        connection = DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "postgres");
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN wasmcloud_functions");
        }
    }

    /** Every payload received so far, waiting up to the timeout for at least one naming the function. */
    List<String> awaitFor(String function, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!received.contains(function) && System.nanoTime() < deadline) {
            poll((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        return received.stream().filter(function::equals).toList();
    }

    /** The payloads naming the function, after giving a stray notification a moment to arrive. */
    List<String> settledFor(String function) throws SQLException {
        poll(300);
        return received.stream().filter(function::equals).toList();
    }

    private void poll(int millis) throws SQLException {
        PGNotification[] notifications = connection.unwrap(PGConnection.class).getNotifications(millis);
        if (notifications != null) {
            for (PGNotification notification : notifications) {
                received.add(notification.getParameter());
            }
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
