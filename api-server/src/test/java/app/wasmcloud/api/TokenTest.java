package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.security.UserStatus;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TokenTest extends ApiTestBase {

    @Test
    void aCreatedTokenIsShownOnceWorksAndIsListedWithoutItsSecret() throws Exception {
        String owner = userToken("tina");

        HttpResponse<String> created = postJson(
                "/api/tokens", owner, "{\"name\":\"ci\",\"scopes\":[\"read\",\"deploy\"],\"expiresInDays\":30}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode issued = body(created);
        String token = issued.get("token").asString();
        assertThat(issued.get("scopes").toString()).isEqualTo("[\"deploy\",\"read\"]");
        assertThat(issued.get("expiresAt").isNull()).isFalse();
        assertThat(get("/api/whoami", token).statusCode()).isEqualTo(200);
        HttpResponse<String> list = get("/api/tokens", owner);
        assertThat(list.body()).doesNotContain(token);
        JsonNode ci = null;
        for (JsonNode entry : body(list)) {
            if (entry.get("id").asString().equals(issued.get("id").asString())) {
                ci = entry;
            }
        }
        assertThat(ci).isNotNull();
        assertThat(ci.get("name").asString()).isEqualTo("ci");
        assertThat(ci.has("token")).isFalse();
    }

    @Test
    void aRevokedTokenIsRefusedOnItsVeryNextRequest() throws Exception {
        String owner = userToken("rita");
        JsonNode issued = body(postJson("/api/tokens", owner, "{\"name\":\"laptop\",\"scopes\":[\"read\"]}"));
        String token = issued.get("token").asString();
        assertThat(get("/api/whoami", token).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked =
                send("DELETE", "/api/tokens/" + issued.get("id").asString(), owner, null);

        assertThat(revoked.statusCode()).isEqualTo(204);
        HttpResponse<String> after = get("/api/whoami", token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(body(after).get("detail").asString()).contains("revoked");
        assertThat(get("/api/tokens", owner).body())
                .doesNotContain(issued.get("id").asString());
    }

    @Test
    void aTokenCannotGrantScopesItLacks() throws Exception {
        String readOnly = tokenFor("rory", Role.USER, UserStatus.ACTIVE, Scope.READ);
        String user = userToken("ursula");

        HttpResponse<String> escalate = postJson("/api/tokens", readOnly, "{\"name\":\"x\",\"scopes\":[\"deploy\"]}");
        HttpResponse<String> admin = postJson("/api/tokens", user, "{\"name\":\"x\",\"scopes\":[\"admin\"]}");

        assertThat(escalate.statusCode()).isEqualTo(403);
        assertThat(body(escalate).get("detail").asString()).contains("lacks the 'deploy' scope");
        assertThat(admin.statusCode()).isEqualTo(403);
    }

    @Test
    void badTokenRequestsAreRejectedSayingWhatIsAllowed() throws Exception {
        String owner = userToken("bart");

        HttpResponse<String> noName = postJson("/api/tokens", owner, "{\"scopes\":[\"read\"]}");
        HttpResponse<String> badScope = postJson("/api/tokens", owner, "{\"name\":\"x\",\"scopes\":[\"root\"]}");
        HttpResponse<String> noScopes = postJson("/api/tokens", owner, "{\"name\":\"x\",\"scopes\":[]}");
        HttpResponse<String> badExpiry =
                postJson("/api/tokens", owner, "{\"name\":\"x\",\"scopes\":[\"read\"],\"expiresInDays\":0}");

        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(badScope.statusCode()).isEqualTo(400);
        assertThat(body(badScope).get("detail").asString())
                .isEqualTo("Unknown scope 'root': use read, deploy, invoke or admin.");
        assertThat(noScopes.statusCode()).isEqualTo(400);
        assertThat(badExpiry.statusCode()).isEqualTo(400);
        assertThat(body(badExpiry).get("detail").asString()).startsWith("Invalid expiresInDays 0: use 1 to 3650");
    }

    @Test
    void someoneElsesTokenCannotBeRevokedAndLooksMissing() throws Exception {
        JsonNode issued = body(postJson("/api/tokens", userToken("vera"), "{\"name\":\"mine\",\"scopes\":[\"read\"]}"));

        HttpResponse<String> response =
                send("DELETE", "/api/tokens/" + issued.get("id").asString(), userToken("mallory-tokens"), null);
        HttpResponse<String> notAnId = send("DELETE", "/api/tokens/abc", userToken("mallory-tokens"), null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(get("/api/whoami", issued.get("token").asString()).statusCode())
                .isEqualTo(200);
        assertThat(notAnId.statusCode()).isEqualTo(400);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String token = tokenFor("exp", Role.USER, UserStatus.ACTIVE);
        jdbc.sql("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE user_id ="
                        + " (SELECT id FROM users WHERE login = 'exp')")
                .update();

        assertThat(get("/api/whoami", token).statusCode()).isEqualTo(401);
    }
}
