package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.function.DeletedFunctionPurge;
import app.wasmcloud.api.function.EffectiveLimitsRefresh;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class FunctionSettingsTest extends ApiTestBase {

    @Autowired
    EffectiveLimitsRefresh effectiveLimitsRefresh;

    private static final Duration NOTIFY_WAIT = Duration.ofSeconds(5);

    @Autowired
    DeletedFunctionPurge purge;

    @Test
    void patchingSettingsStoresThemAndNotifiesExecutors() throws Exception {
        String token = devToken();
        String name = deployHello(token, "settings");

        try (FunctionNotifications notifications = new FunctionNotifications()) {
            HttpResponse<String> response = send("PATCH", "/api/functions/" + name, token, """
                    {"description":"greets","visibility":"private","timeoutMs":5000,"memoryPages":512,
                     "egressAllowList":["API.example.com","api.example.com","b.example.org"]}""");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(notifications.awaitFor(name, NOTIFY_WAIT)).containsExactly(name);
        }
        JsonNode function = body(get("/api/functions/" + name, token));
        assertThat(function.get("description").asString()).isEqualTo("greets");
        assertThat(function.get("visibility").asString()).isEqualTo("private");
        assertThat(function.get("timeoutMs").asInt()).isEqualTo(5000);
        assertThat(function.get("memoryPages").asInt()).isEqualTo(512);
        assertThat(function.get("egressAllowList").toString()).isEqualTo("[\"api.example.com\",\"b.example.org\"]");
    }

    @Test
    void aPatchLeavesFieldsItDoesNotMentionAsTheyWere() throws Exception {
        String token = devToken();
        String name = deployHello(token, "partial");
        send("PATCH", "/api/functions/" + name, token, "{\"timeoutMs\":2000,\"description\":\"first\"}");

        send("PATCH", "/api/functions/" + name, token, "{\"memoryPages\":64}");

        JsonNode function = body(get("/api/functions/" + name, token));
        assertThat(function.get("timeoutMs").asInt()).isEqualTo(2000);
        assertThat(function.get("memoryPages").asInt()).isEqualTo(64);
        assertThat(function.get("description").asString()).isEqualTo("first");
        assertThat(function.get("visibility").asString()).isEqualTo("public");
    }

    @Test
    void aLimitSentAsNullGoesBackToThePlatformDefaultWhileAnAbsentOneIsKept() throws Exception {
        String token = devToken();
        String name = deployHello(token, "reset");
        send("PATCH", "/api/functions/" + name, token, "{\"timeoutMs\":2000,\"memoryPages\":64}");

        HttpResponse<String> reset = send("PATCH", "/api/functions/" + name, token, "{\"timeoutMs\":null}");

        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        JsonNode function = body(get("/api/functions/" + name, token));
        assertThat(function.get("timeoutMs").isNull()).isTrue();
        assertThat(function.get("memoryPages").asInt()).isEqualTo(64);
        assertThat(jdbc.sql("SELECT timeout_ms FROM functions WHERE name = :name")
                        .param("name", name)
                        .query()
                        .singleRow()
                        .get("timeout_ms"))
                .isNull();
        assertThat(effectiveLimits(name)).as("what executors read").containsExactly(10_000, 64);

        send("PATCH", "/api/functions/" + name, token, "{\"memoryPages\":null}");

        assertThat(body(get("/api/functions/" + name, token)).get("memoryPages").isNull())
                .isTrue();
        assertThat(effectiveLimits(name)).containsExactly(10_000, 256);
    }

    @Test
    void functionsThatFollowADefaultGetTheApiServersCurrentOneWhenItStarts() throws Exception {
        String token = devToken();
        String follows = deployHello(token, "follows");
        String ownLimit = deployHello(token, "own-limit");
        send("PATCH", "/api/functions/" + ownLimit, token, "{\"timeoutMs\":2000}");
        // As if an earlier api-server had another default.
        jdbc.sql("UPDATE functions SET effective_timeout_ms = 5000, effective_memory_pages = 128 WHERE name = :n")
                .param("n", follows)
                .update();

        effectiveLimitsRefresh.refresh();

        assertThat(effectiveLimits(follows)).containsExactly(10_000, 256);
        assertThat(effectiveLimits(ownLimit)).containsExactly(2_000, 256);
    }

    private List<Integer> effectiveLimits(String name) {
        var row = jdbc.sql("SELECT effective_timeout_ms, effective_memory_pages FROM functions WHERE name = :name")
                .param("name", name)
                .query()
                .singleRow();
        return List.of((Integer) row.get("effective_timeout_ms"), (Integer) row.get("effective_memory_pages"));
    }

    @Test
    void aLimitThatIsNotAWholeNumberIsRejected() throws Exception {
        String token = devToken();
        String name = deployHello(token, "fraction");

        HttpResponse<String> fraction = send("PATCH", "/api/functions/" + name, token, "{\"memoryPages\":1.5}");
        HttpResponse<String> huge = send("PATCH", "/api/functions/" + name, token, "{\"timeoutMs\":99999999999}");

        assertThat(fraction.statusCode()).isEqualTo(400);
        assertThat(body(fraction).get("detail").asString()).isEqualTo("The field 'memoryPages' has the wrong type.");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(body(huge).get("detail").asString()).isEqualTo("The field 'timeoutMs' has the wrong type.");
    }

    @Test
    void limitsOutsideTheOperatorMaximumsAreRejectedNamingTheRangeAndChangeNothing() throws Exception {
        String token = devToken();
        String name = deployHello(token, "limits");

        try (FunctionNotifications notifications = new FunctionNotifications()) {
            HttpResponse<String> timeout =
                    send("PATCH", "/api/functions/" + name, token, "{\"timeoutMs\":60001,\"description\":\"x\"}");
            HttpResponse<String> memory = send("PATCH", "/api/functions/" + name, token, "{\"memoryPages\":0}");

            assertThat(timeout.statusCode()).isEqualTo(400);
            assertThat(body(timeout).get("detail").asString())
                    .isEqualTo("The timeout must be from 1 to 60000 ms (this server's maximum), not 60001.");
            assertThat(memory.statusCode()).isEqualTo(400);
            assertThat(body(memory).get("detail").asString()).contains("from 1 to 4096");
            assertThat(notifications.settledFor(name)).isEmpty();
        }
        JsonNode function = body(get("/api/functions/" + name, token));
        assertThat(function.get("timeoutMs").isNull()).isTrue();
        assertThat(function.get("description").asString()).isEmpty();
    }

    @Test
    void anEgressEntryThatIsNotAHostNameIsRejected() throws Exception {
        String token = devToken();
        String name = deployHello(token, "egress");

        HttpResponse<String> response =
                send("PATCH", "/api/functions/" + name, token, "{\"egressAllowList\":[\"https://api.example.com/x\"]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("detail").asString())
                .startsWith("Invalid egress host 'https://api.example.com/x'");
    }

    @Test
    void aMisspeltOrMistypedFieldIsRejectedSayingWhich() throws Exception {
        String token = devToken();
        String name = deployHello(token, "typo");

        HttpResponse<String> unknown = send("PATCH", "/api/functions/" + name, token, "{\"timeout\":5}");
        HttpResponse<String> mistyped = send("PATCH", "/api/functions/" + name, token, "{\"timeoutMs\":\"soon\"}");
        HttpResponse<String> visibility = send("PATCH", "/api/functions/" + name, token, "{\"visibility\":\"hidden\"}");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(body(unknown).get("detail").asString()).startsWith("Unknown field 'timeout'");
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(body(mistyped).get("detail").asString()).isEqualTo("The field 'timeoutMs' has the wrong type.");
        assertThat(body(visibility).get("detail").asString())
                .isEqualTo("Invalid visibility 'hidden': use 'public' or 'private'.");
    }

    @Test
    void anotherUsersFunctionCannotBeChangedAndLooksMissing() throws Exception {
        String name = deployHello(devToken(), "notyours");

        HttpResponse<String> response =
                send("PATCH", "/api/functions/" + name, userToken("mallory"), "{\"visibility\":\"private\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body(get("/api/functions/" + name, devToken()))
                        .get("visibility")
                        .asString())
                .isEqualTo("public");
    }

    @Test
    void activatingAnEarlierVersionRollsBackAndNotifiesExecutors() throws Exception {
        String token = devToken();
        String name = deployHello(token, "rollback");
        upload("/api/functions/" + name + "/versions", token, "hello.wasm", Files.readAllBytes(HELLO_WASM));

        try (FunctionNotifications notifications = new FunctionNotifications()) {
            HttpResponse<String> response =
                    send("POST", "/api/functions/" + name + "/versions/1/activate", token, null);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(body(response).get("number").asInt()).isEqualTo(1);
            assertThat(notifications.awaitFor(name, NOTIFY_WAIT)).containsExactly(name);
        }
        assertThat(body(get("/api/functions/" + name, token))
                        .get("activeVersion")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void activatingAVersionThatDoesNotExistIs404() throws Exception {
        String token = devToken();
        String name = deployHello(token, "noversion");

        HttpResponse<String> missing = send("POST", "/api/functions/" + name + "/versions/9/activate", token, null);
        HttpResponse<String> notANumber =
                send("POST", "/api/functions/" + name + "/versions/latest/activate", token, null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(body(missing).get("detail").asString()).startsWith("The function '" + name + "' has no version 9");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(body(notANumber).get("detail").asString()).contains("'latest'");
    }

    @Test
    void aFunctionWithoutItsOwnLimitsReportsTheDefaultsItRunsWith() throws Exception {
        String token = devToken();
        String name = deployHello(token, "defaults");

        JsonNode shown = body(get("/api/functions/" + name, token));

        assertThat(shown.get("timeoutMs").isNull()).isTrue();
        assertThat(shown.get("effectiveTimeoutMs").asInt()).isEqualTo(10_000);
        assertThat(shown.get("memoryPages").isNull()).isTrue();
        assertThat(shown.get("effectiveMemoryPages").asInt()).isEqualTo(256);
    }

    @Test
    void deletingNotifiesExecutorsAndKeepsTheNameReserved() throws Exception {
        String token = devToken();
        String name = deployHello(token, "deleted");

        try (FunctionNotifications notifications = new FunctionNotifications()) {
            assertThat(send("DELETE", "/api/functions/" + name, token, null).statusCode())
                    .isEqualTo(204);
            assertThat(notifications.awaitFor(name, NOTIFY_WAIT)).containsExactly(name);
        }
        assertThat(get("/api/functions/" + name, token).statusCode()).isEqualTo(404);
        HttpResponse<String> recreate =
                postJson("/api/functions", userToken("squatter"), "{\"name\":\"" + name + "\"}");
        HttpResponse<String> redeploy = upload(
                "/api/functions/" + name + "/versions?create=true",
                token,
                "hello.wasm",
                Files.readAllBytes(HELLO_WASM));

        assertThat(recreate.statusCode()).isEqualTo(409);
        assertThat(body(recreate).get("detail").asString()).contains("stays reserved for 30 days");
        assertThat(body(recreate).get("detail").asString()).contains("for its previous owner only");
        assertThat(redeploy.statusCode())
                .as("the previous owner takes the name back early")
                .isEqualTo(201);
    }

    @Test
    void aDeletedNameIsFreedOnceTheGracePeriodHasPassed() throws Exception {
        String token = devToken();
        String name = deployHello(token, "expired");
        send("DELETE", "/api/functions/" + name, token, null);
        jdbc.sql("UPDATE functions SET deleted_at = now() - interval '31 days' WHERE name = :name")
                .param("name", name)
                .update();

        int purged = purge.purge();
        HttpResponse<String> recreated =
                postJson("/api/functions", userToken("newowner"), "{\"name\":\"" + name + "\"}");

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(recreated.statusCode()).as(recreated.body()).isEqualTo(201);
    }
}
