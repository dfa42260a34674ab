package app.wasmcloud.api.tier;

import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.Tier;
import app.wasmcloud.contract.TierQuotas;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads an account's tier for the features that enforce it (deploys, function creation) without them depending on
 * the user feature, which depends on them.
 */
@Component
public class AccountTiers {

    private final JdbcClient jdbc;
    private final TierProperties properties;

    AccountTiers(JdbcClient jdbc, TierProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public AccountTier of(long userId) {
        return jdbc.sql("""
                        SELECT tier, quota_functions, quota_invocations_per_day, quota_cpu_seconds_per_day,
                               quota_requests_per_second
                        FROM users WHERE id = :id""")
                .param("id", userId)
                .query((rs, row) -> {
                    Tier tier = Tier.parse(rs.getString("tier")).orElseThrow();
                    Long cpuSeconds = (Long) rs.getObject("quota_cpu_seconds_per_day");
                    TierQuotas overrides = new TierQuotas(
                            (Integer) rs.getObject("quota_functions"),
                            (Long) rs.getObject("quota_invocations_per_day"),
                            cpuSeconds == null ? null : Duration.ofSeconds(cpuSeconds),
                            (Integer) rs.getObject("quota_requests_per_second"));
                    return new AccountTier(tier, properties.quotasOf(tier).overriddenBy(overrides), overrides);
                })
                .optional()
                .orElseThrow(() -> ApiException.notFound("No such user."));
    }
}
