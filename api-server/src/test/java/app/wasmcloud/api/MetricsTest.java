package app.wasmcloud.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The Prometheus endpoint: what it counts, and who may read it. */
class MetricsTest extends ApiTestBase {

    HttpResponse<String> scrape(String forwardedFor, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/actuator/prometheus"));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sample's value, 0 when the series does not exist yet. */
    static double sample(String exposition, String name, String... labels) {
        return exposition
                .lines()
                .filter(line -> line.startsWith(name + "{"))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void prometheusCountsLoginsDeploysForwardedInvocationsAndTimesStorage() throws Exception {
        String before = scrape(null, null).body();

        String token = devToken();
        send("POST", "/api/cli/tokens", null, "{\"code\":\"" + "A".repeat(43) + "\",\"name\":\"cli\"}");
        String name = deployHello(token, "metrics");
        upload("/api/functions/" + name + "/versions", token, "bad.wasm", new byte[] {0, 1, 2});
        EXECUTOR.stubFor(post(urlPathEqualTo("/internal/functions/" + name + "/invoke"))
                .willReturn(aResponse().withStatus(201).withBody("made")));
        HttpResponse<String> invoked = send("POST", "/api/functions/" + name + "/invoke", token, null);
        HttpResponse<String> response = scrape(null, null);
        String after = response.body();

        assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(201);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(delta(before, after, "wasmcloud_logins_total", "method=\"dev\"", "result=\"success\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "wasmcloud_logins_total", "method=\"cli\"", "result=\"failed\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "wasmcloud_deploys_total", "result=\"success\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "wasmcloud_deploys_total", "result=\"invalid\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "wasmcloud_invocations_forwarded_total", "status=\"2xx\""))
                .isEqualTo(1);
        assertThat(delta(before, after, "wasmcloud_storage_seconds_count", "operation=\"put\"", "outcome=\"success\""))
                .isEqualTo(1);
    }

    static double delta(String before, String after, String name, String... labels) {
        return sample(after, name, labels) - sample(before, name, labels);
    }

    @Test
    void aClientFromOutsideTheScraperNetworksNeedsAnAdminToken() throws Exception {
        String publicClient = "203.0.113.9";

        HttpResponse<String> anonymous = scrape(publicClient, null);
        HttpResponse<String> user = scrape(publicClient, userToken(uniqueName("peeker")));
        HttpResponse<String> admin = scrape(publicClient, devToken());
        HttpResponse<String> spoofed = scrape("10.0.0.5, " + publicClient, null);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(user.statusCode()).isEqualTo(403);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("wasmcloud_logins_total");
        assertThat(spoofed.statusCode()).isEqualTo(401);
    }
}
