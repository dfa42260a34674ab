package app.wasmcloud.api.function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells every executor that a function's serving state changed, so it drops its cached copy. PostgreSQL delivers a
 * {@code NOTIFY} only when the transaction commits, so executors never reload a change that was rolled back; that is
 * why this must run inside the transaction that makes the change.
 */
@Component
public class FunctionNotifier {

    /** The channel executors {@code LISTEN} on; the payload is the function's name. */
    public static final String CHANNEL = "wasmcloud_functions";

    private final JdbcClient jdbc;

    FunctionNotifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(String functionName) {
        jdbc.sql("SELECT pg_notify(:channel, :name)")
                .param("channel", CHANNEL)
                .param("name", functionName)
                .query()
                .listOfRows();
    }
}
