package app.wasmcloud.executor.function;

import app.wasmcloud.contract.RecordMode;
import app.wasmcloud.contract.SecretCipher;
import app.wasmcloud.contract.SecretsProperties;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a function as served from the shared schema (read-only). Only a live function of an active owner with an
 * active version is found; anything else is simply absent, so the run domain reveals nothing about it.
 */
@Component
class FunctionRows {

    private static final Logger log = LoggerFactory.getLogger(FunctionRows.class);

    private static final String ACTIVE_FUNCTION = """
            SELECT f.id, f.owner_id, f.name, f.visibility, f.effective_timeout_ms, f.effective_memory_pages,
                   f.egress_allow_list, f.record,
                   v.id AS version_id, v.number, v.sha256, v.entrypoint, %s
              FROM functions f
              JOIN function_versions v ON v.id = f.active_version_id
              JOIN users u ON u.id = f.owner_id
             WHERE f.name = :name AND f.deleted_at IS NULL AND u.status = 'active'
            """.formatted(OwnerQuotas.COLUMNS);

    private final JdbcClient jdbc;
    private final EgressProperties properties;
    private final SecretCipher secrets;

    FunctionRows(JdbcClient jdbc, EgressProperties properties, SecretsProperties secrets) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.secrets = secrets.cipher();
        if (properties.egressAllowPrivateAddresses()) {
            log.warn("wasmcloud.executor.egress-allow-private-addresses is on: functions may reach loopback, private"
                    + " and cloud metadata addresses. Never use this in production.");
        }
    }

    Optional<ActiveFunction> find(String name) {
        return jdbc.sql(ACTIVE_FUNCTION)
                .param("name", name)
                .query((row, n) -> {
                    long id = row.getLong("id");
                    Map<String, String> env = new LinkedHashMap<>();
                    Set<String> secretNames = new HashSet<>();
                    readEnv(id, env, secretNames);
                    return new ActiveFunction(
                            id,
                            row.getLong("owner_id"),
                            row.getString("name"),
                            "public".equals(row.getString("visibility")),
                            row.getLong("version_id"),
                            row.getInt("number"),
                            row.getString("sha256"),
                            row.getString("entrypoint"),
                            // Written by the api-server: the owner's limits, else its defaults.
                            Duration.ofMillis(row.getInt("effective_timeout_ms")),
                            row.getInt("effective_memory_pages"),
                            Map.copyOf(env),
                            egress(row.getArray("egress_allow_list")),
                            RecordMode.parse(row.getString("record")).orElse(RecordMode.OFF),
                            secretNames,
                            OwnerQuotas.read(row));
                })
                .optional();
    }

    private void readEnv(long functionId, Map<String, String> env, Set<String> secretNames) {
        jdbc.sql("SELECT key, value, key_id, secret FROM function_env WHERE function_id = :id ORDER BY key")
                .param("id", functionId)
                .query(row -> {
                    String key = row.getString("key");
                    String keyId = row.getString("key_id");
                    if (row.getBoolean("secret")) {
                        secretNames.add(key);
                    }
                    // A sealed secret opens here, just before it is handed to the function; a missing key fails the
                    // lookup (the function answers 503) rather than run it with a value it cannot read.
                    env.put(
                            key,
                            keyId == null
                                    ? row.getString("value")
                                    : secrets.open(functionId, key, keyId, row.getString("value")));
                });
    }

    private EgressPolicy egress(Array allowList) throws SQLException {
        // The api-server writes the list normalised; the schema does not forbid repeats, so tolerate them.
        Set<String> hosts = Set.copyOf(Arrays.asList((String[]) allowList.getArray()));
        EgressPolicy allowing = EgressPolicy.allowing(hosts);
        if (!properties.egressAllowPrivateAddresses()) {
            return allowing;
        }
        return new EgressPolicy(
                allowing.allowedHosts(),
                true,
                allowing.maxRequests(),
                allowing.maxResponseBytes(),
                allowing.requestTimeout());
    }
}
