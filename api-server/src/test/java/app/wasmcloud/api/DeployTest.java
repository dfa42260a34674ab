package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DeployTest extends ApiTestBase {

    @Test
    void deployingAModuleStoresItByHashAndNumbersVersionsFromOne() throws Exception {
        String token = devToken();
        String name = uniqueName("hello");
        byte[] module = Files.readAllBytes(HELLO_WASM);
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(module));

        HttpResponse<String> first =
                upload("/api/functions/" + name + "/versions?create=true", token, "hello.wasm", module);
        HttpResponse<String> second = upload("/api/functions/" + name + "/versions", token, "hello.wasm", module);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode version = body(first);
        assertThat(version.get("number").asInt()).isEqualTo(1);
        assertThat(version.get("sha256").asString()).isEqualTo(sha256);
        assertThat(version.get("sizeBytes").asLong()).isEqualTo(module.length);
        assertThat(version.get("abi").asString()).isEqualTo("olin");
        assertThat(version.get("entrypoint").asString()).isEqualTo("_start");
        assertThat(version.get("imports").valueStream().map(JsonNode::asString))
                .isNotEmpty()
                .allMatch(imported -> imported.startsWith("env."));
        assertThat(version.get("url").asString()).isEqualTo("https://run.example.test/" + name + "/");
        assertThat(S3.object("modules/sha256/" + sha256)).isEqualTo(module);
        assertThat(body(second).get("number").asInt()).isEqualTo(2);

        JsonNode function = body(get("/api/functions/" + name, token));
        assertThat(function.get("activeVersion").asInt()).isEqualTo(2);
        assertThat(function.get("visibility").asString()).isEqualTo("public");
        JsonNode versions = body(get("/api/functions/" + name + "/versions", token));
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).get("number").asInt()).isEqualTo(2);
    }

    @Test
    void deployingNotifiesExecutorsOnceTheVersionIsCommitted() throws Exception {
        String token = devToken();
        String name = uniqueName("notify");

        try (FunctionNotifications notifications = new FunctionNotifications()) {
            upload(
                    "/api/functions/" + name + "/versions?create=true",
                    token,
                    "hello.wasm",
                    Files.readAllBytes(HELLO_WASM));

            assertThat(notifications.awaitFor(name, Duration.ofSeconds(5))).containsExactly(name);
        }
    }

    @Test
    void aRejectedDeployNotifiesNoOne() throws Exception {
        String token = devToken();
        String name = uniqueName("quiet");

        try (FunctionNotifications notifications = new FunctionNotifications()) {
            upload("/api/functions/" + name + "/versions?create=true", token, "bad.wasm", new byte[] {0, 1, 2});

            assertThat(notifications.settledFor(name)).isEmpty();
        }
    }

    @Test
    void deployingToAMissingFunctionWithoutCreateIs404AndCreatesNothing() throws Exception {
        String token = devToken();
        String name = uniqueName("absent");

        HttpResponse<String> response =
                upload("/api/functions/" + name + "/versions", token, "hello.wasm", Files.readAllBytes(HELLO_WASM));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body(response).get("detail").asString()).isEqualTo("No function named '" + name + "'.");
        assertThat(get("/api/functions/" + name, token).statusCode()).isEqualTo(404);
    }

    @Test
    void aFileThatIsNotWasmIsRejectedWith422SayingWhy() throws Exception {
        String token = devToken();
        String name = uniqueName("notwasm");

        HttpResponse<String> response = upload(
                "/api/functions/" + name + "/versions?create=true",
                token,
                "notes.txt",
                "just some text".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("title").asString()).isEqualTo("Invalid module");
        assertThat(problem.get("detail").asString()).contains("WebAssembly module");
        assertThat(get("/api/functions/" + name, token).statusCode()).isEqualTo(404);
    }

    @Test
    void aTruncatedModuleIsRejectedWith422AndLeavesNothingBehind() throws Exception {
        String token = devToken();
        String name = uniqueName("truncated");
        byte[] module = Files.readAllBytes(HELLO_WASM);
        byte[] truncated = Arrays.copyOf(module, module.length / 2);

        HttpResponse<String> response =
                upload("/api/functions/" + name + "/versions?create=true", token, "hello.wasm", truncated);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = body(response);
        assertThat(problem.get("title").asString()).isEqualTo("Invalid module");
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(get("/api/functions/" + name, token).statusCode()).isEqualTo(404);
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(truncated));
        assertThat(S3.object("modules/sha256/" + sha256)).isNull();
    }

    @Test
    void aModuleWithUnknownImportsIsRejectedNamingEachOne() throws Exception {
        String token = devToken();
        byte[] module =
                getClass().getResourceAsStream("/fixtures/unknown-imports.wasm").readAllBytes();

        HttpResponse<String> response =
                upload("/api/functions/" + uniqueName("imports") + "/versions?create=true", token, "bad.wasm", module);

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode errors = body(response).get("errors");
        assertThat(errors).isNotNull();
        assertThat(errors.toString()).contains("env.open_socket").contains("sys.fork");
    }

    @Test
    void aModuleWhoseInitialMemoryIsOverItsFunctionsLimitIsRejectedUntilTheLimitIsRaised() throws Exception {
        String token = devToken();
        byte[] module =
                getClass().getResourceAsStream("/fixtures/big-memory.wasm").readAllBytes();
        String name = uniqueName("bigmem");

        HttpResponse<String> onDefault =
                upload("/api/functions/" + name + "/versions?create=true", token, "big.wasm", module);
        HttpResponse<String> created = postJson("/api/functions", token, "{\"name\":\"" + name + "\"}");
        send("PATCH", "/api/functions/" + name, token, "{\"memoryPages\":200}");
        HttpResponse<String> onLowered = upload("/api/functions/" + name + "/versions", token, "big.wasm", module);
        send("PATCH", "/api/functions/" + name, token, "{\"memoryPages\":300}");
        HttpResponse<String> onRaised = upload("/api/functions/" + name + "/versions", token, "big.wasm", module);

        assertThat(onDefault.statusCode()).as(onDefault.body()).isEqualTo(422);
        JsonNode problem = body(onDefault);
        assertThat(problem.get("title").asString()).isEqualTo("Module over the function's memory limit");
        assertThat(problem.get("detail").asString())
                .contains("starts at 300 pages")
                .contains("limit of 256 pages")
                .contains("Raise the function's memoryPages (PATCH /api/functions/" + name + ", at most 4096)");
        assertThat(created.statusCode())
                .as("the refused upload created nothing")
                .isEqualTo(201);
        assertThat(onLowered.statusCode()).isEqualTo(422);
        assertThat(body(onLowered).get("detail").asString()).contains("limit of 200 pages");
        assertThat(onRaised.statusCode()).as(onRaised.body()).isEqualTo(201);
        assertThat(body(onRaised).get("number").asInt()).isEqualTo(1);
    }

    @Test
    void anInvalidFunctionNameIsRejectedWith400ExplainingTheRule() throws Exception {
        String token = devToken();

        HttpResponse<String> upper = upload(
                "/api/functions/Hello_World/versions?create=true", token, "hello.wasm", Files.readAllBytes(HELLO_WASM));
        HttpResponse<String> missing = postJson("/api/functions", token, "{\"description\":\"no name\"}");
        HttpResponse<String> reserved = postJson("/api/functions", token, "{\"name\":\"api\"}");

        assertThat(upper.statusCode()).isEqualTo(400);
        assertThat(body(upper).get("detail").asString())
                .isEqualTo("Invalid function name 'Hello_World': use 2-63 lowercase letters, digits and hyphens,"
                        + " starting and ending with a letter or digit.");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(body(missing).get("detail").asString()).startsWith("Invalid function name ''");
        assertThat(reserved.statusCode()).isEqualTo(400);
        assertThat(body(reserved).get("detail").asString()).contains("reserved");
    }

    @Test
    void anUploadWithoutTheModulePartIsRejectedWith400() throws Exception {
        String token = devToken();

        HttpResponse<String> response = http.send(
                java.net.http.HttpRequest.newBuilder(uri("/api/functions/" + uniqueName("nopart") + "/versions"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=x")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                "--x\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nv\r\n--x--\r\n"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("detail").asString()).contains("file part named 'module'");
    }
}
