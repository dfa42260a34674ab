package app.wasmcloud.executor.function;

import app.wasmcloud.executor.ExecutorProperties;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a function as served from the shared schema (read-only). Only a live function of an active owner with an
 * active version is found; anything else is simply absent, so the run domain reveals nothing about it.
 */
@Component
class FunctionRows {

    private static final String ACTIVE_FUNCTION = """
            SELECT f.id, f.name, f.visibility, f.timeout_ms, f.memory_pages,
                   v.id AS version_id, v.number, v.sha256, v.entrypoint
              FROM functions f
              JOIN function_versions v ON v.id = f.active_version_id
              JOIN users u ON u.id = f.owner_id
             WHERE f.name = :name AND f.deleted_at IS NULL AND u.status = 'active'
            """;

    private final JdbcClient jdbc;
    private final ExecutorProperties properties;

    FunctionRows(JdbcClient jdbc, ExecutorProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    Optional<ActiveFunction> find(String name) {
        return jdbc.sql(ACTIVE_FUNCTION)
                .param("name", name)
                .query((row, n) -> {
                    int timeoutMs = row.getInt("timeout_ms");
                    Duration timeout = row.wasNull() ? properties.defaultTimeout() : Duration.ofMillis(timeoutMs);
                    int pages = row.getInt("memory_pages");
                    int memoryPages = row.wasNull() ? properties.defaultMemoryPages() : pages;
                    long id = row.getLong("id");
                    return new ActiveFunction(
                            id,
                            row.getString("name"),
                            "public".equals(row.getString("visibility")),
                            row.getLong("version_id"),
                            row.getInt("number"),
                            row.getString("sha256"),
                            row.getString("entrypoint"),
                            min(timeout, properties.maxTimeout()),
                            Math.min(memoryPages, properties.maxMemoryPages()),
                            envOf(id));
                })
                .optional();
    }

    private Map<String, String> envOf(long functionId) {
        Map<String, String> env = new LinkedHashMap<>();
        jdbc.sql("SELECT key, value FROM function_env WHERE function_id = :id ORDER BY key")
                .param("id", functionId)
                .query(row -> {
                    env.put(row.getString("key"), row.getString("value"));
                });
        return Map.copyOf(env);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
