package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/** The production default: no proxy is trusted, so {@code X-Forwarded-*} from any peer, loopback included, is ignored. */
@TestPropertySource(properties = "wasmcloud.test.trusted-proxies=")
class UntrustedForwardingTest extends ApiTestBase {

    @Test
    void aForgedForwardedHostDoesNotSteerTheGiteaCallbackElsewhere() throws Exception {
        HttpResponse<String> start = http.send(
                HttpRequest.newBuilder(uri("/oauth2/authorization/gitea"))
                        .header("X-Forwarded-Host", "evil.example")
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-For", "6.6.6.6")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        String redirectUri = URLDecoder.decode(
                UriComponentsBuilder.fromUri(authorize).build().getQueryParams().getFirst("redirect_uri"),
                StandardCharsets.UTF_8);
        assertThat(redirectUri).startsWith("http://127.0.0.1:" + uri("/").getPort() + "/");
    }

    @Test
    void aForgedForwardedForDoesNotMakeALocalCallerLookRemote() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/dev/token"))
                        .header("X-Forwarded-For", "6.6.6.6")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
