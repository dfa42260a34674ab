package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Deploys against the S3 API module store (s3proxy as B2), including an outage and an oversized module. */
class StorageTest extends ApiTestBase {

    int versionCount(String function) {
        return jdbc.sql("SELECT count(*) FROM function_versions v JOIN functions f ON f.id = v.function_id"
                        + " WHERE f.name = :name")
                .param("name", function)
                .query(Integer.class)
                .single();
    }

    @Test
    void aStorageOutageIs503AndLeavesNoVersionBehind() throws Exception {
        String token = devToken();
        String name = deployHello(token, "outage");
        // A module the store has never seen, so the deploy must reach storage.
        byte[] module = Files.readAllBytes(HELLO_WASM);
        byte[] different = java.util.Arrays.copyOf(module, module.length + 8);
        // A custom section ("x", empty payload) keeps the module valid while changing its hash.
        System.arraycopy(new byte[] {0, 6, 1, 'x', 0, 0, 0, 0}, 0, different, module.length, 8);

        S3.stop();
        HttpResponse<String> response;
        long started = System.nanoTime();
        try {
            response = upload("/api/functions/" + name + "/versions", token, "hello.wasm", different);
        } finally {
            S3.restart();
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        JsonNode problem = body(response);
        assertThat(problem.get("detail").asString()).contains("module store is unavailable");
        assertThat(versionCount(name)).isEqualTo(1);
        assertThat(System.nanoTime() - started).isLessThan(10_000_000_000L);
        HttpResponse<String> retried = upload("/api/functions/" + name + "/versions", token, "hello.wasm", different);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(S3.object("modules/sha256/" + body(retried).get("sha256").asString()))
                .isEqualTo(different);
    }

    @Test
    void aModuleOverTheSizeCapIs413SayingTheLimit() throws Exception {
        String token = devToken();
        String name = deployHello(token, "huge");

        HttpResponse<String> response =
                upload("/api/functions/" + name + "/versions", token, "huge.wasm", new byte[33 * 1024 * 1024]);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(body(response).get("detail").asString()).contains("32 MiB (33554432 bytes)");
        assertThat(versionCount(name)).isEqualTo(1);
    }
}
