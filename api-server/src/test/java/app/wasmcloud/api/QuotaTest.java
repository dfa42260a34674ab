package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The functions-per-user quota (100 by default) counts deleted functions whose names are still reserved. */
class QuotaTest extends ApiTestBase {

    @Test
    void deployWithCreateOnSomeoneElsesReservedNameSaysItIsReservedAndUntilWhen() throws Exception {
        String token = userToken(uniqueName("first"));
        String name = deployHello(token, "reserved");
        send("DELETE", "/api/functions/" + name, token, null);

        HttpResponse<String> other = upload(
                "/api/functions/" + name + "/versions?create=true",
                userToken(uniqueName("second")),
                "hello.wasm",
                java.nio.file.Files.readAllBytes(HELLO_WASM));

        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(body(other).get("detail").asString())
                .contains("belonged to a deleted function and stays reserved")
                .containsPattern("until \\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void deletingAFunctionDoesNotFreeItsPlaceInTheQuotaWhileItsNameStaysReserved() throws Exception {
        String login = uniqueName("hoarder");
        String token = userToken(login);
        long owner = users.findByLogin(login).orElseThrow().id();
        String prefix = "q" + UUID.randomUUID().toString().substring(0, 8);
        // 99 of the 100 straight into the table; the API creates the last one and reserves a name.
        jdbc.sql("INSERT INTO functions (name, owner_id, effective_timeout_ms, effective_memory_pages)"
                        + " SELECT :prefix || '-' || n, :owner, 10000, 256 FROM generate_series(1, 99) n")
                .param("prefix", prefix)
                .param("owner", owner)
                .update();
        String last = prefix + "-last";
        assertThat(postJson("/api/functions", token, "{\"name\":\"" + last + "\"}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(send("DELETE", "/api/functions/" + last, token, null).statusCode())
                .isEqualTo(204);

        HttpResponse<String> another = postJson("/api/functions", token, "{\"name\":\"" + prefix + "-more\"}");
        HttpResponse<String> squatter =
                postJson("/api/functions", userToken(uniqueName("squatter")), "{\"name\":\"" + last + "\"}");
        HttpResponse<String> reclaimed = postJson("/api/functions", token, "{\"name\":\"" + last + "\"}");

        assertThat(another.statusCode()).as(another.body()).isEqualTo(403);
        assertThat(body(another).get("detail").asString())
                .contains("100 functions")
                .contains("counting 1 deleted, whose names stay reserved");
        assertThat(squatter.statusCode()).isEqualTo(409);
        assertThat(body(squatter).get("detail").asString()).contains("for its previous owner only");
        assertThat(reclaimed.statusCode()).as(reclaimed.body()).isEqualTo(201);
        long rows = jdbc.sql("SELECT count(*) FROM functions WHERE owner_id = :owner")
                .param("owner", owner)
                .query(Long.class)
                .single();
        assertThat(rows).isEqualTo(100);
    }
}
