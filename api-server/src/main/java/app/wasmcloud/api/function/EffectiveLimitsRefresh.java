package app.wasmcloud.api.function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rewrites the effective limits of functions that follow a default, when the operator has changed that default since
 * they were written, and tells the executors. The api-server owns the defaults; executors only read the rows.
 */
@Component
public class EffectiveLimitsRefresh {

    private static final Logger log = LoggerFactory.getLogger(EffectiveLimitsRefresh.class);

    private final JdbcClient jdbc;
    private final FunctionProperties properties;
    private final FunctionNotifier notifier;

    EffectiveLimitsRefresh(JdbcClient jdbc, FunctionProperties properties, FunctionNotifier notifier) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.notifier = notifier;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void refresh() {
        var changed = jdbc.sql("""
                        UPDATE functions
                           SET effective_timeout_ms = COALESCE(timeout_ms, :timeout),
                               effective_memory_pages = COALESCE(memory_pages, :pages)
                         WHERE effective_timeout_ms <> COALESCE(timeout_ms, :timeout)
                            OR effective_memory_pages <> COALESCE(memory_pages, :pages)
                        RETURNING name
                        """)
                .param("timeout", (int) properties.defaultTimeout().toMillis())
                .param("pages", properties.defaultMemoryPages())
                .query(String.class)
                .list();
        changed.forEach(notifier::changed);
        if (!changed.isEmpty()) {
            log.info("Gave {} functions the current default limits", changed.size());
        }
    }
}
