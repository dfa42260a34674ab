package app.wasmcloud.api.function;

import app.wasmcloud.contract.FunctionChanges;
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

    private final JdbcClient jdbc;

    FunctionNotifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(String functionName) {
        jdbc.sql("SELECT pg_notify(:channel, :name)")
                .param("channel", FunctionChanges.CHANNEL)
                .param("name", functionName)
                .query()
                .listOfRows();
    }
}
