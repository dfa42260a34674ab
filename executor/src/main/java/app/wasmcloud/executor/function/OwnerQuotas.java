package app.wasmcloud.executor.function;

import app.wasmcloud.contract.Tier;
import app.wasmcloud.contract.TierQuotas;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A function owner's tier and an admin's overrides of its quotas, as the {@code users} row holds them; the executor's
 * tier configuration turns them into run limits.
 */
public record OwnerQuotas(Tier tier, TierQuotas overrides) {

    /** The columns {@link #read} needs, from {@code users} under the alias {@code u}. */
    public static final String COLUMNS =
            "u.tier, u.quota_invocations_per_day, u.quota_cpu_seconds_per_day, u.quota_requests_per_second";

    /** From a row holding the {@link #COLUMNS}; an unknown tier is read as the most limited one. */
    public static OwnerQuotas read(ResultSet row) throws SQLException {
        Long cpuSeconds = (Long) row.getObject("quota_cpu_seconds_per_day");
        return new OwnerQuotas(
                Tier.parse(row.getString("tier")).orElse(Tier.EXAMPLES),
                new TierQuotas(
                        null,
                        (Long) row.getObject("quota_invocations_per_day"),
                        cpuSeconds == null ? null : Duration.ofSeconds(cpuSeconds),
                        (Integer) row.getObject("quota_requests_per_second")));
    }
}
