package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.tier.ExamplesCatalog;
import app.wasmcloud.contract.Tier;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The examples tier, the application for the free tier, and the functions quota of each tier. */
class TierTest extends ApiTestBase {

    @Test
    void anExamplesUserDeploysTheHelloExampleButNotAModuleOfTheirOwnAndIsToldHowToApply() throws Exception {
        String token = tierToken(uniqueName("stranger"), Tier.EXAMPLES);

        String hello = deployHello(token, "ex-hello");
        HttpResponse<String> own = upload(
                "/api/functions/" + uniqueName("ex-own") + "/versions?create=true", token, "own.wasm", ownModule());

        assertThat(get("/api/functions/" + hello, token).statusCode()).isEqualTo(200);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
        assertThat(own.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(own).get("detail").asString())
                .contains("examples tier")
                .contains("wasmcloud account apply --reason")
                .contains("Account page");
    }

    @Test
    void anApplicationReachesTheAdminsQueueIsApprovedIntoFreeAndTheSameModuleThenDeploys() throws Exception {
        String login = uniqueName("applicant");
        String token = tierToken(login, Tier.EXAMPLES);
        String admin = devToken();
        String name = uniqueName("mine");
        byte[] module = ownModule();
        assertThat(upload("/api/functions/" + name + "/versions?create=true", token, "own.wasm", module)
                        .statusCode())
                .isEqualTo(403);

        HttpResponse<String> applied =
                postJson("/api/account/application", token, "{\"reason\":\"A webhook relay for my club\"}");
        HttpResponse<String> again = postJson("/api/account/application", token, "{\"reason\":\"please\"}");
        JsonNode queue = body(get("/api/admin/users?status=pending", admin));
        HttpResponse<String> approved = send("POST", "/api/admin/users/" + login + "/approve?tier=free", admin, null);
        HttpResponse<String> deployed =
                upload("/api/functions/" + name + "/versions?create=true", token, "own.wasm", module);
        JsonNode account = body(get("/api/account", token));

        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(409);
        JsonNode queued = findLogin(queue, login);
        assertThat(queued.get("tier").asString()).isEqualTo("examples");
        assertThat(queued.get("application").get("reason").asString()).isEqualTo("A webhook relay for my club");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(body(approved).get("tier").asString()).isEqualTo("free");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
        assertThat(account.get("tier").asString()).isEqualTo("free");
        assertThat(account.get("application").get("state").asString()).isEqualTo("approved");
        assertThat(account.get("quotas").get("functions").asInt())
                .isEqualTo(Tier.FREE.defaults().functions());
        assertThat(body(get("/api/admin/users?status=pending", admin)).toString())
                .doesNotContain("\"login\":\"" + login + "\"");
    }

    @Test
    void aDeclinedApplicationShowsTheAdminsMessageAndTheUserMayApplyAgain() throws Exception {
        String login = uniqueName("declined");
        String token = tierToken(login, Tier.EXAMPLES);
        String admin = devToken();
        postJson("/api/account/application", token, "{\"reason\":\"mining\"}");

        HttpResponse<String> declined =
                postJson("/api/admin/users/" + login + "/decline", admin, "{\"message\":\"No crypto mining, sorry.\"}");
        JsonNode account = body(get("/api/account", token));
        HttpResponse<String> nothingWaits =
                postJson("/api/admin/users/" + login + "/decline", admin, "{\"message\":\"twice\"}");
        HttpResponse<String> reapplied = postJson("/api/account/application", token, "{\"reason\":\"a blog\"}");

        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        assertThat(account.get("tier").asString()).isEqualTo("examples");
        assertThat(account.get("application").get("state").asString()).isEqualTo("declined");
        assertThat(account.get("application").get("message").asString()).isEqualTo("No crypto mining, sorry.");
        assertThat(nothingWaits.statusCode()).isEqualTo(409);
        assertThat(reapplied.statusCode()).isEqualTo(201);
    }

    @Test
    void anExamplesUserCannotTurnTheEgressExampleIntoAnOpenRelay() throws Exception {
        String token = tierToken(uniqueName("relay"), Tier.EXAMPLES);
        String name = uniqueName("relay");
        assertThat(upload(
                                "/api/functions/" + name + "/versions?create=true",
                                token,
                                "egress.wasm",
                                Files.readAllBytes(Path.of("../examples/egress/egress.wasm")))
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> allowed =
                send("PATCH", "/api/functions/" + name, token, "{\"egressAllowList\":[\"victim.example.com\"]}");
        HttpResponse<String> cleared = send("PATCH", "/api/functions/" + name, token, "{\"egressAllowList\":[]}");

        assertThat(allowed.statusCode()).isEqualTo(403);
        assertThat(body(allowed).get("detail").asString()).contains("wasmcloud account apply");
        assertThat(cleared.statusCode()).isEqualTo(200);
    }

    @Test
    void theFunctionsQuotaIsTheTiersUnlessAnAdminOverridesItForTheUser() throws Exception {
        String login = uniqueName("small");
        String token = tierToken(login, Tier.EXAMPLES);
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < Tier.EXAMPLES.defaults().functions(); i++) {
            assertThat(postJson("/api/functions", token, "{\"name\":\"" + prefix + "-" + i + "\"}")
                            .statusCode())
                    .isEqualTo(201);
        }

        HttpResponse<String> over = postJson("/api/functions", token, "{\"name\":\"" + prefix + "-over\"}");
        HttpResponse<String> overridden =
                send("PUT", "/api/admin/users/" + login + "/quotas", devToken(), "{\"functions\":4}");
        HttpResponse<String> allowed = postJson("/api/functions", token, "{\"name\":\"" + prefix + "-over\"}");
        JsonNode account = body(get("/api/account", token));

        assertThat(over.statusCode()).isEqualTo(403);
        assertThat(body(over).get("detail").asString()).contains("3 functions, the most your tier allows");
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(200);
        assertThat(allowed.statusCode()).isEqualTo(201);
        assertThat(account.get("quotas").get("functions").asInt()).isEqualTo(4);
        assertThat(account.get("quotaOverrides").get("functions").asInt()).isEqualTo(4);
        assertThat(account.get("quotas").get("invocationsPerDay").asLong())
                .isEqualTo(Tier.EXAMPLES.defaults().invocationsPerDay());
    }

    @Test
    void theAccountListsTheExamplesCatalogWithEachHash() throws Exception {
        JsonNode account = body(get("/api/account", tierToken(uniqueName("reader"), Tier.EXAMPLES)));

        assertThat(account.get("examples").toString())
                .contains("\"path\":\"hello/hello.wasm\"")
                .contains(ExamplesCatalog.sha256(Files.readAllBytes(HELLO_WASM)));
    }

    @Test
    void theFullTierShowsNoRunQuotaAndCannotApplyForMore() throws Exception {
        String token = tierToken(uniqueName("operator"), Tier.FULL);

        JsonNode quotas = body(get("/api/account", token)).get("quotas");
        HttpResponse<String> applied = postJson("/api/account/application", token, "{\"reason\":\"more\"}");

        assertThat(quotas.get("functions").asInt()).isEqualTo(100);
        assertThat(quotas.get("invocationsPerDay").isNull()).isTrue();
        assertThat(quotas.get("cpuSecondsPerDay").isNull()).isTrue();
        assertThat(quotas.get("requestsPerSecond").isNull()).isTrue();
        assertThat(applied.statusCode()).isEqualTo(409);
    }

    @Test
    void adminsNameOnlyRealTiersAndOrdinaryUsersCannotDecide() throws Exception {
        String login = uniqueName("target");
        tierToken(login, Tier.EXAMPLES);

        HttpResponse<String> badTier =
                send("POST", "/api/admin/users/" + login + "/approve?tier=gold", devToken(), null);
        HttpResponse<String> notAdmin = postJson(
                "/api/admin/users/" + login + "/decline", userToken(uniqueName("nosy")), "{\"message\":\"no\"}");

        assertThat(badTier.statusCode()).isEqualTo(400);
        assertThat(body(badTier).get("detail").asString()).contains("examples, free, full");
        assertThat(notAdmin.statusCode()).isEqualTo(403);
    }

    /** The hello example with a custom section added: still a valid module, but not one from the catalog. */
    private static byte[] ownModule() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Files.readAllBytes(HELLO_WASM));
        out.write(new byte[] {0, 5, 4, 'm', 'i', 'n', 'e'});
        return out.toByteArray();
    }

    private static JsonNode findLogin(JsonNode users, String login) {
        for (JsonNode user : users) {
            if (user.get("login").asString().equals(login)) {
                return user;
            }
        }
        throw new AssertionError(login + " is not in " + users);
    }
}
