package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends ApiTestBase {

    @Test
    void aRequestWithoutATokenGets401AsAProblemDetail() throws Exception {
        HttpResponse<String> response = http.send(
                java.net.http.HttpRequest.newBuilder(uri("/api/functions")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).get("detail").asString()).startsWith("Authentication required");
        assertThat(body(response).get("title").asString()).isEqualTo("Unauthorized");
        assertThat(body(response).get("status").asInt()).isEqualTo(401);
        assertThat(body(response).get("instance").asString()).isEqualTo("/api/functions");
    }

    @Test
    void aTamperedTokenGets401SayingTheTokenIsInvalid() throws Exception {
        String token = devToken();
        String tampered = token.substring(0, token.length() - 4) + "AAAA";

        HttpResponse<String> response = get("/api/whoami", tampered);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response).get("detail").asString()).contains("invalid, expired or revoked");
    }

    @Test
    void whoamiNamesTheDevAdmin() throws Exception {
        HttpResponse<String> response = get("/api/whoami", devToken());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"login\":\"dev\",\"role\":\"admin\",\"status\":\"active\"}");
    }
}
