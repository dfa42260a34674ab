package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EnvTest extends ApiTestBase {

    @Test
    void variablesAreListedByKeyWithSecretValuesWithheld() throws Exception {
        String token = devToken();
        String name = deployHello(token, "env");

        HttpResponse<String> plain =
                send("PUT", "/api/functions/" + name + "/env/GREETING", token, "{\"value\":\"hello\"}");
        HttpResponse<String> secret = send(
                "PUT",
                "/api/functions/" + name + "/env/API_KEY",
                token,
                "{\"value\":\"s3cr3t-value\",\"secret\":true}");

        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
        assertThat(secret.statusCode()).isEqualTo(200);
        assertThat(secret.body()).doesNotContain("s3cr3t-value");
        HttpResponse<String> list = get("/api/functions/" + name + "/env", token);
        assertThat(list.body()).doesNotContain("s3cr3t-value");
        JsonNode variables = body(list);
        assertThat(variables.size()).isEqualTo(2);
        assertThat(variables.get(0).get("key").asString()).isEqualTo("API_KEY");
        assertThat(variables.get(0).get("value").isNull()).isTrue();
        assertThat(variables.get(0).get("secret").asBoolean()).isTrue();
        assertThat(variables.get(1).get("key").asString()).isEqualTo("GREETING");
        assertThat(variables.get(1).get("value").asString()).isEqualTo("hello");
        assertThat(jdbc.sql("SELECT value FROM function_env WHERE key = 'API_KEY' AND function_id ="
                                + " (SELECT id FROM functions WHERE name = :name)")
                        .param("name", name)
                        .query(String.class)
                        .single())
                .as("sealed at rest: SecretsAtRestTest")
                .isNotEqualTo("s3cr3t-value");
    }

    @Test
    void aSecretStaysSecretWhenItsValueChangesUnlessSecretFalseIsSentExplicitly() throws Exception {
        String token = devToken();
        String name = deployHello(token, "envkind");
        String path = "/api/functions/" + name + "/env/API_KEY";
        send("PUT", path, token, "{\"value\":\"first-secret\",\"secret\":true}");

        HttpResponse<String> rotated = send("PUT", path, token, "{\"value\":\"second-secret\"}");
        HttpResponse<String> listedAfterRotation = get("/api/functions/" + name + "/env", token);
        HttpResponse<String> madePlain = send("PUT", path, token, "{\"value\":\"now-public\",\"secret\":false}");
        HttpResponse<String> plainChanged = send("PUT", path, token, "{\"value\":\"still-public\"}");

        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        assertThat(body(rotated).get("secret").asBoolean()).isTrue();
        assertThat(rotated.body()).doesNotContain("second-secret");
        assertThat(listedAfterRotation.body()).doesNotContain("second-secret");
        assertThat(body(listedAfterRotation).get(0).get("secret").asBoolean()).isTrue();
        assertThat(body(madePlain).get("secret").asBoolean()).isFalse();
        assertThat(body(madePlain).get("value").asString()).isEqualTo("now-public");
        assertThat(body(plainChanged).get("secret").asBoolean()).isFalse();
        assertThat(body(plainChanged).get("value").asString()).isEqualTo("still-public");
    }

    @Test
    void aNewVariableWithoutSecretIsPlain() throws Exception {
        String token = devToken();
        String name = deployHello(token, "envnew");

        HttpResponse<String> created =
                send("PUT", "/api/functions/" + name + "/env/COLOUR", token, "{\"value\":\"blue\"}");

        assertThat(body(created).get("secret").asBoolean()).isFalse();
        assertThat(body(created).get("value").asString()).isEqualTo("blue");
    }

    @Test
    void settingAndDeletingAVariableNotifiesExecutors() throws Exception {
        String token = devToken();
        String name = deployHello(token, "envnotify");

        try (FunctionNotifications notifications = new FunctionNotifications()) {
            send("PUT", "/api/functions/" + name + "/env/MODE", token, "{\"value\":\"fast\"}");
            assertThat(notifications.awaitFor(name, Duration.ofSeconds(5))).hasSize(1);

            HttpResponse<String> deleted = send("DELETE", "/api/functions/" + name + "/env/MODE", token, null);

            assertThat(deleted.statusCode()).isEqualTo(204);
            notifications.awaitFor(name + "-never", Duration.ofMillis(500));
            assertThat(notifications.settledFor(name)).hasSize(2);
        }
        assertThat(body(get("/api/functions/" + name + "/env", token)).size()).isZero();
        assertThat(send("DELETE", "/api/functions/" + name + "/env/MODE", token, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void reservedAndMalformedNamesAreRejectedSayingWhy() throws Exception {
        String token = devToken();
        String name = deployHello(token, "envkeys");
        String base = "/api/functions/" + name + "/env/";

        HttpResponse<String> lower = send("PUT", base + "greeting", token, "{\"value\":\"x\"}");
        HttpResponse<String> digit = send("PUT", base + "1ST", token, "{\"value\":\"x\"}");
        HttpResponse<String> tooLong = send("PUT", base + "K".repeat(129), token, "{\"value\":\"x\"}");
        HttpResponse<String> query = send("PUT", base + "QUERY_STRING", token, "{\"value\":\"x\"}");
        HttpResponse<String> header = send("PUT", base + "HTTP_HOST", token, "{\"value\":\"x\"}");
        HttpResponse<String> server = send("PUT", base + "SERVER_ADDR", token, "{\"value\":\"x\"}");
        HttpResponse<String> platform = send("PUT", base + "WASMCLOUD_REGION", token, "{\"value\":\"x\"}");

        assertThat(lower.statusCode()).isEqualTo(400);
        assertThat(body(lower).get("detail").asString())
                .isEqualTo("Invalid variable name 'greeting': use at most 128 upper-case letters, digits and"
                        + " underscores, not starting with a digit.");
        assertThat(digit.statusCode()).isEqualTo(400);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        for (HttpResponse<String> reserved : java.util.List.of(query, header, server, platform)) {
            assertThat(reserved.statusCode()).isEqualTo(400);
            assertThat(body(reserved).get("detail").asString()).contains("is reserved for the CGI request");
        }
        assertThat(body(get("/api/functions/" + name + "/env", token)).size()).isZero();
    }

    @Test
    void anOversizeValueIsRejectedWithoutEchoingIt() throws Exception {
        String token = devToken();
        String name = deployHello(token, "envsize");
        String value = "v".repeat(4097);

        HttpResponse<String> response = send(
                "PUT", "/api/functions/" + name + "/env/BIG", token, "{\"value\":\"" + value + "\",\"secret\":true}");
        HttpResponse<String> fits =
                send("PUT", "/api/functions/" + name + "/env/BIG", token, "{\"value\":\"" + "v".repeat(4096) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("detail").asString())
                .isEqualTo("The value of 'BIG' is 4097 bytes; the most allowed is 4096.");
        assertThat(fits.statusCode()).isEqualTo(200);
    }

    @Test
    void theSixtyFifthVariableIsRefusedButExistingOnesCanStillChange() throws Exception {
        String token = devToken();
        String name = deployHello(token, "envmany");
        for (int i = 0; i < 64; i++) {
            assertThat(send("PUT", "/api/functions/" + name + "/env/K" + i, token, "{\"value\":\"x\"}")
                            .statusCode())
                    .isEqualTo(200);
        }

        HttpResponse<String> extra = send("PUT", "/api/functions/" + name + "/env/K64", token, "{\"value\":\"x\"}");
        HttpResponse<String> change = send("PUT", "/api/functions/" + name + "/env/K0", token, "{\"value\":\"y\"}");

        assertThat(extra.statusCode()).isEqualTo(409);
        assertThat(body(extra).get("detail").asString()).contains("already has 64 variables");
        assertThat(change.statusCode()).isEqualTo(200);
    }

    @Test
    void anotherUsersFunctionsConfigurationIsInvisibleAndUnchangeable() throws Exception {
        String token = devToken();
        String name = deployHello(token, "envother");
        send("PUT", "/api/functions/" + name + "/env/MODE", token, "{\"value\":\"fast\"}");
        String mallory = userToken("mallory-env");

        assertThat(get("/api/functions/" + name + "/env", mallory).statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/api/functions/" + name + "/env/MODE", mallory, "{\"value\":\"evil\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(body(get("/api/functions/" + name + "/env", token))
                        .get(0)
                        .get("value")
                        .asString())
                .isEqualTo("fast");
    }
}
