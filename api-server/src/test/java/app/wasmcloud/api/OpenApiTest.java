package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiTest extends ApiTestBase {

    @Test
    void theOpenApiDocumentIsPublicAndListsTheMainRoutes() throws Exception {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode document = body(response);
        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.get("info").get("title").asString()).isEqualTo("Wasmcloud API");
        JsonNode paths = document.get("paths");
        assertThat(paths.propertyNames())
                .contains(
                        "/api/whoami",
                        "/api/functions",
                        "/api/functions/{name}",
                        "/api/functions/{name}/versions",
                        "/api/functions/{name}/versions/{number}/activate",
                        "/api/functions/{name}/invoke",
                        "/api/functions/{name}/env",
                        "/api/tokens",
                        "/api/cli/tokens",
                        "/login/cli");
        assertThat(paths.get("/api/functions/{name}/versions").has("post")).isTrue();
        assertThat(paths.get("/api/whoami").get("get").has("parameters"))
                .as("the caller is not a request parameter")
                .isFalse();
        JsonNode invocation = document.path("components").path("schemas").path("InvocationDetail");
        assertThat(invocation.path("properties").propertyNames())
                .as("an invocation's facts and summary are fields of the detail itself, as the API sends them")
                .contains("id", "function", "version", "wallTimeUs", "outcome", "attempt", "hostCalls", "trapMessage")
                .doesNotContain("summary", "facts");
    }
}
