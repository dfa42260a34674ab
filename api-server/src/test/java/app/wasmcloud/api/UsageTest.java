package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.invocation.InvocationRetention;
import app.wasmcloud.api.usage.UsageRollup;
import app.wasmcloud.contract.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Metering: usage per user and UTC day, rolled up from the invocation records and kept after they are pruned. */
class UsageTest extends ApiTestBase {

    @Autowired
    UsageRollup rollup;

    @Autowired
    InvocationRetention retention;

    @Test
    void theUsageFiguresMatchTheInvocationRecordsExactlyAndRefusalsAreNotBilled() throws Exception {
        String login = uniqueName("metered");
        String token = tierToken(login, Tier.FREE);
        long first = functionId(deployHello(token, "meter-a"));
        long second = functionId(deployHello(token, "meter-b"));
        Instant now = Instant.now();
        // A known sequence over two functions: the figures below are summed by hand, not by the query under test.
        record(first, now, "ok", 1_200, 10, 100, 0);
        record(first, now, "ok", 800, 20, 200, 2);
        record(second, now, "trap", 3_000, 0, 30, 1);
        record(second, now, "nonzero_exit", 500, 5, 50, 0);
        record(first, now, "quota_exceeded", 0, 1_000, 80, 0);
        record(second, now, "throttled", 0, 1_000, 80, 0);
        rollup.rollUpRecent();
        rollup.rollUpRecent();

        JsonNode usage = body(get("/api/account/usage", token));

        JsonNode today = usage.get("days").get(0);
        assertThat(usage.get("days")).hasSize(1);
        assertThat(today.get("day").asString())
                .isEqualTo(LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
        assertThat(today.get("invocations").asLong()).isEqualTo(4);
        assertThat(today.get("cpuTimeUs").asLong()).isEqualTo(1_200 + 800 + 3_000 + 500);
        assertThat(today.get("bytesIn").asLong()).isEqualTo(35);
        assertThat(today.get("bytesOut").asLong()).isEqualTo(380);
        assertThat(today.get("outboundRequests").asLong()).isEqualTo(3);
        assertThat(today.get("refused").asLong()).isEqualTo(2);
        // And the same figures straight from the records, as an owner would add up `wasmcloud logs`.
        Map<String, Object> fromRecords = jdbc.sql("""
                        SELECT count(*) AS invocations, sum(cpu_time_us) AS cpu, sum(bytes_in) AS bytes_in
                        FROM invocations WHERE function_id IN (:first, :second)
                          AND outcome NOT IN ('throttled', 'overloaded', 'unavailable', 'quota_exceeded')""")
                .param("first", first)
                .param("second", second)
                .query()
                .singleRow();
        assertThat(today.get("invocations").asLong()).isEqualTo(((Number) fromRecords.get("invocations")).longValue());
        assertThat(today.get("cpuTimeUs").asLong()).isEqualTo(((Number) fromRecords.get("cpu")).longValue());
        assertThat(today.get("bytesIn").asLong()).isEqualTo(((Number) fromRecords.get("bytes_in")).longValue());
    }

    @Test
    void usageOutlivesTheRecordsItWasRolledUpFrom() throws Exception {
        String login = uniqueName("old");
        String token = tierToken(login, Tier.FREE);
        long function = functionId(deployHello(token, "meter-old"));
        Instant longAgo = Instant.now()
                .minus(20, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.DAYS)
                .plus(1, ChronoUnit.HOURS);
        record(function, longAgo, "ok", 7_000, 1, 2, 0);
        record(function, longAgo.plus(1, ChronoUnit.HOURS), "timeout", 9_000, 3, 4, 0);

        retention.prune();
        // Rolling up again after the records are gone must not lower what was counted.
        rollup.rollUp(LocalDate.ofInstant(longAgo, ZoneOffset.UTC), LocalDate.ofInstant(longAgo, ZoneOffset.UTC));
        JsonNode usage = body(get("/api/account/usage?since=" + LocalDate.ofInstant(longAgo, ZoneOffset.UTC), token));
        JsonNode asAdmin = body(get(
                "/api/admin/users/" + login + "/usage?since=" + LocalDate.ofInstant(longAgo, ZoneOffset.UTC),
                devToken()));

        assertThat(jdbc.sql("SELECT count(*) FROM invocations WHERE function_id = :f")
                        .param("f", function)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(usage.get("days")).hasSize(1);
        assertThat(usage.get("days").get(0).get("invocations").asLong()).isEqualTo(2);
        assertThat(usage.get("days").get(0).get("cpuTimeUs").asLong()).isEqualTo(16_000);
        assertThat(asAdmin.get("days")).isEqualTo(usage.get("days"));
    }

    @Test
    void aBadSinceIsRefusedWithWhatToWrite() throws Exception {
        var response = get("/api/account/usage?since=yesterday", tierToken(uniqueName("typo"), Tier.FREE));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("detail").asString()).contains("YYYY-MM-DD");
    }

    private long functionId(String name) {
        return jdbc.sql("SELECT id FROM functions WHERE name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
    }

    /** One record as an executor writes it. */
    private void record(
            long function, Instant startedAt, String outcome, long cpuUs, long bytesIn, long bytesOut, int outbound) {
        jdbc.sql("""
                        INSERT INTO invocations (id, function_id, source, started_at, wall_time_us, cpu_time_us,
                            http_status, outcome, bytes_in, bytes_out, peak_memory_pages, host_calls)
                        VALUES (:id, :function, 'run', :started, :cpu, :cpu, 200, :outcome, :in, :out, 1,
                            CAST(:hostCalls AS jsonb))""")
                .param("id", UUID.randomUUID())
                .param("function", function)
                .param("started", OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC))
                .param("cpu", cpuUs)
                .param("outcome", outcome)
                .param("in", bytesIn)
                .param("out", bytesOut)
                .param("hostCalls", outbound == 0 ? "{\"log_write\": 1}" : "{\"http_request\": " + outbound + "}")
                .update();
    }
}
