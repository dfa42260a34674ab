package app.wasmcloud.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What crosses the API on an invocation: never the caller's credentials, and a list of the function's own headers. */
class InvokeHeadersTest extends ApiTestBase {

    @Test
    void aBrowserSessionsCookiesAndCsrfValueNeverReachTheFunction() throws Exception {
        String name = deployHello(devToken(), "strip");
        EXECUTOR.stubFor(post(urlPathEqualTo("/internal/functions/" + name + "/invoke"))
                .willReturn(aResponse()
                        .withHeader("X-Wasmcloud-Invocation-Id", "0190a4e2-0000-7000-8000-000000000001")
                        .withHeader("Content-Type", "text/plain")
                        .withHeader("X-Greeting", "hello")
                        .withBody("hi")));
        HttpResponse<String> login = send("POST", "/api/dev/session", null, null);
        Map<String, String> cookies = login.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')).split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));

        HttpResponse<String> invoked = http.send(
                HttpRequest.newBuilder(uri("/api/functions/" + name + "/invoke"))
                        .header(
                                "Cookie",
                                "wasmcloud_session=" + cookies.get("wasmcloud_session") + "; XSRF-TOKEN="
                                        + cookies.get("XSRF-TOKEN"))
                        .header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"))
                        .header("X-Wasmcloud-Method", "GET")
                        .header("X-Wasmcloud-Path", "/")
                        .header("X-Custom", "kept")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(200);
        List<LoggedRequest> forwarded =
                EXECUTOR.findAll(postRequestedFor(urlPathEqualTo("/internal/functions/" + name + "/invoke")));
        assertThat(forwarded).hasSize(1);
        LoggedRequest seen = forwarded.getFirst();
        assertThat(seen.containsHeader("Cookie")).isFalse();
        assertThat(seen.containsHeader("X-XSRF-TOKEN")).isFalse();
        assertThat(seen.getHeader("X-Custom")).isEqualTo("kept");
        assertThat(seen.getHeader("Authorization"))
                .startsWith("Bearer ")
                .doesNotContain(cookies.get("wasmcloud_session"));
        assertThat(invoked.headers().firstValue("X-Wasmcloud-Function-Headers").orElseThrow())
                .contains("content-type")
                .contains("x-greeting")
                .doesNotContain("cache-control")
                .doesNotContain("x-wasmcloud-invocation-id");
    }

    @Test
    void aBearerTokenIsNotPassedOnToTheFunction() throws Exception {
        String token = devToken();
        String name = deployHello(token, "bearer");
        EXECUTOR.stubFor(post(urlPathEqualTo("/internal/functions/" + name + "/invoke"))
                .willReturn(aResponse()
                        .withHeader("X-Wasmcloud-Invocation-Id", "0190a4e2-0000-7000-8000-000000000002")
                        .withBody("hi")));

        HttpResponse<String> invoked = send("POST", "/api/functions/" + name + "/invoke", token, null);

        assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(200);
        LoggedRequest seen = EXECUTOR.findAll(
                        postRequestedFor(urlPathEqualTo("/internal/functions/" + name + "/invoke")))
                .getFirst();
        assertThat(seen.getHeader("Authorization")).doesNotContain(token);
    }
}
