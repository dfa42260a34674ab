package app.wasmcloud.executor.quota;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.contract.InvocationOutcome;
import app.wasmcloud.contract.RecordMode;
import app.wasmcloud.contract.Tier;
import app.wasmcloud.contract.TierQuotas;
import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.executor.function.OwnerQuotas;
import app.wasmcloud.runtime.cgi.CgiReply;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import app.wasmcloud.testsupport.FreePort;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An owner's first request on an executor is decided from what came with the function's row: the quotas ask the
 * database nothing on the request path, so a database that is down or slow holds up no one's first request.
 */
@Timeout(30)
class QuotasFirstSightTest {

    @Test
    void anOwnersFirstRequestIsDecidedWithoutTheDatabase() {
        Quotas quotas = new Quotas(
                new QuotaProperties(true, Duration.ofSeconds(1), Duration.ofSeconds(5)),
                new QuotaCounters(JdbcClient.create(unreachableDatabase()), new TierQuotaProperties(null, null, null)),
                Clock.systemUTC());
        ActiveFunction overQuota = function(7, new TierQuotas(null, 0L, null, null));
        ActiveFunction withinQuota = function(8, TierQuotas.NONE);

        Optional<CgiReply> refused = quotas.admit(overQuota, "inv-1");
        Optional<CgiReply> admitted = quotas.admit(withinQuota, "inv-2");

        assertThat(refused).hasValueSatisfying(reply -> {
            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.outcome()).isEqualTo(InvocationOutcome.QUOTA_EXCEEDED);
        });
        assertThat(admitted).isEmpty();
        assertThat(quotas.accounts().get(8L).invocations()).isEqualTo(1);
    }

    /** A PostgreSQL URL on a port nothing listens on: every query would fail. */
    private static DriverManagerDataSource unreachableDatabase() {
        return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + FreePort.pick() + "/none", "none", "none");
    }

    private static ActiveFunction function(long owner, TierQuotas overrides) {
        return new ActiveFunction(
                owner * 10,
                owner,
                "fn-" + owner,
                true,
                1,
                1,
                "0".repeat(64),
                "_start",
                Duration.ofSeconds(1),
                16,
                Map.of(),
                EgressPolicy.denyAll(),
                RecordMode.OFF,
                Set.of(),
                new OwnerQuotas(Tier.FREE, overrides));
    }
}
