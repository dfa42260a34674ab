package app.wasmcloud.cli.function;

import app.wasmcloud.cli.client.ApiClient;
import app.wasmcloud.cli.client.MultipartBody;
import app.wasmcloud.contract.api.FunctionView;
import app.wasmcloud.contract.api.VersionView;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The functions and versions endpoints, typed. */
final class FunctionsApi {
    /** Uploads are bounded by the module size limit (32 MiB), so a slow link still finishes in this time. */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(5);

    private final ApiClient api;

    FunctionsApi(ApiClient api) {
        this.api = api;
    }

    FunctionView create(NewFunction function) {
        return api.post("/api/functions", function, FunctionView.class);
    }

    List<FunctionView> list() {
        return api.list("/api/functions", FunctionView[].class);
    }

    FunctionView get(String name) {
        return api.get("/api/functions/" + name, FunctionView.class);
    }

    FunctionView update(String name, FunctionUpdateCommand.Update update) {
        return api.patch("/api/functions/" + name, update, FunctionView.class);
    }

    VersionView activate(String name, int number) {
        return api.post("/api/functions/" + name + "/versions/" + number + "/activate", null, VersionView.class);
    }

    void delete(String name) {
        api.delete("/api/functions/" + name);
    }

    List<VersionView> versions(String name) {
        return api.list("/api/functions/" + name + "/versions", VersionView[].class);
    }

    VersionView deploy(String name, Path module, boolean create, UploadProgress progress) {
        MultipartBody body = MultipartBody.ofFile("module", module, "application/wasm");
        HttpRequest request = api.request("/api/functions/" + name + "/versions" + (create ? "?create=true" : ""))
                .timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", body.contentType())
                .POST(progress.track(body.publisher(), body.length()))
                .build();
        return api.send(request, VersionView.class);
    }
}
