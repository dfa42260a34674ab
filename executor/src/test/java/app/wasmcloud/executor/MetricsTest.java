package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Metrics and health on the management port, with labels that stay bounded whatever the traffic. */
class MetricsTest extends ExecutorTest {

    @Test
    void prometheusShowsInvocationsByOutcomeLatencyCachesAndRecordsWithoutFunctionNames() throws Exception {
        String name = deploy("hello");
        HttpResponse<String> invoked = get("/" + name + "/");
        recordOf(invoked);

        HttpResponse<String> scrape = management("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("wasmcloud_invocations_total{outcome=\"ok\",source=\"run\"}")
                .contains("wasmcloud_invocations_total{outcome=\"throttled\",source=\"run\"}")
                .contains("wasmcloud_invocation_duration_seconds_bucket{le=")
                .contains("wasmcloud_invocations_in_flight ")
                .contains("wasmcloud_pool_slots 2.0")
                .contains("wasmcloud_pool_waiting ")
                .contains("wasmcloud_functions_cache_total{result=\"miss\"}")
                .contains("wasmcloud_modules_cache_total{result=\"hit\"}")
                .contains("wasmcloud_modules_evictions_total ")
                .contains("wasmcloud_modules_compile_seconds_count ")
                .contains("wasmcloud_invocation_records_total{result=\"written\"}")
                .contains("wasmcloud_invocation_records_total{result=\"dropped\"}")
                .doesNotContain(name);
    }

    @Test
    void healthIsUpAndCoversTheDatabaseAndThePool() {
        HttpResponse<String> health = management("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .endsWith("\"status\":\"UP\"}")
                .contains("\"db\":{\"status\":\"UP\"")
                .contains("\"pool\":{\"status\":\"UP\"");
    }

    @Test
    void readinessCoversTheDatabaseAndThePoolWhileLivenessLooksOnlyAtTheProcess() {
        HttpResponse<String> readiness = management("/actuator/health/readiness");
        HttpResponse<String> liveness = management("/actuator/health/liveness");

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body())
                .contains("\"db\":{\"status\":\"UP\"")
                .contains("\"pool\":{\"status\":\"UP\"")
                .contains("\"readinessState\":{\"status\":\"UP\"");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body())
                .contains("livenessState")
                .doesNotContain("\"db\"")
                .doesNotContain("\"pool\"");
    }

    private HttpResponse<String> management(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort() + path))
                .build());
    }
}
